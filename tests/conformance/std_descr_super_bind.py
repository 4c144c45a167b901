class A:
    def meth(self, a):
        return "A(%r)" % a
class B(A):
    def meth(self, a):
        return "B(%r)" % a + self.__super.meth(a)
B._B__super = super(B)
class C(A):
    def meth(self, a):
        return "C(%r)" % a + self.__super.meth(a)
C._C__super = super(C)
class D(C, B):
    def meth(self, a):
        return "D(%r)" % a + super(D, self).meth(a)
print(D().meth(4), C().meth(3))
print(super(B).__get__(None, B) is not None, type(B.__dict__['_B__super'].__get__(B(), B)).__name__)
class Proxy:
    def __init__(self, obj):
        self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        return getattr(self.__obj, name)
class P:
    def f(self):
        return "P.f"
class Q(P):
    def f(self):
        return super(Q, self).f() + "->Q.f"
print(Q.__dict__["f"](Proxy(Q())))
try:
    super(Q, Proxy(1))
except TypeError as e:
    print("TE", e)
