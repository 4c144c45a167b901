# int() and float() follow CPython's conversion order and text rules
# (found by CPython's test_int, test_float, test_long, test_index).
import array
import operator
import warnings


def show(f, *args, **kw):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = f(*args, **kw)
        print(type(r).__name__, repr(r), [x.category.__name__ for x in w])
    except Exception as e:
        print(type(e).__name__, e)


class MyInt(int):
    def __int__(self):
        return 42

    def __index__(self):
        return 43


class MyFloat(float):
    def __float__(self):
        return 42.0


class IntReturnsBool:
    def __int__(self):
        return True


class IndexReturnsBool:
    def __index__(self):
        return True


class Trunc:
    def __trunc__(self):
        return 7


show(int, MyInt(7))
show(operator.index, MyInt(7))
show(float, MyFloat(7.0))
show(int, IntReturnsBool())
show(int, IndexReturnsBool())
show(operator.index, IndexReturnsBool())
show(int, Trunc())
for buf in (memoryview(b"12"), bytearray(b" 34 "), array.array("b", b"56")):
    show(int, buf)
    show(float, buf)
show(int, memoryview(b"x1"))  # float's message shows the view's address
show(int, "10", 2**100)
show(int, "10", -(2**100))
show(int, "10", 2.0)
for s in ["1_0.5", "1._5", "1e1_0", "_1", "0x10", "1e", ".5", "5.", ".", "1_e3",
          "  \u0663.\u0661\u0664  ", "-nan", "+inf", "infinitys", "+-inf", "1__0",
          "1.5e+3", "nan_", "in", "-Infinity", "1e500", "-1e-500", "\uff11\uff12"]:
    show(float, s)
show(int, "\uff11\uff12")
show(int, "\U0001d7ce\U0001d7d9")
import math
print(math.copysign(1.0, float("-nan")), math.copysign(1.0, float("nan")))
print(0 / -5, 0 / -(2**100), -(2**100) // 2**200 * 0 / 3, (2**70) / -(2**2000))
show(int.from_bytes, 0, "big")
show(int.from_bytes, "", "big")


class SubStr(str):
    pass


show((1).to_bytes, 2, SubStr("little"))
b = b"abc"


class BadIndex:
    def __index__(self):
        return "bad"


show(b.__getitem__, BadIndex())
show(bytearray(b).__getitem__, BadIndex())
show(b.__getitem__, 2**70)


# keyword arguments reach a subclass's own __init__
for base, arg in [(float, 2.5), (tuple, [1]), (list, [1]), (set, [1]), (frozenset, [1])]:
    class S(base):
        def __init__(self, a, newarg=None):
            self.newarg = newarg

    class P(base):
        pass

    try:
        print(base.__name__, S(arg, newarg=3).newarg)
    except TypeError as e:
        print(base.__name__, "TypeError", e)
    try:
        P(arg, newarg=3)
    except TypeError as e:
        print(base.__name__, "TypeError", e)
