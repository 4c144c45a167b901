# str/bytes details from CPython's test_format, test_unicode and test_math:
# %-formatting of a float directive takes only real numbers (a str was
# parsed as its text), '*' width/precision overflow, bytes' messages;
# str.__format__ with an empty spec uses a subclass's __str__; str(x)
# keeps the str subclass __str__ returned; iterator and view types
# cannot be called; math.nextafter of equal arguments returns y.
import sys
for fmt, arg in [('%g', '1'), ('%f', '1'), ('%e', []), ('%d', '1'), ('%x', 1.5), ('%c', 'ab'), ('%*s', (sys.maxsize + 1, '')), ('%.*f', (sys.maxsize + 1, 1. / 7)), ('%*s', (1.5, 'a')), ('%.*f', ('a', 1.0)), ('%i', '1'), ('%o', 2.0), ('%X', None)]:
    for f in (fmt, fmt.encode(), bytearray(fmt.encode())):
        try:
            print(repr(f), repr(f % arg))
        except Exception as e:
            print(repr(f), type(e).__name__, e)
class S(str):
    def __str__(self):
        return '__str__ overridden'
s = S('xxx')
print("%s" % s, "{}".format(s), f"{s}", format(s), str(s), "{!s}".format(s))
class T(str):
    def __new__(cls, content=""):
        return str.__new__(cls, 2 * content)
    def __str__(self):
        return self
v = str(T("foo"))
print(v, type(v).__name__)
class U(str): pass
v = U(T("foo")); print(v, type(v).__name__)
for cls in (type(iter("a")), type(iter("\u20ac")), type(iter([])), type(iter(b""))):
    try:
        cls()
    except TypeError as e:
        print(e)
import collections, array
its = set()
for o in ["a", "\u20ac", [], (), b"", bytearray(), {}, {}.keys(), {}.values(), {}.items(), set(), frozenset(), range(3), range(2**70), reversed([]), reversed(()), iter(array.array('b')), iter(reversed({})), reversed({}.keys()), reversed({}.items()), reversed({}.values()), memoryview(b'')]:
    its.add(type(iter(o)) if not hasattr(o, '__next__') else type(o))
for cls in sorted(its, key=lambda c: c.__name__):
    try:
        cls(); print(cls.__name__, "created")
    except TypeError as e:
        print(cls.__name__, e)
import math
print(math.copysign(1.0, math.nextafter(-0.0, 0.0)), math.copysign(1.0, math.nextafter(0.0, -0.0)), math.nextafter(1.0, 1.0))

# %d/%i/%u convert with __int__ before __index__ (PyNumber_Long), %x/%o/%X
# with __index__ only.
class RaisingNumber:
    def __int__(self):
        raise RuntimeError('int')
    def __index__(self):
        raise RuntimeError('index')
class OnlyIndex:
    def __index__(self):
        return 7
class OnlyInt:
    def __int__(self):
        return 9
class Both:
    def __int__(self): return 1
    def __index__(self): return 2
for f in ('%d', '%i', '%u', '%x', '%o', '%X'):
    for v in (RaisingNumber(), OnlyIndex(), OnlyInt(), Both(), True, 3.7):
        try:
            print(f, type(v).__name__, f % v)
        except Exception as e:
            print(f, type(v).__name__, type(e).__name__, e)
