"""freepy demonstration: Python threads running in parallel.

    freepy examples/demo.py          (or: make demo)
    python3.11 examples/demo.py      (for comparison: the GIL serialises the threads)

Part 1 splits a CPU-bound pure-Python job over 1, 2, 4, ... threads (up to
the number of CPUs) and reports the speedup over one thread. Under CPython's
GIL the speedup stays near 1; freepy runs the threads on all cores.

Part 2 calls a C extension (examples/fastprimes.c, built by `make demo`)
from the same threads: its free-threaded build scales with the threads, its
legacy build runs under its own pseudo-GIL.
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


def run_c_threads(count_primes, nthreads, limit):
    """Like run_threads, with the counting done by the C function."""
    block = 20_000
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


def demo_extension(limit):
    """Calls a C extension from the same threads: the free-threaded build
    runs in parallel; the legacy build runs under its own pseudo-GIL, which
    serialises its C code but stops no other thread."""
    here = os.path.dirname(os.path.abspath(__file__))
    build = os.environ.get("FREEPY_DEMO_BUILD", os.path.join(here, "..", "build", "demo"))
    sys.path.insert(0, build)
    try:
        import fastprimes
        import fastprimes_legacy
    except ImportError as e:
        print(f"\nC extension part skipped: {e}")
        print("(`make demo` builds examples/fastprimes.c for freepy into build/demo)")
        return
    cpus = os.cpu_count() or 1
    n = min(cpus, 4)
    print(f"\ncounting primes below {limit:,} in C (examples/fastprimes.c), {n} threads")
    print(f"{'module':>18} {'1 thread':>9} {f'{n} threads':>10} {'speedup':>8}  primes")
    for mod, label in ((fastprimes, "free-threaded"), (fastprimes_legacy, "legacy")):
        run_c_threads(mod.count_primes, 1, limit // 10)  # warm-up
        p1, t1 = run_c_threads(mod.count_primes, 1, limit)
        pn, tn = run_c_threads(mod.count_primes, n, limit)
        assert p1 == pn, (p1, pn)
        print(f"{label:>18} {t1:>8.3f}s {tn:>9.3f}s {t1 / tn:>7.2f}x  {pn}")
    locks = getattr(sys, "_freepy_legacy_locks", None)
    if locks is not None:
        st = locks().get("fastprimes_legacy", {})
        print(f"legacy pseudo-GIL: {st.get('acquisitions', 0)} acquisitions, "
              f"{st.get('contended', 0)} contended")
    print("the legacy module's lock serialises only its own C code: "
          "Python threads and other extensions keep running in parallel")


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    demo_threads(limit)
    demo_extension(limit * 10)
