# exit: 1
# Calls of plain Python functions run without a Go call per frame; frames,
# exceptions, tracebacks, finally blocks and recursion limits must look
# exactly as with ordinary calls.
import sys
import traceback


def leaf(n):
    if n < 0:
        raise ValueError("negative %d" % n)
    return n * 2


def middle(n):
    try:
        return leaf(n) + 1
    finally:
        log.append("middle finally %d" % n)


def top(n):
    try:
        return middle(n)
    except ValueError as e:
        log.append("top caught " + str(e))
        return -1


log = []
print(top(3), top(-2), log)


def names_of_tb(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def a(x):
    return b(x) + 1


def b(x):
    return c(x) * 2


def c(x):
    return 10 // x


try:
    a(0)
except ZeroDivisionError as e:
    print(names_of_tb(e.__traceback__))
    print("".join(traceback.format_exception(e)).count("File"))


def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_back.f_code.co_name


def caller1():
    return who()


def caller2():
    return caller1()


print(caller2())


def reraise(n):
    try:
        return leaf(n)
    except ValueError:
        raise KeyError(n)


try:
    reraise(-1)
except KeyError as e:
    print("KeyError", e, type(e.__context__).__name__)


def gen(n):
    for i in range(n):
        yield leaf(i) + middle(i)


log = []
print(list(gen(3)), log)


def counting(n):
    return 0 if n == 0 else 1 + counting(n - 1)


def deep(n):
    try:
        return deep(n + 1)
    except RecursionError:
        return n


d = deep(0)
print(900 < d < 1000, counting(500))
old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    counting(200)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(counting(900))


class K:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def bump(self, d):
        self.v = self.get() + d
        return self


k = K(1)
print(k.bump(2).bump(3).get(), K.get(k))


def with_default(a, b=5):
    return a + b


def closure(x):
    def inner(y):
        return x + y
    return inner


add3 = closure(3)
print(with_default(1), with_default(1, 2), add3(4), [add3(i) for i in range(3)])


def returns_in_loop():
    total = 0
    for i in range(5):
        try:
            total += leaf(i - 2)
        except ValueError:
            total += 100
    return total


print(returns_in_loop())


def raises_after_return_value():
    try:
        return leaf(1)
    finally:
        raise RuntimeError("from finally")


try:
    raises_after_return_value()
except RuntimeError as e:
    print("RuntimeError", e)


def fn_lookup_error():
    return undefined_name  # noqa: F821


def outer_lookup():
    return fn_lookup_error()


try:
    outer_lookup()
except NameError as e:
    print(e, [n for n, _ in names_of_tb(e.__traceback__)])
outer_lookup()
