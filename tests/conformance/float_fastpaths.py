# The evaluation loop computes float and mixed int/float arithmetic inline;
# results, exceptions and messages must match the generic path exactly.
import math
vals = [0, 1, -1, 3, 2**40, -(2**53) - 1, 2**62, 0.0, -0.0, 1.5, -2.25, 1e300, -1e-300,
        math.inf, -math.inf, math.nan]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b), ("**", lambda a, b: a ** b),
]
for name, fn in ops:
    row = []
    for a in vals:
        for b in vals:
            if not (isinstance(a, float) or isinstance(b, float)):
                continue
            try:
                row.append(repr(fn(a, b)))
            except Exception as e:
                row.append(type(e).__name__ + ":" + str(e))
    print(name, len(row), row)
x = 2.0
x += 1
x *= 3
x -= 0.5
x /= 4
x **= 1.5
print(x)
try:
    y = 1.0
    y /= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(2.0 ** -1.5, 10.0 ** 0.5, 7.0 ** 1e-3, 1.0000001 ** 1e7, 0.5 ** 1074, 2.0 ** 1023.5 if False else 0)
print((-8.0) ** (1 / 3), (-2.0) ** 3.0, (-2.0) ** -2.0)
lst = [1.0, 2.0, 3.0]
lst[0] -= 0.25
lst[-1] += 1
lst[1] *= lst[2]
print(lst)
try:
    lst[3] = 1
except IndexError as e:
    print("IndexError", e)
try:
    lst[-4] = 1
except IndexError as e:
    print("IndexError", e)
