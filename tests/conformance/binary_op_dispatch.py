# Binary operators between built-in sequences and classes with reflected
# methods, each method called once; sequence dunders called directly.
class A:
    def __add__(self, o): print("A.add"); return NotImplemented
class B:
    def __radd__(self, o): print("B.radd"); return NotImplemented
try: A() + B()
except TypeError as e: print(e)
class C(list): pass
class D:
    def __radd__(self, o): print("D.radd"); return "d"
print(C([1]) + D())
print([1] + D())
class E(list):
    def __add__(self, o): print("E.add"); return NotImplemented
print(E() + D())
try: E() + 1
except TypeError as e: print(e)
class N:
    def __radd__(self, o): return "radd"
    def __rmul__(self, o): return "rmul"
for e in ["[1] + N()", "(1,) + N()", "'a' + N()", "[1] * N()", "'a' * N()", "b'a' + N()", "bytearray() + N()"]:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, '->', type(x).__name__, x)
def f(a, b): return a + b
print(f([1], N()))
class N:
    def __radd__(self, o): return "radd"
class M: pass
for e in ["b'a' + N()", "bytearray() + N()", "b'a' + 1", "bytearray(b'x') + 'y'", "b'a'.__add__(1)", "bytearray().__add__(M())", "b'a' + bytearray(b'b')", "bytearray(b'a') + b'b'", "b'a' + memoryview(b'c')", "memoryview(b'c') + b'a'", "'a' + b'a'"]:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, '->', type(x).__name__, x)
ba = bytearray(b'a')
for v in [N(), 1, b'x', M()]:
    try:
        x = bytearray(b'a'); x += v; print(x)
    except Exception as e: print(type(e).__name__, e)
import collections, array
for e in ["collections.deque([1]).__add__(1)", "array.array('i').__add__(1)", "collections.deque().__mul__(1.5)", "collections.deque().__rmul__('x')", "[1].__mul__(2)", "[1].__rmul__(True)", "'ab'.__add__('c')", "class S(str): pass\nS('a').__add__(1)"]:
    try: print(e, '->', eval(e) if '\n' not in e else exec(e))
    except Exception as x: print(e, '->', type(x).__name__, x)
class N:
    def __radd__(self, o): return "radd"
    def __rmul__(self, o): return "rmul"
print([1] + N(), (1,) + N(), "a" + N(), [1] * N(), "a" * N())
