d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 5), d.setdefault('c', 3), d)
print(d.pop('a'), d.pop('q', None), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
k = {'x': 1, 'y': 2}.keys()
print(sorted(k & {'x', 'z'}), sorted(k | {'z'}), sorted(k - {'x'}), sorted(k ^ {'x', 'w'}))
print(k == {'x', 'y'}, k < {'x','y','z'}, {'y'} < k, sorted({'x'} | k))
print(list({1:2, 3:4}.__reversed__()), list({1:2, 3:4}.items().__reversed__()))
print(dict.fromkeys('abc', 0), dict.fromkeys([1,2]))
d.update({'z': 9}, q=1); d.update([('r', 2)]); print(d)
try: {}.popitem()
except KeyError as e: print(repr(e))
try: hash([])
except TypeError as e: print(e)
print([].__hash__, (1,2).index(2), (1,2,2).count(2))
l = [3,1,2]; l.sort(); print(l)
l = [5,3,1,4]
def bad(x):
    l.append(1); return x
try: l.sort(key=bad)
except ValueError as e: print(e, l)
print(list([1,2,3].__reversed__()))
s = {1,2,3}
s.add(4); s.discard(9); s.remove(1); print(s, s.pop(), s)
print({1,2}.union([3], (4,)), {1,2,3}.intersection([2,3,4]), {1,2,3}.difference([1]), {1,2}.symmetric_difference([2,3]))
print({1}.issubset([1,2]), {1,2}.issuperset([1]), {1}.isdisjoint([2]), frozenset([1,2]).union([3]))
try: set().pop()
except KeyError as e: print(repr(e))
s = {frozenset([1])}; s.remove({1}); print(s)
