# fcntl: flags, close-on-exec, buffer arguments, ioctl on mutable buffers,
# flock/lockf conflicts between two open file descriptions, argument errors.
import array, fcntl, os, tempfile

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

consts = sorted(k for k in dir(fcntl) if k.isupper())
print(len(consts), [(k, getattr(fcntl, k)) for k in consts])

d = tempfile.mkdtemp()
path = os.path.join(d, 'f')
with open(path, 'wb') as f:
    f.write(b'0123456789' * 10)

fd = os.open(path, os.O_RDWR)
fl = fcntl.fcntl(fd, fcntl.F_GETFL)
print('rdwr', fl & os.O_ACCMODE == os.O_RDWR, bool(fl & os.O_NONBLOCK))
print(fcntl.fcntl(fd, fcntl.F_SETFL, fl | os.O_NONBLOCK))
print('nonblock', bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_NONBLOCK))
fcntl.fcntl(fd, fcntl.F_SETFL, fl)
print('cloexec', fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(fd, fcntl.F_SETFD, 0)
print('cloexec', fcntl.fcntl(fd, fcntl.F_GETFD), os.get_inheritable(fd))
fcntl.fcntl(fd, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
print('cloexec', fcntl.fcntl(fd, fcntl.F_GETFD), os.get_inheritable(fd))

# a file object's fileno() is used; F_DUPFD gives the lowest free fd >= arg
with open(path, 'rb') as fo:
    print(fcntl.fcntl(fo, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY)
    nfd = fcntl.fcntl(fo, fcntl.F_DUPFD, 100)
    print(nfd >= 100, os.read(nfd, 5))
    os.close(nfd)
    class F:
        def fileno(self): return fo.fileno()
    print(fcntl.fcntl(F(), fcntl.F_GETFD))

# buffer arguments: copied, passed as a pointer, returned as bytes
t(fcntl.fcntl, fd, fcntl.F_GETFD, b'abc')
t(fcntl.fcntl, fd, fcntl.F_GETFD, 'xyz')
t(fcntl.fcntl, fd, fcntl.F_GETFD, b'x' * 1024 == fcntl.fcntl(fd, fcntl.F_GETFD, b'x' * 1024))
t(fcntl.fcntl, fd, fcntl.F_GETFD, b'x' * 1025)
t(fcntl.fcntl, fd, fcntl.F_GETFD, 2**40)
t(fcntl.fcntl, fd, fcntl.F_GETFD, -1)
for bad in (bytearray(b'x'), memoryview(b'ab'), 1.5, None, '\udcff'):
    t(fcntl.fcntl, fd, fcntl.F_GETFD, bad)

# F_GETLK with a struct flock built by struct
import struct
fmt = 'hhqqi4x'
lk = struct.pack(fmt, fcntl.F_WRLCK, 0, 0, 0, 0)
r = fcntl.fcntl(fd, fcntl.F_GETLK, lk)
print(len(r), struct.unpack(fmt, r)[0] == fcntl.F_UNLCK)

# ioctl: FIONREAD (bytes readable) into int-sized buffers
FIONREAD = 0x541B
os.lseek(fd, 30, 0)
a = array.array('i', [7])
t(fcntl.ioctl, fd, FIONREAD, a)
print(a)
b = bytearray(8)
t(fcntl.ioctl, fd, FIONREAD, memoryview(b)[2:6])
print(b)
b = bytearray(8)
t(fcntl.ioctl, fd, FIONREAD, b, False)
print(b)
t(fcntl.ioctl, fd, FIONREAD, b, 0.0)
print(b)
t(fcntl.ioctl, fd, FIONREAD, b'xxxx')
t(fcntl.ioctl, fd, FIONREAD, 'abcd')
t(fcntl.ioctl, fd, FIONREAD, memoryview(b'abcd'))
t(fcntl.ioctl, fd, FIONREAD, memoryview(bytearray(8))[::2])
t(fcntl.ioctl, fd, FIONREAD, bytearray(2000), False)
big = bytearray(2000)
t(fcntl.ioctl, fd, FIONREAD, big)
print(big[:4])
t(fcntl.ioctl, fd, FIONREAD, b'x' * 2000)
t(fcntl.ioctl, fd, 0x5401, 2**40)
t(fcntl.ioctl, fd, 0x5401, -2**40)
t(fcntl.ioctl, fd, 0x5401)
t(fcntl.ioctl, fd, -1)
t(fcntl.ioctl, fd, 2**64 + 0x5401)
t(fcntl.ioctl, fd, 1.0)
t(fcntl.ioctl, fd, 0x5401, None)

# locks: two open file descriptions of one file conflict
fd2 = os.open(path, os.O_RDWR)
fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
try:
    fcntl.flock(fd2, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError as e:
    print('flock conflict', type(e).__name__, e.errno)
t(fcntl.flock, fd2, fcntl.LOCK_SH | fcntl.LOCK_NB)
fcntl.flock(fd, fcntl.LOCK_UN)
t(fcntl.flock, fd2, fcntl.LOCK_SH | fcntl.LOCK_NB)
t(fcntl.flock, fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
t(fcntl.flock, fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
fcntl.flock(fd, fcntl.LOCK_UN)
fcntl.flock(fd2, fcntl.LOCK_UN)

# lockf record locks are per process: check the conflict from a child
import subprocess, sys
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0)
child = '''
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
for start in (0, 5, 10, 20):
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 5, start)
        print(start, 'locked')
        fcntl.lockf(fd, fcntl.LOCK_UN, 5, start)
    except OSError as e:
        print(start, type(e).__name__, e.errno in (11, 13))
'''
out = subprocess.run([sys.executable, '-c', child, path], capture_output=True, text=True)
print(out.stdout, out.stderr[-200:], out.returncode)
fcntl.lockf(fd, fcntl.LOCK_UN, 10, 0)
out = subprocess.run([sys.executable, '-c', child, path], capture_output=True, text=True)
print(out.stdout, out.returncode)
t(fcntl.lockf, fd, fcntl.LOCK_SH, 0, 0, os.SEEK_END)
t(fcntl.lockf, fd, fcntl.LOCK_UN)

# lockf on a read-only descriptor: an exclusive lock needs write access
rfd = os.open(path, os.O_RDONLY)
t(fcntl.lockf, rfd, fcntl.LOCK_EX)
t(fcntl.lockf, rfd, fcntl.LOCK_SH | fcntl.LOCK_NB)
t(fcntl.lockf, rfd, fcntl.LOCK_UN)
os.close(rfd)

# argument errors
t(fcntl.fcntl)
t(fcntl.fcntl, fd)
t(fcntl.fcntl, fd, 1, 2, 3)
t(fcntl.fcntl, fd, cmd=1)
t(fcntl.fcntl, fd, 1.0)
t(fcntl.fcntl, fd, 2**31)
t(fcntl.fcntl, fd, True)
t(fcntl.fcntl, 'x', 1)
t(fcntl.fcntl, -1, 1)
t(fcntl.fcntl, 2**40, 1)
t(fcntl.fcntl, 999, 1)
t(fcntl.fcntl, fd, 9999)
class G:
    def fileno(self): return 'x'
t(fcntl.fcntl, G(), 1)
t(fcntl.ioctl)
t(fcntl.ioctl, fd, 1, 2, 3, 4)
t(fcntl.ioctl, fd, 1, arg=2)
t(fcntl.flock, fd)
t(fcntl.flock, fd, 1, 2)
t(fcntl.flock, fd, 1.0)
t(fcntl.flock, fd, 99)
t(fcntl.flock, 999, fcntl.LOCK_SH)
t(fcntl.lockf, fd)
t(fcntl.lockf, fd, 1.0)
t(fcntl.lockf, fd, fcntl.LOCK_SH, 0, 0, 0, 0)
t(fcntl.lockf, fd, fcntl.LOCK_SH, 'a', 1.0)
t(fcntl.lockf, fd, fcntl.LOCK_SH, 1.0)
t(fcntl.lockf, fd, fcntl.LOCK_SH, 2**64)
t(fcntl.lockf, fd, fcntl.LOCK_SH, 0, 0, 2**40)
t(fcntl.lockf, fd, fcntl.LOCK_SH, 0, 0, 5)
t(fcntl.lockf, fd, fcntl.LOCK_UN | fcntl.LOCK_NB)
t(fcntl.lockf, fd, 0)
t(fcntl.lockf, fd, 99)
t(fcntl.lockf, fd, fcntl.LOCK_UN)

os.close(fd)
os.close(fd2)
os.unlink(path)
os.rmdir(d)
