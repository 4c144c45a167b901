# reflected operands (__radd__ ...), NotImplemented, subclass priority.
class M:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"M({self.v})"
    def __add__(self, o):
        if isinstance(o, (int, M)):
            return M(self.v + (o.v if isinstance(o, M) else o))
        return NotImplemented
    def __radd__(self, o):
        print("radd called with", o)
        return M(o + self.v)
    def __rsub__(self, o): return M(o - self.v)
    def __rmul__(self, o): return M(o * self.v)
    def __rtruediv__(self, o): return M(o / self.v)
    def __rfloordiv__(self, o): return M(o // self.v)
    def __rmod__(self, o): return M(o % self.v)
    def __rpow__(self, o): return M(o ** self.v)
    def __rmatmul__(self, o): return "rmatmul"
    def __rand__(self, o): return "rand"
    def __ror__(self, o): return "ror"
    def __rxor__(self, o): return "rxor"
    def __rlshift__(self, o): return "rlshift"
    def __rrshift__(self, o): return "rrshift"
    def __rdivmod__(self, o): return ("rdivmod", o)
m = M(3)
print(m + 1, 1 + m, 10 - m, 2 * m, 9 / m, 10 // m, 10 % m, 2 ** m, [] @ m, 1 & m, 1 | m, 1 ^ m, 1 << m, 1 >> m, divmod(7, m))
print(sum([M(1), M(2)], M(0)), sum([M(1), M(2)]))
try:
    m + "s"
except TypeError as e:
    print("TypeError", e)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __add__(self, o): return "Sub.add"
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub(), Sub() + Base(), Base() + Base())
class Never:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
try:
    Never() + Never()
except TypeError as e:
    print("TypeError", e)
try:
    1 + Never()
except TypeError as e:
    print("TypeError", e)
class OnlyR:
    def __rsub__(self, o): return "OnlyR.rsub"
print(5 - OnlyR(), 5.0 - OnlyR(), "s" * 3, [1] * 2, 2 * (1,))
for bad in [lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (1,), lambda: 1 - None, lambda: {} | 1, lambda: 2 ** "x", lambda: "a" * 1.5, lambda: -"x", lambda: ~1.5]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
