# sys.getsizeof: CPython 3.11's sizes for common built-in objects and
# instances, __sizeof__ errors, the default.
import sys
class A: pass
class S(str): pass
vals = [0, 1, 2**100, 1.5, 'abc', 'é', 'ĀĀ', '😀', (), (1, 2), [], {}, set(), A(), None, True, 1j, b'ab', range(3)]
print([sys.getsizeof(v) for v in vals], sys.getsizeof(1, 'x'))
class B:
    def __sizeof__(self): return -1
class C:
    def __sizeof__(self): return 'x'
for o in (B(), C()):
    try: sys.getsizeof(o)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
print(sys.getsizeof(C(), 'dflt'))
