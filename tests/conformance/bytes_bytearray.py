# bytearray: mutation, slicing, operators, shared bytes methods
def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = bytearray(b"hello")
a.append(33); a.extend(b" world"); a.extend([65, 66]); a.insert(0, 62); a.insert(-1, 45); a.insert(100, 46)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(ord("o")); print(a)
a[0] = 72; a[-1] = 90; print(a)
a[1:3] = b"EE"; print(a)
a[1:3] = [1, 2, 3, 4]; print(a)
a[::2] = bytes(len(a[::2])); print(a)
del a[0]; del a[::3]; del a[1:3]; print(a)
a[2:2] = bytearray(b"ins"); print(a)
a += b"++"; print(a)
a *= 2; print(a)
b = a.copy(); b.reverse(); print(b, a == b, a.copy() == a)
b.clear(); print(b, len(b), bool(b))
for f, args in [(a.append, (256,)), (a.append, ("x",)), (a.pop, (100,)), (bytearray().pop, ()), (a.remove, (200,)),
                (a.__setitem__, (0, 300)), (a.__setitem__, (slice(0, 2), 5)), (a.__setitem__, (slice(0, 2), "ab")),
                (a.__setitem__, (slice(0, 6, 2), b"x")), (a.__getitem__, (100,)), (a.__getitem__, ("x",)),
                (a.extend, (5,)), (a.extend, ("ab",)), (hash, (a,))]:
    show(f, *args)
c = bytearray(b"Mixed Case")
print(c.upper(), c.lower(), c.split(), c.find(b"C"), c.replace(b"e", b"E"), c.startswith(b"Mix"), c.hex(), c.title())
print(type(c.upper()).__name__, type(c.split()[0]).__name__, type(c[1:3]).__name__, c[0], c[-1], c[::-1])
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") + b"y", b"y" + bytearray(b"x"), bytearray(b"ab") * 2)
print(bytearray(b"abc") < b"abd", bytearray(b"a") == b"a", b"a" in bytearray(b"cab"), 99 in bytearray(b"abc"), list(bytearray(b"hi")))
print(bytearray(b"%d-%s") % (1, b"x"), bytearray(b"abc").decode(), bytes(bytearray(b"z")), bytearray(b" x ").strip())
print(repr(bytearray()), repr(bytearray(b"'")), str(bytearray(b"q")))
class BA(bytearray):
    pass
x = BA(b"sub")
x.append(33)
print(x, len(x), x.upper(), type(x).__name__)
it = iter(bytearray(b"ab"))
print(next(it), next(it), next(it, None))
d = bytearray(b"abc")
it = iter(d)
next(it)
d.append(100)
print(list(it))
a = bytearray(b"ab")
r = a.__iadd__(b"cd"); print(r is a, a)
r = a.__imul__(2); print(r is a, a, a.__imul__("x") if False else "")
print(bytearray.__iadd__(a, b"!"), a)
m = memoryview(b"abcdef")
print(bytes(m), bytes(m[1:4]), bytearray(m[::2]), b"x".join([m[:2], b"y"]), b"abc" == m, b"ab" + m[:1], b"zz".find(m[:0]))
ba = bytearray(b"xyz"); ba[0:1] = memoryview(b"QQ"); ba.extend(memoryview(b"12")); print(ba, m.tobytes().decode(), str(m[:2], "ascii"))
