"""freepy demonstration: Python threads running in parallel.

    freepy examples/demo.py          (or: make demo)
    python3.11 examples/demo.py      (for comparison: the GIL serialises the threads)

Part 1 splits a CPU-bound pure-Python job over 1, 2, 4, ... threads (up to
the number of CPUs) and reports the speedup over one thread. Under CPython's
GIL the speedup stays near 1; freepy runs the threads on all cores.

Part 2 will call a C extension from those threads, once freepy's C API
exists (see the EXTENSION HOOK below).
"""
import os
import sys
import threading
import time


def count_primes(lo, hi):
    """Counts the primes in [lo, hi) by trial division: pure Python, no I/O."""
    count = 0
    for n in range(max(lo, 2), hi):
        if n % 2 == 0:
            count += n == 2
            continue
        d = 3
        while d * d <= n:
            if n % d == 0:
                break
            d += 2
        else:
            count += 1
    return count


def run_threads(nthreads, limit):
    """Splits [0, limit) into interleaved blocks over nthreads threads and
    returns (total primes, seconds)."""
    block = 1000
    results = [0] * nthreads

    def worker(k):
        total = 0
        for lo in range(k * block, limit, nthreads * block):
            total += count_primes(lo, min(lo + block, limit))
        results[k] = total

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(results), time.perf_counter() - start


def thread_counts(cpus):
    n = 1
    while n < cpus:
        yield n
        n *= 2
    yield cpus


def demo_threads(limit):
    cpus = os.cpu_count() or 1
    print(f"{sys.implementation.name} {sys.version.split()[0]}, {cpus} CPUs")
    print(f"counting primes below {limit:,} with pure-Python threads")
    print(f"{'threads':>8} {'seconds':>9} {'speedup':>8}  primes")
    run_threads(1, limit // 10)  # warm-up, untimed
    base = None
    for n in thread_counts(cpus):
        primes, secs = run_threads(n, limit)
        base = base or secs
        print(f"{n:>8} {secs:>9.3f} {base / secs:>7.2f}x  {primes}")


# EXTENSION HOOK: once freepy's C API can load extension modules, this part
# imports a C extension (a free-threaded one built with
# `cc $(freepy-config --cflags) -shared -fPIC ...`, from extensions/) and
# calls it from the same threads, showing that C code runs in parallel too
# and that a legacy extension runs under its own pseudo-GIL without slowing
# the pure-Python threads. Until then it says so and returns.
def demo_extension():
    print("C extension part: not available yet (freepy's C API is under construction)")


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    demo_threads(limit)
    demo_extension()
