# A method call with keyword arguments that spans lines reports the line
# of its attribute (CPython 3.11 compiles it as a method call), and a
# constant indexed by a constant is folded (b'z'[0] is 122 at compile time).
import sys


def method_kw():
    return "".join(
        []).encode(
            errors=1)


def plain_kw():
    return dict(
        a=1).get(
            1, 2, x=3)


for fn in (method_kw, plain_kw):
    try:
        fn()
    except TypeError as e:
        tb = e.__traceback__.tb_next
        print(fn.__name__, type(e).__name__, tb.tb_lineno - fn.__code__.co_firstlineno)


def folded(x):
    return x == b"z"[0], "abc"[-1], (1, (2, 3))[1][0]


print(folded(122), [c for c in folded.__code__.co_consts if c is not None])
try:
    "abc"[5]
except IndexError as e:
    print(e)
