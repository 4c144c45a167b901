# signal.alarm, setitimer/getitimer, ItimerError, pause and sigpending.
import signal
import time

got = []


def handler(n, frame):
    got.append(signal.Signals(n).name)


print(signal.ItimerError, issubclass(signal.ItimerError, OSError), signal.SIGCLD == signal.SIGCHLD)
signal.signal(signal.SIGALRM, handler)
print(signal.alarm(0))
print(signal.alarm(5), signal.alarm(0))  # the second reports what was left of the first
signal.alarm(1)
signal.pause()
print("after pause", got)
old = signal.setitimer(signal.ITIMER_REAL, 0.05)
print(old, signal.getitimer(signal.ITIMER_REAL)[0] > 0)
time.sleep(0.3)
print(got)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
deadline = time.monotonic() + 5
while len(got) < 5 and time.monotonic() < deadline:
    time.sleep(0.01)
value, interval = signal.setitimer(signal.ITIMER_REAL, 0)
print(len(got) >= 5, round(interval, 3), signal.getitimer(signal.ITIMER_REAL))
signal.signal(signal.SIGVTALRM, handler)
signal.setitimer(signal.ITIMER_VIRTUAL, 0.01)
end = time.process_time() + 2
while "SIGVTALRM" not in got and time.process_time() < end:
    sum(range(1000))
print("SIGVTALRM" in got)
for bad in [(99, 1.0), (signal.ITIMER_REAL, -1)]:
    try:
        print(signal.setitimer(*bad))
    except signal.ItimerError as e:
        print("ItimerError", e.errno, e)
try:
    signal.getitimer(-5)
except signal.ItimerError as e:
    print("ItimerError", e.errno)
try:
    signal.setitimer(signal.ITIMER_REAL, "x")
except TypeError as e:
    print("TypeError")
print(signal.sigpending())
signal.signal(signal.SIGALRM, signal.SIG_DFL)
