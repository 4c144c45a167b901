# memoryview() and struct read the buffer of objects that export it through C
# (mmap, ctypes arrays) in place; struct.unpack_from's offset defaults to 0.
import mmap, ctypes
m = mmap.mmap(-1, 16)
m.write(b"hello")
with memoryview(m) as v:
    print(v.readonly, v.format, v.itemsize, len(v), v[:5].tobytes(), v.obj is m)
    v[0] = ord("J")
print(m[:5])
m.close()
print("closed", m.closed)
arr = (ctypes.c_int * 4)(1, 2, 3, 4)
v = memoryview(arr)
print(v.format, v.itemsize, v.nbytes, v.tobytes()[:8], v.cast("B")[4])
v.release()
s = (ctypes.c_char * 6)(*b"abcdef")
mv = memoryview(s)
print(mv.format, bytes(mv), mv.tobytes())
try:
    mv[0]
except NotImplementedError as e:
    print("NotImplementedError", e)
print(mv.nbytes, mv.shape, mv.ndim, mv.c_contiguous)
m2 = mmap.mmap(-1, 8)
v2 = memoryview(m2)
try:
    m2.close()
except BufferError as e:
    print("BufferError", e)
v2.release()
m2.close()
print(bytes(arr)[:4], bytearray(m) if not m.closed else "")
import struct
m3 = mmap.mmap(-1, 8)
m3.write(b"\x01\x00\x00\x00abcd")
print(struct.unpack_from("<I", m3), struct.unpack("<ii", (ctypes.c_int * 2)(3, 4)))
print(struct.unpack_from("<I", b"abcd"), struct.unpack_from("<I", buffer=b"xabcd", offset=1))
print(list(struct.iter_unpack("<H", b"abcd")))
try:
    struct.unpack_from("<I")
except TypeError as e:
    print(e)

# Go consumers of buffers take C exporters too (by copying)
import zlib, hashlib, io, binascii
m = mmap.mmap(-1, 8); m.write(b"\x01\x00\x00\x00abcd")
for name, f in [("unpack_from", lambda: struct.unpack_from("<I", m)), ("crc32", lambda: zlib.crc32(m)),
                ("sha256", lambda: hashlib.sha256(m).hexdigest()[:8]), ("BytesIO.write", lambda: io.BytesIO().write(m)),
                ("hexlify", lambda: binascii.hexlify(m)), ("bytes.join", lambda: b"-".join([m, b"x"])),
                ("ctypes unpack", lambda: struct.unpack("<ii", (ctypes.c_int * 2)(3, 4))),
                ("bytearray +=", lambda: bytearray(b"x") + m)]:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
