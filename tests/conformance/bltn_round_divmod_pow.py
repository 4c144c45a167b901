# round, divmod, pow, bin/oct/hex.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675, 2), round(1.005, 2), round(-2.5, 0))
print(round(123.456, -1), round(123.456, -2), round(5e-324, 400), round(1e300, -300), round(float("inf"), 2), round(float("nan"), 1))
print(round(15, -1), round(25, -1), round(-15, -1), round(149, -2), round(150, -2), round(250, -2), round(2 ** 70 + 5, -1), round(7, 3), round(7, -1000))
print(type(round(2.5)).__name__, type(round(2.5, None)).__name__, type(round(2.5, 0)).__name__, round(True), type(round(True)).__name__)
class R:
    def __round__(self, n=None): return ("round", n)
print(round(R()), round(R(), 3))
for bad in [lambda: round("a"), lambda: round(1.5, "a"), lambda: round(float("inf")), lambda: round(float("nan")), lambda: round(1e308, -400) if False else round(1.0, 2, 3), lambda: round(x=1)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(2 ** 80, 7), divmod(-2 ** 80, 7))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5), divmod(-0.0, 1), divmod(1e308, 1e-308)[1], divmod(True, 2))
class D:
    def __divmod__(self, o): return "divmod", o
    def __rdivmod__(self, o): return "rdivmod", o
print(divmod(D(), 1), divmod(1, D()))
class I(int): pass
print(divmod(I(7), 2), I(7).__divmod__(2), (7).__rdivmod__(20), (7.5).__divmod__(2))
for bad in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod(1, 0.0), lambda: divmod("a", 1), lambda: divmod(1j, 1), lambda: divmod(1)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(-8, 1 / 3), pow(2, 100, 7), pow(3, -1, 7), pow(-3, 3, 7), pow(5, 0, 1), pow(2, 3, -5))
print(pow(base=2, exp=5), pow(2, 5, mod=3), pow(0, 0), pow(0.0, 0), pow(-2, 0.5), pow(10, -2), 10 ** -2, 2 ** 0.5, 1.1 ** 10, 7.0 ** 3.5)
for bad in [lambda: pow(2.0, 2, 3), lambda: pow(2, 2, 3.0), lambda: pow("a", 2, 3), lambda: pow(2, 2, 0), lambda: pow(2, -1, 4), lambda: pow(0, -1),
            lambda: pow(0.0, -1), lambda: pow(1j, 2, 3), lambda: pow(1e300, 2), lambda: pow(2)]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(bin(0), bin(5), bin(-5), oct(0), oct(64), oct(-64), hex(0), hex(255), hex(-255), hex(2 ** 100), bin(True))
class Idx:
    def __index__(self): return 42
print(bin(Idx()), oct(Idx()), hex(Idx()))
for bad in [lambda: hex(1.5), lambda: bin("1"), lambda: oct(), lambda: hex(1, 2)]:
    try:
        print(bad())
    except TypeError as ex:
        print("TypeError", ex)
