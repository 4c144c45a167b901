# Inline caches (LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD, type lookups) must
# see every change: each loop runs the same instructions before and after.
class A:
    x = 1
    def m(self):
        return "A.m"

class B(A):
    pass

def read(o):
    return o.x, o.m()

b = B()
out = []
for step in range(6):
    if step == 1:
        A.x = 2                      # base class attribute changes
    if step == 2:
        A.m = lambda self: "new A.m"  # method replaced on the base
    if step == 3:
        b.m = lambda: "instance m"    # instance attribute shadows the method
    if step == 4:
        B.x = property(lambda self: "prop")  # data descriptor on the subclass
    if step == 5:
        del B.x
        del b.m
    out.append(read(b))
print(out)

class C:
    def m(self):
        return "C.m"
obj = B()
res = []
for step in range(2):
    if step == 1:
        obj.__class__ = C
    res.append(obj.m())
print(res)

def g():
    return len("abc"), counter
counter = 0
vals = []
for step in range(4):
    if step == 1:
        counter = 5
    if step == 2:
        len = lambda s: -1            # a global shadows the builtin
    if step == 3:
        del len
    vals.append(g())
print(vals)

import builtins
def h():
    return abs(-3)
r = [h()]
builtins.abs = lambda v: "patched"
r.append(h())
del builtins.abs
try:
    h()
except NameError as e:
    r.append(str(e))
print(r)

class D:
    __slots__ = ("a",)
d = D()
got = []
for step in range(3):
    try:
        got.append(d.a)
    except AttributeError as e:
        got.append(type(e).__name__)
    d.a = step
print(got)

class Meta(type):
    pass
class E(metaclass=Meta):
    def f(self):
        return 1
e = E()
seq = []
for step in range(3):
    if step == 1:
        E.f = lambda self: 2
    if step == 2:
        def f3(self):
            return 3
        E.f = f3
    seq.append(e.f())
print(seq)

# One call site sees several classes in turn (the cache keeps an entry per
# class); changing one class must not leave a stale entry for it.
class P:
    kind = "P"
    def who(self):
        return "P.who"
class Q(P):
    def who(self):
        return "Q.who"
class R(P):
    kind = "R"
class S:
    kind = "S"
    def who(self):
        return "S.who"
class T(S):
    pass
objs = [P(), Q(), R(), S(), T(), P(), Q()]
seen = []
for step in range(4):
    if step == 1:
        Q.who = lambda self: "Q.new"
        R.kind = "R2"
    if step == 2:
        S.who = lambda self: "S.new"
        del R.kind
    if step == 3:
        objs[0].who = lambda: "instance"
    seen.append([(o.kind, o.who()) for o in objs])
for row in seen:
    print(row)

# methods of built-in values through the same site: str, list, bytes, dict
vals = ["ab", [1, 2], b"ab", {"a": 1}, "cd"]
print([v.__len__() for v in vals], [v.count("a") if isinstance(v, str) else None for v in vals])
class MyStr(str):
    def upper(self):
        return "mine"
for v in ["x", MyStr("y"), "z"]:
    print(v.upper())
