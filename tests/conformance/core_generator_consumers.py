# Generators consumed by built-ins written in Go (sum, list, tuple,
# str.join, min/max, any/all, sorted, set, dict, list.extend, enumerate,
# zip, map, next) resume the generator through Generator.next, and
# generators are allocated with their frame (interp/py/generator.go).
# Everything observable must stay as in CPython: values, exceptions and
# tracebacks through the consumer, PEP 479, sys.exc_info() on both sides,
# gi_running and gi_frame, re-entrance, early stops, close and throw
# afterwards, generators with many locals.
import sys
import threading
import traceback


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "ret"


def words():
    yield "a"
    yield "bb"
    yield "ccc"


print(sum(count(10)), sum(count(10), 100), list(count(5)), tuple(count(3)))
print(",".join(words()), "".join(w.upper() for w in words()))
print(min(count(7)), max(count(7)), min(x for x in [3, 1, 2]), max((x for x in "hello"), key=ord))
print(any(x > 3 for x in count(10)), all(x < 3 for x in count(10)), any(count(0)), all(count(0)))
print(sorted(x % 3 for x in range(9)), sorted(set(x % 4 for x in range(20))))
print(dict((x, x * x) for x in range(4)), frozenset(x & 1 for x in range(5)))
l = [0]
l.extend(count(3))
l += (x * 10 for x in range(2))
print(l)
print(list(enumerate(words())), list(zip(count(10), words())), list(map(len, words())))
print(sum(x for x in range(10) if x % 3 == 0), sum((x * 0.5 for x in range(4)), 0.25))
print(list(reversed(list(count(4)))), bytes(x for x in range(65, 70)), bytearray(count(3)))

# exhausted generators give nothing more
g = count(3)
print(list(g), list(g), sum(g), next(g, "end"))


# an exception raised inside the generator passes through the consumer
def boom(n):
    for i in range(n):
        yield i
    raise KeyError("boom")


for consumer in (sum, list, tuple, sorted, set, min, max, any, "join"):
    try:
        if consumer == "join":
            ",".join(str(x) for x in boom(3))
        elif consumer is any:
            any(x < 0 for x in boom(3))
        else:
            consumer(boom(3))
    except KeyError as e:
        names = [f.name for f in traceback.extract_tb(e.__traceback__)]
        print(getattr(consumer, "__name__", consumer), "KeyError", e, names)


# PEP 479: StopIteration inside a generator becomes RuntimeError
def stops():
    yield 1
    raise StopIteration("inner")


for consumer in (sum, list, tuple):
    try:
        consumer(stops())
    except RuntimeError as e:
        print(consumer.__name__, "RuntimeError", e, type(e.__cause__).__name__, e.__cause__)


# the consumer's own error while the generator is suspended: the generator
# stays usable
def mixed():
    yield 1
    yield "x"
    yield 3


g = mixed()
try:
    sum(g)
except TypeError as e:
    print("TypeError", e)
print(next(g), g.gi_running, g.gi_frame is not None)
print(list(g), g.gi_frame)


# re-entrance: the consumer calls back into Python code that advances the
# same generator between items (legal: the generator is not running then)
class Adder:
    def __init__(self, v, gen):
        self.v, self.gen = v, gen

    def __add__(self, other):
        extra = next(self.gen, 0)
        return Adder(self.v + other + extra, self.gen)

    __radd__ = __add__


def nums():
    for i in range(1, 7):
        yield i


gen = nums()
acc = Adder(0, gen)
r = sum(gen, acc)
print("reentrant sum", r.v)


# resuming a generator from inside itself
def selfish():
    yield 1
    try:
        next(me)
    except ValueError as e:
        print("inside:", e)
    yield 2


me = selfish()
print(list(me))


# gi_running inside and outside
def running():
    yield rg.gi_running
    yield rg.gi_running


rg = running()
print(list(rg), rg.gi_running)


# sys.exc_info() inside a generator driven by a consumer that runs in an
# except block, and after
def excinfo():
    yield repr(sys.exc_info()[1])
    try:
        raise ValueError("inside")
    except ValueError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


try:
    raise KeyError("outer")
except KeyError:
    print(list(excinfo()))
    print(repr(sys.exc_info()[1]))
print(list(excinfo()), sys.exc_info())


# a generator suspended inside its except block keeps its exception state
def holds():
    try:
        raise IndexError("held")
    except IndexError:
        yield 1
        yield repr(sys.exc_info()[1])


h = holds()
print(next(h), repr(sys.exc_info()[1]), next(h), repr(sys.exc_info()[1]))


# early stop: any() leaves the generator suspended; close runs finally
def guarded():
    try:
        for i in range(10):
            yield i
    finally:
        print("finally ran")


g = guarded()
print(any(x == 2 for x in g))
print(next(g))
g.close()
print(g.gi_frame, list(g))


# throw into a generator that a consumer left suspended
def catcher():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            yield "caught " + str(e)


g = catcher()
print(next(g), g.throw(ValueError("v")), next(g))
print(list(zip(g, range(2))))
g.close()


# generators with many locals and deep stacks (more than the slots kept
# inside the generator's allocation)
def many(n):
    a, b, c, d, e, f, h, i, j, k = range(10)
    for x in range(n):
        yield (a + b + c + d + e + f + h + i + j + k) * x, [x, (x, (x, [x, x]))]


print(sum(v for v, _ in many(5)), list(many(2)))


def nested_try():
    try:
        try:
            try:
                yield 1
                raise OSError("deep")
            finally:
                yield 2
        except OSError as e:
            yield str(e)
    finally:
        yield 4


print(list(nested_try()))


# gi_frame and gi_code while suspended and after finishing
def framed(n):
    total = 0
    for i in range(n):
        total += i
        yield total


g = framed(4)
print(next(g), g.gi_frame.f_lineno - framed.__code__.co_firstlineno, g.gi_frame.f_locals)
fr = g.gi_frame
print(list(g), g.gi_frame, g.gi_code is framed.__code__, g.gi_code.co_name)
print(fr.f_code.co_name, sorted(fr.f_locals))

# generator expressions made in a loop, each consumed by a different builtin
out = []
for i in range(200):
    parts = ["x%d" % j for j in range(i % 5)]
    out.append((",".join(p.upper() for p in parts), sum(len(p) for p in parts), tuple(p for p in parts if p)))
print(out[:6], len(out), sum(len(o[0]) for o in out))

# the return value of a generator is dropped by consumers, kept by yield from
def wrapper():
    r = yield from count(2)
    yield r


print(list(wrapper()), sum(count(3)))


# two threads resuming one generator: "generator already executing"
started = threading.Event()
release = threading.Event()


def slow():
    started.set()
    release.wait()
    yield 1
    yield 2


sg = slow()
result = []
t = threading.Thread(target=lambda: result.append(list(sg)))
t.start()
started.wait()
try:
    sum(sg)
except ValueError as e:
    print("thread:", e)
release.set()
t.join()
print(result)


# a generator raising inside nested consumers keeps a full traceback
def level3():
    yield 1
    1 / 0


def level2():
    yield from level3()


try:
    list(x for x in level2())
except ZeroDivisionError as e:
    print([f.name for f in traceback.extract_tb(e.__traceback__)])
