# `x = a op b` for two locals and + - * as one fused instruction
# (qLoadFastLoadFastBinopStore in interp/py/quicken.go), also right after
# another store (the STORE_FAST before it is left unfused for it): two
# floats or two ints that fit run inline; everything else falls back to
# the unfused instructions and must give CPython's results and errors.
import sys
import traceback


def show(f, *args):
    try:
        r = f(*args)
        print(f.__name__, repr(r))
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(f.__name__, type(e).__name__, str(e), [fr.lineno - f.__code__.co_firstlineno for fr in tb[1:]])


def chain(a, b):
    s = a + b
    d = a - b
    p = a * b
    a = a * b  # the target is an operand
    q = a - a
    b += a
    return s, d, p, a, q, b


big = sys.maxsize
for a, b in [(1.5, 2.25), (3, 4), (big, 1), (-big, -2), (big, big), (-big - 1, 1), (big, -1),
             (2**31, 2**32), (2.5, 4), (4, 2.5), (True, 2), (True, 1.5), ("ab", "cd"),
             ([1], [2]), ((1,), (2,)), (float("inf"), float("-inf")), (float("nan"), 1.0),
             (-0.0, 0.0), (1e308, 1e308), (10**20, 1), (None, 1), (1, None)]:
    show(chain, a, b)


def unbound(flag):
    if flag:
        a = 2.0
    b = 3.0
    c = a * b
    return c


show(unbound, True)
show(unbound, False)


def unbound_second(flag):
    a = 2
    if flag:
        b = 5
    c = a - b
    return c


show(unbound_second, True)
show(unbound_second, False)


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(("add", self.v, getattr(o, "v", o)))

    def __rsub__(self, o):
        return V(("rsub", o, self.v))

    def __repr__(self):
        return "V(%r)" % (self.v,)


show(chain, V(1), V(2))
show(chain, 2.0, V(3))


def loop(n):
    # many results: the thread's boxes run out and renew
    x, y = 0.5, 0
    for i in range(n):
        t = x * x
        x = t - x
        k = i * i
        y = y + k
    return x, y


show(loop, 1000)


def gen(a, b):
    c = a + b
    yield c
    d = c * b
    yield d


print(list(gen(1.5, 2.0)), list(gen(2, 3)), list(gen("x", "y")) if False else None)
