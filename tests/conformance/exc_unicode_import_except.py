# Unicode errors format their raw start/end; ImportError pickles name and
# path as state; except validates every item of a tuple before matching.
for cls, obj in ((UnicodeEncodeError, 'xyzab'), (UnicodeDecodeError, b'xyzab')):
    for s, e in ((1000, 4), (4, 5), (5, 6), (0, 0), (2, 1), (3, 4), (1, 5)):
        u = cls('baz', obj, 1, 5, 'r')
        u.start = s; u.end = e
        print(s, e, str(u), u.start, u.end)
for s, e in ((1000, 4), (4, 5), (5, 6), (0, 0), (3, 4)):
    u = UnicodeTranslateError('xyzab', 1, 5, 'r'); u.start = s; u.end = e
    print(s, e, str(u), u.start, u.end)
import pickle, copy
u = UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo')
u.start = 1000
print(str(u))
u = UnicodeDecodeError('baz', b'xxxxx', 1, 5, 'foo')
u.start = 1000
print(str(u))
u = UnicodeTranslateError('xxxxx', 1, 5, 'foo')
u.start = 1000
print(str(u))
u.end = 1001
print(str(u))
for kw in (dict(), dict(name='n'), dict(path='p'), dict(name='n', path='p')):
    o = ImportError('test', **kw)
    print(o.__reduce__())
    for proto in range(6):
        e = pickle.loads(pickle.dumps(o, proto))
        print(proto, e.args, e.msg, e.name, e.path)
    for c in copy.copy, copy.deepcopy:
        e = c(o)
        print(e.args, e.msg, e.name, e.path)
o = ModuleNotFoundError('x', name='y')
print(o.__reduce__())
for t in (42, (ValueError, 42)):
    try:
        try:
            raise ValueError
        except t:
            pass
    except TypeError as e:
        print("TypeError", e)
try:
    try:
        raise KeyError
    except (KeyError, 42):
        print("caught")
except TypeError as e:
    print("TypeError", e)
for t in ((KeyError, 42), ((KeyError,), ValueError), (ValueError, (KeyError,))):
    try:
        try:
            raise KeyError
        except t:
            print("caught", t)
    except TypeError as e:
        print("TypeError", e)
try:
    try:
        raise KeyError
    except* (KeyError, 42):
        print("caught*")
except TypeError as e:
    print("TypeError*", e)
