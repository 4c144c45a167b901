class I(int):
    def __repr__(self):
        return "I(%r)" % int(self)
    def __pow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(self), int(other)))
        return I(pow(int(self), int(other), int(mod)))
    def __rpow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(other), int(self), mod))
        return I(pow(int(other), int(self), int(mod)))
print(repr(pow(I(2), I(3), I(5))), repr(I(2) ** 3), repr(2 ** I(3)), repr(pow(2, I(3), 5)), repr(pow(2, 3, I(5))))
class R:
    def __rpow__(self, o, m=None):
        return 'r'
class P:
    def __pow__(self, o, m=None):
        return ('p', m)
class Q(P):
    def __rpow__(self, o, m=None):
        return 'q'
print(pow(P(), 2, 5), pow(Q(), 2, 5), pow(P(), Q(), 7))
for args in ((2, R(), 5), (1, 2, P()), (None, 2, 3)):
    try:
        print(pow(*args))
    except TypeError as e:
        print("TE", e)
x = None
try:
    x **= 2
except TypeError as e:
    print("TE", e)
class C:
    def __floordiv__(self, other):
        return "C.__floordiv__"
    def __rfloordiv__(self, other):
        return "C.__rfloordiv__"
class D(C):
    def __floordiv__(self, other):
        return "D.__floordiv__"
    def __rfloordiv__(self, other):
        return "D.__rfloordiv__"
class E(C):
    pass
print(D() // C(), C() // D(), E() // 1, 1 // E(), E() // C(), C() // E())
class F(C):
    __rfloordiv__ = C.__rfloordiv__
print(C() // F())
print(pow(3, 4, 5), pow(2.0, 3), pow(7, -1, 5))
