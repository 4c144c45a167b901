# Quickened instructions (interp/py/quicken.go): BINARY_OP specialised by
# operator, UNPACK_SEQUENCE fused with the STORE_FASTs after it, and the
# read and write halves of `c[k] op= v`. Each must give CPython's results
# on the inline path and on every path that falls back to the general one.
import sys


def arith(a, b):
    out = []
    for x, y in ((a, b), (b, a)):
        for op in ("+", "-", "*", "/"):
            try:
                if op == "+":
                    r = x + y
                elif op == "-":
                    r = x - y
                elif op == "*":
                    r = x * y
                else:
                    r = x / y
                out.append(repr(r))
            except Exception as e:
                out.append(type(e).__name__ + ": " + str(e))
    return out


big = sys.maxsize
for a, b in [(3, 4), (2.5, 4), (3, 0.5), (1.5, 2.25), (big, 1), (-big, -2), (big, big),
             (0, 0), (1, 0), (1.0, 0), (0.0, 0.0), (7, -0.0), ("ab", "cd"), ("ab", 3),
             ([1], [2]), ((1,), (2,)), (True, 2), (1e308, 10.0), (float("nan"), 1),
             (10**20, 3), (3, 10**20), (1 << 62, 1 << 62)]:
    print(a if not isinstance(a, float) else repr(a), arith(a, b))

# augmented forms (BINARY_OP's in-place arguments share the fused op)
x = 5
x += 2
x -= 10
x *= -3
x /= 4
print(x)
l = [1, 2]
l += [3]
l *= 2
print(l)
s = "a"
s += "b"
s *= 3
print(s)


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __radd__(self, other):
        return "MyInt.__radd__"

    def __sub__(self, other):
        return "MyInt.__sub__"

    def __mul__(self, other):
        return "MyInt.__mul__"

    def __rtruediv__(self, other):
        return "MyInt.__rtruediv__"


class MyFloat(float):
    def __add__(self, other):
        return "MyFloat.__add__"

    def __rmul__(self, other):
        return "MyFloat.__rmul__"


i, f = MyInt(3), MyFloat(1.5)
print(i + 1, 1 + i, i - 1, i * 2, 1.0 / i, f + 1.0, 2.0 * f, 2 * f, f - 1.0)
acc = 10
acc += i
print(acc)


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return Vec(self.x + o.x)

    def __iadd__(self, o):
        self.x += o.x * 10
        return self


v = Vec(1)
w = v + Vec(2)
v += Vec(3)
print(w.x, v.x)


# UNPACK_SEQUENCE + STORE_FAST
def unpack(seq):
    try:
        a, b, c = seq
        return a, b, c
    except (ValueError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


class L(list):
    def __iter__(self):
        return iter(["sub", "class", "iter"])


def gen():
    yield 1
    yield 2
    yield 3


for seq in ((1, 2, 3), [4, 5, 6], (1, 2), [1, 2, 3, 4], "xyz", range(3), gen(), L([0, 0, 0]),
            {"k": 1, "l": 2, "m": 3}, 5, None):
    print(unpack(seq))


def pairs(d):
    out = []
    for k, v in d.items():
        out.append((k, v))
    for [x, y] in [[1, 2], [3, 4]]:
        out.append(x * y)
    return out


print(pairs({"a": 1, "b": 2}))


def swapped():
    a, b = 1, 2
    a, b = b, a
    return a, b


print(swapped())


# c[k] op= v on lists, dicts, tuples and user types, and their errors
def aug(c, k, v):
    try:
        c[k] += v
        return c
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class Box:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d.get(k, 0)

    def __setitem__(self, k, v):
        self.d[k] = v * 2


class NoSet:
    def __getitem__(self, k):
        return 1


print(aug([1, 2, 3], 0, 5), aug([1, 2, 3], -1, 5), aug([1, 2], 5, 1), aug([1], "x", 1))
print(aug({"a": 1}, "a", 2), aug({}, "a", 2), aug({1: 2}, 1, 3), aug((1, 2), 0, 1))
print(aug(Box(), "k", 3).d, aug(NoSet(), 0, 1), aug([[1]], 0, [2]))
v1 = [1.0, 2.0, 3.0]
for _ in range(3):
    v1[0] -= 0.5
    v1[1] *= 2
    v1[2] /= 2
print(v1)


# an exception inside the fused read: the traceback names the right line
def bad():
    c = [1]
    c[3] += 1


try:
    bad()
except IndexError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("IndexError at line offset", tb.tb_lineno - bad.__code__.co_firstlineno)
