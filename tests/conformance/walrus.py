# assignment expressions.
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10], y)
total = 0
print([total := total + x for x in data], total)
it = iter(range(5))
while (v := next(it, None)) is not None:
    print("v", v, end=" ")
print()
def f():
    print((a := 10), a)
    [b := i for i in range(3)]
    return b
print(f())
print((z := 3) + z, z)
import re
if m := re.match(r"(\d+)-(\d+)", "12-34"):
    print(m.groups())
vals = {"k": 5}
print(w if (w := vals.get("k")) else "none")
def g(x=(dflt := 4)):
    return x
print(g(), dflt)
print(any((hit := c) == "z" for c in "xyz"), hit)
lam = lambda: (q := 9) + q
print(lam())
