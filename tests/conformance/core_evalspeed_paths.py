# Paths of the evalspeed branch: a generator resumed inline by a
# `for x in gen` whose loop variable is stored by the resumption itself,
# tuple displays built in one allocation, float ** through the C
# library's pow, and the clearing of a call's stack slots.
import math
import sys


def gen(n):
    for i in range(n):
        yield i * 2


def loop_var_after():
    x = "unset"
    for x in gen(3):
        pass
    return x


def loop_var_same_name():
    # the generator's own local and the loop variable share a name
    i = -1
    out = []
    for i in gen(4):
        out.append(i)
    return out, i


def raising(n):
    for i in range(n):
        if i == 2:
            raise ValueError("at 2")
        yield i


def loop_var_on_raise():
    v = None
    try:
        for v in raising(5):
            pass
    except ValueError as e:
        return v, str(e)


def nested():
    total = []
    for a in gen(3):
        for b in gen(2):
            total.append((a, b))
    return total


def empty():
    return
    yield


def loop_over_empty():
    y = "kept"
    for y in empty():
        pass
    return y


print(loop_var_after())
print(loop_var_same_name())
print(loop_var_on_raise())
print(nested())
print(loop_over_empty())
print([x for x in gen(5)], sum(x for x in gen(5)))


def tuples(a, b):
    return (), (a,), (a, b), (a, b, a), (a, b, a, b), (a, b, a, b, a), (a, b, a, b, a, b)


for t in tuples(1, "x"):
    print(len(t), t, type(t).__name__, hash(t) == hash(tuple(list(t))))
a, b, c = (lambda *args: args)(1, 2, 3)
print(a, b, c)
print("%s-%d:%s" % ("w", 7, "W"), "{}{}".format(*(1, 2)))

for x, y in [(2.0, -1.5), (9.0, 0.5), (1.1, 7.3), (0.5, 3.0), (10.0, -2.0),
             (2.0, 0.0), (1.0, float("inf")), (float("inf"), -1.0),
             (123.456, 2.5), (1e-300, 0.5), (2.0, -1074.0)]:
    print(repr(x ** y), repr(math.pow(x, y)), repr(pow(x, y)))
print((-8.0) ** (1 / 3))
for x, y in [(0.0, -1.0), (10.0, 400.0), (-8.0, 0.5)]:
    try:
        print(repr(math.pow(x, y)))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
    try:
        print(repr(x ** y))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)


def f(*args):
    return len(args)


def g(a, b, c, d, e, f, g, h):
    return a + b + c + d + e + f + g + h


class C:
    def m(self, a, b):
        return (self, a, b)


print(f(*range(20)), g(*range(8)), C().m(1, 2)[1:])
print(sys.getrecursionlimit() > 100)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))
