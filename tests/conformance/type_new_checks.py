# type(name, bases, ns) and class statements: CPython 3.11's checks of
# bases (metaclass conflict first, instance lay-out conflicts), of
# __slots__ names, of the namespace (dict subclasses, their order), of
# __doc__, __base__, and the RuntimeError around a failing __set_name__.
import collections, types

def check(label, f):
    try:
        r = f()
        print(label, "ok", getattr(r, "__name__", r))
    except Exception as e:
        print(label, type(e).__name__, e)

class B:
    def ham(self):
        return "ham%d" % self
C = type("C", (B, int), {"spam": lambda self: "spam%s" % self})
print(C.__base__, C.__bases__, C(42).ham(), C(7).spam())
# the special methods come from the MRO: int's, not object's through B
print(repr(C(7)), str(C(8)), C(3) + 1, hash(C(5)), C(2) < C(3), abs(C(-4)))
class L(B, list):
    pass
print(L([1, 2]), len(L([1])), 2 in L([2]))
class S1:
    __slots__ = ("a",)
class S2(S1):
    pass
class S3(S2, B):
    pass
print(S3.__base__, S2.__base__, bool.__base__, int.__base__, object.__base__)

check("no args", lambda: type())
check("two args", lambda: type("A", ()))
check("four args", lambda: type("A", (), {}, ()))
check("dict kw", lambda: type("A", (), dict={}))
check("list bases", lambda: type("A", [], {}))
check("proxy ns", lambda: type("A", (), types.MappingProxyType({})))
check("None base", lambda: type("A", (None,), {}))
check("int base", lambda: type("A", (1,), {}))
check("bool base", lambda: type("A", (bool,), {}))
check("int+str", lambda: type("A", (int, str), {}))
check("list+dict", lambda: type("A", (list, dict), {}))
check("exceptions", lambda: type("A", (ValueError, TypeError), {}))
check("exc+object", lambda: type("A", (KeyError, B), {}))

class SA:
    __slots__ = ("a",)
class SB:
    __slots__ = ("b",)
class SE:
    __slots__ = ()
check("two slotted", lambda: type("A", (SA, SB), {}))
check("slotted+empty", lambda: type("A", (SA, SE), {}))
check("slotted+plain", lambda: type("A", (SA, B), {}))
check("slotted sub", lambda: type("A", (type("SA2", (SA,), {}), SA), {}))

check("bytes slots", lambda: type("A", (), {"__slots__": b"x"}))
check("int slots", lambda: type("A", (int,), {"__slots__": "x"}))
check("int empty slots", lambda: type("A", (int,), {"__slots__": ()}))
check("tuple slots", lambda: type("A", (tuple,), {"__slots__": ("x",)}))
check("empty name", lambda: type("A", (), {"__slots__": ""}))
check("digits", lambda: type("A", (), {"__slots__": "42"}))
check("nul", lambda: type("A", (), {"__slots__": "x\x00y"}))
check("int item", lambda: type("A", (), {"__slots__": ("x", 1)}))
check("class var", lambda: type("A", (), {"__slots__": "x", "x": 0}))
check("dict twice", lambda: type("A", (), {"__slots__": ("__dict__", "__dict__")}))
check("weak twice", lambda: type("A", (), {"__slots__": ("__weakref__", "__weakref__")}))
check("dict again", lambda: type("A", (B,), {"__slots__": "__dict__"}))
check("weak again", lambda: type("A", (B,), {"__slots__": "__weakref__"}))
check("dict once", lambda: type("A", (SA,), {"__slots__": ("__dict__", "c")}))
check("unicode slot", lambda: type("A", (), {"__slots__": ("é",)}))
class SubStr(str):
    pass
X = type("X", (), {"__slots__": (SubStr("x"),)})
x = X()
x.x = 1
print(x.x, type(X.__dict__["x"]).__name__)

for doc in "x", "\xc4", "x\x00y", b"x", 42, None:
    print(repr(type("A", (), {"__doc__": doc}).__doc__))
check("surrogate doc", lambda: type("A", (), {"__doc__": "x\udcdcy"}))
A = type("A", (), {})
A.__doc__ = "x\udcdcy"
print(ascii(A.__doc__))

od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print([k for k in type("C", (), od).__dict__ if k in "ab"])
class Plain(dict):
    pass
print([k for k in type("C", (), Plain(b=1, a=2)).__dict__ if k in "ab"])
class Rev(dict):
    def __iter__(self):
        return iter(sorted(dict.keys(self), reverse=True))
    def keys(self):
        return sorted(dict.keys(self), reverse=True)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Rev()
class F(metaclass=Meta):
    a = 1
    b = 2
print([k for k in F.__dict__ if k in "ab"], F.a, F.b)

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
try:
    class G:
        attr = Boom()
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)

try:
    raise IndexError
except IndexError as e:
    print(dir(e.__traceback__))
