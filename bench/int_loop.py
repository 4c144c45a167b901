"""Tight integer loop: local variables, arithmetic, comparisons, branches.

usage: int_loop.py N
"""
import sys


def run(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        if x & 1:
            acc += i ^ (x >> 7)
        else:
            acc -= i % 7
    return acc


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
print("checksum:", run(n))
