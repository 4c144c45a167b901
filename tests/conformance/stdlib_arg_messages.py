# Argument and error messages of itertools, functools, collections, array and io,
# and BytesIO.getbuffer() as a live view (probes of 2026-12-07).
import itertools, functools, collections, operator
# itertools messages
for f, a in [(itertools.islice, ([1,2], -1)), (itertools.repeat, ()), (itertools.count, ('a',)),
             (itertools.combinations, ([1], -1)), (itertools.permutations, ([1], 'x')),
             (itertools.accumulate, ()), (itertools.chain.from_iterable, ()), (itertools.product, ([1],), ),
             (itertools.zip_longest, (1,)), (itertools.starmap, (len,)), (itertools.groupby, ()),
             (itertools.tee, ([1], -1)), (itertools.cycle, ()), (itertools.compress, ([1],)),
             (itertools.pairwise, (1,)), (itertools.takewhile, (len,)), (itertools.dropwhile, ())]:
    try:
        r = f(*a)
        print(f.__name__, 'ok', type(r).__name__)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
print(list(itertools.islice(itertools.count(1.5, 0.5), 3)))
print(repr(itertools.count(3)), repr(itertools.count(1.5, 2)), repr(itertools.repeat('a', 2)))
try: functools.reduce(operator.add, [])
except TypeError as e: print(e)
print(functools.reduce(operator.add, [], 7))
p = functools.partial(int, base=2)
print(repr(p), p('101'))
c = collections.Counter('abracadabra')
print(c.most_common(2), sorted(c.elements())[:4], c - collections.Counter('aaa'), +c)
od = collections.OrderedDict.fromkeys('abc'); od.move_to_end('a'); print(od, list(reversed(od)))
try: od.move_to_end('z')
except KeyError as e: print('KeyError', e)
dq = collections.deque(range(5), maxlen=3); dq.rotate(1); print(dq, dq.maxlen)
try: dq.index(99)
except ValueError as e: print(e)
nt = collections.namedtuple('P', 'x y', defaults=[0]); print(nt(1), nt._fields, nt(1)._replace(y=5), nt._field_defaults)
try: nt(1,2,3)
except TypeError as e: print(e)
cm = collections.ChainMap({'a':1}, {'b':2}); print(cm['b'], len(cm), cm.new_child())
dd = collections.defaultdict(list); dd['x'].append(1); print(dd, repr(collections.defaultdict()))
print(sorted([3,1,2], key=functools.cmp_to_key(lambda a,b: b-a)))
@functools.lru_cache(maxsize=2)
def sq(x): return x*x
print([sq(i) for i in (1,2,1,3,1)], sq.cache_info())
@functools.total_ordering
class V:
    def __init__(s, v): s.v=v
    def __eq__(s, o): return s.v==o.v
    def __lt__(s, o): return s.v<o.v
print(V(1) >= V(2), V(3) > V(2))
@functools.singledispatch
def g(x): return 'obj'
@g.register
def _(x: int): return 'int'
print(g(1), g('a'), g(True))
print(list(itertools.batched(range(5), 2)) if hasattr(itertools, 'batched') else 'nobatched')
def f(a, b=1): pass
try: f(1,2,3)
except TypeError as e: print(e)
class P(tuple):
    def __new__(cls, x, y=0): pass
try: P(1,2,3)
except TypeError as e: print(e)
import collections
nt = collections.namedtuple('P', 'x y', defaults=[0])
print(nt.__new__.__code__.co_argcount, nt.__new__.__defaults__)
try: nt.__new__(nt, 1,2,3)
except TypeError as e: print(e)
import array, io
a = array.array('i', [1,2,3])
for call in [lambda: a.append('x'), lambda: a.index(9), lambda: a.pop(10), lambda: array.array('q', [2**70]),
             lambda: array.array('z'), lambda: a.fromlist(5), lambda: a.extend(3), lambda: a.insert(),
             lambda: a.tobytes(1), lambda: array.array('b', [200]), lambda: array.array('B', [-1]),
             lambda: a.frombytes(b'abc'), lambda: a + array.array('d'), lambda: a.remove(7), lambda: a[5],
             lambda: a.__setitem__(0, 1.5), lambda: array.array('u', 'ab').tounicode(), lambda: array.array('i').tounicode()]:
    try: print(call())
    except Exception as e: print(type(e).__name__, e)
s = io.StringIO('abc\ndef')
for call in [lambda: s.read('x'), lambda: s.seek(-1), lambda: s.seek(0, 5), lambda: s.write(b'x'), lambda: s.readline(1,2),
             lambda: s.truncate(-1), lambda: io.BytesIO().write('s'), lambda: io.BytesIO(b'ab').read(None), lambda: s.seek(1, 1),
             lambda: io.StringIO(newline='x'), lambda: io.BytesIO().getbuffer().release(), lambda: io.TextIOWrapper(io.BytesIO(), encoding='nope')]:
    try: print(repr(call()))
    except Exception as e: print(type(e).__name__, e)
s.close()
try: s.read()
except ValueError as e: print(e)
b = io.BytesIO(b'xyz'); m = b.getbuffer()
m[0] = ord('X'); print(b.getvalue(), m.nbytes, m.format, m.readonly, m.tolist())
b.seek(0, 2); print(m.tobytes())
m.release()
b.write(b'q'); print(b.getvalue())
def g(a=1): pass
try: g(1, 2)
except TypeError as e: print(e)
def h(a, b=2, *, c): pass
try: h(1, 2, 3, c=4)
except TypeError as e: print(e)
import itertools
for r in (1.5, 'x', None, True):
    try: print(list(itertools.permutations('ab', r)))
    except TypeError as e: print('permutations', e)
    try: print(list(itertools.combinations('ab', r)))
    except TypeError as e: print('combinations', e)
class A: pass
a = A()
for src in ["a.__class__ = 1", "(1).__class__ = A", "A.mro(1)", "type.mro(int)[0]"]:
    try:
        exec(src)
        print('OK', src)
    except TypeError as e:
        print(src, '->', e)
