# object.__new__/__init__ excess-argument rules; enum on top of them.
for expr in ["object(1)", "object.__new__(object, 1)"]:
    try: eval(expr); print("ok")
    except TypeError as e: print(e)
class A: pass
class B:
    def __init__(self, x): self.x = x
class C:
    def __new__(cls, x): return super().__new__(cls)
class D:
    def __new__(cls, x): return super().__new__(cls, x)
class E:
    def __init__(self, x): super().__init__(x)
for f in [lambda: A(1), lambda: B(1).x, lambda: C(1), lambda: D(1), lambda: E(1)]:
    try: r = f(); print(type(r).__name__)
    except TypeError as e: print("TypeError", e)
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, Color(2), list(Color), Color.RED.name)
