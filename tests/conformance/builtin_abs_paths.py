# abs() answers ints and floats itself (builtinAbs) and leaves everything
# else to the type's __abs__: both paths, and the edges between them.
import math

vals = [0, 1, -1, 255, 256, -256, -257, 10**6, -10**6, 2**62, -2**62,
        2**63 - 1, -2**63 + 1, -2**63, 2**63, -2**63 - 1, 10**30, -10**30]
for v in vals:
    r = abs(v)
    print(v, r, type(r).__name__, r == (v if v >= 0 else -v))

x = 12345678
print(abs(x) is x)  # a non-negative int is returned itself, as in CPython

for v in [0.0, -0.0, 1.5, -1.5, float("inf"), float("-inf"), 1e308, -5e-324]:
    r = abs(v)
    print(repr(v), repr(r), type(r).__name__, math.copysign(1, r))
r = abs(float("nan"))
print(math.isnan(r), math.copysign(1, abs(-float("nan"))))

print(abs(True), abs(False), type(abs(True)).__name__)


class I(int):
    def __abs__(self):
        return "I.__abs__"


class J(int):
    pass


class F(float):
    pass


print(abs(I(-3)), abs(J(-3)), type(abs(J(-3))).__name__, abs(F(-2.5)), type(abs(F(-2.5))).__name__)
print(abs(complex(3, 4)))


class A:
    def __abs__(self):
        return 42


print(abs(A()))

for args, kw in [((), {}), ((1, 2), {}), ((), {"x": 1})]:
    try:
        abs(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
for bad in ["s", None, [1]]:
    try:
        abs(bad)
    except TypeError as e:
        print("TypeError", e)

# in a loop, as the evaluation loop calls it
acc = 0
for i in range(-300, 300, 7):
    acc += abs(i) + abs(i * 1000003)
print(acc)
