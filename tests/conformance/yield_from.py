# yield from: delegation of values, send, throw, return values.
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
    return "outer-result"
g = outer()
print(next(g), g.send("a"), g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def delegate_iter():
    yield from range(3)
    yield from "ab"
    yield from [None]
print(list(delegate_iter()))
def sub():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("sub caught", repr(e))
        yield "recovered"
    finally:
        print("sub finally")
def top():
    yield from sub()
    yield "after"
g = top()
print(next(g), g.throw(KeyError("x")), next(g))
g = top(); next(g); g.close(); print("closed")
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def accumulate():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def gather(out):
    while True:
        out.append((yield from accumulate()))
out = []
g = gather(out); next(g)
for v in [1, 2, 3, None, 10, None]:
    g.send(v)
print(out)
