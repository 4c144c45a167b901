# list methods: arguments, errors, subclasses, sort semantics
a = [5, 3, 8, 1]
for bad in [lambda: a.append(), lambda: a.append(1, 2), lambda: a.insert(1), lambda: a.pop(1, 2), lambda: a.index(),
            lambda: a.sort(1), lambda: a.append(x=1), lambda: a.count(), lambda: a.extend(1), lambda: a.remove(),
            lambda: [].pop(), lambda: [1].pop(5), lambda: a.index(1, 'a'), lambda: a.sort(key=1), lambda: a.sort(foo=1),
            lambda: a.index(99), lambda: a.remove('z'), lambda: a.insert('x', 1), lambda: a.pop('x'), lambda: a.clear(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
b = list(range(10))
print(b.index(3, 2), b.index(3, -8, -1), b.index(9, -1), b.count(3))
try: b.index(3, 4)
except ValueError as e: print(e)
b.insert(-100, 'first'); b.insert(100, 'last'); b.insert(-1, 'penult'); print(b)
print(b.pop(-1), b.pop(0), b.pop(), b)
c = [3, 1, 2]; print(c.sort(), c, c.reverse(), c, c.copy() is c, c.copy() == c)
recs = [('b', 2), ('a', 2), ('c', 1), ('d', 3), ('e', 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1], reverse=True))
r2 = recs[:]; r2.sort(key=lambda r: r[1], reverse=True); print(r2)
l = [3, 1, 2]
try: l.sort(key=lambda x: l.append(x) or x)
except ValueError as e: print(e, l)
try: [1, 'a', 2].sort()
except TypeError as e: print(e)
class L(list):
    pass
x = L([3, 1]); x.append(2); x.sort(); print(x, type(x).__name__, type(x.copy()).__name__, len(x))
it = [1, 2, 3].__reversed__(); print(type(it).__name__, next(it), list(it), list(it))
rv = [1, 2, 3]; rit = rv.__reversed__(); rv.clear(); print(list(rit))
print([1, 2] * 0, [None] * 3, [[1]] + [[2]], list.__hash__ is None)
d = [1, 2, 3, 4, 5, 6]
d.remove(4); print(d); del d[::2]; print(d)
print((1, 2, 3, 2).index(2), (1, 2, 3, 2).index(2, 2), (1, 2).count(3))
try: (1, 2).index(5)
except ValueError as e: print(e)
