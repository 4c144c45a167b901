# A BINARY_OP's int or float result stored straight into the local of the
# STORE_FAST after it, and a boxed int temporary (beyond the small-int
# cache) computed into the + - * after it (`acc += i * k`): values,
# overflow into big ints, operands that are not ints, errors and tracing.
import sys


def ints(n):
    acc = 0
    sub = 10**6
    prod = 1
    for i in range(n):
        acc += i * 1000003
        sub -= i * 7919 - 3
        prod = prod * 3 + i * 1009
        x = acc - i * 257
    return acc, sub, prod, x


print(ints(50))


def overflow():
    acc = 2**62
    out = []
    for k in (2**40, 2**61, -2**62, 3):
        acc += k * 3      # the chained + overflows int64: a big int
        out.append(acc)
        big = acc * k     # the product overflows
        out.append(big)
    m = -2**63
    m -= 1 * 1000
    out.append(m)
    return out


print(overflow())


def mixed():
    out = []
    f = 0.0
    s = "x"
    acc = 0.5
    for i in range(300, 305):
        f += i * 1.5
        acc += i * 1000      # float left operand, int temporary
        lst = [i] * 2
        lst += [i * 1000]    # a list under the temporary
        out.append((f, acc, lst))
        y = f * 2.0
        out.append(y)
    try:
        s += 300 * 1000
    except TypeError as e:
        out.append(str(e))
    return out


print(mixed())


class N:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return N(self.v + o)

    def __repr__(self):
        return "N(%r)" % self.v


def dunder():
    n = N(1)
    for i in range(3):
        n += i * 100000
    return n


print(dunder())


def errline():
    acc = "a"
    try:
        acc += 5 * 1000
    except TypeError:
        return sys.exc_info()[2].tb_lineno - errline.__code__.co_firstlineno


print("error line offset", errline())


def traced(n):
    acc = 0
    for i in range(n):
        acc += i * 1000003
        f = acc * 0.5
    return acc, f


events = []


def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno,
                       dict(frame.f_locals)))
    return tracer


sys.settrace(tracer)
r = traced(3)
sys.settrace(None)
print(r)
for e in events:
    print(e)
print(traced(3))
