# A __context__ chain that loops without reaching the new exception is
# left alone when it is raised (found by CPython's test_exceptions; freepy
# looped for ever).
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)


try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__, exc.__context__.__context__ is exc.__context__)

# a chain that does reach it is cut there
a = KeyError("a")
b = IndexError("b")
b.__context__ = a
try:
    try:
        raise b
    except IndexError:
        raise a
except KeyError as k:
    print(repr(k.__context__), repr(b.__context__))
