import types, collections
MP = types.MappingProxyType
cm = collections.ChainMap({'x': 1}, {'y': 2})
v = MP(cm)
print(v == cm, v['y'], len(v), sorted(v), 'x' in v, v.get('z', 0), repr(v))
cm.maps[0]['w'] = 5
print(v['w'], sorted(v.keys()))
class D(dict):
    def __missing__(self, k):
        return 'missing=%s' % k
    def __contains__(self, k):
        return k == 'magic' or dict.__contains__(self, k)
d = D(x=1)
v = MP(d)
print(v['x'], v['y'], 'magic' in v, 'x' in v, 'q' in v)
for bad in (10, ("a",), ["a"], {1, 2}):
    try:
        MP(bad)
    except TypeError as e:
        print("TE", e)
m = {'a': 0, 'b': 1, 'c': 2}
v = MP(m)
print(list(reversed(v)), v | {'c': 3}, {'c': 3, 'p': 0} | v, MP(v) | MP({'z': 1}))
for f in (lambda: v | [('r', 2)], lambda: [('r', 2)] | v):
    try:
        f()
    except TypeError as e:
        print("TE", e)
try:
    v |= {'x': 1}
except TypeError as e:
    print("TE", e)
print(MP[str, int])
print(sorted(set(dir(MP({}))) - set(dir(object()))))
print(str(MP({'a': 1})), MP(MP(cm)) == cm)
