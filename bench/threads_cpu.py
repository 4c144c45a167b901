"""CPU-bound pure-Python work split across threads. Under CPython's GIL the
threads take turns; freepy runs them in parallel. The checksum does not
depend on the number of threads; the program reports its own wall time
(work only, without interpreter start-up).

Each thread takes pairs of consecutive numbers in turn (1-2, 5-6, ... and
3-4, 7-8, ... with 2 threads). Taking every other number instead gave one
thread all the odd starting points, 12% more steps than the other: that
capped 2 threads at 1.89x whatever the interpreter did.

usage: threads_cpu.py N_THREADS [SIZE]
"""
import sys
import threading
import time


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def work(start, stop, stride, out, slot):
    total = 0
    for i in range(start, stop, stride):
        total += collatz_steps(i)
        if i + 1 < stop:
            total += collatz_steps(i + 1)
    out[slot] = total


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    out = [0] * nthreads
    t0 = time.perf_counter()
    threads = [threading.Thread(target=work, args=(1 + 2 * k, size + 1, 2 * nthreads, out, k))
               for k in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    print("checksum:", sum(out))
    print("wall: %.6f" % wall)


main()
