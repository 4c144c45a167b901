# math and cmath give CPython's last bit: the same C library functions
# (sin, exp, cbrt, erfc, atan2, hypot, ...), and CPython's own algorithms
# (gamma, lgamma, complex functions) on top of them. One digest of the
# reprs per function; a mismatch in any value changes it.
import cmath
import hashlib
import math
import random

random.seed(5)
xs = ([random.uniform(-10, 10) for _ in range(1500)] + [random.uniform(0, 1e6) for _ in range(300)]
      + [10.0 ** random.randint(-300, 300) for _ in range(200)] + [0.0, -0.0, 1.0, -1.0, 0.5, 1e-320])


def digest(values):
    return hashlib.md5(" ".join(values).encode()).hexdigest()[:16]


def run(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return type(e).__name__


for name in ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
             "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "cbrt", "erf", "erfc", "gamma",
             "lgamma", "degrees", "radians"]:
    f = getattr(math, name)
    print(name, digest([run(f, x) for x in xs]))
for name in ["atan2", "pow", "hypot", "fmod", "copysign", "remainder"]:
    f = getattr(math, name)
    print(name, digest([run(f, x, y) for x, y in zip(xs, xs[1:])]))
print("float pow", digest([run(pow, abs(x), y / 50) for x, y in zip(xs, xs[1:])]))

random.seed(7)
zs = ([complex(random.uniform(-5, 5), random.uniform(-5, 5)) for _ in range(800)]
      + [complex(random.uniform(-1e3, 1e3), random.uniform(-1, 1)) for _ in range(200)])
for name in ["exp", "log", "log10", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
             "asinh", "acosh", "atanh", "phase", "polar"]:
    f = getattr(cmath, name)
    print("cmath", name, digest([run(f, z) for z in zs]))
print("complex pow", digest([run(pow, z, w) for z, w in zip(zs, zs[1:])]))
print("complex abs", digest([run(abs, z) for z in zs]))
print("rect", digest([run(cmath.rect, abs(z), z.imag) for z in zs]))

r = random.Random(99)
print([r.gauss(0, 1) for _ in range(3)], [r.expovariate(2.0) for _ in range(3)])
print([r.vonmisesvariate(1, 2) for _ in range(3)], [r.gammavariate(2.5, 1) for _ in range(3)])
print([r.lognormvariate(0, 1) for _ in range(3)], [r.betavariate(2, 3) for _ in range(3)])
