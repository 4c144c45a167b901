# __new__/__init__ interplay, immutable subclasses, object() protocol.
class Logged:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        print("__init__", v)
        self.v = v
o = Logged(5)
print(o.v)
class Other:
    pass
class ReturnsOther:
    def __new__(cls):
        return Other()
    def __init__(self):
        print("not called: __new__ returned a non-instance")
print(type(ReturnsOther()).__name__)
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper("abc"), type(Upper("x")).__name__, Upper("q") == "Q")
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, isinstance(Pos(1), int))
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
p = Pair(1, 2)
print(p, p.first, len(p), p + (3,))
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print("TypeError", e)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError", e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError", e)
class CustomNewOnly:
    def __new__(cls, *a, **k):
        return super().__new__(cls)
print(type(CustomNewOnly(1, 2, x=3)).__name__)
print(object.__repr__(Single()).startswith("<__main__.Single object"), object.__eq__(1, 1), object.__eq__(1, 2))
