# Driver for extensions/capi_types.
import capi_types
from capi_types import Point, Vec

p = Point(1.5, -2)
print("point", p, p.x, p.y)
p.x = 4
print("point set", p, Point.__doc__)
print("point eq", Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 2), Point(1, 2) == 3)
print("point scaled", p.scaled(2), type(p.scaled(2)).__name__)
print("point kw", Point(y=3))
try:
    Point("a")
except TypeError as e:
    print("TypeError", e)


class Sub(Point):
    pass


print("subclass", Sub(1, 1), isinstance(Sub(), Point), type(Sub().scaled(1)).__name__)
print("point type", type(Point).__name__, Point.__module__, Point.__name__)

v = Vec(3, 4)
w = Vec(1, 0)
print("vec", v, v.n, v.a, v.b, len(v))
print("vec ops", v + w, v * 2, 3 * v, -v, bool(v), bool(Vec()))
print("vec norm2", v.norm2)
v.norm2 = 100
print("vec rescaled", v)
try:
    v.n = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    Vec().norm2 = 1
except ValueError as e:
    print("ValueError", e)
try:
    del v.norm2
except AttributeError as e:
    print("AttributeError", e)
try:
    v + 1
except TypeError as e:
    print("TypeError", e)
print("vec type", Vec.__name__, Vec.__module__, Vec.__doc__)
print("module", sorted(k for k in dir(capi_types) if not k.startswith("__")))

# signatures written at the start of C docstrings ("name(...)\n--\n\n"),
# and the slot wrappers' and __new__'s, which every type shares
import inspect
for obj in [Point, Vec, Point.scaled, Point().scaled, Point.__init__,
            Point.__new__, Point.__eq__, Vec.__add__, Vec.__len__]:
    try:
        sig = str(inspect.signature(obj))
    except ValueError as e:
        sig = "ValueError"
    print("signature", getattr(obj, "__qualname__", obj), sig, repr(obj.__text_signature__))
for obj in [Point, Vec, Point.scaled, Point().scaled]:
    print("doc", repr(obj.__doc__))
