# array: typecodes, methods, slicing, comparisons, buffer protocol.
import array
import copy
import pickle


def e(f):
    try:
        r = f()
    except Exception as x:
        print(type(x).__name__, x)
    else:
        print("ok", repr(r))


print(array.typecodes, array.ArrayType is array.array, repr(array.array))
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.itemsize, a.typecode, repr(a), len(a))
    for v in (-1, 0, 127, 128, 255, 256, 2**15, 2**31, 2**32, 2**63, 2**64, -2**63 - 1,
              1.5, "x", "xy", None, True):
        try:
            a.append(v)
        except Exception as x:
            print(" ", tc, repr(v), type(x).__name__, x)
    print(" ", a)

# constructor
for args in [("z",), (1,), ("ab",), ("b", "abc"), ("b", array.array("u", "abc")),
             ("u", array.array("b", [1])), ("i", array.array("b", [1, 2])), ("i", b"abc"),
             ("i", b"abcd"), ("b", 5), ("d", range(3)), ("u", "héllo€"), ("B", bytearray(b"xy")),
             ("f", (1.1, 2.5)), ("q", iter([1, 2, 3])), ("h", array.array("h", [5, 6]))]:
    e(lambda: array.array(*args))
e(lambda: array.array("b", typecode="b"))
e(lambda: array.array())

a = array.array("i", [1, 2, 3, 4, 5])
print(a[0], a[-1], a[1:3], a[::2], a[::-1], a[10:], a[-100:2])
e(lambda: a[5])
e(lambda: a["x"])
a[0] = 10
a[-1] = 50
print(a)


def setitem(k, v):
    a[k] = v
    return a


def delitem(k):
    del a[k]
    return a


e(lambda: setitem(5, 1))
e(lambda: setitem(0, "x"))
e(lambda: setitem(slice(0, 1), [1]))
e(lambda: setitem(slice(0, 1), array.array("b", [1])))
e(lambda: setitem(slice(None, None, 2), array.array("i", [1])))
e(lambda: setitem(slice(1, 3), array.array("i", [7, 8, 9, 10])))
e(lambda: setitem(slice(None, None, 2), array.array("i", [0, 0, 0, 0])))
e(lambda: setitem(slice(None), a))
e(lambda: delitem(0))
e(lambda: delitem(slice(None, None, 3)))
e(lambda: delitem(slice(1, 2)))
e(lambda: delitem(99))
e(lambda: setitem(slice(5, 1), array.array("i", [42])))

# methods
a = array.array("h", [3, 1, 4, 1, 5, 9, 2, 6])
a.append(5)
a.extend([3, 5])
a.extend(array.array("h", [8]))
e(lambda: a.extend(array.array("i", [8])))
e(lambda: a.extend(5))
a.insert(0, 100)
a.insert(-1, 200)
a.insert(1000, 300)
a.insert(-1000, 400)
print(a, a.count(5), a.count(7), a.index(1), a.index(1, 4), a.index(5, -4))
e(lambda: a.index(77))
e(lambda: a.index(1, 1, 2))
print(a.pop(), a.pop(0), a.pop(2), a)
e(lambda: a.pop(100))
e(lambda: array.array("i").pop())
a.remove(1)
e(lambda: a.remove(77))
a.reverse()
print(a, 9 in a, 77 in a, list(a), a.tolist())
b = array.array("i", [1, 256, -2])
b.byteswap()
print(b, b.tobytes())
b.byteswap()
b.frombytes(b"\x07\x00\x00\x00")
e(lambda: b.frombytes(b"abc"))
e(lambda: b.frombytes("abc"))
b.fromlist([8, 9])
e(lambda: b.fromlist((1,)))
e(lambda: b.fromlist([1, "x"]))
print(b, b.buffer_info()[1], len(b))
u = array.array("u", "abc")
u.fromunicode("dé€")
print(u, u.tounicode(), u.tolist(), u[1], u[::-1].tounicode(), u.itemsize)
e(lambda: u.fromunicode(5))
e(lambda: b.fromunicode("x"))
e(lambda: b.tounicode())
e(lambda: b.byteswap(1))
e(lambda: b.append())
print(array.array("f", [0.1, 2.5, -1e40, float("inf")]), array.array("d", [0.1, float("nan")]))

# operators and comparisons
x = array.array("i", [1, 2, 3])
y = array.array("i", [1, 2, 4])
print(x + y, x * 2, 2 * x, x * 0, x * -1, x == y, x != y, x < y, x <= y, x > y, x >= y)
print(x == array.array("h", [1, 2, 3]), x == [1, 2, 3], array.array("i", [1, 2]) < array.array("h", [1, 3]))
print(array.array("d", [float("nan")]) == array.array("d", [float("nan")]))
print(array.array("b") == array.array("d"), array.array("u", "ab") < array.array("u", "b"))
e(lambda: x + [1])
e(lambda: x + array.array("b"))
e(lambda: x * "x")
try:
    x < 3
except TypeError:
    print("TypeError")
e(lambda: hash(x))
z = array.array("i", [1])
z += array.array("i", [2])
z *= 3
print(z)


def iadd(v):
    q = array.array("i")
    q += v
    return q


e(lambda: iadd([1]))
e(lambda: iadd(array.array("h")))
print(bool(array.array("i")), bool(x), sorted(array.array("d", [3, 1, 2])), max(x), sum(x))

# buffer protocol
m = memoryview(array.array("i", [1, 2, 3]))
print(m.format, m.itemsize, m.nbytes, len(m), m.tolist(), m[1], m.readonly, m.shape)
arr = array.array("H", [1, 2, 3])
mv = memoryview(arr)
mv[0] = 65535
print(arr, bytes(arr), bytearray(array.array("b", [1, -1])), bytes(mv[1:]))
print(memoryview(array.array("d", [1.5])).cast("B").tolist())
print(memoryview(array.array("u", "ab")).format)
print(b"-".join([array.array("B", [65, 66]), b"C"]), array.array("B", b"hi") == array.array("B", [104, 105]))
e(lambda: memoryview(array.array("u", "ab")).tolist())

# copies and pickling
c = copy.copy(x)
d = copy.deepcopy(x)
c.append(9)
print(x, c, d, pickle.loads(pickle.dumps(u)), pickle.loads(pickle.dumps(x, 2)))


class A(array.array):
    pass


s = A("i", [1, 2])
s.tag = "t"
print(type(s).__name__, s, s[:1], type(s[:1]).__name__, type(s + s).__name__, isinstance(s, array.array))
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t, t.tag)
it = iter(array.array("b", [1, 2]))
print(next(it), next(it), next(it, "end"))
print(repr(array.array("u")), repr(array.array("d", [1.0])), str(array.array("L", [2**64 - 1])))
