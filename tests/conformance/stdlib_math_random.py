# math and a seeded random (Mersenne Twister sequences are part of the contract).
import math, random
print(math.sqrt(16), math.pow(2, 10), math.exp(1), math.log(100, 10), math.log2(8), math.log10(1000), math.log1p(0))
print(math.sin(math.pi / 2), math.cos(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.hypot(3, 4))
print(math.floor(3.7), math.ceil(3.2), math.fabs(-3), math.fmod(7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), math.inf, -math.inf, math.nan != math.nan, math.dist((0, 0), (3, 4)), math.isqrt(99))
print(math.erf(0.5), math.gamma(5), math.lgamma(10), math.tau, math.copysign(3, -1), math.remainder(10, 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 1000, 7), random.choice("abcdef"), random.uniform(1, 2))
lst = list(range(10))
random.shuffle(lst)
print(lst, random.sample(range(100), 5), random.choices("xyz", k=5), random.getrandbits(64))
r = random.Random(7)
print([r.randint(0, 9) for _ in range(10)], r.gauss(0, 1), r.random())
