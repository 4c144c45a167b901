# Which types are unhashable (__hash__ None), type names and modules,
# pickling singletons and slices, argument conversions of str methods.
from collections.abc import Hashable
for o in [bytearray(), slice(1), [], {}, set(), 1, "a", (1,), frozenset()]:
    print(type(o).__name__, isinstance(o, Hashable), type(o).__hash__ is None)
class L(list): pass
print(isinstance(L(), Hashable))
import types, weakref, contextvars
class O: pass
o = O()
cv = contextvars.ContextVar('v'); tok = cv.set(1)
c = (lambda: o).__closure__
cell = (lambda x: (lambda: x))(1).__closure__[0]
for v in [bytearray(), slice(1), cell, type.__dict__, types.SimpleNamespace(), weakref.proxy(o), weakref.proxy(lambda: 1), tok]:
    try: print(hash(v))
    except TypeError as e: print(e)
    print(type(v).__hash__ is None, type(v).__module__, repr(type(v)))
import pickle
print(pickle.loads(pickle.dumps(types.SimpleNamespace(a=1))))
import pickle, copy
for v in [NotImplemented, Ellipsis, slice(1, 2, 3), slice(None), [slice(1), ...]]:
    print(pickle.loads(pickle.dumps(v)), copy.deepcopy(v), copy.copy(v))
print(NotImplemented.__reduce_ex__(2), Ellipsis.__reduce_ex__(0))
import array
print(type[int], type[int, str] if False else 0, list[int])
m = memoryview(b"abc"); print(bytes(m), bytes(m[1:]), bytes(memoryview(array.array('h', [1, 2]))), b"%b" % m, bytes(memoryview(bytearray(b"zz"))))
class T(type): pass
try: print(T[int])
except TypeError as e: print(e)
print(hasattr(memoryview, '__bytes__'), hasattr(type, '__class_getitem__'))
for f in ["'a'.center(10**30)", "'a'.ljust(10**30)", "'a'.zfill(10**30)", "'a'.expandtabs(10**30)", "b'a'.center(10**30)", "bytearray(b'a').zfill(10**30)", "object().__reduce_ex__(10**30)", "'a'.splitlines(10**30)", "'a'.splitlines('x')", "'a'.splitlines(1.5)", "(1).__round__(None)", "True.__round__(None)", "(0).__rdivmod__(1.5)", "b'ab'.hex([])", "bytearray(b'ab').hex([])", "memoryview(b'ab').hex([])", "NotImplemented.__reduce__()", "Ellipsis.__reduce__()", "slice(1).__reduce__()", "NotImplemented.__reduce_ex__(1)", "'a'*10**30", "[1][10**30]", "'ab'.split('a', 10**30)", "[1,2].pop(10**30)", "'abc'.find('a', 10**30)", "range(10**30)[0]", "'a'.__mul__('x')", "[1].__add__(1)", "(1,).__add__([])", "'a'.__add__(1)", "[].__rmul__(1.5)", "b'a'.__add__('x')", "bytearray(b'').__add__(1)"]:
    try: print(f, "->", repr(eval(f))[:60])
    except Exception as e: print(f, "->", type(e).__name__, e)
import array
m = memoryview(b"abc"); m.release()
for f in (bytes, bytearray):
    try: print(f(m))
    except ValueError as e: print("ValueError", e)
print(bytes(memoryview(array.array('i', [300]))))
