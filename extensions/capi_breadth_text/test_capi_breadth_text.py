import capi_breadth_text as m

for s, sub in [("hello world, hello", "hello"), ("abcabc", "c"), ("x\u20acy\u20ac", "\u20ac"), ("abc", "zz")]:
    print("search", repr(s), repr(sub), m.str_search(s, sub))
for s, sep in [("a=b=c", "="), ("nosep", "="), ("a b  c", None)]:
    print("split", m.str_split(s, sep))
for bad in (b"bytes", 5):
    try:
        m.str_bad(bad)
    except TypeError as e:
        print("TypeError", e)
print("misc", m.str_misc("abc", "abd", {ord("a"): "A", ord("c"): 0x20ac}))
try:
    m.str_misc("abc", "x", {ord("b"): None})
except UnicodeTranslateError as e:
    print("UnicodeTranslateError", e)
print("misc", m.str_misc("9x", "9x", {}))
print("build", m.str_build())
print("codecs_out", m.codecs_out("a\u20ac\n\U0001F600"))
print("codecs_in", m.codecs_in(b"ab\xffc"))
print("charmap", m.charmap("abc"))
print("decoded", m.decoded_object("uryyb"))
import os
print("fs", m.fs_decoder("/tmp/x"), m.fs_decoder(b"/tmp/\xff"))
for bad in ("a\0b", 3):
    try:
        m.fs_decoder(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("encoding", m.default_encoding())
for c in "aZ5\u0665\u00bd\u2167\u01c5\n\u2028 \u0130\u00df\u01c4":
    print("ucd", hex(ord(c)), m.ucd(ord(c)))
print("bytes_format", m.bytes_format())
for b in (b"plain", b"it's", b'say "hi"', b"both ' and \"", b"\x00\t\n\r\\\x7f\xff"):
    print("bytes_repr", m.bytes_repr(b))
print("escape", m.bytes_escape(b"a\\x41\\n\\101\\q"))
try:
    m.bytes_escape(b"bad\\x4", "strict")
except ValueError as e:
    print("ValueError", e)
print("join", m.bytes_join(b", ", [b"a", bytearray(b"b"), memoryview(b"c")]))
try:
    m.bytes_join(b"", [b"a", "b"])
except TypeError as e:
    print("TypeError", e)
for s, base in [("  123abc", 10), ("-0x1fz", 0), ("0o17", 0), ("0b101", 0), ("012", 0), ("zz", 36),
                ("99999999999999999999999", 10), ("-9223372036854775808", 10), ("xyz", 10), ("  +7", 0)]:
    print("strtol", repr(s), base, m.strtol(s, base))
for v, code, prec, flags in [(1.5, "r", 0, 0), (1e16, "r", 0, 0), (0.1, "r", 0, 1), (2.0, "g", 6, 2),
                             (2.0, "g", 6, 0), (123.456, "e", 3, 0), (123.456, "E", 2, 1), (-0.0, "f", 2, 8),
                             (-0.0, "f", 2, 0), (3.0, "f", 0, 4), (float("inf"), "r", 0, 1), (float("nan"), "g", 3, 0),
                             (1234.5, "F", 1, 0)]:
    print("dtoa", v, code, prec, flags, m.dtoa(v, code, prec, flags))
for v in (0, 255, -255, 2**70, True):
    print("long_text", v, m.long_text(v))
class I(int):
    def __index__(self):
        return 7
print("long_text", m.long_text(I(3)))
try:
    m.long_text(1.5)
except TypeError as e:
    print("TypeError", e)
for v, u, base in [(0, "12", 10), (255, "ff", 16), (-(2**70), "  -0x10 ", 0), (I(5), "1_000", 10)]:
    print("long_misc", m.long_misc(v, u, base))
try:
    m.long_misc(1, "12a", 10)
except ValueError as e:
    print("ValueError", e)
for x in (1.0, -2.5, 65504.0, 6e-8, 1e-9, 0.1, float("inf"), float("-inf"), -0.0, 1/3):
    print("float", x, m.float_misc(x))
try:
    m.float_misc(1e6)
except OverflowError as e:
    print("OverflowError", e)
for x in (0.0, 1.5, -1.5, 1e300, -1e-300, 2.0**61, float("inf"), float("-inf"), 12345.6789):
    print("hash", x, m.hash_double(x) == hash(x), m.hash_double(x))
print("buffers", m.buffers())
dst = bytearray(6)
m.copy_data(dst, b"abc")
print("copy", dst)
try:
    m.copy_data(bytearray(2), b"abc")
except BufferError as e:
    print("BufferError", e)
try:
    m.copy_data(b"ro", b"ab")
except (BufferError, TypeError) as e:
    print(type(e).__name__)
v = m.view_of_buffer()
print("view", bytes(v), len(v), v.readonly, v.format, v[1], v.obj)

import os
import tempfile
with tempfile.NamedTemporaryFile("w", delete=False, encoding="utf-8") as tf:
    tf.write("first line\nsecond\nthird\nlast")
try:
    fd = os.open(tf.name, os.O_RDONLY)
    print("file_api", m.file_api(fd))
    try:
        os.fstat(fd)
        print("fd still open")
    except OSError:
        print("fd closed by the file")
finally:
    os.unlink(tf.name)
