# Slots of a class after its attributes change: built-in slot wrappers
# assigned to an unrelated class, deleting __new__ / __init__, and
# assigning __bases__ (class calls and attribute lookups of subclasses
# must see the new hierarchy, also from call sites that ran before).


def t(label, f):
    try:
        r = f()
        print(label, "ok", r if isinstance(r, (int, str, tuple)) else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)


# (2) a built-in type's slot wrapper on an unrelated class
class Leaf:
    pass


Leaf.__init__ = dict.__init__
t("leaf-init", lambda: Leaf(1))
t("leaf-init0", lambda: Leaf())


class L2:
    pass


L2.__repr__ = dict.__repr__
L2.__len__ = list.__len__
L2.__hash__ = dict.__hash__
L2.__lt__ = list.__lt__
L2.__getitem__ = dict.__getitem__
L2.__iter__ = list.__iter__
x = L2()
t("repr", lambda: repr(x))
t("len", lambda: len(x))
t("hash", lambda: hash(x))
t("lt", lambda: x < x)
t("getitem", lambda: x[0])
t("iter", lambda: iter(x))
t("unbound", lambda: dict.__init__(x))
t("unbound-len", lambda: list.__len__(x))
t("bound", lambda: L2.__dict__["__len__"].__get__(x))
t("method-descr", lambda: list.append(x, 1))
L2.__new__ = dict.__new__  # CPython keeps the old __new__ slot
t("new-wrapper", lambda: L2())


class Ok(dict):
    pass


Ok.__init__ = dict.__init__
t("subclass-ok", lambda: sorted(Ok(a=1).items())[0])


# (3) deleting __new__ and __init__
class Base:
    def __new__(cls, *a):
        return super().__new__(cls)


class Pre(Base):
    pass


del Base.__new__


class Post(Base):
    pass


t("base1", lambda: Base(1))
t("pre1", lambda: Pre(1))
t("post1", lambda: Post(1))
t("base0", lambda: Base())
t("post0", lambda: Post())


class B2:
    def __new__(cls, *a):
        return super().__new__(cls)

    def __init__(self, *a):
        pass


class P2(B2):
    pass


del B2.__new__
t("b2", lambda: B2(1))
t("p2", lambda: P2(1))
del B2.__init__
t("b2-noinit", lambda: B2(1))
t("p2-noinit", lambda: P2(1))


class B3:
    def __init__(self, *a):
        pass


class P3(B3):
    pass


t("b3", lambda: B3(1))
del B3.__init__
t("b3-del", lambda: B3(1))
t("p3-del", lambda: P3(1))
t("b3-0", lambda: B3())
B3.__init__ = lambda self, *a: None
t("b3-again", lambda: B3(1))
t("p3-again", lambda: P3(1))


class B4:
    pass


B4.__new__ = lambda cls, *a: object.__new__(cls)
t("b4", lambda: B4(1))
del B4.__new__
t("b4-del", lambda: B4(1))


# (4) assigning __bases__
class A:
    def __init__(self, x):
        self.x = x

    def who(self):
        return "A"


class B:
    def __init__(self):
        self.x = "b"

    def who(self):
        return "B"


class C(A):
    pass


class D(C):
    pass


def make(*a):
    return D(*a)


def who(o):
    return o.who()


for i in range(50):  # warm up the call sites' caches
    d = make(i)
    who(d)
print(d.x, who(d))
C.__bases__ = (B,)
print(D.__mro__ == (D, C, B, object), C.__base__ is B, D.__base__ is C)
d = make()
print(d.x, who(d), isinstance(d, A), isinstance(d, B), issubclass(D, A))
t("old-init", lambda: make(1))
print(B.__subclasses__() == [C], A.__subclasses__())
C.__bases__ = (A,)
for i in range(3):
    print(make(i).x, who(make(i)))


# a change further up the hierarchy
class G1:
    def __init__(self):
        self.v = "G1"


class G2:
    def __init__(self):
        self.v = "G2"


class M1(G1):
    pass


class M2(M1):
    pass


class M3(M2):
    pass


def m3():
    return M3().v


for i in range(50):
    m3()
print(m3())
M1.__bases__ = (G2,)
print(m3(), [k.__name__ for k in M3.__mro__])


# multiple bases reordered
class E(A, B):
    pass


print(E(1).who())
E.__bases__ = (B, A)
print(E().who(), [k.__name__ for k in E.__mro__])

# errors


def s(cls, v):
    def f():
        cls.__bases__ = v

    return f


class S:
    __slots__ = ("a",)


t("list", s(C, [B]))
t("empty", s(C, ()))
t("notclass", s(C, (1,)))
t("cycle", s(C, (D,)))
t("self", s(C, (C,)))
t("int", s(C, (int,)))
t("dup", s(C, (A, A)))
t("slots", s(C, (S,)))
t("builtin", s(int, (object,)))


def dl():
    del C.__bases__


t("del", dl)


class X(A):
    pass


class Y(X):
    pass


t("mro-conflict", s(C, (A, X)))
print([k.__name__ for k in C.__mro__], [k.__name__ for k in D.__mro__])


class L(list):
    pass


class Lb(list):
    pass


class Lm(L):
    pass


t("list-sub", s(Lm, (Lb,)))
print([k.__name__ for k in Lm.__mro__], len(Lm([1, 2])))
