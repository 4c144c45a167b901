# The math module: values, edge cases, exact error types and messages.
import math
def show(name, *args):
    try:
        r = getattr(math, name)(*args)
        print(name, args, repr(r))
    except Exception as ex:
        print(name, args, type(ex).__name__, ex)
inf, nan = math.inf, math.nan
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
for x in [0.0, -0.0, 0.5, 1.0, 2.0, 3.0, 10.0, 100.0, 1e-300, 1e8, 0.1, 7.389, 123456.789]:
    print(x, math.exp(x) if x < 700 else "-", math.log(x) if x > 0 else "-", math.log10(x) if x > 0 else "-", math.log2(x) if x > 0 else "-",
          math.sqrt(x), math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x) if x < 700 else "-", math.cosh(x) if x < 700 else "-", math.tanh(x), math.asinh(x), math.expm1(x) if x < 700 else "-", math.log1p(x))
for name in ["exp", "log", "log10", "log2", "sqrt", "acos", "asin", "atanh", "acosh", "cosh", "sinh", "gamma", "lgamma", "log1p", "expm1", "exp2", "fabs"]:
    for x in [-1.0, 0.0, 1.0, 1000.0, -1000.0, inf, -inf, nan]:
        show(name, x)
for x in [0.5, 1.5, 4.5, 10.0, 25.5, 100.25, 171.0, 171.7, -0.5, -2.5, -170.5, 1e-21]:
    show("gamma", x)
    show("lgamma", x)
for args in [(2, 10), (2, 0.5), (-2, 3), (-2, 0.5), (0, -1), (0, 0), (10, 400), (1, nan), (nan, 0), (inf, -1), (-inf, 3), (0.0, inf), (-1, inf), (1e-300, 2)]:
    show("pow", *args)
for args in [(1, 1), (1, -1), (-1, -1), (0.0, -0.0), (-0.0, -0.0), (inf, inf), (1e-310, 1), (3, -4)]:
    show("atan2", *args)
    show("copysign", *args)
    show("fmod", *args)
    show("remainder", *args)
    show("hypot", *args)
for x in [3.7, -3.7, 3, -0.0, 1e20, inf, nan, 2 ** 100, True]:
    show("floor", x)
    show("ceil", x)
    show("trunc", x)
    show("modf", x)
    show("frexp", x)
    show("isfinite", x)
    show("isinf", x)
    show("isnan", x)
class F:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.sqrt(F()))
show("floor", "x")
show("trunc", "x")
show("sqrt", "x")
for args in [(0.5, 4), (1.0, 1024), (1.0, -1075), (-2.0, 10 ** 30), (1.0, 1.5), (inf, 5)]:
    show("ldexp", *args)
for n in [0, 1, 5, 20, 30, -1, 2.0, 10 ** 20]:
    show("factorial", n)
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18, 27), math.gcd(2 ** 100, 6 ** 50), math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
show("gcd", 1.5)
show("lcm", 2, "a")
for n in [0, 1, 15, 16, 17, 10 ** 40, -1, 2.5]:
    show("isqrt", n)
for args in [(10, 3), (10, 0), (3, 10), (100, 50), (-1, 2), (5, -1), (5.0, 2)]:
    show("comb", *args)
    show("perm", *args)
show("perm", 5)
print(math.prod([]), math.prod([1, 2, 3]), math.prod(range(1, 21)), math.prod([2.5, 2]), math.prod([1, 2], start=10), math.prod(["a", 3], start=1))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1, 2 ** 53, -2 ** 53]), math.fsum([0.1, 0.2, 0.3]), math.fsum([1e308, 1e308, -1e308]) if False else 0)
show("fsum", [inf, 1])
show("fsum", [inf, -inf])
show("fsum", [1e308, 1e308])
show("fsum", [nan, 1])
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(nan, nan))
show("isclose", 1, 2, rel_tol=-1) if False else None
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as ex:
    print("ValueError", ex)
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.hypot(), math.hypot(3), math.hypot(1, 2, 3, 4), math.hypot(1e300, 1e300), math.hypot(1e-320, 1e-320))
show("dist", (1,), (1, 2))
print(math.degrees(math.pi / 3), math.radians(60), math.nextafter(1, 2), math.nextafter(1, 0), math.ulp(1), math.ulp(0), math.ulp(1e300), math.ulp(inf))
print(math.log(100, 10), math.log(8, 2), math.log(2 ** 2000), math.log10(10 ** 500), math.log2(2 ** 1500 + 1), math.log(1024, 2), math.log(0.5, 0.25))
show("log", 0)
show("log", -1)
show("log", 2, 1)
show("log", 10 ** 400, 0)
show("log10", -(10 ** 400))
show("sqrt", 10 ** 400)
show("exp", 10 ** 400)
