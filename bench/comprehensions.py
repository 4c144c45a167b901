"""List, dict and set comprehensions and generator expressions.

usage: comprehensions.py N
"""
import sys


def run(n):
    checksum = 0
    for r in range(n // 1000):
        base = range(r, r + 1000)
        sq = [x * x for x in base if x % 3]
        pairs = {x: x % 17 for x in base}
        mods = {x % 101 for x in sq}
        nested = [[x + y for y in range(5)] for x in range(20)]
        checksum += len(sq) + sum(pairs.values()) + len(mods) + sum(map(sum, nested))
        checksum += sum(v for v in sq if v & 1) % 100003
    return checksum


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
print("checksum:", run(n))
