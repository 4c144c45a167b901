# type.__annotations__ and module.__annotations__ (3.10+): a class's or module's
# own annotations, an empty dict made on first access, never a base's.
import types
class A:
    attr: int
class B(A):
    pass
print(B.__annotations__, A.__annotations__, "__annotations__" in B.__dict__)
m = types.ModuleType("m")
print(m.__annotations__, "__annotations__" in m.__dict__)
m.__annotations__ = {"x": 1}
print(m.__annotations__)
del m.__annotations__
try:
    del m.__annotations__
except AttributeError as e:
    print("AttributeError", e)
print(m.__annotations__)
class C: pass
C.__annotations__ = {"a": 1}
print(C.__annotations__)
del C.__annotations__
try:
    del C.__annotations__
except AttributeError as e:
    print("AttributeError", e)
print(C.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print("AttributeError", e)
try:
    C.__annotations__ = 5; print(C.__annotations__)
except Exception as e: print(type(e).__name__, e)
try:
    m.__annotations__ = 5; print(m.__annotations__)
except Exception as e: print(type(e).__name__, e)
import collections
print(type.__dict__['__annotations__'], types.ModuleType.__dict__['__annotations__'])
class M(type): pass
class D(metaclass=M):
    x: int
class E(D): pass
print(E().__annotations__, E.__annotations__, E().__annotations__, D().__annotations__)
try:
    del E.__annotations__; del E.__annotations__
except AttributeError as e:
    print("AttributeError", e)
class F(M): pass
print(F.__annotations__)
import sys
mod = sys.modules[__name__]
x: int = 1
print(mod.__annotations__, __annotations__ is mod.__annotations__)
class S(types.ModuleType):
    @property
    def __dict__(self):
        return {"__annotations__": "from property"}
print(S("s").__annotations__)
