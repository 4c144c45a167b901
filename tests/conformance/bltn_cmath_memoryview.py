# cmath (finite arguments) and memoryview over bytes and bytearray.
import cmath
for z in [1 + 2j, -1.5, 0.5j, -3 - 4j, 0.5 - 0.25j, 2, 0.999 + 0.01j, 1e5 - 3j, 1e200 + 1e200j]:
    out = [cmath.sqrt(z), cmath.log(z), cmath.log10(z), cmath.phase(z), cmath.polar(z), cmath.atan(z), cmath.asinh(z), cmath.asin(z), cmath.acos(z), cmath.acosh(z), cmath.atanh(z)]
    if abs(z) < 100:
        out += [cmath.exp(z), cmath.sin(z), cmath.cos(z), cmath.tan(z), cmath.sinh(z), cmath.cosh(z), cmath.tanh(z)]
    print(z, out)
print(cmath.rect(2, 0.5), cmath.rect(1, 0), cmath.isclose(1j, 1j + 1e-12), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj), cmath.isfinite(1 + 1j), cmath.log(8, 2), cmath.pi, cmath.e, cmath.tau)
for bad in [lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.sqrt("a"), lambda: cmath.log(2, 1), lambda: cmath.atanh(1), lambda: cmath.cosh(1000 + 1j)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
m = memoryview(b"abcdef")
print(m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes(), len(m), m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.hex())
print(m == b"abcdef", m == memoryview(b"abcdef"), m != b"x", bytes(m[2:]), list(m[:3]), m.obj, m.tolist() == list(b"abcdef"), hash(m) == hash(b"abcdef"))
ba = bytearray(b"xyz")
v = memoryview(ba)
v[0] = 65
v[1:3] = b"BC"
print(ba, v.readonly, v.tobytes(), v.cast("B").tolist())
with memoryview(b"ab") as q:
    print(q.tolist())
print(repr(q).startswith("<released memory at"))
for bad in [lambda: q[0], lambda: memoryview(1), lambda: m[10], lambda: m.__setitem__(0, 1), lambda: v.__setitem__(0, 300),
            lambda: v.__setitem__(slice(0, 2), b"abc"), lambda: hash(v), lambda: memoryview("s"), lambda: q.tobytes(), lambda: v["a"]]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
