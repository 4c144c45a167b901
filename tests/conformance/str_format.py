# str.format and format(): the format-spec mini-language.
print("{} {} {}".format(1, "a", 2.5))
print("{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{0[1]} {1[k]}".format([7, 8], {"k": "v"}))
class P:
    x = 3
print("{0.x} {p.x}".format(P(), p=P()))
print("{!r} {!s} {!a}".format("é", "é", "é"))
for spec in ["d", "5d", "<5d", "^5d", ">5d", "+d", " d", "05d", ",d", "_d", "x", "X", "#x", "o", "#o", "b", "#b", "c", "n", "_b", "#010x"]:
    print(repr(format(42, spec)), repr(format(-42, spec)) if spec != "c" else "")
for spec in ["f", ".2f", "10.3f", "<10.1f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", "+.2f", ",.2f", "010.2f", ".0f", "#.0f", "", ".15g"]:
    print(spec, repr(format(1234.5678, spec)), repr(format(-0.000123, spec)), repr(format(1e20, spec)))
print(format(float("inf"), "f"), format(float("nan"), "e"), format(float("-inf"), "10.2f"))
for spec in ["", "10", "<10", ">10", "^10", "*^10", ".2", "10.3", "=^9"]:
    print(repr(format("hello", spec)))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3), "{:>{}}".format("r", 6))
print("{{}} {{{0}}}".format(5), "{:%Y}".format(__import__("datetime").date(2020, 1, 2)))
print(format(True, "d"), format(True, ""), format(None, ""), format(3, ".2f"), format(2 ** 70, ","))
print(format(12345678, "_x"), format(-0.0, ".1f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print("{:=+10d}".format(42), "{:=10}".format(-3.5), "{:0=10}".format(-7))
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
print("{:abc}".format(F()), format(F(), "x"), f"{F():zz}")
print(format(1e16, ""), format(1e16, "g"), format(123.0, ""), format(1.0, "g"), format(1e-5, ""))
print(format(10 ** 17, "e"), format(255, "08b"), format(3 + 4j, ""), format(1 + 2j, ".1f"))
