# Built-in corner cases from CPython's test_builtin: singleton types called,
# vars() through a __dict__ property, dir() of a module whose __dict__ is not
# a dict, len() of a huge negative __len__, class names CPython refuses,
# input() when stdout cannot flush.
import sys, types
for tp, c in ((type(None), None), (type(NotImplemented), NotImplemented), (type(Ellipsis), Ellipsis)):
    print(tp() is c)
    try:
        tp(1)
    except TypeError as e:
        print(e)
    try:
        tp(a=1)
    except TypeError as e:
        print(e)
class C_get_vars(object):
    def getDict(self):
        return {'a': 2}
    __dict__ = property(fget=getDict)
print(vars(C_get_vars()))
class Foo(types.ModuleType):
    __dict__ = 8
try:
    dir(Foo("foo"))
except TypeError as e:
    print("TypeError", e)
class HugeNegativeLen:
    def __len__(self):
        return -sys.maxsize-10
class HugeLen:
    def __len__(self):
        return sys.maxsize + 1
for o in (HugeNegativeLen(), HugeLen()):
    try:
        len(o)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for name in ('A\x00B', 'A\udcdcB', b'A'):
    try:
        type(name, (), {})
    except (ValueError, UnicodeEncodeError, TypeError) as e:
        print(type(e).__name__, e)
C = type('C', (), {})
for name in ('A\x00B', 'A\udcdcB', b'A', 'ok'):
    try:
        C.__name__ = name
        print(C.__name__)
    except (ValueError, UnicodeEncodeError, TypeError) as e:
        print(type(e).__name__, e)
for bad in [lambda: type('a', (), {}, x=5), lambda: type('a', (), dict={})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
class BitBucket:
    def write(self, line):
        pass
import io
sys.stdin = io.StringIO("1+1\n")
old = sys.stdout
sys.stdout = BitBucket()
r = input()
sys.stdout = old
print(r)
