# bytes/bytearray details from CPython's test_bytes: constructor errors
# (an __index__ that raises, errors= without encoding, bytearray's
# 'byte must be' message, a str subclass's __bytes__), bytearray
# subclasses pickling and copying with their class and attributes,
# ord() of a bytearray, the docstrings, and readinto() refusing a
# read-only buffer and filling an array through its bytes.
class BadInt:
    def __index__(self): 1/0
for T in (bytes, bytearray):
    for args, kw in [((BadInt(),), {}), (([BadInt()],), {}), (([256],), {}), (([-1],), {}), ((['0'],), {}), (([0.0],), {}),
                     (('',), {'errors': 'ignore'}), ((0,), {'errors': 'ignore'}), ((), {'errors': 'ignore'}), ((), {'encoding': 'ascii'}),
                     (('',), {}), ((b'',), {'encoding':'ascii'}), (([10**100],), {})]:
        try:
            print(T.__name__, T(*args, **kw))
        except Exception as e:
            print(T.__name__, type(e).__name__, e)

class S(str):
    def __bytes__(self):
        return b'abc'
print(bytes(S('\u20ac')), bytes(S('\u20ac'), 'iso8859-15'))

import copy, pickle
class BA(bytearray):
    pass
class BS(bytearray):
    __slots__ = ('x', 'y', '__dict__')
for cls in (BA, BS, bytearray):
    a = cls(b"abcd")
    if cls is not bytearray:
        a.x = 10
        a.z = cls(b"ef")
    for p in range(6):
        print(cls.__name__, p, a.__reduce_ex__(p))
        b = pickle.loads(pickle.dumps(a, p))
        print(type(b).__name__, b, getattr(b, 'x', None), getattr(b, 'z', None))
    b = copy.copy(a); print(b, getattr(b, 'x', None))
    b = copy.deepcopy(a); print(b, getattr(b, 'x', None))
print(ord(bytearray(b'a')), ord(b'b'))
try: ord(bytearray(b'ab'))
except TypeError as e: print(e)
print(bytearray.__doc__.startswith("bytearray("), bytes.__doc__.startswith("bytes("))
import io, array
for mk in (lambda: io.BytesIO(b'abcdef'), lambda: open(__file__,'rb',buffering=0), lambda: open(__file__,'rb')):
    for buf in (b'', b'xx', memoryview(b'xx'), 'ab', [0, 0], bytearray(2), memoryview(bytearray(3)), array.array('b', [0,0])):
        f = mk()
        try: print(type(f).__name__, f.readinto(buf), type(buf).__name__)
        except TypeError as e: print(type(f).__name__, 'TypeError', e)
        f.close()
