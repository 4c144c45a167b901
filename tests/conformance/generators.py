# generators: laziness, state, return values, close, generator expressions.
def count(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("done")
    return "ret"
g = count(3)
print("created", type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count(2)), next(iter(count(1)), None))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = with_finally()
print(next(g))
g.close()
print("closed")
g.close()
def gen_return_early():
    yield 1
    return
    yield 2
print(list(gen_return_early()))
def chain(*its):
    for it in its:
        for v in it:
            yield v
print(list(chain([1, 2], "ab", range(2))))
def stop_inside():
    yield 1
    raise StopIteration
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError", e)
g = (i for i in range(3))
print(g.__next__(), iter(g) is g, list(g))
def state():
    x = yield
    while True:
        x = yield x * 2
s = state(); next(s)
print(s.send(1), s.send(5), s.send(10))
gen = count(0)
print(gen.gi_running, gen.gi_frame is not None)
list(gen)
print(gen.gi_frame)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
def gen_exc():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
gx = gen_exc(); next(gx); gx.close()
