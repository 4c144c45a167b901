# timeout: 30
# ctypes runs on the host CPython's compiled _ctypes module (lib-dynload):
# C metatypes (PyCSimpleType, PyCStructType, ...), a StgDict that replaces
# each class's tp_dict, libffi calls and callbacks.
import ctypes
import ctypes.util
import sys
from ctypes import (POINTER, Structure, Union, BigEndianStructure, LittleEndianStructure, byref, c_char, c_char_p,
                    c_double, c_int, c_int8, c_long, c_uint8, c_uint16, c_uint32, c_void_p, cast, pointer, sizeof)

libc = ctypes.CDLL(None)
print(libc.strlen(b"hello"), libc.abs(-42))

# simple types
print(c_int(5), c_double(2.5).value, c_uint8(300).value, c_int8(-129).value, c_char(b"x").value)
print(sizeof(c_int), sizeof(c_double), sizeof(c_void_p), ctypes.alignment(c_double))
print(repr(c_char_p(b"xyz").value), ctypes.c_wchar_p("héllo").value, c_void_p(None).value)
print(ctypes.c_bool(2).value, ctypes.c_float(1.1).value == ctypes.c_float(1.1).value)

# structures, unions, nesting, bit fields, packing, byte order
class Point(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]
class Rect(Structure):
    _fields_ = [("a", Point), ("b", Point), ("tag", c_char * 4)]
r = Rect(Point(1, 2), Point(3, 4), b"ab")
print(r.a.x, r.b.y, r.tag, sizeof(Rect))
r.b.x = 30
print(r.b.x, [f[0] for f in Rect._fields_])
class U(Union):
    _fields_ = [("i", c_uint32), ("b", c_uint8 * 4)]
u = U(0x01020304)
print(list(u.b) if sys.byteorder == "little" else list(reversed(u.b)))
class Bits(Structure):
    _fields_ = [("lo", c_uint16, 4), ("mid", c_uint16, 8), ("hi", c_uint16, 4)]
bb = Bits(lo=3, mid=200, hi=9)
print(bb.lo, bb.mid, bb.hi, sizeof(Bits))
class Packed(Structure):
    _pack_ = 1
    _fields_ = [("c", c_char), ("i", c_int)]
print(sizeof(Packed), Packed.i.offset, Packed.i.size)
class BE(BigEndianStructure):
    _fields_ = [("v", c_uint32)]
class LE(LittleEndianStructure):
    _fields_ = [("v", c_uint32)]
print(bytes(BE(0x11223344)).hex(), bytes(LE(0x11223344)).hex())

# arrays and pointers
IntArr = c_int * 5
arr = IntArr(5, 1, 4, 2, 3)
print(len(arr), arr[1], arr[-1], list(arr[1:3]), IntArr.__name__)
# array and pointer types are cached (through weak proxies read with
# PyWeakref_GET_OBJECT)
print((c_int * 5) is IntArr, POINTER(Point) is POINTER(Point))
p = pointer(c_int(7))
p.contents.value = 9
print(p.contents.value, p[0])
pa = cast(arr, POINTER(c_int))
print(pa[2], pa[4])
n = c_int(0)
libc.sscanf(b"123", b"%d", byref(n))
print(n.value)

# strings and memory
buf = ctypes.create_string_buffer(b"abc", 10)
print(buf.value, buf.raw[:5], len(buf), sizeof(buf))
ctypes.memmove(buf, b"xyz", 3)
ctypes.memset(ctypes.addressof(buf) + 3, ord("!"), 2)
print(buf.value, ctypes.string_at(buf, 4))
wb = ctypes.create_unicode_buffer("hé", 5)
print(wb.value, len(wb))
ba = bytearray(b"\x01\x00\x00\x00\x07\x00\x00\x00")
print(list((c_int * 2).from_buffer_copy(bytes(ba))), list((c_int * 2).from_buffer_copy(ba)))

# foreign functions: restype/argtypes, errcheck, errno, callbacks
libm = ctypes.CDLL(ctypes.util.find_library("m"))
libm.pow.restype = c_double
libm.pow.argtypes = [c_double, c_double]
print(libm.pow(2.0, 10.0))
try:
    libm.pow("a", 1.0)
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
libc.strchr.restype = c_char_p
print(libc.strchr(b"hello", ord("l")))
def check(result, func, args):
    return result * 2
libc.abs.errcheck = check
print(libc.abs(-4))
libc2 = ctypes.CDLL(None, use_errno=True)
libc2.close(-1)
print(ctypes.get_errno())
CMP = ctypes.CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []
def cmp(a, b):
    calls.append(1)
    return a[0] - b[0]
libc.qsort(arr, len(arr), sizeof(c_int), CMP(cmp))
print(list(arr), len(calls) > 0)
@CMP
def bad(a, b):
    raise ValueError("in callback")
unraisable = []
sys.unraisablehook = lambda u: unraisable.append((u.exc_type.__name__, str(u.exc_value), u.err_msg))
libc.qsort(arr, len(arr), sizeof(c_int), bad)
sys.unraisablehook = sys.__unraisablehook__
print(list(arr), len(unraisable) > 0, unraisable[0])
try:
    libc.no_such_function_xyz
except AttributeError as e:
    print("AttributeError:", str(e).split(":")[-1].strip())
print(isinstance(libc.strlen, ctypes._CFuncPtr), type(Point).__name__, type(c_int).__name__)
print(issubclass(Point, Structure), Point.x, Point.__mro__[1:3])
x = 0
for i in range(200000):
    x += c_int(i).value & 1
print(x)

# threads: _ctypes declares no free-threading support, so its calls take
# its pseudo-GIL; foreign calls release it, as CPython releases the GIL
import threading
results = {}
def work(k):
    acc = 0
    for i in range(2000):
        p = Point(i, k)
        acc += libc.abs(-p.x) + p.y + len(ctypes.create_string_buffer(8))
    results[k] = acc
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
