"""Recursive Fibonacci: function call overhead and small-int arithmetic.

usage: recursive_fib.py N   (prints checksum: fib(N))
"""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
print("checksum:", fib(n))
