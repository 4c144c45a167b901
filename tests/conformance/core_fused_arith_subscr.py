# Fused instructions of interp/py/quicken.go for float arithmetic on locals
# and for `c[k] op= expr`: LOAD_FAST LOAD_FAST BINARY_OP, LOAD_FAST
# BINARY_OP, LOAD_FAST LOAD_CONST COPY COPY BINARY_SUBSCR, and BINARY_OP
# SWAP SWAP STORE_SUBSCR. Each must give CPython's results on its inline
# path and on every path that falls back to the unfused instructions.
import sys
import traceback


def show(f, *args):
    try:
        r = f(*args)
        print(f.__name__, repr(r))
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(f.__name__, type(e).__name__, str(e), [fr.lineno - f.__code__.co_firstlineno for fr in tb[1:]])


def two_locals(a, b):
    # LOAD_FAST a; LOAD_FAST b; BINARY_OP, plain and augmented
    s = a + b
    d = a - b
    p = a * b
    a += b
    return s, d, p, a


def top_and_local(a, b, c):
    # LOAD_FAST c; BINARY_OP with the left operand computed
    return (a * 2) - c, (a * 3) + c, (b - 1) * c


big = sys.maxsize
cases = [(1.5, 2.25), (3, 4), (big, 1), (-big, -2), (big, -1), (2.5, 4), (4, 2.5),
         (True, 1.5), ("ab", "cd"), ([1], [2]), (float("inf"), float("-inf")),
         (float("nan"), 0.0), (-0.0, 0.0), (1e308, 1e308), (10**20, 1)]
for a, b in cases:
    show(two_locals, a, b)
    show(top_and_local, a, b, b)


def top_int(a, c):
    # LOAD_FAST c; BINARY_OP with ints, at and past the 64-bit edge
    return (a + 0) * c, (a - 0) + c, (a * 1) - c


for a, c in [(3, 4), (big, 2), (big, -big), (-big - 1, 1), (-big - 1, -1), (2**31, 2**32), (7, 2.5)]:
    show(top_int, a, c)
show(two_locals, "x", 2)
show(top_and_local, 1.5, 2.0, "s")


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(("add", self.v, getattr(o, "v", o)))

    def __sub__(self, o):
        return Num(("sub", self.v, getattr(o, "v", o)))

    def __mul__(self, o):
        return Num(("mul", self.v, getattr(o, "v", o)))

    def __rmul__(self, o):
        return Num(("rmul", o, self.v))

    def __isub__(self, o):
        return Num(("isub", self.v, getattr(o, "v", o)))

    def __repr__(self):
        return "Num(%r)" % (self.v,)


show(two_locals, Num(1), Num(2))
show(two_locals, 2.0, Num(3))
show(top_and_local, Num(1), 2.5, 0.5)


class F(float):
    def __add__(self, o):
        return "F.__add__"

    def __sub__(self, o):
        return "F.__sub__"


show(two_locals, F(1.0), 2.0)
show(two_locals, 2.0, F(1.0))


def unbound_first():
    if False:
        a = 1.0
    b = 2.0
    return a + b


def unbound_second():
    a = 2.0
    if False:
        b = 1.0
    return a * b


def unbound_third():
    a = 2.0
    if False:
        c = 1.0
    return (a * a) - c


show(unbound_first)
show(unbound_second)
show(unbound_third)


def aug_subscr(c, k, x, y):
    # LOAD_FAST c; LOAD_CONST k ... STORE_SUBSCR for constant keys, and
    # the same with a local key (not fused)
    c[0] -= x * y
    c[1] += x * y
    c[-1] *= y
    c[k] += x
    return c


lists = [
    ([1.0, 2.0, 3.0], 1, 0.5, 4.0),
    ([1, 2, 3], 2, 3, 4),
    ([1.0, 2, "s"], 1, 1.0, 2.0),
    ([1.5, 2.5, 3.5], 0, 2, 0.25),
    ([Num(1), Num(2), Num(3)], 0, Num(4), 2),
    ({0: 1.0, 1: 2.0, -1: 3.0, "k": 0.0}, "k", 1.5, 2.0),
    ({0: 1.0, 1: 2.0}, 0, 1.0, 1.0),
    ([1.0, 2.0], 0, 1.0, 1.0),
    ([1.0], 0, 1.0, 1.0),
    ((1.0, 2.0, 3.0), 0, 1.0, 1.0),
    ([1.0, 2.0, 3.0], 7, 1.0, 1.0),
    ([1.0, 2.0, 3.0], 1, "x", 2),
    ([big, 1, 2], 0, -1, 1),
    ([1.0, 2.0, 3.0], 0.5, 1.0, 1.0),
]
for c, k, x, y in lists:
    show(aug_subscr, c, k, x, y)
    print(" ", c)


class LoggingList(list):
    def __setitem__(self, k, v):
        print("  LoggingList set", k, v)
        super().__setitem__(k, v)

    def __getitem__(self, k):
        print("  LoggingList get", k)
        return super().__getitem__(k)


class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("  LoggingDict set", k, v)
        super().__setitem__(k, v)


show(aug_subscr, LoggingList([1.0, 2.0, 3.0]), 2, 1.0, 2.0)
show(aug_subscr, LoggingDict({0: 1.0, 1: 2.0, -1: 3.0, 5: 1.0}), 5, 1.0, 2.0)


def aug_subscr_unbound():
    if False:
        v = [1.0]
    v[0] += 1.0


show(aug_subscr_unbound)


def accumulate(n):
    # a float list updated in a loop, as bench/nbody.py does
    v = [0.0, 1.0, -1.0]
    w = [0.5, 0.25, 0.125]
    for i in range(n):
        d = w[0] - v[2]
        v[0] += d * 0.5
        v[1] -= v[0] * d
        w[2] *= 1.0001
        v[2] += w[1] * w[2]
    return v, w


show(accumulate, 100)


# a trace function sees every line of the fused sequences
def traced(v, a, b):
    s = a + b
    v[0] += s * a
    return s


events = []


def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
r = traced([1.0], 2.0, 3.0)
sys.settrace(None)
print(r, events)
