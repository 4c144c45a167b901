"""Generators: creation, iteration, chaining, yield from and send.

usage: generators.py N
"""
import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squares(it):
    for v in it:
        yield v * v


def chained(n):
    yield from squares(evens(count_up(n)))
    yield from range(10)


def accumulator():
    total = 0
    while True:
        v = yield total
        total += v


def run(n):
    checksum = sum(chained(n))
    acc = accumulator()
    next(acc)
    for i in range(n // 2):
        checksum += acc.send(i) % 1000
    checksum += sum(x for x in range(n) if x % 3 == 0)
    return checksum


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
print("checksum:", run(n))
