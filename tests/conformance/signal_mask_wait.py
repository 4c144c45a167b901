# pthread_sigmask, pthread_kill, sigwait, sigwaitinfo, sigtimedwait and
# struct_siginfo: block a signal, wait for it, deliver on unblock.
import os, signal, threading, time

got = []
signal.signal(signal.SIGUSR1, lambda n, f: got.append(signal.Signals(n).name))
signal.signal(signal.SIGUSR2, lambda n, f: got.append(signal.Signals(n).name))
main = threading.main_thread().ident
print(threading.get_ident() == main)

# pthread_kill to the main thread runs the handler before it returns
signal.pthread_kill(main, signal.SIGUSR1)
print(got)
signal.pthread_kill(main, 0)  # a live thread: nothing sent

old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
print(type(old).__name__, sorted(old))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
signal.pthread_kill(main, signal.SIGUSR1)
print(got, signal.sigpending())
print(signal.sigwait({signal.SIGUSR1, signal.SIGUSR2}), got, signal.sigpending())

# another thread sends; the main thread waits for it
def sender():
    time.sleep(0.05)
    signal.pthread_kill(main, signal.SIGUSR1)

th = threading.Thread(target=sender)
th.start()
info = signal.sigwaitinfo([signal.SIGUSR1])
th.join()
print(type(info).__name__, info.si_signo == signal.SIGUSR1, info.si_pid == os.getpid(), info.si_uid == os.getuid(), info.si_errno)
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
signal.raise_signal(signal.SIGUSR1)
r = signal.sigtimedwait([signal.SIGUSR1], 0)
print(r.si_signo, r.si_code, len(r), signal.struct_siginfo.n_fields)

# unblocking a pending signal delivers it to the handler at once
os.kill(os.getpid(), signal.SIGUSR1)
deadline = time.time() + 5
while not signal.sigpending() and time.time() < deadline:
    time.sleep(0.01)
print(signal.sigpending(), got)
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])), got)
print(signal.pthread_sigmask(signal.SIG_SETMASK, [signal.SIGUSR2, signal.SIGUSR1]))
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])))

# a blocked SIG_IGN signal is dropped on unblock
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
signal.pthread_kill(main, signal.SIGUSR2)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
print(signal.sigpending(), got)

# SIGKILL and SIGSTOP cannot be blocked
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGKILL, signal.SIGSTOP]), signal.pthread_sigmask(signal.SIG_BLOCK, []))

# a handler's exception propagates out of the call that ran it
def boom(n, f):
    raise RuntimeError("from handler")

signal.signal(signal.SIGUSR1, boom)
try:
    signal.pthread_kill(main, signal.SIGUSR1)
except RuntimeError as e:
    print("RuntimeError", e)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
signal.raise_signal(signal.SIGUSR1)
try:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))

for bad in [lambda: signal.pthread_sigmask(5, []),
            lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [0]),
            lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [100]),
            lambda: signal.sigtimedwait([signal.SIGUSR1], -1),
            lambda: signal.sigwait(),
            lambda: signal.pthread_kill(main, 1000)]:
    try:
        bad()
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

# the signal module's wrappers return Signals members
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2]))

# the common server pattern: block SIGTERM (default action), sigwait for it
# in a thread, send it from outside with kill()
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM])
res = []
waiter = threading.Thread(target=lambda: res.append(signal.sigwait([signal.SIGTERM])))
waiter.start()
time.sleep(0.05)
os.kill(os.getpid(), signal.SIGTERM)
waiter.join(10)
print(res, waiter.is_alive())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])

# unblocking a pending signal whose action is the default one ends the
# process by that signal
import subprocess, sys
code = ("import signal, os\n"
        "signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM])\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "import time; time.sleep(0.2)\n"
        "print('still here', flush=True)\n"
        "signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])\n"
        "import time; time.sleep(2)\n"
        "print('not reached')\n")
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print(p.returncode, p.stdout.strip())
