# gen.send(x) resumes a plain generator in the caller's loop (as SEND and
# FOR_ITER do): the yielded value, StopIteration with the returned value
# (raised at the caller's line), the just-started check, exceptions and
# PEP 479 inside the generator, yield from, a generator sending to itself,
# exc_info inside and outside, a bound send saved in a variable.
import sys, traceback

def acc():
    total = 0
    while True:
        v = yield total
        total += v

a = acc()
next(a)
print([a.send(i) for i in range(5)])

def ret():
    x = yield 1
    return x * 2

g = ret()
print(next(g))
try:
    g.send(21)
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    g.send(1)
except StopIteration as e:
    print("stop again", e.args)

def none_ret():
    yield 1
g = none_ret(); next(g)
try:
    g.send(5)
except StopIteration as e:
    print("stop none", e.args, e.value)

g = ret()
try:
    g.send(3)
except TypeError as e:
    print("TypeError", e)
print(g.send(None))

def raiser():
    v = yield
    raise ValueError(v)
g = raiser(); next(g)
try:
    g.send("boom")
except ValueError as e:
    print("ValueError", e)
    tb = traceback.extract_tb(e.__traceback__)
    print([f.name for f in tb])

def stopper():
    yield
    raise StopIteration("x")
g = stopper(); next(g)
try:
    g.send(1)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

def inner():
    x = yield "i1"
    y = yield x
    return y
def outer():
    r = yield from inner()
    yield ("outer", r)
g = outer()
print(next(g), g.send("a"), g.send("b"))

def selfsend():
    yield g2.send(None)
g2 = selfsend()
try:
    next(g2)
except ValueError as e:
    print("ValueError", e)

# send inside a handler: exc_info is the generator's own inside it
def exc_gen():
    v = yield sys.exc_info()[0]
    yield sys.exc_info()[0], v
g = exc_gen()
try:
    raise KeyError
except KeyError:
    print(next(g).__name__ if next.__class__ else None)
    r = g.send(7)
    print(r[0], r[1], sys.exc_info()[0].__name__)

# send through a bound method saved in a variable, and send with keywords
g = acc(); next(g)
s = g.send
print(s(4), s(5))

# traceback of StopIteration points at the caller's line
g = ret(); next(g)
try:
    g.send(2)
except StopIteration as e:
    tb = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.line) for f in tb])

# deep: send in a recursion of generators
def chain(n):
    if n == 0:
        while True:
            x = yield
            yield x
    sub = chain(n - 1)
    next(sub)
    while True:
        x = yield
        sub.send(x)
        yield next(sub) if False else sub.send(None) if False else x + n
c = chain(3); next(c)
print(c.send(10))
