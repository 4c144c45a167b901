# Small host lib-dynload modules under freepy: audioop, termios, _uuid,
# _typing, _posixshmem, _multiprocessing (SemLock).
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import audioop, termios, os, _uuid, _typing, _posixshmem, _multiprocessing
frag = bytes(range(0, 200, 2))
print(audioop.max(frag, 1), audioop.avg(frag, 2), audioop.rms(frag, 2), audioop.minmax(frag, 1))
print(audioop.add(frag, frag, 1)[:8], audioop.mul(frag, 2, 0.5)[:8], audioop.reverse(frag, 2)[:6])
print(audioop.lin2lin(frag, 1, 2)[:8], audioop.bias(frag, 1, 3)[:5])
print(audioop.ratecv(frag, 2, 1, 8000, 16000, None)[0][:8])
st, _ = audioop.lin2adpcm(frag, 2, None)
print(st[:8], audioop.lin2ulaw(frag, 2)[:8], audioop.lin2alaw(frag, 2)[:8])
try:
    audioop.add(frag, frag[:-1], 2)
except audioop.error as e:
    print("error", e)
r, w = os.pipe()
try:
    termios.tcgetattr(r)
except termios.error as e:
    print("termios.error", e.args[0] == 25)
try:
    termios.tcgetattr(-1)
except Exception as e:
    print(type(e).__name__, e)
try:
    termios.tcgetattr("x")
except TypeError as e:
    print("TypeError", e)
os.close(r); os.close(w)
print(termios.B9600, termios.TCSANOW, termios.ECHO)
print(_uuid.has_uuid_generate_time_safe in (0, 1), len(_uuid.generate_time_safe()[0]))
import uuid
print(uuid.uuid1().version, uuid.uuid4().version)
print(_typing._idfunc(5))
name = "/freepy_test_%d" % os.getpid()
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_RDWR, mode=0o600)
os.ftruncate(fd, 4096)
print(os.fstat(fd).st_size)
os.close(fd)
_posixshmem.shm_unlink(name)
try:
    _posixshmem.shm_unlink(name)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
sem = _multiprocessing.SemLock(1, 1, 1, "/fp_sem_%d" % os.getpid(), True)
print(sem.acquire(), sem._count(), sem.acquire(timeout=0.01)); sem.release()
print(_multiprocessing.flags if hasattr(_multiprocessing, "flags") else None)
