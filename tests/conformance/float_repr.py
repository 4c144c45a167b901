# float repr/str: shortest round-trip, exponents, specials, arithmetic.
vals = [0.0, -0.0, 1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
        1e-4, 1e-5, 1.5e-7, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 3.14159, 100.0, 1e100,
        0.5, 2.5, -1.25, 12345.678, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), v.hex())
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), float("-inf"), float("Infinity"), float(" 1.5 "), float("1e3"), float("-0"))
print(inf + 1, inf - inf, nan == nan, nan != nan, inf > 1e308, -inf < 0)
print(7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 0.5, 2 ** 0.5, (-8) ** (1 / 3) == (-8) ** (1 / 3), 10 ** -2)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3), round(1234.5, -2))
print(int(2.9), int(-2.9), float(7), 3.0.is_integer(), 3.5.is_integer(), (0.75).as_integer_ratio())
print(1.0 == 1, 0.1 * 3 == 0.3, abs(-2.5), -(0.0), 0.0 == -0.0)
print(float.fromhex("0x1.8p1"), (1.5).hex(), float("nan") is not None)
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.sqrt(2), math.pi, math.e)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), math.copysign(1, -0.0), math.fsum([0.1] * 10))
print(sum([0.1] * 10), 1e308 * 10, -1e308 * 10, 2.0 ** -1074)
print(hash(1.0), hash(0.5), hash(-0.0), hash(1e100) == hash(int(1e100)))
print(f"{0.1:.20f}", f"{1/3:.3e}", f"{12345.6789:,.2f}", f"{1e-10:g}", f"{1e20:g}", f"{0.0001:g}")
print(1e16 + 1, 2 ** 53 + 1.0, float(2 ** 63), 1.1 + 2.2)
