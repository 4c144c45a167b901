# super().m(...) in a method runs without the super object (qSuperMethod); its fallbacks
# (classmethods, attributes that are not functions, a rebound super) behave as the call.
class A:
    def area(self): return 1
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(x): return x * 2
    val = 5
class B(A):
    def area(self):
        return super().area() + 1
    def cm2(self): return super().cm()
    def sm2(self): return super().sm(3)
    def val2(self): return super().val
    def miss(self): return super().nope()
    def shadow(self):
        super = lambda: A()
        return super().area()
    @classmethod
    def ccm(cls): return super().cm()
class C(B):
    def area(self): return super().area() * 10
print(B().area(), C().area(), B().cm2(), B().sm2(), B().val2(), B().shadow(), B.ccm(), C.ccm())
try:
    B().miss()
except AttributeError as e:
    print("AE", e)
def nomethod():
    return super().x()
try:
    nomethod()
except RuntimeError as e:
    print("RE", e)
import builtins
orig = builtins.super
class D(A):
    def area(self): return super().area() + 100
print(D().area())
builtins.super = lambda: A()
print(D().area())
builtins.super = orig
print(D().area())
