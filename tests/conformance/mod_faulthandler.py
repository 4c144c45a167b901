# faulthandler: enable/disable state, dump_traceback's format, the
# watchdog (dump_traceback_later, also with exit=True), register(), errors.
import faulthandler, io, os, re, signal, subprocess, sys, tempfile, time

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

def norm(s):
    return re.sub(r'0x[0-9a-f]{16}', '0xID', s)

print(sorted(k for k in dir(faulthandler) if not k.startswith('_')))
t(faulthandler.is_enabled)
t(faulthandler.disable)
t(faulthandler.enable)
t(faulthandler.is_enabled)
t(faulthandler.enable, file=sys.stderr, all_threads=False)
t(faulthandler.disable)
t(faulthandler.is_enabled)
t(faulthandler.enable, io.StringIO())
t(faulthandler.enable, -1)
t(faulthandler.enable, 2**40)
t(faulthandler.enable, 'x')
t(faulthandler.enable, 2, 1, 2)
t(faulthandler.enable, foo=2)
t(faulthandler.enable, 2, file=2)
class BadFd:
    def fileno(self): return -1
t(faulthandler.enable, BadFd())
class StrFd:
    def fileno(self): return 'x'
t(faulthandler.enable, StrFd())
class FlushFails:
    def fileno(self): return 2
    def flush(self): raise ValueError
t(faulthandler.enable, FlushFails())
t(faulthandler.is_enabled)
t(faulthandler.disable)
t(faulthandler.is_enabled, 1)
t(faulthandler.dump_traceback, 1.5)
t(faulthandler.dump_traceback, 1, 2, 3)
t(faulthandler.dump_traceback_later)
for bad in (0, -1, 1e300, 10**10, 'x', float('nan')):
    t(faulthandler.dump_traceback_later, bad)
t(faulthandler.dump_traceback_later, 1, 2, 3, 4, 5)
t(faulthandler.cancel_dump_traceback_later)
for sig in (signal.SIGSEGV, signal.SIGABRT, signal.SIGFPE, signal.SIGBUS, signal.SIGILL, 99, -1, 0, 'a'):
    t(faulthandler.register, sig)
t(faulthandler.register, 10, chain=1, x=3)
t(faulthandler.unregister, signal.SIGUSR2)
t(faulthandler.unregister, 99)
t(faulthandler.unregister)

# the dump format, into a real file (the dump writes to the descriptor)
with tempfile.TemporaryFile() as f:
    def inner(n):
        if n:
            return inner(n - 1)
        faulthandler.dump_traceback(f, all_threads=False)
        faulthandler.dump_traceback(f.fileno())
        faulthandler.dump_traceback(file=f, all_threads=True)
    inner(2)
    class Weird:
        pass
    def café_中𐐀():
        faulthandler.dump_traceback(f, False)
    café_中𐐀()
    exec(compile('import faulthandler\nfaulthandler.dump_traceback(f, False)', 'x' * 600, 'exec'), {'f': f})
    def deep(n):
        if n:
            return deep(n - 1)
        faulthandler.dump_traceback(f, False)
    deep(120)
    f.seek(0)
    out = norm(f.read().decode())
    lines = out.split('\n')
    print('\n'.join(lines[:30]))
    print(len(lines), lines[-3:], [l for l in lines if 'xxxxx' in l][0][-20:])

# sys.stderr is the default file
old = sys.stderr
sys.stderr = None
t(faulthandler.dump_traceback)
t(faulthandler.enable)
del sys.stderr
t(faulthandler.dump_traceback)
sys.stderr = old

# the watchdog dumps the main thread while it sleeps
with tempfile.TemporaryFile() as f:
    # 0.5 s: on a busy machine 0.1 s could pass before the main thread
    # reached the sleep, and the dump then showed another line
    faulthandler.dump_traceback_later(0.5, file=f)
    def waiter():
        time.sleep(2.5)
    waiter()
    f.seek(0)
    print(norm(f.read().decode()))
    f.seek(0); f.truncate()
    faulthandler.dump_traceback_later(30, file=f)
    faulthandler.dump_traceback_later(3661.25, file=f)
    faulthandler.cancel_dump_traceback_later()
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.2)
    f.seek(0)
    print(repr(f.read()))

# exit=True ends the process with status 1 after the dump
child = '''
import faulthandler, time
def hang():
    time.sleep(30)
faulthandler.dump_traceback_later(0.2, exit=True)
hang()
'''
r = subprocess.run([sys.executable, '-c', child], capture_output=True, text=True, timeout=20)
print(r.returncode, norm(r.stderr).split('\n'))

# register(): the signal makes the main thread dump its stack
with tempfile.TemporaryFile() as f:
    t(faulthandler.register, signal.SIGUSR1, file=f, all_threads=False)
    def g():
        os.kill(os.getpid(), signal.SIGUSR1)
        time.sleep(0.5)
    g()
    t(faulthandler.unregister, signal.SIGUSR1)
    t(faulthandler.unregister, signal.SIGUSR1)
    f.seek(0)
    lines = f.read().decode().split('\n')
    print(lines[0], lines[-2:])
