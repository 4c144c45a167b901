# operator overloading through special methods.
class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k, mod=None): return V(pow(self.x, k, mod), pow(self.y, k, mod))
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return V(self.y, self.x)
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, n): return "lshift %d" % n
    def __rshift__(self, n): return "rshift %d" % n
    def __bool__(self): return bool(self.x or self.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __contains__(self, v): return v in (self.x, self.y)
    def __iter__(self): yield self.x; yield self.y
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    __hash__ = None
    def __int__(self): return int(self.x)
    def __float__(self): return float(self.y)
    def __index__(self): return self.x
    def __round__(self, n=0): return V(round(self.x, n), round(self.y, n))
    def __divmod__(self, k): return ("divmod", k)
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, b / 2, b // 2, b % 2, a ** 2, pow(b, 2, 5), a @ b, -a, +a, abs(b), ~a)
print(a & b, a | b, a ^ b, a << 1, a >> 2, bool(V(0, 0)), bool(a), len(a), a[1], 2 in a, 5 in a, list(a))
print(a == V(1, 2), a != b, int(V(7, 0)), float(a), [10, 20, 30][V(1, 0)], hex(V(255, 0)), round(V(1.26, 2.5), 1), divmod(a, 3))
print(*a, dict(zip("xy", a)), sorted(V(2, 1)), max(V(5, 9)))
try:
    hash(a)
except TypeError as e:
    print("TypeError", e)
try:
    a < b
except TypeError as e:
    print("TypeError", e)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
class Str:
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
    def __format__(self, spec): return "fmt:" + spec
    def __bytes__(self): return b"bytes!"
print(Str(), str(Str()), repr(Str()), [Str()], f"{Str():q}", bytes(Str()), "%s %r" % (Str(), Str()))
class Ctx:
    def __enter__(self): return "entered"
    def __exit__(self, *a): return False
with Ctx() as v:
    print(v)
class Call:
    def __call__(self, *a, **k): return a, k
print(Call()(1, x=2))
class Len:
    def __len__(self): return 0
print(bool(Len()), not Len())
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
class Rev:
    def __reversed__(self): return iter("cba")
print(list(reversed(Rev())))
