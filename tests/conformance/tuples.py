# tuples: packing, unpacking, comparison, hashing, methods.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], () , (1,), tuple("ab"), tuple([1, 2]))
a, b, c, d = t
print(a, b, c, d)
x = 1, 2
print(x, type(x).__name__, (1, 2) + (3,), (0,) * 3, 2 in x, x.count(1), x.index(2))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 9), (1, 2) == (1, 2), (1, "a") != (1, "b"))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "p"}[(1, 2)])
nested = ((1, 2), (3, (4, 5)))
(p, q), (r, (s, u)) = nested
print(p, q, r, s, u)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max((1, 9), (2, 0)), min(("b", 1), ("a", 2)))
print(tuple(i * i for i in range(5)), repr((1,)), str(()), repr(((),)))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError", e)
from collections import namedtuple
Point = namedtuple("Point", "x y")
pt = Point(1, y=2)
print(pt, pt.x, pt[1], pt._asdict(), pt._replace(x=5), Point._fields, tuple(pt), pt == (1, 2))
