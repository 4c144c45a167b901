# struct: packing and unpacking with every format code, byte orders,
# native alignment, Struct objects and the error messages.
import struct

print(struct.calcsize("@bhiqd"), struct.calcsize("<bhiqd"), struct.calcsize("ci"), struct.calcsize("!cI"))
for fmt, vals in [("<bBhHiIqQ", (-1, 255, -300, 65535, -2**31, 2**32 - 1, -2**63, 2**64 - 1)),
                  (">?cxs3s2p", (True, b"z", b"a", b"longer", b"pp")),
                  ("<fde", (1.5, -2.25, 0.333)),
                  ("@lLnN", (-5, 7, -9, 11)),
                  ("=2h", (1, 2))]:
    packed = struct.pack(fmt, *vals)
    print(fmt, packed.hex(), struct.unpack(fmt, packed))
s = struct.Struct("<Ih")
print(s.format, s.size, s.pack(7, -7), s.unpack(b"\x01\x00\x00\x00\xff\xff"))
buf = bytearray(10)
s.pack_into(buf, 2, 258, 3)
print(buf, s.unpack_from(buf, 2), struct.unpack_from("<h", buf, offset=6))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")))
print(struct.pack("<e", 65504.0).hex(), struct.unpack("<e", b"\x00\x3c"), struct.pack(">d", float("inf")).hex())
for bad in [lambda: struct.pack("<h", 40000), lambda: struct.pack("b", 200), lambda: struct.pack("B", -1),
            lambda: struct.pack("<i", "x"), lambda: struct.pack("<I", 1, 2), lambda: struct.unpack("<I", b"ab"),
            lambda: struct.pack("c", b"ab"), lambda: struct.calcsize("y"), lambda: struct.pack("<f", "s"),
            lambda: struct.pack("<q", 2**64), lambda: struct.pack("<i", 2**31), lambda: struct.pack("s", 5),
            lambda: struct.unpack_from("<i", b"abc", 1), lambda: struct.pack("<i", 1.5)]:
    try:
        bad()
    except struct.error as e:
        print("struct.error", e)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
