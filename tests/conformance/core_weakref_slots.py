# Weak references to instances as CPython allows them: not when __slots__
# leave out __weakref__, nor to int/tuple subclasses.
import weakref
class S:
    __slots__ = ('a',)
class SW:
    __slots__ = ('a', '__weakref__')
class I(int): pass
class T(tuple): pass
class L(list): pass
class P: pass
class Sub(S): pass
class SubP(P):
    __slots__ = ()
for c in (S, SW, I, T, L, P, Sub, SubP):
    try:
        o = c()
        r = weakref.ref(o)
        print(c.__name__, 'ok', r() is o)
    except TypeError as e:
        print(c.__name__, e)
ws = weakref.WeakSet()
try: ws.add(S())
except TypeError as e: print(e)
