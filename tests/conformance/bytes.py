# bytes and bytearray.
b = b"hello world"
print(b, b[0], b[-1], b[1:4], b[::-1], len(b), b.upper(), b.title())
print(b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"wor"), b.count(b"o"))
print(b.hex(), bytes.fromhex("de ad be ef"), b"\x00\xff".hex(":"), b.startswith(b"he"))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), b"abc" + b"def", b"ab" * 3)
print(repr(b"\x00\x7f\x80\n\t'\""), repr(b"it's"), b"a" < b"b", b"abc" == b"abc", b"x" in b"xyz", 120 in b"xyz")
print(b"abc".decode(), b"\xc3\xa9".decode("utf-8"), b"\xff".decode("latin-1"), b"\xff".decode("utf-8", "replace"))
print(list(b"abc"), b"a,b".split(b","), b"-".join([b"a", b"b"]), b" x ".strip(), b"abc".isalpha())
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba += b"!"
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
del ba[1:3]
print(ba, ba.find(b"d"), ba * 2, bytearray(3), bytearray([1, 2]) == b"\x01\x02")
ba.insert(0, 90)
ba.reverse()
print(ba, ba.upper(), ba.hex())
mv = memoryview(b"abcdef")
print(mv[1], bytes(mv[1:3]), mv.tobytes(), len(mv), mv.readonly)
print(hash(b"abc") == hash(b"abc"), b"%d-%s" % (1, b"x"), b"abc".center(9, b"*"))
for bad in [lambda: b"a" + "b", lambda: bytes([256]), lambda: b"\xff".decode(), lambda: bytearray(b"a")[5]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
