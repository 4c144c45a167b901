# Argument-count and keyword errors of built-in methods: the message text
# (and its shape: Argument Clinic "expected at least", "takes exactly one
# argument", "takes no keyword arguments" with the type prefix) must match.

import collections


def show(f):
    try:
        r = f()
        print("ok", repr(r)[:40])
    except Exception as e:
        print(type(e).__name__, e)


s = "a,b,c"
b = b"a,b,c"
ba = bytearray(b"a,b,c")
lst = [1, 2, 3]
d = {"a": 1}
st = {1, 2}
t = (1, 2, 1)

for obj in (s, b, ba):
    sep = "," if isinstance(obj, str) else b","
    for name in ("count", "find", "index", "rfind", "rindex",
                 "startswith", "endswith"):
        m = getattr(obj, name)
        show(lambda: m())
        show(lambda: m(sep, 0, 1, 2))
        # METH_VARARGS methods name their type only when called through
        # the method descriptor (or directly as obj.count(...))
        show(lambda: getattr(type(obj), name)(obj, sep, x=1))
    show(lambda: obj.count(sep, x=1))
    show(lambda: obj.startswith(sep, x=1))
    for name in ("split", "rsplit"):
        m = getattr(obj, name)
        show(lambda: m(sep, 1, 2))
        show(lambda: m(x=1))
    show(lambda: obj.splitlines(True, 1))
    show(lambda: obj.splitlines(x=1))
    show(lambda: obj.expandtabs(4, 1))
    show(lambda: obj.expandtabs(x=1))
    for name in ("join", "partition", "rpartition"):
        m = getattr(obj, name)
        show(lambda: m())
        show(lambda: m(sep, sep))
        show(lambda: m(sep, x=1))
    for name in ("strip", "lstrip", "rstrip"):
        m = getattr(obj, name)
        show(lambda: m(sep, sep))
        show(lambda: m(chars=sep))
    for name in ("replace",):
        m = getattr(obj, name)
        show(lambda: m(sep))
        show(lambda: m(sep, sep, 1, 2))
        show(lambda: m(sep, sep, count=1))
    for name in ("center", "ljust", "rjust"):
        m = getattr(obj, name)
        show(lambda: m())
        show(lambda: m(5, sep, 1))
        show(lambda: m(5, fillchar=sep))
    for name in ("zfill",):
        m = getattr(obj, name)
        show(lambda: m())
        show(lambda: m(5, 1))
    for name in ("upper", "lower", "title", "isdigit", "isalpha"):
        m = getattr(obj, name)
        show(lambda: m(1))
        show(lambda: m(x=1))
    for name in ("removeprefix", "removesuffix"):
        m = getattr(obj, name)
        show(lambda: m())
        show(lambda: m(sep, sep))

show(lambda: s.encode("utf-8", "strict", 1))
show(lambda: s.encode(x=1))
show(lambda: b.decode("utf-8", "strict", 1))
show(lambda: b.decode(x=1))
show(lambda: s.format_map())
show(lambda: s.translate())
show(lambda: s.translate({}, {}))
show(lambda: "{}".format_map({}, {}))
show(lambda: str.maketrans())
show(lambda: str.maketrans("a", "b", "c", "d"))
show(lambda: b.hex(1, 2, 3))
show(lambda: bytes.fromhex())
show(lambda: bytes.fromhex("a", "b"))

for name in ("append", "remove", "count", "extend"):
    m = getattr(lst, name)
    show(lambda: m())
    show(lambda: m(1, 2))
    show(lambda: m(x=1))
show(lambda: lst.insert(1))
show(lambda: lst.insert(1, 2, 3))
show(lambda: lst.insert(1, x=2))
show(lambda: lst.pop(1, 2))
show(lambda: lst.pop(x=1))
show(lambda: lst.index())
show(lambda: lst.index(1, 0, 3, 4))
show(lambda: lst.index(1, x=2))
show(lambda: lst.copy(1))
show(lambda: lst.clear(1))
show(lambda: lst.reverse(1))
show(lambda: lst.sort(1))
show(lambda: lst.sort(x=1))

show(lambda: d.get())
show(lambda: d.get(1, 2, 3))
show(lambda: d.get("a", default=1))
show(lambda: d.pop())
show(lambda: d.pop(1, 2, 3))
show(lambda: d.pop("a", default=1))
show(lambda: d.setdefault())
show(lambda: d.setdefault(1, 2, 3))
show(lambda: d.setdefault("a", default=1))
show(lambda: d.popitem(1))
show(lambda: d.keys(1))
show(lambda: d.items(1))
show(lambda: d.values(1))
show(lambda: d.copy(1))
show(lambda: d.clear(1))
show(lambda: d.update(1, 2))
show(lambda: dict.fromkeys())
show(lambda: dict.fromkeys(1, 2, 3))
show(lambda: d.__contains__())
show(lambda: d.__getitem__())

for name in ("add", "remove", "discard", "issubset", "issuperset",
             "isdisjoint"):
    m = getattr(st, name)
    show(lambda: m())
    show(lambda: m(1, 2))
    show(lambda: m(x=1))
show(lambda: st.pop(1))
show(lambda: st.clear(1))
show(lambda: st.copy(1))
show(lambda: st.union(x=1))
show(lambda: st.update(x=1))

show(lambda: t.count())
show(lambda: t.count(1, 2))
show(lambda: t.count(x=1))
show(lambda: t.index())
show(lambda: t.index(1, 0, 3, 4))
show(lambda: t.index(1, x=2))

i = 5
show(lambda: i.bit_length(1))
show(lambda: i.bit_count(1))
show(lambda: i.conjugate(1))
show(lambda: i.to_bytes(1, "big", 1))
show(lambda: i.to_bytes(x=1))
show(lambda: int.from_bytes())
show(lambda: int.from_bytes(b"", "big", 1))
show(lambda: i.__format__())
show(lambda: i.__round__(1, 2))

f = 1.5
show(lambda: f.is_integer(1))
show(lambda: f.hex(1))
show(lambda: f.as_integer_ratio(1))
show(lambda: float.fromhex())
show(lambda: float.fromhex("1", "2"))
show(lambda: f.__format__())
show(lambda: f.__round__(1, 2))
show(lambda: f.conjugate(1))

dq = collections.deque([1, 2])
for name, a in [("index", ()), ("index", (1, 0, 1, 2)), ("insert", (1,)), ("insert", (1, 2, 3)),
                ("rotate", (1, 2)), ("append", ()), ("appendleft", ()), ("extend", ()),
                ("count", ()), ("remove", ()), ("pop", (1,)), ("popleft", (1,)), ("clear", (1,)),
                ("copy", (1,)), ("reverse", (1,))]:
    show(lambda: getattr(dq, name)(*a))
d = {1: 2}
show(lambda: d.update(x=1) or d)
show(lambda: d.__delitem__())
show(lambda: d.__reversed__(1))
show(lambda: [].sort(1, 2))
show(lambda: [].__reversed__(1))
show(lambda: "".__mod__())
show(lambda: "a".format_map({}, x=1))
show(lambda: "".__getnewargs__(1))
show(lambda: (1).to_bytes(1, "big", signed=True, x=1))
show(lambda: (1).to_bytes(1, "big", length=1))
show(lambda: int.from_bytes(b"", bytes=b""))
show(lambda: "".encode("utf-8", encoding="x"))
show(lambda: "".split(",", sep=","))
show(lambda: "".split(maxsplit=1, x=2))
show(lambda: bytes.maketrans(b"a"))
show(lambda: bytes.maketrans(b"a", b"b", b"c"))
show(lambda: bytes.maketrans(x=1))
show(lambda: bytearray.maketrans(x=1))
show(lambda: str.maketrans(x=1))
show(lambda: dict.fromkeys(x=1))
show(lambda: float.fromhex(x=1))
show(lambda: bytes.fromhex(x=1))
show(lambda: bytearray.fromhex())
show(lambda: int.from_bytes(x=1))
show(lambda: (1).__format__(x=1))
show(lambda: (1.0).__round__(x=1))
show(lambda: (1).__round__(x=1))
show(lambda: (1).bit_length(x=1))
show(lambda: (1.0).hex(x=1))
show(lambda: [].copy(x=1))
show(lambda: {}.keys(x=1))
show(lambda: "".upper(x=1))
show(lambda: b"".upper(x=1))
show(lambda: "".join([], x=1))
for o in (b"abc", bytearray(b"abc")):
    show(lambda: o.translate())
    show(lambda: o.translate(None, b"", 1))
    show(lambda: o.translate(None, x=1))
    show(lambda: o.translate(delete=b""))
    show(lambda: o.translate(None, delete=b"a"))
    show(lambda: o.decode(errors="strict", encoding="ascii", x=1))
    show(lambda: o.hex(sep=1, bytes_per_sep=2, x=1))
show(lambda: "a b".split(sep=None, maxsplit=1))
show(lambda: "a".encode(errors="strict", encoding="ascii"))
show(lambda: (5).to_bytes(length=2, byteorder="little", signed=True))
show(lambda: int.from_bytes(bytes=b"\x01", byteorder="big", signed=False))
show(lambda: int.from_bytes(byteorder="big"))
show(lambda: bytearray().__alloc__(1))

# slot wrappers and the METH_O dunders of list, dict and set
for o in ("a", [1], 5, 1.5, {1: 2}, (1,), {1}):
    for name, a in [("__eq__", ()), ("__add__", ()), ("__lt__", (1, 2)),
                    ("__repr__", (1,)), ("__hash__", (1,)), ("__iter__", (1,)), ("__len__", (1,)),
                    ("__bool__", (1,)), ("__neg__", (1,)), ("__getitem__", ()), ("__contains__", ()),
                    ("__setitem__", (1,)), ("__delitem__", ()), ("__str__", (1,)), ("__getattribute__", ()),
                    ("__setattr__", (1,)), ("__delattr__", ())]:
        m = getattr(o, name, None)
        if m is None:
            continue
        print(type(o).__name__, name, end=" "); show(lambda: m(*a))
