# An int result that needs a box and feeds the next operation with an int
# constant or local (`3 * n + 1`, `n * b - b`) is computed without boxing
# the temporary (intChain in interp/py/eval.go). Every fallback must give
# CPython's result: floats, bools, overflow into big ints, int subclasses,
# unbound locals, jumps onto the constant, tracing.
import sys


def f(n, b):
    r = []
    r.append(3 * n + 1)
    r.append(n * 7 + 3)
    r.append(n * n + b)
    r.append(n * b - b)
    r.append(n + b + 1)
    r.append(n - 10000 - b)
    x = n
    x += n * 2 + 5
    r.append(x)
    r.append(n * 3 + 1.5)
    r.append(n * 3 + b)
    r.append(n * 4611686018427387904 + 1)
    r.append(2**62 + n * 4 + 1)
    r.append((n * 3 + 1) * 3 + 1)
    r.append(n * 3 + True)
    r.append(-n * 3 - 9223372036854775807)
    r.append((n * 2 if b else n * 3) + 1)
    return r


for v in (0, 1, 5000, 9000, 123456, -99999, 2**40, 2**61, 2**62, True, 2.5):
    for b in (0, 1, 9000, -5, 2**62, 1.25, True):
        try:
            print(v, b, f(v, b))
        except Exception as e:
            print(v, b, type(e).__name__, e)


def d(n, b):
    # plain locals (LOAD_FAST), one try per expression
    r = []
    try:
        r.append((n * 7 + 3) % b)
    except Exception as e:
        r.append(type(e).__name__)
    try:
        r.append((n * 3 + 1) // b)
    except Exception as e:
        r.append(type(e).__name__)
    try:
        r.append((n * 11) % b + 1)
    except Exception as e:
        r.append(type(e).__name__)
    try:
        r.append(n * n // b % 1000)
    except Exception as e:
        r.append(type(e).__name__)
    try:
        r.append((n - 20000) % 9000)
        r.append((n * 3 + 1) // 2)
        r.append((n * 5 - 7) // -3)
        r.append((n * 5 - 7) % -3)
        r.append((n * 5 - 7) % 0)
    except Exception as e:
        r.append(type(e).__name__)
    return r


for v in (0, 5000, 123456, -99999, 2**62, 2**70, True, 2.5):
    for b in (0, 1, 7, 9000, -5, -9000, 2**62, 1.25, True):
        print("d", v, b, d(v, b))


class I(int):
    def __add__(self, o):
        return int(self) + o + 1000

    def __mul__(self, o):
        return I(int(self) * o)


print(f(I(12345), 3)[:4])


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


print(sum(collatz(i) for i in range(1, 3000)), collatz(2**70 + 1))


def g(n):
    y = 1
    return n * 9 + y


def h(n):
    try:
        return n * 9 + z
    except NameError as e:
        return str(e)


def k(n):
    z = 0
    del z
    try:
        return n * 9 + z
    except UnboundLocalError:
        return "unbound"


print(g(10000), g(2**62), h(10000), k(10000))

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "f":
        frame.f_trace_opcodes = True
        events.append(event)
    return tracer


sys.settrace(tracer)
traced = f(12345, 7)
sys.settrace(None)
print(traced == f(12345, 7), len(events) > 20)
