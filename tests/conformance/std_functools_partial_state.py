import functools, copy, pickle
def capture(*args, **kw):
    return args, kw
def sig(p):
    return p.func, p.args, p.keywords, p.__dict__
f = functools.partial(capture, ['asdf'], bar=[True])
f.attr = []
c = copy.copy(f)
print(c.args is f.args, c.keywords is f.keywords, c.attr is f.attr, sig(c) == sig(f))
d = copy.deepcopy(f)
print(d.args is f.args, d.args == f.args, d.args[0] is f.args[0])
print(f.args is f.args)
g = functools.partial(capture)
g.__setstate__((capture, (1,), dict(a=10), dict(attr=[])))
print(sig(g)[1:], g(2, b=20))
g.__setstate__((capture, (1,), dict(a=10), None))
print(sig(g)[1:], g(2, b=20))
g.__setstate__((capture, (1,), None, None))
print(sig(g)[1:], g(2, b=20))
try:
    del g.__dict__
except TypeError as e:
    print("TE", e)
try:
    g.__dict__ = 1
except TypeError as e:
    print("TE", e)
g.__dict__ = {'z': 5}
print(g.z)
for p in range(pickle.HIGHEST_PROTOCOL + 1):
    r = pickle.loads(pickle.dumps(f, p))
    print(sig(r)[1:] == sig(f)[1:], end=" ")
print()
