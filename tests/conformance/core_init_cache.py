# A class call runs a Python __init__ inline; which __init__ (if any) is
# remembered per class version: every change along the MRO must be seen.
class Base:
    def __init__(self, v):
        self.v = ("base", v)


class Mid(Base):
    pass


class Leaf(Mid):
    pass


def make(n):
    return [Leaf(i).v for i in range(n)]


print(make(2))
Base.__init__ = lambda self, v: setattr(self, "v", ("lambda", v))
print(make(2))


def init2(self, v, w=10):
    self.v = ("defaults", v, w)


Mid.__init__ = init2
print(make(2))
init2.__defaults__ = None
try:
    make(1)
except TypeError as e:
    print("TypeError", e)
init2.__defaults__ = (20,)
print(make(2))
del Mid.__init__
print(make(2))


def code_a(self, v):
    self.v = ("a", v)


def code_b(self, v):
    self.v = ("b", v)


Leaf.__init__ = code_a
print(make(2))
code_a.__code__ = code_b.__code__
print(make(2))


# (last: CPython's object.__new__ then rejects the arguments)
def new(cls, *a):
    o = object.__new__(cls)
    o.v = ("new", a)
    return o


Base.__new__ = new
print(make(2))
