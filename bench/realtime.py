"""Soft real-time: one thread wants to tick every 4 ms while CPU-bound
threads run; prints how late the ticks were (p50, p99, max, in ms).

usage: realtime.py [TICKS] [CPU_THREADS]

Not part of runbench's table (its result is a latency, not a time):
run it directly under each interpreter, as docs/benchmarks.md says.
"""
import sys
import threading
import time

ticks = int(sys.argv[1]) if len(sys.argv) > 1 else 500
nbusy = int(sys.argv[2]) if len(sys.argv) > 2 else 2
PERIOD = 0.004
stop = False


def busy():
    x = 0
    while not stop:
        for i in range(1000):
            x += i * i % 7


def ticker(late):
    start = time.perf_counter()
    for k in range(1, ticks + 1):
        due = start + k * PERIOD
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        late.append(max(0.0, time.perf_counter() - due))


late = []
workers = [threading.Thread(target=busy) for _ in range(nbusy)]
for w in workers:
    w.start()
t = threading.Thread(target=ticker, args=(late,))
t.start()
t.join()
stop = True
for w in workers:
    w.join()
late.sort()


def pct(p):
    return late[min(len(late) - 1, int(p * len(late)))] * 1000


print("checksum:", len(late))
print("lateness ms: p50 %.3f  p99 %.3f  max %.3f" % (pct(0.50), pct(0.99), late[-1] * 1000))
