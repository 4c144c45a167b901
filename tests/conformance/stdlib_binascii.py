# binascii: hex, base64, uu, quoted-printable, crc32/crc_hqx and their errors.
import binascii, base64

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

data = bytes(range(256)) * 2
print(binascii.hexlify(b"\x00\xab\xff"), binascii.b2a_hex(b"abc"), binascii.hexlify(b""))
for sep, n in [("-", 1), (b":", 2), (" ", -2), ("_", 3), ("|", 10), ("-", 0)]:
    print(binascii.hexlify(b"\x01\x02\x03\x04\x05", sep, n), binascii.b2a_hex(b"\xaa\xbb\xcc\xdd", sep=sep, bytes_per_sep=n))
show(binascii.hexlify, b"ab", "--")
show(binascii.hexlify, b"ab", "é")
show(binascii.hexlify, b"ab", 3)
show(binascii.hexlify, "ab")
show(binascii.hexlify, memoryview(b"mv"))
show(binascii.hexlify, bytearray(b"ba"))
print(binascii.unhexlify(b"00abFF"), binascii.a2b_hex("deadbeef"), binascii.unhexlify(bytearray(b"41")))
for bad in [b"abc", "zz", "0g", "é1", 5, b"a b "]:
    show(binascii.unhexlify, bad)
print(binascii.b2a_base64(b""), binascii.b2a_base64(b"a"), binascii.b2a_base64(b"ab"), binascii.b2a_base64(b"abc"))
print(binascii.b2a_base64(data[:100], newline=False), binascii.b2a_base64(b"\xff\xfe", newline=0))
show(binascii.b2a_base64, "text")
show(binascii.b2a_base64, b"x", b"y")
show(binascii.b2a_base64, b"x", nl=1)
enc = binascii.b2a_base64(data)
print(binascii.a2b_base64(enc) == data, binascii.a2b_base64(enc.decode()) == data)
for s in [b"", b"YQ==", b"YWI=", b"YWJj", b"YQ", b"YWI", b"Y", b"YQ==YQ==", b"Y Q = =", b"!!YWJj!!", b"YQ=\n=",
          b"=YQ==", b"YQ===", b"YQ=a", b"YWJjZA", b"YWJjZ", b"YWJjZGVmZ", b"YW\nJj\n", b"Y=Q==", "YWJj", "é"]:
    show(binascii.a2b_base64, s)
    show(binascii.a2b_base64, s, strict_mode=True)
show(binascii.a2b_base64, 3)
print(binascii.crc32(b"hello"), binascii.crc32(b""), binascii.crc32(b"hello", 1), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b"x", -1), binascii.crc32(b"x", 2 ** 40 + 5), binascii.crc32(data))
print(binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"", 0xffff), binascii.crc_hqx(data, 0x1234), binascii.crc_hqx(b"a", -1), binascii.crc_hqx(b"abc", 2 ** 20 + 7))
show(binascii.crc32)
show(binascii.crc32, b"", 1, 2)
show(binascii.crc32, "s")
show(binascii.crc32, b"", 1.0)
show(binascii.crc_hqx, b"")
for chunk in [b"", b"a", b"ab", b"abc", b"hello world", data[:45], bytes(10)]:
    u = binascii.b2a_uu(chunk)
    print(u, binascii.b2a_uu(chunk, backtick=True), binascii.a2b_uu(u) == chunk)
show(binascii.b2a_uu, bytes(46))
show(binascii.a2b_uu, b"")
show(binascii.a2b_uu, b"#86)C\n")
show(binascii.a2b_uu, b"#86)C   \n")
show(binascii.a2b_uu, b"#86)Cxx\n")
show(binascii.a2b_uu, b"#8\x016)C\n")
show(binascii.a2b_uu, b"&86)C")
qp_inputs = [b"hello world", b"caf\xc3\xa9 = ok", b"tab\tend\t", b"space end \nnext line", b"a" * 100, b"x=" * 40,
             b".\n.", b"under_score here", b"crlf line \r\nsecond\r\n", b"\x00\x01\x7f\x80", b"line\r\n" + b"b" * 80 + b"\r\n",
             b"end with space ", b"\t", b"=" * 30, b"a\nb\rc"]
for s in qp_inputs:
    for kw in [{}, {"quotetabs": True}, {"istext": False}, {"header": True}]:
        e = binascii.b2a_qp(s, **kw)
        print(e, binascii.a2b_qp(e, header=kw.get("header", False)) == s)
for s in [b"a=3Db", b"soft=\nbreak", b"soft=\r\nbreak", b"==41", b"=4", b"=zz", b"a_b", b"=", b"=\rX\nY", "str=41"]:
    print(binascii.a2b_qp(s), binascii.a2b_qp(s, header=True))
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception), binascii.Error.__module__)
print(base64.b64encode(b"hello world"), base64.b64decode("aGVsbG8="), base64.urlsafe_b64encode(b"\xff\xfe"), base64.b16encode(b"\x01"))
print(base64.b32encode(b"abcde"), base64.b32decode(b"MFRGGZDF"), base64.b85encode(b"hi there"), base64.a85encode(b"xyz"))
print(base64.b64decode(b"YWJj\n", validate=False), base64.standard_b64decode("YWJj"), base64.encodebytes(b"x" * 60))
show(base64.b64decode, b"YWJ$j", validate=True)
show(base64.b64decode, b"YWJ")
show(binascii.hexlify); show(binascii.hexlify, b'', 1, 2, 3); show(binascii.hexlify, b'', x=1)
show(binascii.unhexlify); show(binascii.unhexlify, b'', b''); show(binascii.a2b_hex, hexstr=b'00')
show(binascii.b2a_uu); show(binascii.a2b_uu); show(binascii.a2b_uu, b'', b'')
show(binascii.a2b_qp); show(binascii.b2a_qp, b'', 1, 1, 1, 1); show(binascii.b2a_qp, data=b'a b', header=True)
show(binascii.crc32, b'', crc=1); show(binascii.a2b_base64); show(binascii.a2b_base64, b'', b'')
show(binascii.hexlify, b'ab', sep=b'')
show(binascii.hexlify, b'ab', bytes_per_sep=2)
show(binascii.hexlify, b'abc', '-', 2**70)
