# int, float and complex methods and attributes.
for v in [0, 1, -1, 255, -256, 2 ** 64, -(2 ** 100) + 1]:
    print(v, v.bit_length(), v.bit_count(), v.real, v.imag, v.numerator, v.denominator, v.conjugate(), v.as_integer_ratio(), v.__trunc__(), v.__floor__(), v.__ceil__(), v.__round__(), v.__round__(-1))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (127).to_bytes(1, "big", signed=True), (0).to_bytes(0, "big"))
print((65).to_bytes(), (2 ** 64).to_bytes(9, byteorder="big"), (-129).to_bytes(2, "little", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True), int.from_bytes([1, 2, 3], "big"), int.from_bytes(b""), int.from_bytes(bytearray(b"\x80\x00"), "big", signed=True))
class MyInt(int): pass
r = MyInt.from_bytes(b"\x05", "big")
print(type(r).__name__, r, True.bit_length(), True.real, False.imag, True.numerator, True.as_integer_ratio())
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"),
            lambda: (128).to_bytes(1, "big", signed=True), lambda: int.from_bytes("ab", "big"), lambda: (1).bit_length(2)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
for f in [0.0, -0.0, 1.5, -2.5, 0.1, 1e300, 5e-324, 3.0, 2.0 ** 60]:
    print(f, f.is_integer(), f.as_integer_ratio(), f.hex(), float.fromhex(f.hex()) == f, f.real, f.imag, f.conjugate(), f.__trunc__(), f.__floor__(), f.__ceil__(), f.__round__(), f.__round__(1))
print(float.fromhex("0x1p-1074"), float.fromhex("-0x1.8p1"), float.fromhex(" inf "), float.fromhex("0X1.FFFFFFFFFFFFFp1023"), float.__getformat__("double"), float.__getformat__("float"))
class MyFloat(float): pass
print(type(MyFloat.fromhex("0x1p0")).__name__, MyFloat(2.5).is_integer(), MyFloat(2.5).as_integer_ratio())
for bad in [lambda: float("nan").as_integer_ratio(), lambda: float("inf").as_integer_ratio(), lambda: float.fromhex("0x1p99999"), lambda: float.fromhex("zz"),
            lambda: float.__getformat__("int"), lambda: float("inf").__floor__(), lambda: float("nan").__ceil__(), lambda: (1.5).hex(1)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(complex(), complex(1), complex(1.5, -2), complex("1+2j"), complex(" ( -1.5e3-0.5J ) "), complex("j"), complex("-j"), complex("2"), complex("1_0.5+2_0j"), complex("inf-nanj"))
print(complex(1j, 2j), complex(1 + 2j, 3), complex(2, -0.0), complex(-0.0, 0), complex(True, False), complex(1e400))
class C:
    def __complex__(self): return 3 + 4j
class Fl:
    def __float__(self): return 2.5
print(complex(C()), complex(Fl()), complex(Fl(), Fl()), (3 + 4j).real, (3 + 4j).imag, (3 - 4j).conjugate(), (1 + 1j).__complex__())
print((3 + 4j) ** 2, (1 + 1j) ** -2, (2 + 0j) ** 0.5, 1j ** 1j, (1 + 2j) / (3 + 4j), (1e300 + 1e300j) / (1e300 + 1e300j), format(1 + 2j, ">12.2f"))
class MyComplex(complex): pass
print(type(MyComplex(1, 2)).__name__, MyComplex(1, 2) + 1, MyComplex("3j").imag)
for bad in [lambda: complex("1+"), lambda: complex("1", 2), lambda: complex(1, "2"), lambda: complex([]), lambda: complex(1, []), lambda: complex("1 + 2j"),
            lambda: complex("1__0"), lambda: pow(1j, 2, 3), lambda: (1e200 + 1e200j) ** 5, lambda: 0j ** -1]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
