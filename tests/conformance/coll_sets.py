# set / frozenset methods with arbitrary iterables (output sorted: set order is not part of the test)
s = {1, 2, 3}
for bad in [lambda: s.add(), lambda: s.add([]), lambda: s.remove(9), lambda: set().pop(), lambda: s.update(1),
            lambda: s.union(1), lambda: s.issubset(1), lambda: frozenset().add, lambda: s.discard([]),
            lambda: s.symmetric_difference(), lambda: s.intersection(x=1), lambda: s.copy(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
S = lambda x: sorted(x)
print(S(s.union([4], (5,), 'a' if False else [6])), S(s.intersection([2, 3, 4], range(3))), S(s.difference([1], {2})), S(s.symmetric_difference([3, 4])))
print(s.issubset(range(5)), s.issubset([1]), s.issuperset([1, 2]), s.issuperset({9}), s.isdisjoint([7, 8]), s.isdisjoint(iter([3])))
t = set(); t.update([1, 2], {3}, {4: 'x'}, 'ab'); print(S(map(str, t)))
u = {1, 2, 3, 4}; u.intersection_update([1, 2, 9], {2, 1, 3}); print(S(u))
u = {1, 2, 3, 4}; u.difference_update([1], {2}); print(S(u))
u = {1, 2, 3}; u.symmetric_difference_update([3, 4, 4]); print(S(u))
u = {1, 2}; u.difference_update(u); print(u); u = {1}; u.symmetric_difference_update(u); print(u)
u = {1, 2, 3}; u.discard(2); u.discard(7); u.remove(3); print(u, u.pop(), u)
f = frozenset([1, 2])
print(type(f.union([3])).__name__, S(f.union([3])), type(f.copy()).__name__, f.copy() is f, type(s.copy()).__name__)
class FS(frozenset): pass
g = FS([1]); print(type(g.copy()).__name__, type(g | {2}).__name__, type(g.union()).__name__)
n = {frozenset([1]), 2}; print({1} in n, n.remove({1}) or n)
p = {1, 2, 3}; popped = []
while p: popped.append(p.pop())
print(sorted(popped), p)
big = set(range(100))
for i in range(0, 100, 2): big.discard(i)
print(len(big), min(big), max(big), sum(big))
print(set.__hash__ is None, hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {1, 2} == frozenset([1, 2]), {1} < {1, 2}, {1, 2} >= {2})
print(frozenset() == set(), repr(set()), repr(frozenset()), repr({1}), repr(frozenset([1])))
