# str methods: results and CPython's error messages
def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = "Hello, Wörld ǅ straße"
for m in ["capitalize", "casefold", "lower", "upper", "swapcase", "title",
          "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier",
          "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper"]:
    print(m, repr(getattr(s, m)()), repr(getattr("abc", m)()), repr(getattr("", m)()), repr(getattr("A1 ²½", m)()))
print("ß".upper(), "ﬁ".upper(), "İ".lower(), "ΣΑΣ".lower(), "ǆ".title(), "ǆ".capitalize())
show(str.center, "ab", 7, "é"); show(str.center, "ab", 2); show(str.center, "ab", 5, "xy")
show(str.ljust, "ab", 5, 1); show(str.rjust, "é", 4); show(str.zfill, "-12", 6); show(str.zfill, "+x", 4)
show(str.zfill, "ab", "3"); show(str.center)
show(str.count, "aaaa", "aa"); show(str.count, "aaaa", ""); show(str.count, "abc", "", 1, 2); show(str.count, "a", 1)
show(str.find, "héllo", "l"); show(str.find, "héllo", "l", -2); show(str.rfind, "héllo", "l", None, 3)
show(str.index, "abc", "d"); show(str.rindex, "abcb", "b"); show(str.find, "abc", "b", "x")
show(str.find, "abc", "", 10); show(str.find, "abc", "", 3); show(str.rfind, "abc", "")
show(str.startswith, "hello", ("x", "he")); show(str.startswith, "hello", "lo", 3); show(str.endswith, "hello", ("lo",), 0, 4)
show(str.startswith, "hello", 1); show(str.endswith, "hello", (1,)); show(str.startswith, "a", "", 2)
show(str.expandtabs, "a\tbc\tdef\t\nx\ty", 4); show(str.expandtabs, "a\tb", tabsize=0); show(str.expandtabs, "\t", -1)
show(str.join, "-", ["a", "é", "c"]); show(str.join, "", []); show(str.join, ",", ["a", 1]); show(str.join, ",", 5)
show(str.join, ",", "abc"); show(str.join, ",", ("x",))
show(str.strip, "  \t x y \n"); show(str.strip, "xxhixx", "x"); show(str.lstrip, "abcba", "ab"); show(str.rstrip, "abcba", "ab")
show(str.strip, "x", 1); show(str.strip, "\u3000a\u2028", None)
show(str.split, " a  b c "); show(str.split, "a,b,,c", ","); show(str.split, "a,b,,c", ",", 1); show(str.split, "a b c", None, 1)
show(str.split, "abc", ""); show(str.split, "abc", 1); show(str.rsplit, "a b c", maxsplit=1); show(str.rsplit, "a,b,c", ",", 1)
show(str.split, "a\u2003b\x1cc"); show(str.split, "", ","); show(str.split, ""); show(str.split, "abc", sep="b")
show(str.splitlines, "a\nb\r\nc\rd\x0be\x1cf\u2028g"); show(str.splitlines, "a\nb\n", True); show(str.splitlines, "a\r\n", keepends=True)
show(str.partition, "a=b=c", "="); show(str.rpartition, "a=b=c", "="); show(str.partition, "abc", "x"); show(str.rpartition, "abc", "x")
show(str.partition, "abc", ""); show(str.partition, "abc", 1)
show(str.replace, "aaa", "a", "b", 2); show(str.replace, "abc", "", "-"); show(str.replace, "abc", "", "-", 2); show(str.replace, "abc", 1, "x")
show(str.replace, "héllo", "l", "L"); show(str.replace, "abc", "b", "", -1)
show(str.removeprefix, "abcdef", "abc"); show(str.removesuffix, "abcdef", "def"); show(str.removeprefix, "abc", "x"); show(str.removeprefix, "a", 1)
t = str.maketrans("abc", "xyz", "d"); print(sorted(t.items()))
show(str.translate, "abcdde", t); show(str.translate, "abc", {97: "AA", 98: None}); show(str.translate, "abc", {97: 1.5})
show(str.translate, "abc", {97: 0x110000}); show(str.translate, "abc", ["x", "y"])
show(str.maketrans, {"a": 1, 98: "b"}); show(str.maketrans, {"ab": 1}); show(str.maketrans, "ab", "c"); show(str.maketrans, 1, "c"); show(str.maketrans, [1])
show(str.maketrans, {1.5: 2})
show("abc".__getnewargs__); show(format, "abc", "^7"); show("abc".__format__, ">5"); show("abc".__format__, 1)
show(str.encode, "é"); show(str.encode, "é", "ascii"); show(str.encode, "é", encoding="latin-1"); show(str.encode, "é", 1)
class S(str):
    pass
x = S("Abc")
print(x.upper(), type(x.upper()).__name__, x.split("b"), x + "d", x.__getnewargs__(), "-".join([x, x]))
print("abc".isidentifier(), "1a".isidentifier(), "_é".isidentifier(), "a b".isidentifier())
print("Ⅷ".isnumeric(), "Ⅷ".isdigit(), "²".isdigit(), "²".isdecimal(), "٣".isdecimal())
print("a" * 3, 3 * "é", "x" * 0, "x" * -1)
print("%s-%r-%5.2f-%-4d|%x|%c" % ("a", "b", 3.14159, 7, 255, 233))
for s in ["", " ", "a", " a b  c ", "\x1ca\x1fb\x0bc\x0c", "abc   ", "   abc"]:
    for n in [-1, 0, 1, 2, 5]:
        print(repr(s), n, s.split(None, n), s.split(maxsplit=n))
print("aBc1Z".upper(), "AbC1z".lower(), "ABC".upper(), "abc".lower())
print([c for c in range(128) if chr(c).isspace()], [c for c in range(128) if chr(c).isalnum()] == [c for c in range(128) if chr(c).isalpha() or chr(c).isdigit()])
print([c for c in range(128) if bytes([c]).isspace()], "\x1c".strip(), repr(" \x1c x \x1f".strip()), "a\x1cb".split())
