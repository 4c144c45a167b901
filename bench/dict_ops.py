"""Dictionary work: insertion, lookup with str and int keys, update,
iteration, deletion and get/setdefault.

usage: dict_ops.py N
"""
import sys


def run(n):
    d = {}
    for i in range(n):
        d["k%d" % (i % 5000)] = i
        d[i % 3001] = d.get(i % 3001, 0) + i
    total = 0
    for k in range(0, n, 3):
        total += d.get("k%d" % (k % 5000), -1)
        if k in d:
            total += d[k]
    groups = {}
    for k, v in d.items():
        groups.setdefault(type(k).__name__, []).append(v)
    for key in list(d):
        if isinstance(key, int) and key % 2:
            del d[key]
    counts = {}
    for i in range(n):
        w = i % 97
        counts[w] = counts.get(w, 0) + 1
    return total + len(d) + sum(len(g) for g in groups.values()) + sum(counts.values())


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
print("checksum:", run(n))
