# dict methods, views, reversed iteration, subclasses
d = {'a': 1, 'b': 2, 'c': 3}
for bad in [lambda: d.get(), lambda: d.pop(), lambda: d.setdefault(), lambda: d.popitem(1), lambda: {}.popitem(),
            lambda: dict.fromkeys(), lambda: dict.fromkeys(1), lambda: d.update(1), lambda: d.update([1]),
            lambda: d.update([(1, 2, 3)]), lambda: d.update({}, {}), lambda: d.pop('zz'), lambda: d.keys(1),
            lambda: d.copy(1), lambda: {}.get([]), lambda: d.keys() & 1, lambda: hash(d.keys()), lambda: d['missing']]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(d.get('a'), d.get('x'), d.get('x', 0), d.setdefault('a', 9), d.setdefault('z'), d)
print(d.pop('z'), d.pop('z', 'dflt'), d.popitem(), d)
d.update(x=1); d.update({'y': 2}); d.update([('w', 0)], v=5); print(d)
d.clear(); print(d, len(d))
e = dict.fromkeys(range(3), []); e[0].append(1); print(e)
class D(dict):
    pass
f = D.fromkeys('ab', 1); print(type(f).__name__, f, type(f.copy()).__name__)
k, v, i = {'p': 1, 'q': 2}.keys(), {'p': 1, 'q': 2}.values(), {'p': 1, 'q': 2}.items()
print(k, v, i, len(k), 'p' in k, 1 in v, ('p', 1) in i, ('p', 2) in i)
print(sorted(k | ['r']), sorted(k & ['q', 'z']), sorted(k - {'p'}), sorted(k ^ {'p', 's'}), sorted(['p', 'x'] - k), sorted({'x'} | k))
print(sorted(i & {('p', 1)}), sorted(i | {('z', 0)}), i - {('p', 1)}, k.isdisjoint(['z']), i.isdisjoint([('p', 1)]))
print(k == {'p', 'q'}, k != {'p'}, k <= {'p', 'q', 'r'}, k > {'p'}, i == {('p', 1), ('q', 2)}, v == v)
print(list({1: 'a', 2: 'b', 3: 'c'}.__reversed__()), list({1: 'a', 2: 'b'}.values().__reversed__()), list({1: 'a'}.items().__reversed__()))
print(type({}.__reversed__()).__name__, type({}.values().__reversed__()).__name__, type({}.items().__reversed__()).__name__)
m = {1: 2}; r = m.__reversed__(); m[3] = 4
try: next(r)
except RuntimeError as e: print(e)
print({'a': 1} | {'b': 2}, {**{'a': 1}, 'a': 2})
g = {'a': 1}; g |= [('b', 2)]; print(g)
print(list(dict.fromkeys('hello')), dict([(1, 2), [3, 4]]), dict(a=1, **{'b': 2}))
print(d.keys().mapping == {}, {1: 2}.items().mapping)
