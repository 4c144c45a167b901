"""Threads sharing a read-mostly "world" dict of objects: every thread reads
many entities and writes its results into one shared results dict. Tests
that concurrent dict reads scale and concurrent writes stay correct.

usage: threads_shared_dict.py N_THREADS [SIZE]
"""
import sys
import threading
import time


class Entity:
    __slots__ = ("ident", "x", "y", "tags")

    def __init__(self, ident):
        self.ident = ident
        self.x = (ident * 37) % 1000
        self.y = (ident * 91) % 1000
        self.tags = ("a", "b", "c")[: ident % 3 + 1]


def build_world(n):
    return {"e%d" % i: Entity(i) for i in range(n)}


def worker(world, keys, results, lo, hi):
    nkeys = len(keys)
    for i in range(lo, hi):
        e = world[keys[i % nkeys]]
        n = world[keys[(i * 7 + 3) % nkeys]]
        score = abs(e.x - n.x) + abs(e.y - n.y) + len(e.tags) * len(n.tags)
        results[i] = score


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    world = build_world(5000)
    keys = list(world)
    results = {}
    t0 = time.perf_counter()
    chunk = (size + nthreads - 1) // nthreads
    threads = [threading.Thread(target=worker,
                                args=(world, keys, results, k * chunk, min(size, (k + 1) * chunk)))
               for k in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    assert len(results) == size, len(results)
    print("checksum:", sum(results.values()))
    print("wall: %.6f" % wall)


main()
