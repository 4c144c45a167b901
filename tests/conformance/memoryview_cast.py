# memoryview.cast() to the native single-character struct formats: item
# values, layout attributes, multi-dimensional shapes, item and slice
# assignment, comparison and CPython's error messages.
import struct


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, str(e))
    else:
        if isinstance(r, memoryview):
            r = ("view", r.format, r.itemsize, r.ndim, r.shape, r.strides, r.nbytes, r.tolist())
        print(label, "->", repr(r))


def layout(m):
    return (m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, len(m),
            m.readonly, m.contiguous, m.c_contiguous, m.f_contiguous, m.suboffsets)


data = bytes(range(1, 25)) + bytes([0xff, 0x80, 0x7f, 0x00, 0xfe, 0xff, 0xff, 0xff])
FORMATS = "BbcHhIiLlQqNnfd?P"
for f in FORMATS:
    for src in (data, bytearray(data)):
        m = memoryview(src).cast(f)
        print(f, type(src).__name__, layout(m))
        print("  tolist", m.tolist())
        print("  items", m[0], m[-1], m[len(m) // 2], repr(list(m)) == repr(m.tolist()))
        print("  slices", m[1:3].tolist(), m[::-2].tolist(), m[::3].strides, m[5:1].shape)
        print("  tobytes", m.tobytes() == data, m[::2].tobytes().hex(), m.hex()[:16])
        print("  at-format", memoryview(src).cast("@" + f).format, memoryview(src).cast("@" + f) == m)
        print("  back", m.cast("B").tolist() == list(data), m.cast("c").shape, m.cast("b")[:4].tolist())
        print("  eq", m == m, m == memoryview(src).cast(f), m != memoryview(data), m == data, m[:0] == b"")

# special values
fl = memoryview(struct.pack("4f", 1.5, float("nan"), float("inf"), -0.0)).cast("f")
print(fl.tolist()[0], fl[1] != fl[1], fl[2], fl[3], fl == fl, fl[:1] == fl[:1], fl[2:] == fl[2:])
dl = memoryview(struct.pack("3d", 0.1, float("nan"), -1e300)).cast("d")
print(dl.tolist()[::2], dl == dl, dl[::2] == dl[::2])
print(memoryview(b"\x00\x01\x02\xff").cast("?").tolist(), memoryview(b"\x02").cast("?") == memoryview(b"\x01").cast("?"))
print(memoryview(struct.pack("Qq", 2**64 - 1, -2**63)).cast("Q").tolist(), memoryview(struct.pack("Qq", 2**64 - 1, -2**63)).cast("q").tolist())

# item assignment: every format, good and bad values
class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


class BadBool:
    def __bool__(self):
        raise ZeroDivisionError("no truth")


values = [0, 1, -1, 127, 128, -129, 255, 256, 65535, 65536, -32769, 2**31, -2**31 - 1, 2**32, 2**63, -2**63 - 1,
          2**64, 2**70, True, 1.5, "x", b"a", b"ab", bytearray(b"a"), None, Idx(), Flt(), float("inf"), 1e300, [], BadBool()]
for f in FORMATS:
    m = memoryview(bytearray(16)).cast(f)
    out = []
    for v in values:
        try:
            m[0] = v
            out.append(repr(m[0]))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(f, out)
    print(f, "@", end=" ")
    t("set", lambda: memoryview(bytearray(16)).cast("@" + f).__setitem__(0, "x"))

# slice assignment
b = bytearray(range(16))
m = memoryview(b).cast("H")
m[1:3] = memoryview(bytes(range(100, 104))).cast("H")
print(b.hex(), m.tolist())
m[::2] = memoryview(bytearray(8)).cast("@H")
print(b.hex())
t("bytes into H", lambda: m.__setitem__(slice(0, 2), b"1234"))
t("b into B", lambda: memoryview(bytearray(4)).__setitem__(slice(0, 4), memoryview(b"abcd").cast("b")))
t("c into c", lambda: memoryview(bytearray(4)).cast("c").__setitem__(slice(0, 4), memoryview(b"abcd").cast("c")))
t("wrong length", lambda: m.__setitem__(slice(0, 2), memoryview(bytes(6)).cast("H")))
t("2-D source", lambda: memoryview(bytearray(4)).__setitem__(slice(0, 4), memoryview(b"abcd").cast("B", [2, 2])))
t("not a buffer", lambda: m.__setitem__(slice(0, 2), [1, 2]))
b = bytearray(b"abcdefgh")
v = memoryview(b)
v[2:6] = v[0:4]
v2 = memoryview(b).cast("h")
v2[::-1] = memoryview(bytes(b)).cast("h")
print(b)

# read-only views and hashing
ro = memoryview(bytearray(b"abcd")).toreadonly()
t("toreadonly", lambda: (ro.readonly, ro.obj, ro.cast("i").readonly))
t("ro set", lambda: ro.__setitem__(0, 1))
t("ro hash", lambda: hash(ro))
t("hash I", lambda: hash(memoryview(b"abcd").cast("I")))
t("hash c", lambda: hash(memoryview(b"abcd").cast("c")) == hash(b"abcd"))
t("hash b 2-D", lambda: hash(memoryview(b"abcd").cast("b", [2, 2])) == hash(b"abcd"))
t("hash writable", lambda: hash(memoryview(bytearray(b"abcd"))))
t("delete", lambda: memoryview(bytearray(4)).__delitem__(0))

# multi-dimensional views
m = memoryview(bytes(range(24))).cast("B", [2, 3, 4])
print(layout(m))
print(m.tolist(), m.tobytes() == bytes(range(24)))
print(m[1, 2, 3], m[-1, -1, -1], m[0, 1, 2], m[1:].tolist(), m[::-1].shape, m[::-1].strides, m[::-1].c_contiguous)
print(m[::-1].tobytes().hex(), m.tobytes(order="F").hex(), m[::-1].tobytes("F").hex(), m.tobytes("A") == m.tobytes(None))
print(m.hex(), m.cast("B").shape, m.cast("I").tolist(), m.cast("I", [6]).shape, m.cast("c", (24,)).tolist()[:3])
print(m == m, m == memoryview(bytes(range(24))).cast("B", [2, 3, 4]), m == memoryview(bytes(range(24))).cast("B", [3, 2, 4]),
      m == bytes(range(24)), m[::-1] == memoryview(bytes(range(12, 24)) + bytes(range(12))).cast("B", [2, 3, 4]))
w = memoryview(bytearray(24)).cast("h", [3, 4])
w[1, 2] = -5
w[2, -1] = 300
print(layout(w), w.tolist())
for label, f in [
    ("1 index", lambda: m[1]),
    ("short tuple", lambda: m[1, 2]),
    ("long tuple", lambda: m[1, 2, 3, 4]),
    ("out of range", lambda: m[2, 0, 0]),
    ("out of range dim 3", lambda: m[0, 0, 4]),
    ("huge index", lambda: m[0, 0, 2**64]),
    ("multislice", lambda: m[1:, ::2]),
    ("bad key", lambda: m["a"]),
    ("float key", lambda: m[1.0]),
    ("empty tuple", lambda: m[()]),
    ("ellipsis", lambda: m[...]),
    ("iter", lambda: list(m)),
    ("set 1 index", lambda: w.__setitem__(0, 1)),
    ("set short", lambda: w.__setitem__((0,), 1)),
    ("set long", lambda: w.__setitem__((0, 1, 2), 1)),
    ("set slice", lambda: w.__setitem__(slice(0, 1), b"12345678")),
    ("set multislice", lambda: w.__setitem__((slice(0, 1), slice(0, 1)), b"1")),
    ("set bad value", lambda: w.__setitem__((0, 0), 2**15)),
    ("set bad key", lambda: w.__setitem__("a", 1)),
    ("f_contiguous", lambda: (memoryview(bytes(8)).cast("B", [8, 1]).f_contiguous, memoryview(bytes(8)).cast("B", [1, 4, 2]).f_contiguous)),
    ("sliced layout", lambda: layout(memoryview(bytes(8)).cast("B", [2, 4])[::2])),
    ("sliced layout rev", lambda: layout(memoryview(bytes(8)).cast("B", [2, 4])[::-1])),
]:
    t(label, f)

# 0-dim views
z = memoryview(bytearray(b"\x01\x02\x03\x04")).cast("i", [])
print(layout(z), z.tolist(), z[()], z[...] is z, z.tobytes())
z[()] = -2
print(z.tolist())
z[...] = 5
print(z.tolist(), z == memoryview(struct.pack("i", 5)).cast("i", []), z == memoryview(struct.pack("i", 5)).cast("i"))
for label, f in [
    ("0-dim index", lambda: z[0]),
    ("0-dim tuple", lambda: z[(0,)]),
    ("0-dim slice", lambda: z[0:1]),
    ("0-dim iter", lambda: list(z)),
    ("0-dim set", lambda: z.__setitem__(0, 1)),
    ("0-dim to 1-D", lambda: z.cast("B")),
    ("0-dim to shape", lambda: z.cast("B", [4])),
    ("0-dim to 2-D", lambda: z.cast("B", [2, 2])),
    ("0-dim bool", lambda: bool(z)),
]:
    t(label, f)

# views of views, strided views and contiguity
s = memoryview(b"abcdefgh")[::2]
print(layout(s), layout(s[0:0]), layout(s[0:1]), layout(memoryview(s)))
print(layout(memoryview(memoryview(b"abcdefgh").cast("i"))))

# cast errors, in CPython's order
m = memoryview(bytearray(range(24)))
for label, f in [
    ("format int", lambda: m.cast(1)),
    ("shape int", lambda: m.cast("B", 5)),
    ("shape None", lambda: m.cast("B", None)),
    ("shape dict", lambda: m.cast("B", {2: 2})),
    ("bad format =i", lambda: m.cast("=i")),
    ("bad format ii", lambda: m.cast("ii")),
    ("bad format x", lambda: m.cast("x")),
    ("bad format e", lambda: m.cast("e")),
    ("bad format s", lambda: m.cast("s")),
    ("bad format empty", lambda: m.cast("")),
    ("bad format @", lambda: m.cast("@")),
    ("bad format <B", lambda: m.cast("<B")),
    ("non-byte", lambda: m.cast("I").cast("H")),
    ("non-byte @", lambda: m.cast("@I").cast("@f")),
    ("multiple", lambda: m[:5].cast("I")),
    ("multiple 2", lambda: m[:6].cast("Q")),
    ("strided", lambda: m[::2].cast("B")),
    ("reversed", lambda: m[::-1].cast("c")),
    ("product", lambda: m.cast("B", [2, 3, 5])),
    ("product items", lambda: m.cast("I", [2, 2])),
    ("zero dim", lambda: m.cast("B", [2, 0, 4])),
    ("negative dim", lambda: m.cast("B", [2, -1, 4])),
    ("str dim", lambda: m.cast("B", [2, "a", 4])),
    ("float dim", lambda: m.cast("B", [2.0, 12])),
    ("bool dim", lambda: m.cast("B", [True, 24]).shape),
    ("huge dim", lambda: m.cast("B", [2**70, 4])),
    ("ssize overflow", lambda: m.cast("B", [2**40, 2**40])),
    ("too many dims", lambda: m.cast("B", [1] * 65)),
    ("64 dims", lambda: m[:1].cast("B", [1] * 64).ndim),
    ("ND to ND", lambda: m.cast("B", [2, 12]).cast("B", [3, 8])),
    ("ND to 1D", lambda: m.cast("B", [2, 12]).cast("i").shape),
    ("ND to 1D shape", lambda: m.cast("B", [2, 12]).cast("i", [6]).shape),
    ("ND strided", lambda: m.cast("B", [4, 6])[::2].cast("B")),
    ("empty zeros", lambda: memoryview(b"").cast("B", [0])),
    ("empty ok", lambda: memoryview(b"").cast("I")),
    ("empty to shape", lambda: memoryview(b"").cast("I", [1])),
    ("empty sliced ND", lambda: m.cast("B", [4, 6])[4:].cast("B")),
    ("kw", lambda: m.cast(format="i", shape=(2, 3))),
    ("kw shape only", lambda: m.cast(shape=[24])),
    ("no args", lambda: m.cast()),
    ("too many", lambda: m.cast("B", [24], 1)),
    ("bad kw", lambda: m.cast("B", shap=[24])),
    ("dup kw", lambda: m.cast("B", format="B")),
    ("tobytes order", lambda: m.tobytes("X")),
    ("tobytes order type", lambda: m.tobytes(1)),
    ("tolist args", lambda: m.tolist(1)),
    ("hex sep", lambda: m.cast("i").hex(":", 2)),
    ("not bytes-like", lambda: memoryview("abc")),
    ("int", lambda: memoryview(3)),
]:
    t(label, f)

# comparisons across formats and with bytes-like objects
pairs = [
    (memoryview(b"\x01\x00").cast("H"), b"\x01\x00"),
    (memoryview(b"\x01\x00").cast("H"), b"\x01"),
    (memoryview(b"\x01\x00").cast("H"), memoryview(b"\x01\x00").cast("h")),
    (memoryview(b"\x01\x00").cast("H"), bytearray(b"\x01\x00")),
    (memoryview(b"ab").cast("c"), b"ab"),
    (memoryview(b"ab").cast("c"), memoryview(b"ab").cast("c")),
    (memoryview(b"\x01").cast("?"), b"\x01"),
    (memoryview(struct.pack("f", 1.0)).cast("f"), memoryview(struct.pack("d", 1.0)).cast("d")),
    (memoryview(struct.pack("f", 1.0)).cast("f"), memoryview(struct.pack("i", 1)).cast("i")),
    (memoryview(struct.pack("ff", 1.0, 2.0)).cast("f"), memoryview(struct.pack("ii", 1, 2)).cast("i")),
    (memoryview(b"").cast("I"), memoryview(b"").cast("c")),
    (memoryview(b"\xff" * 8).cast("Q"), memoryview(b"\xff" * 8).cast("q")),
    (memoryview(b"\xff" * 8).cast("P"), memoryview(b"\xff" * 8).cast("N")),
    (memoryview(b"abcd").cast("B", [2, 2]), b"abcd"),
    (memoryview(b"abcd").cast("B", [2, 2]), memoryview(b"abcd").cast("c", [2, 2])),
    (memoryview(b"abcd"), "abcd"),
    (memoryview(b"abcd"), [97, 98, 99, 100]),
]
for a, b2 in pairs:
    print(a == b2, b2 == a, a != b2)
t("ordering", lambda: memoryview(b"a") < memoryview(b"b"))
t("ordering bytes", lambda: b"a" < memoryview(b"b"))
e = memoryview(b"ab")
e.release()
print(e == e, e != e, e == memoryview(b"ab"), memoryview(b"ab") == e, e == b"ab")

# other consumers of the buffer
c = memoryview(b"\x01\x00\x02\x00").cast("H")
print(bytes(c), bytearray(c), b"".join([c, c]), b"x" + c, c.tobytes(), struct.unpack("HH", c), len(bytes(memoryview(bytes(24)).cast("d", [3]))))
buf = bytearray(8)
struct.pack_into("<I", memoryview(buf).cast("I"), 2, 0x01020304)
print(buf)
print(type(iter(c)).__name__, list(reversed(c)), 2 in c, 3 in c, sorted(c), sum(memoryview(struct.pack("3d", 1, 2, 3)).cast("d")))
it = iter(memoryview(bytearray(b"\x01\x02\x03")).cast("b"))
print(next(it), list(it), list(it))
ba = bytearray(b"\x01\x02\x03")
mv = memoryview(ba).cast("b")
it = iter(mv)
next(it)
mv[1] = -7
print(next(it))
