# rich comparisons: reflection, NotImplemented, total_ordering, chaining, errors.
class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, C) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, getattr(o, "v", o))
        return self.v < o.v if isinstance(o, C) else NotImplemented
    def __le__(self, o): return self.v <= o.v
    __hash__ = None
a, b = C(1), C(2)
print(a == b, a != b, a < b, b > a, a <= b, b >= a)
print(a == 1, 1 == a)
print(sorted([C(3), C(1), C(2)], key=lambda c: c.v)[0].v)
print(min(C(5), C(4)).v)
import functools
@functools.total_ordering
class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o): return self.p == o.p
    def __lt__(self, o): return self.p < o.p
    def __repr__(self): return "Ver" + repr(self.p)
vs = [Ver(1, 2), Ver(1, 0), Ver(0, 9)]
print(sorted(vs), Ver(1) >= Ver(0, 5), Ver(2) > Ver(2), max(vs))
print(1 < 2 < 3 > 0, 1 < 2 > 3, (1 < 2) < 3, 1 == 1.0 == True, "a" < "b" < "c")
def noisy(v):
    print("eval", v); return v
print(noisy(1) < noisy(0) < noisy(5))
print([1, 2] == [1, 2], [1, [2]] < [1, [3]], (1, "a") < (1, "b"), {1: 2} == {1: 2}, None == None, None is None)
nan = float("nan")
print(nan == nan, [nan] == [nan], nan in [nan], 1 == 1.0, 1 == 1 + 0j, 0.1 + 0.2 == 0.3)
for bad in [lambda: 1 < "a", lambda: [1] < (1,), lambda: None < None, lambda: {} < {}, lambda: 1j < 2j, lambda: C(1) > 1]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
class AlwaysEq:
    def __eq__(self, o): return True
print([1, 2].count(AlwaysEq()), AlwaysEq() in [5], [5].index(AlwaysEq()), AlwaysEq() != 3)
class NoEq: pass
x = NoEq()
print(x == x, x != x, x == NoEq(), x is x)
