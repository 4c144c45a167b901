# Generators resumed by FOR_ITER and by SEND (yield from, await) run in the
# resumer's loop without a Go call (interp/py/generator.go enterInline).
# Everything observable must stay as in CPython: values, return values of
# yield from, exceptions and their tracebacks, StopIteration turning into
# RuntimeError, sys.exc_info() inside and outside, gi_running, f_back,
# re-entrance errors, close/throw afterwards, and deep nesting.
import sys
import traceback


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squares(it):
    for v in it:
        yield v * v


def chained(n):
    r = yield from count(3)
    yield len(r)
    yield from squares(evens(count(n)))
    yield from range(3)


print(list(chained(10)), sum(chained(100)))
out = []
for v in chained(6):
    out.append(v)
print(out)


# a generator raising: traceback entries, and the loop's handler
def boom(n):
    for i in range(n):
        yield i
    raise KeyError("boom")


def consume(g):
    total = 0
    for v in g:
        total += v
    return total


try:
    consume(boom(3))
except KeyError as e:
    print("KeyError", e, [f.name for f in traceback.extract_tb(e.__traceback__)])


def outer():
    yield from boom(2)


try:
    for _ in outer():
        pass
except KeyError as e:
    print("KeyError via yield from", [f.name for f in traceback.extract_tb(e.__traceback__)])


# PEP 479: StopIteration inside a generator
def stops():
    yield 1
    raise StopIteration("inner")


try:
    for v in stops():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
    print([f.name for f in traceback.extract_tb(e.__traceback__)])


def stops_via_yield_from():
    yield from stops()


try:
    print(list(stops_via_yield_from()))
except RuntimeError as e:
    print("RuntimeError", e)


# handlers inside the generator, and exc_info on both sides
def guarded():
    try:
        yield 1
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[1].args
    yield sys.exc_info()[0]


try:
    raise TypeError("outside")
except TypeError:
    for v in guarded():
        print(v, sys.exc_info()[0].__name__)
print(sys.exc_info())


def catches_own():
    for i in range(3):
        try:
            if i == 1:
                raise IndexError(i)
            yield i
        except IndexError as e:
            yield "caught %r" % e


print(list(catches_own()))


# the exception context of an exception raised in the consumer
def gen_ctx():
    try:
        raise OSError("in gen")
    except OSError:
        yield 1


for v in gen_ctx():
    try:
        raise ZeroDivisionError
    except ZeroDivisionError as e:
        print("context:", repr(e.__context__))


# gi_running, f_back and re-entrance
def introspect():
    g = yield
    yield g.gi_running, sys._getframe().f_back.f_code.co_name


def driver():
    g = introspect()
    next(g)
    for v in [g.send(g)]:
        print(v)
    print(g.gi_running)


driver()


def reenter():
    yield next(me)


me = reenter()
try:
    for v in me:
        pass
except ValueError as e:
    print("ValueError", e)


# yield from: send, throw, close, return values
def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def delegate():
    r = yield from accumulate()
    yield "returned %s" % r


d = delegate()
print(next(d), d.send(1), d.send(2), d.send(None))
d = delegate()
next(d)
try:
    d.throw(ValueError("thrown"))
except ValueError as e:
    print("throw:", e)
d = delegate()
next(d)
d.send(5)
d.close()
print("closed", d.gi_frame)


def just_started():
    yield from accumulate_fresh()


def accumulate_fresh():
    v = yield 1
    yield v


g = just_started()
try:
    g.send(3)
except TypeError as e:
    print("TypeError", e)


# finished generators, and a generator finished during a for loop
g = count(2)
print(list(g), list(g))
for v in g:
    print("never")
g = count(5)
for v in g:
    if v == 2:
        break
print(next(g), list(g))


# deep nesting of yield from chains and recursion through generators
def tree(n):
    if n == 0:
        yield 0
        return
    yield n
    yield from tree(n - 1)


print(sum(tree(200)))


def rec(n):
    if n:
        for v in rec(n - 1):
            yield v + 1
    else:
        yield 0


print(list(rec(50)))


def deep(n):
    for v in deep(n + 1):
        yield v


try:
    for v in deep(0):
        pass
except RecursionError as e:
    print("RecursionError")


# generator expressions and comprehensions consuming generators
print(sum(x for x in count(10) if x % 3 == 0), [y for y in squares(count(4))],
      {k: v for k, v in zip(count(3), squares(count(3)))})


# coroutines driven by await
class Ready:
    def __await__(self):
        v = yield "suspend"
        return v * 2


async def inner():
    return await Ready()


async def outer_coro():
    a = await inner()
    return a + 1


c = outer_coro()
print(c.send(None))
try:
    c.send(20)
except StopIteration as e:
    print("coroutine returned", e.value)


async def raises():
    await Ready()
    raise StopIteration("in coroutine")


c = raises()
c.send(None)
try:
    c.send(1)
except RuntimeError as e:
    print("RuntimeError", e)
