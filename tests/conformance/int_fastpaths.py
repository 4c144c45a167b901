# The evaluation loop computes small-int bitwise operations and shifts
# inline; results at the 64-bit edges must match the arbitrary-precision path.
import math
vals = [0, 1, -1, 5, -7, 2**62, -(2**62), 2**63 - 1, -(2**63), 255, 256, 2**64, -(2**70)]
out = []
for a in vals:
    for b in [0, 1, 3, 31, 62, 63, 64, 100]:
        out.append((a << b, a >> b))
    for b in vals:
        out.append((a & b, a | b, a ^ b, a + b, a - b, a * b))
        if b:
            out.append((a // b, a % b))
for row in out:
    print(row)
x = 5
x <<= 3
x >>= 1
x &= 6
x |= 9
x ^= 3
print(x)
for bad in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 // 0, lambda: 1 % 0]:
    try:
        bad()
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(1.5 < 2.0, math.nan < 1.0, math.nan != math.nan, math.nan == math.nan, -0.0 == 0.0, 2.0 >= 2.0,
      math.inf > 1e308, -math.inf <= -math.inf)
