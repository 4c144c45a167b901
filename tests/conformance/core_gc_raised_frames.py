# An object reachable only from the frames of a call that raised is
# collectable once the exception is dropped: no frame pool, traceback or
# stale slot keeps it (weakref + gc.collect, as CPython frees it).
import gc
import sys
import weakref

class A:
    def boom(self):
        raise ValueError("boom")

def boomf(x):
    y = [x]
    raise ValueError("boomf")

def via_bound_method():
    a = A()
    r = weakref.ref(a)
    m = a.boom
    del a
    try:
        m()
    except ValueError:
        pass
    del m
    return r

def via_method_call():
    a = A()
    r = weakref.ref(a)
    try:
        a.boom()
    except ValueError:
        pass
    del a
    return r

def via_argument():
    a = A()
    r = weakref.ref(a)
    try:
        boomf(a)
    except ValueError as e:
        pass
    del a
    return r

def via_unbound_method():
    a = A()
    r = weakref.ref(a)
    try:
        A.boom(a)
    except ValueError:
        pass
    del a
    return r

def nested(depth, x):
    if depth:
        return nested(depth - 1, x)
    raise KeyError("deep")

def via_deep_stack():
    a = A()
    r = weakref.ref(a)
    try:
        nested(20, a)
    except KeyError:
        pass
    del a
    return r

def via_getframe():
    def inner(x):
        return sys._getframe()
    a = A()
    r = weakref.ref(a)
    f = inner(a)
    del a, f
    return r

def gen(x):
    yield x
    yield 2

def via_generator():
    a = A()
    r = weakref.ref(a)
    g = gen(a)
    next(g)
    del a, g
    return r

kept = []
def kept_traceback():
    # while the exception (and so its traceback's frames) lives, so does a
    a = A()
    r = weakref.ref(a)
    try:
        boomf(a)
    except ValueError as e:
        kept.append(e)
    del a
    return r

for case in [via_bound_method, via_method_call, via_argument, via_unbound_method,
             via_deep_stack, via_getframe, via_generator, kept_traceback]:
    r = case()
    gc.collect()
    print(case.__name__, "alive" if r() is not None else "collected")
kept.clear()
gc.collect()
print("after dropping the kept exception:", "alive" if r() is not None else "collected")
