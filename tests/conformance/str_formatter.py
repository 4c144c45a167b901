# string.Formatter and string.Template over _string
import string
f = string.Formatter()
print(f.format("{0}-{x:>4}-{1!r}", 1, "b", x="y"))
print(list(f.parse("a{0!r:>3}b{{c}}")), list(f.parse("{x.y[2]}")))
print(string.Template("$a and ${b}").substitute(a=1, b=2))
class F(string.Formatter):
    def get_value(self, key, args, kwargs):
        return "<%s>" % (key,)
print(F().format("{0} {a} {b}", 1))
print(f.vformat("{0:{1}}", ("x", ">3"), {}))
