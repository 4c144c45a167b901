# Arbitrary-precision integers.
a = 2 ** 200
b = 3 ** 150 + 12345
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // 7, a % 7, (-a) // 7, (-a) % 7)
print(b // a, b % a, divmod(-b, a))
print(a ** 3 // b)
print(pow(b, 65537, a - 1))
print(a >> 100, a << 3, (-a) >> 190, (a - 1) & b, a | b, a ^ b, ~a)
fact = 1
for i in range(1, 60):
    fact *= i
print(fact)
print(len(str(fact)), fact.bit_length(), str(-fact)[:10])
print(int("9" * 60) + 1)
print(int("-" + "1234567890" * 5))
print(hex(fact), oct(a), bin(b)[:40])
print(abs(-a) == a, -a < a, a > 2 ** 199, a == 2.0 ** 200)
print(a / b)
print(10 ** 30 // 10 ** 15, 10 ** 30 / 10 ** 15)
print(float(a), int(1e30), int(-1.5e20))
print(fact.to_bytes(40, "big").hex())
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 64)), hash(10 ** 40))
def fib(n):
    x, y = 0, 1
    for _ in range(n):
        x, y = y, x + y
    return x
print(fib(300))
import math
print(math.gcd(fact, a), math.isqrt(b), math.factorial(30), math.comb(100, 50))
