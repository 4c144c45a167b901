# inheritance, method resolution order, isinstance/issubclass.
class A:
    def who(self): return "A"
    def hello(self): return "hello from " + self.who()
class B(A):
    def who(self): return "B"
class C(A):
    def who(self): return "C"
    def only_c(self): return "only C"
class D(B, C):
    pass
d = D()
print(d.who(), d.hello(), d.only_c(), [k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
print(isinstance(d, A), isinstance(d, (int, C)), issubclass(D, B), issubclass(B, C), issubclass(D, object))
print(D.__bases__, B.__base__, A.__subclasses__())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("TypeError", e)
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
class Base:
    def __init__(self):
        self.log = ["Base"]
    def f(self):
        return "Base.f"
class Derived(Base):
    def __init__(self):
        Base.__init__(self)
        self.log.append("Derived")
    def f(self):
        return "Derived.f+" + Base.f(self)
obj = Derived()
print(obj.log, obj.f())
class Shape:
    sides = 0
    def describe(self): return f"{type(self).__name__} with {self.sides} sides"
class Triangle(Shape): sides = 3
class Square(Shape): sides = 4
print([s.describe() for s in (Triangle(), Square(), Shape())])
print(bool.__mro__, int.__subclasses__().__class__.__name__, issubclass(KeyError, LookupError))
class MyList(list):
    def total(self): return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml[:2]).__name__, type(ml + [1]).__name__)
class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
print(MyInt(5) + 1, repr(MyInt(5)), MyInt(7) == 7, type(MyInt(3) * 2).__name__)
class MyStr(str):
    pass
print(MyStr("ab").upper(), type(MyStr("ab").upper()).__name__, MyStr("x") + "y")
class MyDict(dict):
    def __missing__(self, k): return 0
md = MyDict(a=1)
print(md["a"], md["b"], md)
