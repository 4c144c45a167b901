import copyreg, pickle, copy
class C1:
    def __getnewargs__(self):
        return (1, "x")
o = C1(); o.z = 3
print(o.__reduce_ex__(2)[1:])
class C3:
    def __getnewargs_ex__(self):
        return ((1,), {'k': 2})
r = C3().__reduce_ex__(2)
print(r[0] is copyreg.__newobj_ex__, r[1:])
class C3b:
    def __getnewargs_ex__(self):
        return ((1,), {})
r = C3b().__reduce_ex__(3)
print(r[0] is copyreg.__newobj__, r[1:])
for ret in [((), "bad"), ("bad", {}), (), "bad"]:
    class Bad:
        def __getnewargs_ex__(self, ret=ret):
            return ret
    try:
        Bad().__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Bad2:
    def __getnewargs__(self):
        return [1]
try:
    Bad2().__reduce_ex__(2)
except TypeError as e:
    print(e)
class Picky:
    def __getstate__(self):
        return {}
    def __getattr__(self, attr):
        if attr in ("__getnewargs__", "__getnewargs_ex__"):
            raise AssertionError(attr)
        return None
print(Picky().__reduce_ex__(2)[1:])
class A:
    __slotnames__ = ['spam']
    def __getattr__(self, attr):
        if attr == 'spam':
            return 42
        raise AttributeError(attr)
print(A().__reduce_ex__(2)[1:])
class K(int):
    def __new__(cls, a, b, *, value=0):
        self = super().__new__(cls, value)
        self.a, self.b = a, b
        return self
    def __getnewargs_ex__(self):
        return ((self.a, self.b), {'value': int(self)})
k = K(1, 2, value=3)
for p in range(2, 6):
    c = pickle.loads(pickle.dumps(k, p))
    print(p, type(c).__name__, int(c), c.a, c.b)
d = copy.deepcopy(k)
print(int(d), d.a, d.b)
class Sl:
    __slots__ = ('x', '__y')
s = Sl(); s.x = 1; s._Sl__y = 2
print(object.__getstate__(s), Sl.__slotnames__)
