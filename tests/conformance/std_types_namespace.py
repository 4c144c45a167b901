import types, pickle, copy
NS = types.SimpleNamespace
print(NS() == NS(), NS(x=1) == NS(x=1), NS(x=1) != NS(x=2), NS(x=1) == {'x': 1})
class S(NS):
    pass
print(NS(a=1) == S(a=1), repr(S(a=1, b='x')))
a = NS(c='cookie'); a.spam = a
b = NS(); c = NS(x=1); b.spam = c; c.spam = b
print(repr(a), repr(b))
ns = NS(breakfast='spam', lunch=[1, 2])
for p in range(pickle.HIGHEST_PROTOCOL + 1):
    r = pickle.loads(pickle.dumps(ns, p))
    print(p, r, r == ns, type(r).__name__)
s = pickle.loads(pickle.dumps(S(q=3)))
print(type(s).__name__, s)
print(copy.deepcopy(ns), copy.copy(S(z=1)))
try:
    NS() < NS()
except TypeError as e:
    print("TE", e)
