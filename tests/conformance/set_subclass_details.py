# set/frozenset details of CPython 3.11: an unhashable set (or set-subclass
# instance) looked up as a frozenset by in/discard/remove, the recursion
# marker naming the type, set.__init__ refusing keywords, __reduce__ with
# __getstate__ (instance dict and __slots__).
class S(set): pass
class F(frozenset):
    __hash__ = None
s = S("abc")
print(S("ab") in s, set("a") in {frozenset("a")}, S("a") in {frozenset("a")})
print(frozenset("a") in S([frozenset("a")]), S("a") in S([frozenset("a")]))
x = S([frozenset("a"), 1]); x.discard(S("a")); print(x)
x = {frozenset("a"), 1}; x.remove(set("a")); print(x)
try:
    x.remove(S("zz"))
except KeyError as e:
    print("KeyError", e)
try:
    F("a") in {1}
except TypeError as e:
    print(e)
class T:
    def __init__(self, s): self.s = s
    def __hash__(self): return 1
    def __repr__(self): return "T(%r)" % (self.s,)
a = set(); a.add(T(a)); print(repr(a))
b = S(); b.add(T(b)); print(repr(b))
c = {frozenset(), frozenset([1])}; print(sorted(map(len, c)))
import pickle, copy
class S(set):
    __slots__ = ("x", "__dict__")
s = S([1, 2]); s.x = ["x"]; s.z = ["z"]
for proto in range(6):
    d = pickle.loads(pickle.dumps(s, proto))
    print(proto, d, d.x, d.z, type(d).__name__)
print(set([1]).__reduce__(), frozenset([2]).__reduce__())
class P(set): pass
p = P([3]); p.a = 1
print(p.__reduce__()[2], copy.copy(p).a)
class G(frozenset):
    def __getstate__(self): return {"g": 5}
print(G([1]).__reduce__())
class N(set):
    def __new__(cls, arg, newarg=None):
        return super().__new__(cls, arg)
try:
    N([1, 2], newarg=3)
except TypeError as e:
    print(e)
class I(set):
    def __init__(self, arg, newarg=None):
        super().__init__(arg)
        self.newarg = newarg
print(I([1], newarg=3), I([1], newarg=3).newarg)
class LN(list):
    def __new__(cls, arg, newarg=None):
        return super().__new__(cls, arg)
print(LN([1, 2], newarg=3))
