# dir, vars, callable, help-free builtins.
class A:
    x = 1
    def m(self): pass
class B(A):
    y = 2
    def __init__(self): self.z = 3
b = B()
print([n for n in dir(b) if not n.startswith("__")], [n for n in dir(B) if not n.startswith("__")], "__init__" in dir(b), "mro" in dir(type))
class D:
    def __dir__(self): return ["zeta", "alpha", "mid"]
print(dir(D()), sorted(vars(b)), vars(b) is b.__dict__, "x" in vars(A))
def f():
    local1 = 1; local2 = 2
    return dir()
print(f())
import math
print("sqrt" in dir(math), dir(math) == sorted(dir(math)), [n for n in dir(1) if n in ("real", "bit_length", "__add__")])
for bad in [lambda: vars(1), lambda: dir(1, 2), lambda: vars(1, 2)]:
    try:
        print(bad())
    except TypeError as ex:
        print("TypeError", ex)
print(callable(len), callable(A), callable(b), callable(b.m), callable(1), callable(lambda: 0), breakpoint is not None)
print(isinstance(memoryview, type), isinstance(enumerate, type), issubclass(bool, int), type(reversed([1])) is not None)
