from _collections import deque, defaultdict, _count_elements
d = deque([1,2,3], maxlen=3)
print(repr(d), repr(deque()), repr(deque('ab')), d.maxlen, deque().maxlen)
d.append(4); print(d); d.appendleft(0); print(d)
d = deque(range(5)); d.rotate(2); print(d); d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d, 9 in d)
d.extend('ab'); d.extendleft('xy'); print(d, d.count('a'), d.index('a'))
d.insert(1, 'I'); d.remove('x'); d.reverse(); print(d); d[0] = 'Z'; del d[1]; print(d)
e = d.copy(); e.clear(); print(e, d == deque(d), d + deque([1]), deque([1,2]) * 2, list(reversed(deque([1,2,3]))) if False else list(deque([1,2,3]).__reversed__()))
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque([1])[5], lambda: deque([1,2], maxlen=2).insert(0,1), lambda: deque([1]).index(2), lambda: deque(maxlen=-1), lambda: defaultdict(1), lambda: deque()+[1], lambda: deque([1])['a']]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
x = deque([1,2]); it = iter(x); x.append(3)
try: next(it)
except Exception as e: print(type(e).__name__, e)
dd = defaultdict(list); dd['a'].append(1); dd['b']; print(repr(dd), repr(defaultdict()), dd.default_factory, dd.copy(), type(dd.copy()).__name__)
dd2 = defaultdict(int, {'x': 1}, y=2); dd2['z'] += 5; print(dd2, isinstance(dd2, dict), dd2 | {'q': 0})
try: defaultdict()['k']
except KeyError as e: print('KeyError', e)
c = {}; _count_elements(c, 'abracadabra'); print(c)
class D(deque):
    pass
md = D([1, 2]); md.foo = 1; print(md, md.foo, md.copy(), type(md.copy()).__name__)
q = deque(maxlen=0); q.append(1); print(q)
dq = deque(range(10)); [dq.popleft() for _ in range(9)]; dq.extend(range(20)); print(len(dq), dq[0], dq[-1], dq.count(19))
print(deque([1, 2]) < deque([1, 3]), deque([1]) == deque([1]), bool(deque()), bool(deque([0])))
