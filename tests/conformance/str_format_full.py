# str.format: field grammar, numbering, conversions, nested specs, errors
class P:
    x = 5
    def __format__(self, spec):
        return "P(" + spec + ")"
print("{0} {1} {0}".format("a", "b"), "{} {}".format(1, 2), "{x} {y}".format(x=1, y=2))
print("{0.x} {0.x:>3} {1[0]} {1[1][0]} {2[k]} {2[k]!r}".format(P, [1, [2]], {"k": "v"}))
print("{:{}}|{:{w}.{p}f}|{:>{}}".format("a", 4, 3.14159, "z", 3, w=8, p=2))
print("{!r} {!s} {!a} {0!r:>8}".format("é", "é", "é") if False else "{!r} {!s} {!a}".format("é", "é", "é"))
print("{0!r:>8}|{0!a:^9}|".format("é"))
print("{{}} {{{0}}} }}{{".format(7))
print("{:x} {:#o} {:,} {:_b} {:e} {:%}".format(255, 8, 1234567, 10, 1.5, 0.25))
print("{0:P} {0} {0!s:.3}".format(P()) if False else "{0:spec}".format(P()))
print("{a[0]}{a[1]}".format(a="xy"), "{0[-1]}".format({"-1": "m"}), "{0[ 0]}".format({" 0": 1}))
print("{} {}".format(*"ab"), "{x}".format_map({"x": 1}))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map(D(a=1)))
tests = ["{0!}", "{0!rx}", "{0!x}", "{", "}", "{0", "{0[}", "{0[0}", "{0.}", "{0[]}", "{0[0]x}", "{}{0}",
         "{0}{}", "{1}", "{z}", "{:{:{}}}", "{a{}", "{0:{}", "{!r:}", "{0!r", "{0:x}}", "{ 0}", "{0 }",
         "{-1}", "{99999999999999999999}", "{0.a.}", "{0[a]b}", "{0!ab}", "{]}", "{[}", "{0:}}", "{0:d}", "{0:s}",
         "{:{:}}", "{0.__class__.__name__}", "{0[0]}", "a{0}b{1}c", "{!}"]
for s in tests:
    try:
        print(repr(s), repr(s.format(10, x=1)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
try:
    "{0}".format_map({})
except Exception as e:
    print(type(e).__name__, e)
import _string
first, rest = _string.formatter_field_name_split("0.a[1][x].b")
print(first, list(rest))
print(format(3.5, "08.3f"), format("x", "*^5"), format(12, ""), format(True, "d"))
