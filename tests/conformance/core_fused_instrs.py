# The evaluation loop runs some instruction pairs as one (LOAD_FAST
# LOAD_FAST, LOAD_FAST LOAD_CONST, STORE_FAST LOAD_FAST, COMPARE_OP + a
# conditional jump). Errors in either half, operands of other types, and
# jumps that land on the second half must behave as the plain pair.
import sys


def unbound_second(flag):
    if flag:
        b = 1
    a = 2
    return a + b


def unbound_first(flag):
    if flag:
        a = 1
    b = 2
    return a + b


for fn in (unbound_second, unbound_first):
    try:
        fn(False)
    except UnboundLocalError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(type(e).__name__, e, tb.tb_lineno - fn.__code__.co_firstlineno)


def store_then_unbound(x):
    y = x
    if x:
        return y
    del y
    z = x
    return y


try:
    store_then_unbound(0)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


class Weird:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return [self.v] if self.v < other else []

    def __gt__(self, other):
        raise ValueError("no gt for %r" % self.v)


def compare_kinds(values):
    out = []
    for v in values:
        if v < 3:
            out.append(("lt", v if not isinstance(v, Weird) else v.v))
        else:
            out.append(("ge", v if not isinstance(v, Weird) else v.v))
        if not (v == 2):
            out.append("ne2")
    return out


print(compare_kinds([1, 2, 3, 2.5, 3.0, True, Weird(1), Weird(5)]))
try:
    compare_kinds(["a"])
except TypeError as e:
    print("TypeError", e)
try:
    if Weird(1) > 0:
        pass
except ValueError as e:
    print("ValueError", e)
print([i for i in range(10) if i < 5 or i > 7], sum(1 for x in [1.5, 2.5, 3.5] if x >= 2.5))


def loop_into_second(n):
    # `while` loops jump back to a LOAD_FAST that may be the second of a pair
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    j = n
    while j:
        j = j - 1
    return total, i, j


print(loop_into_second(10), loop_into_second(0))
nan = float("nan")
print(nan < 1.0, nan > 1.0, nan == nan, nan != nan, 1 < 2 < 3, 3 > 2 > 2, -0.0 == 0.0)
big = 2 ** 70
print(big > 5, 5 < big, big == big + 0, [x for x in (big, 1, 2.0) if x > 1])
