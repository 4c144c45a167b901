"""CPU-bound pure-Python work split across threads. Under CPython's GIL the
threads take turns; freepy runs them in parallel. The checksum does not
depend on the number of threads; the program reports its own wall time
(work only, without interpreter start-up).

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
    out[slot] = total


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    out = [0] * nthreads
    t0 = time.perf_counter()
    threads = [threading.Thread(target=work, args=(1 + k, size + 1, nthreads, out, k))
               for k in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    print("checksum:", sum(out))
    print("wall: %.6f" % wall)


main()
