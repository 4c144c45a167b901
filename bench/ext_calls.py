"""Calls into a C extension (bench/ext/benchext.c): the cost of crossing
from Python into C and back, with small arguments and results: METH_NOARGS,
METH_O and METH_FASTCALL functions, PyArg_ParseTuple of three ints, a tuple
and a dict built in C, a Python callback called from C, a list read with
PyList_GET_ITEM, a PyDict_GetItem.

usage: ext_calls.py N
"""
import sys

import benchext


def run(n):
    noop, add1, add2, scale, sum_list, get = (benchext.noop, benchext.add1, benchext.add2,
                                              benchext.scale, benchext.sum_list, benchext.get)
    parse3, build, callback = benchext.parse3, benchext.build, benchext.callback
    inc = lambda v: v + 1
    small = list(range(10))
    d = {"a": 1, "b": 2, 3: "c"}
    acc = 0
    f = 0.0
    for i in range(n):
        noop()
        acc += add1(i)
        acc += add2(i, 7)
        f += scale(1.5)
        acc += parse3(i, 2, 3)
        t = build(i)
        acc += t[2]["b"]
        acc += callback(inc, i)
        if i % 8 == 0:
            acc += sum_list(small)
            acc += get(d, "b")
    return acc + int(f)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
print("checksum:", run(n))
