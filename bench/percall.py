"""Per-call cost of each bench/ext/benchext.c function.

usage: percall.py [N] [case ...]

Each case is a loop of N calls of one benchext function (default
300,000); the time is CPU time by time.process_time, best of 5 loops,
with the empty loop's time subtracted; printed in ns per call. The
module must be importable (PYTHONPATH pointing at a directory where it
was built for the interpreter that runs this).
"""
import sys
import time

import benchext


def make_cases():
    noop, add1, add2, scale = benchext.noop, benchext.add1, benchext.add2, benchext.scale
    parse3, build, callback = benchext.parse3, benchext.build, benchext.callback
    sum_list, get = benchext.sum_list, benchext.get
    inc = lambda v: v + 1
    small = list(range(10))
    d = {"a": 1, "b": 2, 3: "c"}

    def empty(n):
        for i in range(n):
            pass

    def c_noop(n):
        for i in range(n):
            noop()

    def c_add1(n):
        for i in range(n):
            add1(i)

    def c_add2(n):
        for i in range(n):
            add2(i, 7)

    def c_scale(n):
        for i in range(n):
            scale(1.5)

    def c_parse3(n):
        for i in range(n):
            parse3(i, 2, 3)

    def c_build(n):
        for i in range(n):
            build(i)

    def c_callback(n):
        for i in range(n):
            callback(inc, i)

    def c_sum_list(n):
        for i in range(n):
            sum_list(small)

    def c_get(n):
        for i in range(n):
            get(d, "b")

    cases = {
        "noop": c_noop, "add1": c_add1, "add2": c_add2, "scale": c_scale,
        "parse3": c_parse3, "build": c_build, "callback": c_callback,
        "sum_list": c_sum_list, "get": c_get,
    }
    return empty, cases


def best(fn, n, rounds=5):
    t = None
    for _ in range(rounds):
        t0 = time.process_time()
        fn(n)
        dt = time.process_time() - t0
        if t is None or dt < t:
            t = dt
    return t


def main():
    args = sys.argv[1:]
    n = 300000
    if args and args[0].isdigit():
        n = int(args.pop(0))
    empty, cases = make_cases()
    names = args or list(cases)
    base = best(empty, n)
    for name in names:
        t = best(cases[name], n)
        print("%-9s %6.0f ns" % (name, (t - base) / n * 1e9))


main()
