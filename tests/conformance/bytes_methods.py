# bytes methods, constructor forms, % formatting, hex
def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

b = b"Hello, World"
for m in ["capitalize", "lower", "upper", "swapcase", "title", "isalnum", "isalpha", "isascii",
          "isdigit", "islower", "isspace", "istitle", "isupper"]:
    print(m, getattr(b, m)(), getattr(b"", m)(), getattr(b"a1 \xe9", m)())
show(bytes.center, b"ab", 6, b"*"); show(bytes.ljust, b"ab", 4, "x"); show(bytes.rjust, b"ab", 4); show(bytes.zfill, b"-5", 4)
show(bytes.count, b"aaa", b"a"); show(bytes.count, b"aaa", 97); show(bytes.find, b"abc", b"c"); show(bytes.find, b"abc", 98, 0, 1)
show(bytes.index, b"abc", b"x"); show(bytes.rindex, b"abca", 97); show(bytes.find, b"abc", "c"); show(bytes.find, b"abc", 300)
show(bytes.startswith, b"abc", (b"x", b"ab")); show(bytes.endswith, b"abc", b"c", 0, 2); show(bytes.startswith, b"abc", "a")
show(bytes.split, b" a  b "); show(bytes.split, b"a,b,,c", b","); show(bytes.rsplit, b"a b c", None, 1); show(bytes.split, b"a", "a")
show(bytes.splitlines, b"a\nb\r\nc\rd", True); show(bytes.partition, b"a=b", b"="); show(bytes.rpartition, b"abc", b"x")
show(bytes.strip, b"  x "); show(bytes.strip, b"xxaxx", b"x"); show(bytes.lstrip, b"abc", b"ba"); show(bytes.rstrip, b"abc", "c")
show(bytes.replace, b"aaa", b"a", b"bb", 2); show(bytes.replace, b"abc", b"", b"-"); show(bytes.removeprefix, b"abc", b"ab"); show(bytes.removesuffix, b"abc", b"x")
show(bytes.join, b", ", [b"a", bytearray(b"b"), b"c"]); show(bytes.join, b"", [b"a", "b"])
show(bytes.expandtabs, b"a\tb", 4); show(bytes.translate, b"abc", bytes.maketrans(b"ab", b"xy")); show(bytes.translate, b"abc", None, b"b")
show(bytes.translate, b"abc", b"x"); show(bytes.maketrans, b"a", b"xy")
show(bytes.hex, b"\x00\xff\x10"); show(bytes.hex, b"\x01\x02\x03\x04\x05", ":", 2); show(bytes.hex, b"\x01\x02\x03", b"-", -1)
show(bytes.fromhex, "de ad BE ef"); show(bytes.fromhex, "abc"); show(bytes.fromhex, "zz"); show(bytearray.fromhex, "01 02")
show(bytes.decode, b"caf\xc3\xa9"); show(bytes.decode, b"\xff", "utf-8", "replace"); show(bytes.decode, b"\xff", errors="ignore")
show(bytes.decode, b"\xe9", "latin-1"); show(bytes.decode, b"\x80", "ascii")
show(bytes); show(bytes, 3); show(bytes, [1, 2, 255]); show(bytes, [256]); show(bytes, ["a"]); show(bytes, "abc")
show(bytes, "é", "utf-8"); show(bytes, b"x", "utf-8"); show(bytes, 1.5); show(bytes, -1); show(bytes, range(3)); show(bytes, bytearray(b"q"))
show(bytes, (x for x in [65, 66])); show(bytes, encoding="utf-8")
class B:
    def __bytes__(self):
        return b"custom"
show(bytes, B())
print(b"%s %d %x %c %c %b %r %a %5s| %-5s|" % (b"hi", 5, 255, 65, b"Z", bytearray(b"ba"), b"r", "é", b"ab", b"cd"))
print(b"%(a)s %(b)d" % {b"a": b"x", b"b": 2}, b"%.2s" % b"abc", b"%%" % (), b"%5.1f" % 2.25, b"%i" % 3.9)
for fmt, arg in [(b"%s", "str"), (b"%d", "x"), (b"%c", 256), (b"%c", b"ab"), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b"))]:
    try:
        print(fmt % arg)
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(b"ab" * 3, 2 * b"x", b"x" * 0, b"a" + b"b", b"a" + bytearray(b"b"), list(b"abc"), b"b" in b"abc", 98 in b"abc")
it = iter(b"ab"); print(next(it), next(it), next(it, "end"))
print(b"abc" < b"abd", b"abc" == bytearray(b"abc"), b"" < b"a", hash(b"abc") == hash(b"abc"), b"abc"[1], b"abc"[-1:], b"abcdef"[::2])
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    b"abc"[5]
except IndexError as e:
    print(e)
print(repr(b"\x00\t\n'\"\\\x7f\x80"), repr(b"'"), repr(b"'\""), str(b"ab"))
