# random: seeded Mersenne Twister sequences must match CPython exactly.
import random, _random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdefg"), random.uniform(-1, 1))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(1000), 6), random.choices("abc", weights=[1, 2, 3], k=8))
print(random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5), random.triangular(0, 10, 3))
print(random.betavariate(2, 3), random.gammavariate(2, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.paretovariate(3), random.weibullvariate(1, 2), random.randbytes(7), random.randrange(10 ** 30))
print([random.getrandbits(k) for k in (0, 1, 7, 31, 32, 33, 64, 65, 100, 200)])
for seed in (0, 1, -1, 2 ** 32, 2 ** 32 - 1, -(2 ** 100), 10 ** 40, 3.25, -2.5, "spam", b"eggs", bytearray(b"ham"), True):
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(40))
random.seed("spam", version=1); print(random.random())
r = _random.Random(5); print(r.random(), r.getrandbits(3))
r.seed(); r.seed(None); r.seed(12); print(r.random())
class R(random.Random):
    pass
r1, r2 = R(99), random.Random(99)
print(r1.random() == r2.random(), r1.randint(0, 10 ** 6), r2.randint(0, 10 ** 6))
st = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(st)
print(a == [random.random() for _ in range(3)], st[0], len(st[1]), st[1][-1], st[2])
s = _random.Random(1).getstate()
print(len(s), s[:3], s[-1])
x = _random.Random(); x.setstate(s); print(x.random() == _random.Random(1).random())
random.seed(123); random.random(); print(random.getstate()[1][-1])
for bad in [(1, 2), list(s), s[:-1] + (625,), s[:-1] + (-1,), s[:-1] + (2 ** 64,), (-1,) + s[1:]]:
    try:
        _random.Random().setstate(bad)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
for bad in [-1, 1.5, 2 ** 70, "3"]:
    try:
        random.getrandbits(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [([1],), (1, 2)]:
    try:
        _random.Random(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _random.Random(x=1)
except TypeError as e:
    print("TypeError", e)
try:
    random.seed([1])
except TypeError as e:
    print("TypeError", e)
sr = random.SystemRandom(); print(0 <= sr.random() < 1, sr.getrandbits(10) < 1024)
random.seed(None); print(0 <= random.random() < 1)
def show(f, *a, **k):
    try: print(repr(f(*a, **k))[:60])
    except Exception as e: print(type(e).__name__, e)
class R(_random.Random): pass
class S(_random.Random):
    def __init__(self, *a, **k): pass
show(lambda: R(x=1).random())
show(lambda: R(3).random())
show(lambda: S(x=1, y=2).random())
show(lambda: S(5, 6).getrandbits(8))
show(lambda: random.Random(x=5).random())
show(lambda: R(1, 2))
show(lambda: _random.Random.random(5))
show(lambda: _random.Random().seed(1, 2))
show(lambda: _random.Random().seed(a=1))
show(lambda: _random.Random().random(1))
show(lambda: _random.Random().getrandbits())
show(lambda: _random.Random().getstate(1))
show(lambda: _random.Random().setstate())
show(lambda: type(_random.Random()).__name__)
show(lambda: _random.Random.__module__)
show(lambda: R(2**200).random())
show(lambda: R(-7).random() == R(7).random())
class I(int): pass
show(lambda: R(I(9)).random() == R(9).random())
show(lambda: R(9.0).random() == R(9).random())
show(lambda: R(None) is not None)
show(lambda: hasattr(_random.Random(), '__dict__'))
import copy, pickle
r = random.Random(5); r.random()
c = copy.deepcopy(r); print(c.random() == r.random())
p = pickle.loads(pickle.dumps(r)); print(p.random() == r.random())
print(random.Random(5).getstate()[1][:3] == copy.copy(random.Random(5)).getstate()[1][:3])
