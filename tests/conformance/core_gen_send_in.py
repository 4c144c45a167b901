# A resumed generator runs the instruction after its yield at once when
# that instruction only consumes the sent value (interp/py/generator.go
# sendIn): the POP_TOP of `yield x`, the STORE_FAST of `v = yield x`, the
# JUMP back to the SEND of `yield from`. Everything observable must stay
# as in CPython: the sent values, line numbers of the frame and of
# tracebacks raised right after the yield, trace events when a trace
# function is set while the generator is suspended, and the recursion
# limit reached at the resumption (the generator can be resumed later).
import sys
import traceback


def stmt_yield(n):
    for i in range(n):
        yield i
        yield -i


def store_yield():
    total = 0
    while True:
        v = yield total
        total += v


def raises_after():
    x = yield 1
    y = yield x
    raise ValueError(y)


def inner():
    a = yield "a"
    b = yield a
    return (a, b)


def outer():
    r = yield from inner()
    yield ("returned", r)


print(list(stmt_yield(3)))
print(sum(stmt_yield(10)), sum(x for x in stmt_yield(5)))
acc = store_yield()
print(next(acc), acc.send(3), acc.send(4), acc.send(-10))
for v in stmt_yield(2):
    print("for", v)

g = raises_after()
print(next(g), g.send("sent"))
try:
    g.send("boom")
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("ValueError", e, [(f.name, f.lineno) for f in tb])

o = outer()
print(next(o), o.send(1), o.send(2))
o = outer()
next(o)
try:
    o.throw(KeyError("k"))
except KeyError as e:
    print("thrown through yield from", repr(e))

# gi_frame line numbers at each suspension
g = stmt_yield(2)
next(g)
print("line", g.gi_frame.f_lineno - stmt_yield.__code__.co_firstlineno)
next(g)
print("line", g.gi_frame.f_lineno - stmt_yield.__code__.co_firstlineno)
next(g)
print("line", g.gi_frame.f_lineno - stmt_yield.__code__.co_firstlineno)

# a trace function set while the generator is suspended sees the lines
# after the yield
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("stmt_yield", "store_yield"):
        events.append((frame.f_code.co_name, event,
                       frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


g = stmt_yield(3)
next(g)
acc = store_yield()
next(acc)
sys.settrace(tracer)
next(g)
next(g)
acc.send(5)
acc.send(6)
sys.settrace(None)
print(events)
print(next(g), acc.send(1))

# the recursion limit at the resumption leaves the generator resumable
acc = store_yield()
next(acc)


def deep(n):
    if n == 0:
        return acc.send(1)
    return deep(n - 1)


try:
    deep(sys.getrecursionlimit() + 10)
except RecursionError:
    print("RecursionError")
print(acc.send(2), acc.send(3))
g = stmt_yield(3)
next(g)


def deep_next(n):
    if n == 0:
        return next(g)
    return deep_next(n - 1)


try:
    deep_next(sys.getrecursionlimit() + 10)
except RecursionError:
    print("RecursionError")
print(list(g))
