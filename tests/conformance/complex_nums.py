# complex numbers.
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, z * 1j, z / 2, z ** 2, z == complex(3, 4))
print(complex(1), complex("1+2j"), complex(" -1.5e3-0.5j "), 1j * 1j, (1 + 2j) * (3 - 1j), (1 + 2j) / (3 - 4j))
print(repr(1j), repr(-0j), repr(complex(0, -0.0)), repr(complex(1e20, 1e-20)), 0j == 0, str(2 + 0j), complex(float("inf"), 1))
print(hash(1 + 0j) == hash(1), pow(1j, 2), 2 ** (1j), (1 + 1j) ** 0.5, format(1.5 + 2.25j, ".1f"))
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.exp(1j * cmath.pi).real)
try:
    (1 + 1j) // 2
except TypeError as e:
    print("TypeError", e)
try:
    1j / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
