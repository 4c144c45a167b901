# A comprehension's function object is shared between evaluations with the
# same globals, builtins and closure cells (interp/py/function.go
# compFunction), and a finished generator's frame goes back to the frame
# pool unless something can still see it (generator.go recycle). Nothing
# of that may show: closures of different calls, recursion through the
# iterable, exec with other globals and builtins, threads, frames kept by
# tracebacks, sys._getframe and gi_frame.
import sys
import threading
import traceback


# recursion through the comprehension's iterable: each level has its own
# closure cell for n
def rec(n):
    return [x + n for x in (rec(n - 1) if n else [0])]


print(rec(4))


def rec_gen(n):
    return list(x * n for x in (rec_gen(n - 1) if n > 1 else [1, 2]))


print(rec_gen(4))


# closures that differ per call and per iteration
def adders():
    out = []
    for k in range(4):
        out.append([k + y for y in range(3)])
        out.append(list(k * y for y in range(3)))
    return out


print(adders())


def nested():
    return [[x + y for y in range(3)] for x in range(4)]


print(nested(), nested() == nested())


# generator expressions kept alive side by side, made by the same code
def make(k):
    return (k * i for i in range(3))


gens = [make(k) for k in range(4)]
print([list(g) for g in gens])
gens = [make(k) for k in range(4)]
print([next(g) for g in gens], [list(g) for g in reversed(gens)])

# the same comprehension code run under other globals and builtins
src = "r = [len(x) for x in items]\ng = list(len(x) for x in items)"
code = compile(src, "<src>", "exec")
ns1 = {"items": ["a", "bb"]}
exec(code, ns1)
ns2 = {"items": ["ccc"], "__builtins__": {"len": lambda s: -1, "list": list}}
exec(code, ns2)
exec(code, ns1)
print(ns1["r"], ns1["g"], ns2["r"], ns2["g"])


def uses_global():
    return [scale * x for x in range(3)]


scale = 2
a = uses_global()
scale = 10
print(a, uses_global())


# threads running the same comprehensions with their own closures
results = {}


def worker(k):
    acc = []
    for i in range(300):
        acc.append(sum([k + j for j in range(4)]) + sum(k * j for j in range(3)))
    results[k] = acc[-1], len(acc)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))


# a finished generator's frame stays valid where something kept it
def framed():
    me = sys._getframe()
    x = 42
    yield me


g = framed()
fr = next(g)
print(list(g), fr.f_code.co_name, fr.f_locals["x"])
# other generators run after it and may reuse freed frames
print(sum(sum(i for i in range(k)) for k in range(10)))
print(fr.f_code.co_name, fr.f_locals["x"], fr.f_lineno - framed.__code__.co_firstlineno)


def raiser(n):
    local_value = n * 3
    yield n
    raise ValueError(n)


tbs = []
for n in range(3):
    try:
        list(raiser(n))
    except ValueError as e:
        tbs.append(e.__traceback__)
print(sum(x for x in range(100)), [list(y for y in range(k)) for k in range(3)])
for tb in tbs:
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals["local_value"], tb.tb_lineno - raiser.__code__.co_firstlineno)


def seen():
    v = "kept"
    yield 1
    yield 2


g = seen()
next(g)
fr = g.gi_frame
print(list(g), g.gi_frame, fr.f_code.co_name, fr.f_locals.get("v"))
print(list(a + b for a in range(3) for b in range(2)))
print(fr.f_code.co_name, fr.f_locals.get("v"))

# gi_frame of a finished generator, before and after a first look
g = seen()
print(list(g), g.gi_frame, g.gi_code.co_name)
g = seen()
print(g.gi_frame is not None, list(g), g.gi_frame)


# a generator frame seen through a callee's f_back
def peek():
    return sys._getframe(1)


def via_callee():
    yield peek()
    yield 0


g = via_callee()
fr = next(g)
print(list(g), fr.f_code.co_name)
print([i for i in (j for j in range(3))], fr.f_code.co_name)

# tracebacks through generator expressions after they finish
try:
    sum(1 / (x - 2) for x in range(5))
except ZeroDivisionError as e:
    tb = e.__traceback__
    print([f.name for f in traceback.extract_tb(tb)])
    print(list(z for z in range(3)))
    print([f.name for f in traceback.extract_tb(tb)], [f.lineno is not None for f in traceback.extract_tb(tb)])

# many generators alive at once, finished in another order than made
live = [(i * j for j in range(3)) for i in range(50)]
firsts = [next(g) for g in live]
rest = [list(g) for g in reversed(live)]
print(sum(firsts), sum(map(sum, rest)), rest[:3])
