# _functools natively: partial, reduce, cmp_to_key (functools.py re-exports them).
import _functools
from _functools import partial, reduce, cmp_to_key
def f(a, b, c=3, **kw): return (a, b, c, kw)
p = partial(f, 1, c=5)
print(p(2), p(2, c=9, z=1), p.func is f, p.args, p.keywords)
print(repr(partial(f, 1, key=None)).startswith('functools.partial(<function f at '), repr(partial(f, 1, key=None)).endswith('>, 1, key=None)'))
q = partial(p, 7); print(q.args, q.keywords, q.func is f, q())
class P(partial): pass
print(repr(P(len, 'ab')).startswith('P('), P(len, 'ab')(), isinstance(P(len), partial))
p.attr = 1; print(p.attr, p.__dict__)
r = p.__reduce__(); print(r[0] is partial, r[1] == (f,), r[2][1:])
for bad in [lambda: partial(), lambda: partial(1), lambda: reduce(lambda a, b: a, []), lambda: reduce(1), lambda: cmp_to_key(lambda a, b: 0)(1) < 1]:
    try: bad()
    except TypeError as e: print('TypeError', e)
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10), reduce(lambda a, b: a + b, ['x'], 'y'))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(['bb', 'a', 'ccc', 'dd'], key=cmp_to_key(lambda a, b: len(a) - len(b))))
k = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(k(1) < k(2), k(2) <= k(2), k(3) == k(3), k(1) > k(2), k(5).obj)
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
print(sorted(words, key=len, reverse=True), sorted(words, key=str.lower))
