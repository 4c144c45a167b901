# decimal through the host's compiled _decimal module (lib-dynload):
# arithmetic, contexts (C context variables bridged to _contextvars),
# traps and flags, conversions, DecimalTuple, pickling, threads.
import _decimal, decimal, pickle, threading, math
from decimal import Decimal as D, Context, localcontext, getcontext, setcontext
from fractions import Fraction

print(decimal.Decimal is _decimal.Decimal, decimal.__name__, D.__module__)
print(D("1.1") + D("2.2"), D(1) / D(7), D("-0"), D("NaN"), D("-Infinity"), D("1e-7"))
print(D("١٢٣"), D(" 3.5\u3000"), D(0.1), D(10 ** 30).to_integral(), D(2) ** 100)
print(int(D("12345678901234567890.7")), int(D(-2) ** 70), float(D("1.5")), D(7).as_integer_ratio(), D("0.125").as_integer_ratio())
print(hash(D(5)) == hash(5), hash(D("0.5")) == hash(0.5), D(1) == 1.0, D("0.5") == Fraction(1, 2), D(1) < 2)
print(D("3.14159").quantize(D("0.01")), D("2.5").to_integral_value(rounding=decimal.ROUND_HALF_EVEN), round(D("2.675"), 2))
print(D(2).sqrt(), D(10).ln(), D(100).log10(), D(1).exp(), D(-7) % 3, D(-7) // 3, divmod(D(7), D(-3)))
print(D("123.456").as_tuple(), type(D(1).as_tuple()).__name__, type(D(1).as_tuple()).__module__)
print(format(D("1234567.891"), ",.2f"), format(D("0.000123"), ".2e"), f"{D('42'):>8}", str(D("1E+3")), repr(D("1.0")))
print(pickle.loads(pickle.dumps(D("3.14"))) == D("3.14"), D.from_float(0.25), D(Fraction(1, 4).numerator) / 4)

c = getcontext()
print(c.prec, c.rounding, c.Emax, c.Emin, c.capitals, c.clamp, sorted(str(s) for s, v in c.traps.items() if v))
c.prec = 5
print(D(1) / D(3), D("1.23456789") + 0)
with localcontext() as lc:
    lc.prec = 50
    print(D(1) / D(3))
    with localcontext(Context(prec=3, rounding=decimal.ROUND_DOWN)):
        print(D(2) / D(3))
print(D(1) / D(3), getcontext().prec)
c.prec = 28

# traps and flags
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__, isinstance(e, ZeroDivisionError))
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", e)
ctx = Context(traps=[])
print(ctx.divide(D(1), D(0)), ctx.flags[decimal.DivisionByZero], ctx.sqrt(D(-1)))
ctx.clear_flags()
print(ctx.create_decimal("1.23456789012345678901234567890123"), ctx.flags[decimal.Inexact], ctx.flags[decimal.Rounded])
try:
    Context(prec=0)
except ValueError as e:
    print("ValueError", e)
try:
    D(1) + "x"
except TypeError as e:
    print("TypeError", e)

# each thread has its own context (context variables)
res = {}
def work(n):
    getcontext().prec = n
    res[n] = str(D(1) / D(7))
ts = [threading.Thread(target=work, args=(n,)) for n in (3, 10, 40)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(res.items()), getcontext().prec)
setcontext(Context(prec=4))
print(D(2) / 3)
setcontext(decimal.DefaultContext)
print(sum(D(i) / 10 for i in range(100)), math.fsum([0.1] * 10), D(sum(range(10 ** 6))))
