# Classes get CPython's __dict__ and __weakref__ descriptors in their own
# dict exactly when no base provides them and __slots__ does not leave them out.
for b in (object, int, str, tuple, bytes, list, dict, set, frozenset, Exception, BaseException, float, complex, bytearray, type):
    X = type('X', (b,), {})
    Y = type('Y', (X,), {})
    print(b.__name__, sorted(k for k in vars(X) if k in ('__dict__','__weakref__')), sorted(k for k in vars(Y) if k in ('__dict__','__weakref__')))
class A: __slots__ = ()
class B(A): pass
class C: __slots__=('__dict__',)
class D(C): pass
class E: __slots__ = ('a', '__weakref__')
print(sorted(k for k in vars(B) if k in ('__dict__','__weakref__')), sorted(k for k in vars(C) if k in ('__dict__','__weakref__')), sorted(k for k in vars(D) if k in ('__dict__','__weakref__')), sorted(k for k in vars(E) if k in ('__dict__','__weakref__')))
import weakref
class W: pass
w = W(); print(w.__weakref__); r = weakref.ref(w); print(w.__weakref__ is r, E().__weakref__)
print(list(vars(W)), W.__dict__['__dict__'], W.__dict__['__weakref__'])
w.__dict__ = {'z': 1}; print(w.z)
try: w.__weakref__ = 1
except AttributeError as e: print(e)
