# `c[k] op= a op2 b` as one fused instruction (qAugSubscr in
# interp/py/quicken.go): a list c, a constant or local int key, a float
# item and float a, b run whole; everything else falls back to the
# unfused instructions and must give CPython's results and errors,
# evaluated in CPython's order.
import traceback


def show(f, *args):
    try:
        r = f(*args)
        print(f.__name__, repr(r))
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(f.__name__, type(e).__name__, str(e), [fr.lineno - f.__code__.co_firstlineno for fr in tb[1:]])


def const_keys(c, a, b):
    c[0] += a * b
    c[1] -= a + b
    c[-1] *= a - b
    return c


def local_key(c, k, a, b):
    c[k] -= a * b
    c[k] += b - a
    return c


for args in [
    ([1.0, 2.0, 3.0], 2.0, 0.5),
    ([1, 2, 3], 2.0, 0.5),             # int items
    ([1.0, 2.0, 3.0], 2, 3),           # int operands
    ([1.0, 2.0, 3.0], 2.0, 3),         # mixed operands
    ([1.5, "s", 3.0], 2.0, 0.5),       # a str item: TypeError at c[1]
    ([1.5], 2.0, 0.5),                 # too short: IndexError at c[1]
    ([], 2.0, 0.5),                    # IndexError at c[0]
    ((1.0, 2.0, 3.0), 2.0, 0.5),       # a tuple: TypeError at the store
    ({0: 1.0, 1: 2.0, -1: 3.0}, 2.0, 0.5),  # a dict with int keys
    ([float("inf"), float("nan"), -0.0], float("inf"), 0.0),
    ([1e308, -1e308, 1e-320], 1e308, 10.0),
    ([True, False, 2.5], 1.5, 2.5),
    ([[1.0], [2.0], [3.0]], 2.0, 0.5),  # list items: list += float is a TypeError
]:
    show(const_keys, *args)

for args in [
    ([1.0, 2.0, 3.0], 1, 2.0, 0.25),
    ([1.0, 2.0, 3.0], -3, 2.0, 0.25),
    ([1.0, 2.0, 3.0], 3, 2.0, 0.25),
    ([1.0, 2.0, 3.0], -4, 2.0, 0.25),
    ([1.0, 2.0, 3.0], True, 2.0, 0.25),
    ([1.0, 2.0, 3.0], 1.0, 2.0, 0.25),
    ([1.0, 2.0, 3.0], 2**70, 2.0, 0.25),
    ({"k": 1.0}, "k", 2.0, 0.25),
]:
    show(local_key, *args)


class L(list):
    def __getitem__(self, i):
        print("getitem", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("setitem", i, v)
        list.__setitem__(self, i, v)


show(const_keys, L([1.0, 2.0, 3.0]), 2.0, 0.5)


class F(float):
    def __add__(self, o):
        return "F+"

    def __radd__(self, o):
        return "F+r"

    def __mul__(self, o):
        return F(7.0)

    def __rmul__(self, o):
        return F(8.0)


show(const_keys, [1.0, 2.0, 3.0], F(2.0), 0.5)
show(const_keys, [F(1.0), 2.0, 3.0], 2.0, 0.5)


def unbound(c):
    if c:
        a = 1.0
    b = 2.0
    c[0] += a * b  # a unbound when c is empty... but then c[0] fails first
    return c


show(unbound, [1.0])
show(unbound, [])


def unbound_after(c, flag):
    if flag:
        a = 1.0
    c[0] += a * 2.0
    c[0] += c[0] * c[0]
    b = 3.0
    c[0] += a * b
    return c


show(unbound_after, [1.0], True)


def unbound_b(c):
    a = 2.0
    c[0] += a * b  # noqa: F821 (b is assigned below: unbound here)
    b = 1.0
    return c


show(unbound_b, [1.0])


def loop(n):
    # many iterations: the thread's float boxes run out and renew
    v = [0.0, 0.0, 0.0]
    dt = 0.01
    x = 1.5
    for i in range(n):
        v[0] += dt * x
        v[1] -= x * dt
        v[2] += v[0] * v[1] if False else dt - x
    return v


show(loop, 1000)


def aliasing(c):
    # the item read and the operands are the same list's items
    a = c[0]
    b = c[1]
    c[0] += a * b
    c[1] -= c[0] * b
    return c


show(aliasing, [3.0, 4.0])


def in_try(c, a, b):
    try:
        c[5] += a * b
    except IndexError as e:
        return "caught", str(e), c
    return c


show(in_try, [1.0], 2.0, 3.0)
show(in_try, [0.0] * 6, 2.0, 3.0)


def gen(c, a, b):
    c[0] += a * b
    yield c[0]
    c[0] -= a * b
    yield c[0]


print(list(gen([1.0], 2.0, 3.0)))
