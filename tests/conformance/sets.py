# sets and frozensets (printed sorted: string hashes differ between implementations).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {3} < b, a >= {1}, a.isdisjoint({9}))
a.add(10); a.discard(1); a.discard(99); a.remove(2)
print(sorted(a), len(a), 10 in a, 2 in a)
a.update([20, 30], {40})
a -= {30}
a |= {50}
a &= {3, 4, 10, 20, 40, 50, 60}
print(sorted(a))
print(sorted(a.union([1], [2])), sorted(a.intersection({3, 4, 99})), sorted(a.difference({3})), sorted(a.symmetric_difference({3, 7})))
s = set("mississippi")
print(sorted(s), len(s), sorted({c.upper() for c in "hello"}))
f = frozenset([1, 2, 2, 3])
print(sorted(f), f == {1, 2, 3}, hash(f) == hash(frozenset({3, 2, 1})), {f: "ok"}[frozenset([1, 2, 3])])
print(set(), frozenset(), repr({1}), repr(frozenset({2})), type({1}).__name__, {1, 2} == {2, 1})
print(set([1, 2, 3]) == frozenset([1, 2, 3]), sorted({(1, 2), (1, 2), (0, 1)}), {1, 1.0, True})
e = {1, 2}
print(e.pop() in (1, 2), len(e), e.copy() == e, e.clear(), e)
for bad in [lambda: set().pop(), lambda: {1}.remove(5), lambda: {[1]}, lambda: {1} + {2}]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
print(sorted(x % 7 for x in {i * 3 for i in range(20)}))
print(sorted({"pear", "apple", "fig"}), min({"b", "a"}), max(frozenset("xyz")))
