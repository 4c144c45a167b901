# The fast paths of str building and searching (str_alloc.go and the
# ASCII shortcuts of str_methods.go), each with ASCII and non-ASCII text,
# short text and text longer than the in-place blocks, and the edge cases
# of their arguments.

short = ["", "a", "alpha", "Hello World", "ÄbC", "naïve café", "日本語", "x\ud800y"]
long = ["abc" * 50, "déf" * 50, "ab cd " * 40, "Z" * 300]
texts = short + long


def show(label, v):
    print(label, repr(v) if not isinstance(v, str) or len(v) < 80 else (len(v), v[:20], v[-20:]))


# case methods
for s in texts:
    for m in ("upper", "lower", "title", "capitalize", "swapcase", "casefold"):
        r = getattr(s, m)()
        show(m, (r, len(r), r.isascii()))
print("hello world-foo_bar 3rd x1y".title(), "ABC def".swapcase(), "ßtraße".upper())
try:
    "a".upper(1)
except TypeError as e:
    print(e)
try:
    "a".title(x=1)
except TypeError as e:
    print(e)

# padding
for s in texts[:7]:
    for w in (0, 3, 8, 9, 30, 31):
        for fill in (" ", "*", "é"):
            show("pad", (s.center(w, fill), s.ljust(w, fill), s.rjust(w, fill)))
print("ab".center(5), "ab".center(6), "abc".center(6), "abc".center(7, "-"))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(e)

# split and join
for s in ["a|b|c", "|a||b|", "abc", "", "é|ü|ö", "a|b|c|d|e|f", "x" * 100 + "|" + "y" * 100]:
    for maxsplit in (-1, 0, 1, 2, 10):
        show("split", (s.split("|", maxsplit), s.split("|"), s.rsplit("|", maxsplit)))
    print(s.split(sep="|", maxsplit=1), s.split("||"))
for s in ["  a b\tc\n ", "abc", "", " ", "é  ü", "a b c d e f g h i j k l m n o p q r s t"]:
    show("wsplit", (s.split(), s.split(None, 1), s.split(maxsplit=2), s.rsplit(None, 1)))
s = "no-separator-here"
print(s.split("|")[0] is s, s.split("|", 0)[0] is s)
parts = "x|y|z".split("|")
parts.append("w")
parts[0] = "q"
print(parts, len(parts))
try:
    "a".split("")
except ValueError as e:
    print(e)
print(",".join(p.strip().lower() for p in [" A ", "B", " c"]))
print("-".join(str(i) for i in range(40)), "".join(x for x in []), "é".join(["a", "b"]))
print("".join([]) == "", ",".join(iter(["only"])), ",".join({"k": 1}), ",".join("abc"))
for bad in (5, [1], (x for x in ["a", 2])):
    try:
        ",".join(bad)
    except TypeError as e:
        print(e)


class BadIter:
    def __iter__(self):
        raise TypeError("custom iter error")


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return "s%d" % i
        raise IndexError(i)


for it in (BadIter(), Seq()):
    try:
        print("+".join(it))
    except TypeError as e:
        print(e)


def gen_raises():
    yield "a"
    raise KeyError("inside")


try:
    ",".join(gen_raises())
except KeyError as e:
    print("KeyError", e)

# searching
for s in ["abcabcabc", "ééaéé", "", "aaaa"]:
    for sub in ("a", "bc", "", "é", "zz", "aa"):
        for start, end in ((None, None), (1, None), (-3, None), (2, -1), (5, 2), (100, None), (0, 100), (-100, -50)):
            show("search", (s.count(sub, start, end), s.find(sub, start, end), s.rfind(sub, start, end),
                            s.startswith(sub, start, end), s.endswith(sub, start, end)))
print("abc".startswith(("x", "ab")), "abc".endswith(("c", "x"), 0, 2), "abc".startswith("", 4), "abc".startswith("", 3))
for s, sub in (("abcabc", "c"), ("abc", "z")):
    try:
        print(s.index(sub), s.rindex(sub))
    except ValueError as e:
        print(e)
try:
    "abc".startswith(1)
except TypeError as e:
    print(e)
try:
    "abc".find(1)
except TypeError as e:
    print(e)

# replace
for s in ["eta,eta", "abc", "", "éte", "aaaa", "x" * 100]:
    for old, new in (("e", "EE"), ("a", ""), ("aa", "b"), ("é", "e"), ("zz", "y"), ("", "-"), ("x", "xy")):
        for count in (-1, 0, 1, 2):
            r = s.replace(old, new, count)
            show("replace", (r, len(r), r.isascii()))
s = "unchanged"
print(s.replace("z", "y") is s, s.replace("u", "u") == s, s.replace("n", "N", 0) is s)

# slicing
for s in ["alpha", "ÄbCdÉ", "", "x" * 50]:
    for sl in (slice(None, None, -1), slice(None, None, 2), slice(1, -1), slice(None), slice(3, 1),
               slice(-2, None, -2), slice(100, None), slice(None, None, 3)):
        show("slice", s[sl])
s = "whole"
print(s[:] is s, s[0:5] is s, s[::1] is s, s[::-1])

# concatenation and repetition
for a, b in (("", "x"), ("x", ""), ("ab", "cd"), ("é", "a"), ("a" * 40, "b" * 40)):
    r = a + b
    show("concat", (r, len(r), r.isascii()))
for s in ("ab", "é", ""):
    for n in (0, 1, 3, 7):
        r = s * n
        show("repeat", (r, len(r)))


class S(str):
    pass


x = S("sub")
print(type(x + ""), type("" + x), type(x * 1), type(x[:]), type(x.upper()), x.center(2) == "sub")

# f-strings and int format specs
for v in (0, 7, -7, 42, 1234567, -1234567, 2**63 - 1, -2**63, 10**30, True):
    for spec in ("", "d", "06d", ">8", "<8", "^9", "+", " ", "-", ",", "_", "*^12,", "0=10", "=+10",
                 "+08,d", "010_", "x", "#x", "n", "e"):
        try:
            print(spec, repr(format(v, spec)), repr(f"{v:{spec}}"))
        except (ValueError, TypeError) as e:
            print(spec, type(e).__name__, e)
w, i = "alpha", 123
print(f"{w}-{i}:{w.upper()}|{i * 3:06d}|{w[::-1]}", f"{'é'}{i}", f"{i!r:>6}", f"{w!r}", f"{w:>{i % 10}}")
print(f"", f"{''}", f"{w}" is w)

# %-formatting
fmt = "%s-%d:%s"
for k in range(3):
    print(fmt % (w, k, w.upper()), "%s|%s" % ("é", k), "%5d|%-5d|%05d" % (k, k, -k), "%d%%" % k)
print("%s" % "ü", "%d" % True, "%s" % (1,), "%(a)s-%(b)d" % {"a": "x", "b": 2}, "%c%c" % ("é", 65))
for bad in (("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b"))):
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print(e)

# str.format, the same formats used again (parsed once)
for k in range(3):
    print("{}/{}".format("Alpha", k).center(30, "*"), "{0}{1}{0}".format("a", k), "{x:>{w}}".format(x=k, w=4))
for bad in ("{", "}", "{0!z}", "{:d}", "{0[}", "{a}"):
    for k in range(2):
        try:
            print(bad.format("s"))
        except (ValueError, KeyError, IndexError) as e:
            print(type(e).__name__, e)


class Fmt:
    def __format__(self, spec):
        return "<" + spec + ">"


for k in range(2):
    print("{:abc} {} {!s:>10}".format(Fmt(), Fmt(), k), format(Fmt(), "q"))

# str() of ints, and ints in str methods' results
print(str(0), str(-5), str(2**63 - 1), str(-2**63), str(10**25), str(True), str(), str("x"), str(b"a", "ascii"))
print(len(str(12345)), repr(str(7)), str(object=3))

# split/rsplit that split nothing off return the str itself in the list
w = "word" * 3
u = "\u00e9t\u00e9" * 2
for s in (w, u):
    print(s.split()[0] is s, s.split(None)[0] is s, s.rsplit()[0] is s,
          s.split(",")[0] is s, s.rsplit(",")[0] is s, s.split(",", 0)[0] is s)
pad = " " + w
print(pad.split()[0] is pad, pad.split()[0] == w)
class S(str):
    pass
v = S("abc")
print(type(v.split()[0]).__name__, v.split()[0] is v, type(v.split(",")[0]).__name__)
