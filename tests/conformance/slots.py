# __slots__: no __dict__, attribute errors, inheritance, slot descriptors.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError", e)
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2); q.z = 3
print(q.x, q.z, hasattr(q, "__dict__"))
class R(P):
    pass
r = R(1, 2); r.extra = "dict available"
print(r.extra, r.__dict__)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict(); w.a = 1; w.b = 2
print(w.a, w.__dict__)
class Single:
    __slots__ = "only"
s = Single(); s.only = "one"
print(s.only, Single.__slots__)
class Default:
    __slots__ = ("v",)
    def get(self):
        try:
            return self.v
        except AttributeError:
            return "no v yet"
print(Default().get())
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError", e)
print(P.x.__get__(P(5, 6)), P.x.__name__)
