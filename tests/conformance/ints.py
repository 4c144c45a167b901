# Small-int arithmetic, floor division/modulo signs, bit operations, int().
vals = [0, 1, -1, 7, -7, 3, -3, 255, -256]
for a in vals:
    for b in vals:
        if b != 0:
            print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -1, (-2) ** 3, pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, -5 & 0xFF, 1 << 10, -1 >> 3, 1024 >> 3)
print(int("42"), int(" -17 "), int("0x1f", 16), int("1f", 16), int("0b101", 0), int("0o17", 0), int("z", 36))
print(int("1_000_000"), int(3.99), int(-3.99), int(True), int("+5"))
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (10).bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), int.from_bytes(b"\x01\x00", "big"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
print(abs(-5), -(-5), +5, 7 .real, 7 .imag, (7).numerator, (7).denominator, (6).conjugate())
print(True + True, True * 3, False - 1, isinstance(True, int), bool(0), bool(-3))
print(int.__name__, type(5).__name__, (5).__class__ is int)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 2)
x = 10
x += 5; x -= 2; x *= 3; x //= 4; x %= 7; x **= 2; x <<= 2; x >>= 1; x |= 1; x &= 0xff; x ^= 3
print(x)
print(round(15, -1), round(25, -1), round(-35, -1), round(7), round(1234, -2))
print(hex(255), oct(8), bin(5), hex(-255), bin(0))
print(0 == -0, 10 // 3 * 3 + 10 % 3)
