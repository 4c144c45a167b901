# The evaluation loop reads d[str] of exact dicts and t[int] / l[int]
# inline; misses, negative indexes, subclasses and non-str keys must take
# the general path with CPython's results and errors.
t = (1, 2, 3)
l = [4, 5, 6]
d = {"a": 1, 2: "two"}
print(t[0], t[-1], t[-3], l[1], l[-1], d["a"], d[2])
for expr in (lambda: t[3], lambda: t[-4], lambda: l[3], lambda: l[-4], lambda: d["zz"],
             lambda: d[3], lambda: t["x"], lambda: l[1.0]):
    try:
        expr()
    except (IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)


class Missing(dict):
    def __missing__(self, key):
        return "missing " + key


class Tup(tuple):
    def __getitem__(self, i):
        return ("sub", super().__getitem__(i))


m = Missing(a=1)
print(m["a"], m["b"], Tup((7, 8))[1], Tup((7, 8))[-1])
s = "key"
d[s + "2"] = 5
print(d["key2"], d["k" + "ey2"])
