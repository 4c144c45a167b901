# PyGObject's ways with C types, in small. Members of a C int subclass
# made by int's tp_new and then given C fields (PyGObject's enums and
# flags): the fields survive, in C-made and Python-made subclasses, through
# many objects (a short object would be overrun into its neighbours).
import gc
import cint_layout as m

Color = m.subclass("Color")
print(Color.__name__, Color.__module__, Color.__mro__[1].__name__, issubclass(Color, int))


class Shade(m.TaggedInt):
    def describe(self):
        return "shade %d" % self


members = []
for i in range(300):
    cls = Color if i % 2 else Shade
    members.append(m.member(cls, i * 3, i + 1000))
gc.collect()
bad = [i for i, x in enumerate(members) if x.tag() != (i + 1000, sum((i + 1000) * 10 + k for k in range(6)))]
print("bad tags", bad)
print(repr(members[5]), repr(members[6]), members[6].describe())
print(members[7] + 1, members[7] == 21, hash(members[7]) == hash(21), isinstance(members[7], Color))
for i, x in enumerate(members):
    x.settag(-i)
gc.collect()
print("after settag", all(x.tag() == (-i, sum(-i + k for k in range(6))) for i, x in enumerate(members)))
# a member kept only by a container comes back with its fields
d = {"k": m.member(Color, 42, 7)}
gc.collect()
print(repr(d["k"]), d["k"].tag()[0])
try:
    m.member(int, 1, 2)
except TypeError as e:
    print("TypeError", e)

# tp_getattr answers every lookup, with the generic lookup behind it
import cattr_slots as a

s = a.make_spec(21)
print(s.name, s.value, s.double(), type(s).__name__)
print(getattr(s, "nick", "no nick"), hasattr(s, "name"))
try:
    s.missing
except AttributeError as e:
    print("AttributeError", e)


# tp_bases of Python classes, read from C
class Iface:
    pass


class Both(Shade, Iface):
    pass


print(a.base_names(Color), a.base_names(Shade), a.base_names(Both))
print(a.base_names(type("Dyn", (Iface, object), {})))


# an exception type with C fields, made by the inherited tp_new
class AppError(a.CodedError):
    pass


errs = [(a.CodedError if i % 2 else AppError)("e%d" % i) for i in range(200)]
for i, e in enumerate(errs):
    e.setcode(i * 100)
gc.collect()
print("codes", all(e.getcode() == tuple(i * 100 + k for k in range(4)) for i, e in enumerate(errs)))
try:
    raise errs[3]
except a.CodedError as e:
    print(type(e).__name__, e.args, e.getcode())


# a C base that adds no fields combines with one that does (GObject.Object
# with an interface)
class Impl(m.TaggedInt, a.Iface):
    pass


class Impl2(Shade, a.Iface):
    pass


print(Impl.__mro__[1].__name__, Impl2.__base__.__name__, int(Impl(4)) + 1, Impl2(5).describe())
try:
    class Bad(a.CodedError, m.TaggedInt):
        pass
except TypeError as e:
    print("TypeError", e)


# a tp_descr_get set after PyType_Ready binds
class Holder:
    meth = a.Bound()


h = Holder()
print(h.meth[0], h.meth[1] is h, type(Holder.meth).__name__, "__get__" in a.Bound.__dict__)


# a tuple subclass filled in C is a tuple to Python code; its getattro
# calls tuple's explicitly
class NamedPair(a.Pair):
    pass


pairs = [a.make_pair(NamedPair, i, "v%d" % i) for i in range(100)]
gc.collect()
p = pairs[7]
x, y = p
print(x, y, p[1], len(p), p.first, p.count(7), p == (7, "v7"), isinstance(p, tuple), type(p).__name__)
print(list(p), p + (1,), sum(q.first for q in pairs), hash(p) == hash((7, "v7")))
try:
    p.nothing
except AttributeError as e:
    print("AttributeError", e)
