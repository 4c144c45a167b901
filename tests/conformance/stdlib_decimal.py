# decimal (C-accelerated in CPython; kept separate).
from decimal import Decimal, getcontext, ROUND_HALF_UP
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.10") * 3, Decimal(0.5))
getcontext().prec = 6
print(Decimal(1) / Decimal(3), Decimal("2").sqrt(), Decimal("123.456").quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
print(Decimal("1e3") == 1000, Decimal("-0"), Decimal("NaN").is_nan(), sorted([Decimal("2.5"), Decimal("-1"), Decimal("0.3")]))
