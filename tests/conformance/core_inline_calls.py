# Calls the evaluation loop runs without a Go call (interp/py/eval.go):
# a class's Python __init__ from CALL, a binary operator's Python dunder
# from BINARY_OP, a property's getter from LOAD_ATTR and bound methods
# from CALL / CALL_METHOD. Results, errors, tracebacks and every case
# that must take the general path are compared with CPython.
import sys
import traceback


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return NotImplemented

    def __mul__(self, o):
        if isinstance(o, Vec):
            return self.x * o.x + self.y * o.y
        return Vec(self.x * o, self.y * o)

    def __rmul__(self, o):
        return ("rmul", o)

    def __mod__(self, o):
        raise ValueError("mod of %s" % self.x)

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a * b, a * 3, 3 * a, (a + b) + a)
for expr in (lambda: a - b, lambda: a % b, lambda: a / b, lambda: a + 1):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
try:
    a % b
except ValueError as e:
    print([f.name for f in traceback.extract_tb(e.__traceback__)])
c = Vec(0, 0)
for _ in range(3):
    c += a
print(c)
try:
    c -= a
except TypeError as e:
    print("TypeError", e)


class IVec(Vec):
    __slots__ = ()

    def __iadd__(self, o):
        self.x += o.x * 100
        return self


d = IVec(1, 1)
d += IVec(2, 2)
print(d, type(d).__name__, IVec(1, 1) + IVec(1, 1))


# a subclass with the reflected method takes priority
class RVec(Vec):
    __slots__ = ()

    def __radd__(self, o):
        return "RVec.__radd__"


print(a + RVec(1, 1), RVec(1, 1) + a)


# int and float subclasses with their own dunders
class MyInt(int):
    def __add__(self, o):
        return "MyInt+"

    def __mul__(self, o):
        return NotImplemented


class MyFloat(float):
    def __sub__(self, o):
        return "MyFloat-"


print(MyInt(1) + MyInt(2), MyInt(1) + 2, 2 + MyInt(1), MyFloat(1.5) - MyFloat(0.5), MyFloat(2.0) * MyFloat(2.0))
try:
    MyInt(2) * MyInt(3)
except TypeError as e:
    print("TypeError", e)

# the method changing on the class (the site must see the new one)
results = []
for i in range(4):
    if i == 2:
        Vec.__add__ = lambda s, o: "patched"
    results.append(a + b)
print(results)
del Vec.__add__
try:
    a + b
except TypeError as e:
    print("TypeError", e)


def add3(s, o, extra=1):
    return ("defaults", extra)


Vec.__add__ = add3
print(a + b)


# __init__ from a class call
class P:
    def __init__(self, v):
        self.v = v


class Q(P):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w


class BadInit:
    def __init__(self):
        return 5


class RaisingInit:
    def __init__(self, n):
        raise KeyError(n)


class WithNew:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.made = "by __new__"
        return o

    def __init__(self, v):
        self.v = v


class Other:
    pass


class Returner:
    def __new__(cls, v):
        return Other()

    def __init__(self, v):
        raise AssertionError("not called")


class Meta(type):
    def __call__(cls, *args):
        return ("Meta.__call__", args)


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class NoInit:
    pass


print(P(1).v, Q(1, 2).v, Q(1, 2).w, WithNew(3).made, WithNew(3).v, type(Returner(1)).__name__, WithMeta(4))
for expr in (lambda: BadInit(), lambda: RaisingInit(7), lambda: P(), lambda: P(1, 2), lambda: NoInit(1),
             lambda: Q(1)):
    try:
        expr()
    except Exception as e:
        print(type(e).__name__, e)
try:
    RaisingInit(8)
except KeyError as e:
    print([f.name for f in traceback.extract_tb(e.__traceback__)])
try:
    BadInit()
except TypeError as e:
    print([f.name for f in traceback.extract_tb(e.__traceback__)])

# __init__ replaced on the class between calls
made = []
for i in range(4):
    if i == 2:
        P.__init__ = lambda self, v: setattr(self, "v", -v)
    made.append(P(i).v)
print(made)


class Abstract:
    __abstractmethods__ = frozenset({"f"})

    def __init__(self):
        pass


try:
    Abstract()
except TypeError as e:
    print("TypeError", e)


# properties
class Shape:
    def __init__(self, w, h):
        self.w, self.h = w, h

    @property
    def area(self):
        return self.w * self.h

    @property
    def broken(self):
        return self.missing

    @property
    def stop(self):
        raise StopIteration

    def plain(self, k):
        return self.w + k


s = Shape(2, 3)
print(s.area, sum(Shape(i, i).area for i in range(5)))
try:
    s.broken
except AttributeError as e:
    print("AttributeError", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
try:
    s.stop
except StopIteration:
    print("StopIteration from a property")
areas = []
for i in range(4):
    if i == 2:
        Shape.area = property(lambda self: "patched")
    areas.append(s.area)
print(areas)
Shape.area = 5
print(s.area)

# bound methods called through variables and super()
m = s.plain
print(m(1), [m(k) for k in range(3)])
calls = [Shape(1, 1).plain, Shape(2, 2).plain]
print([f(10) for f in calls])


class Base:
    def who(self, x):
        return ("Base", x)


class Derived(Base):
    def who(self, x):
        return ("Derived", super().who(x))


print(Derived().who(1))
bm = Derived().who
print(bm(2))
try:
    m()
except TypeError as e:
    print("TypeError", e)


# deep recursion through inlined dunders and __init__
class Node:
    def __init__(self, n):
        self.next = Node(n - 1) if n else None


class Acc:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        if self.n == 0:
            return self
        return Acc(self.n - 1) + o


print(type(Node(100)).__name__, (Acc(300) + Acc(0)).n)
try:
    Node(100000)
except RecursionError:
    print("RecursionError")
try:
    Acc(100000) + Acc(0)
except RecursionError:
    print("RecursionError")


# __slots__ members and instance dict values read and written inline
class S:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a

    def get_b(self):
        return self.b


class SubS(S):
    __slots__ = ("c",)

    def __init__(self, a, c):
        super().__init__(a)
        self.c = c


class PropS(S):
    __slots__ = ()

    def __init__(self, a):
        pass

    @property
    def a(self):
        return "property a"


class Copy:
    a = S.a


class Fallback:
    __slots__ = ("x",)

    def __getattr__(self, name):
        return "fallback " + name


class Guarded:
    __slots__ = ("v",)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


s = S(1)
print(s.a, SubS(1, 2).a, SubS(1, 2).c, PropS(5).a, Fallback().x)
for expr in (lambda: s.b, lambda: s.get_b(), lambda: Copy().a, lambda: S.a.__get__(Copy())):
    try:
        print(expr())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
s.b = 7
print(s.get_b())
del s.b
try:
    s.get_b()
except AttributeError as e:
    print("AttributeError", e)
try:
    Copy().a = 1
except TypeError as e:
    print("TypeError", e)
try:
    PropS(1).a = 2
except AttributeError as e:
    print("AttributeError", e)
g = Guarded()
g.v = 21
print(g.v)


class D:
    cls_attr = "class"

    def __init__(self):
        self.x = 1

    def method(self):
        return self.x, self.cls_attr, self.method.__name__


d = D()
print(d.method())
d.cls_attr = "instance"
d.method = lambda: "instance method"
print(d.cls_attr, d.method(), D.method(d))
vals = []
for i in range(4):
    if i == 2:
        D.x = property(lambda self: "data descriptor wins")
    vals.append(d.x)
print(vals)
