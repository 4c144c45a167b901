# d[k] = v with int and str keys takes a fast path on plain dicts; the
# cases it must hand to the general path (or get right itself).

d = {1.0: "float"}
d[1] = "int"
print(d, type(list(d)[0]).__name__)

d = {True: "bool"}
d[1] = "int"
print(d)

d = {}
d["a"] = 1
d["a"] = "one"
d[10**20] = "big"
d[-1] = "minus one"
d[-2] = "minus two"
print(d, hash(-1) == hash(-2))


class Five:
    calls = 0

    def __hash__(self):
        return 5

    def __eq__(self, other):
        Five.calls += 1
        return other == 5


d = {Five(): "five"}
d[5] = "int five"
print(len(d), list(d.values()), Five.calls)


class Noisy(dict):
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v * 2)


n = Noisy()
n[3] = 4
n["s"] = "x"
print(n)


class Plain(dict):
    pass


p = Plain()
p[1] = 2
p["k"] = "v"
print(p, type(p).__name__)

big = {}
for i in range(20000):
    big[i] = i * 2
for i in range(0, 20000, 3):
    big[i] = -i
print(len(big), sum(big.values()), list(big)[:5], list(big)[-3:])

s = {}
for i in range(5000):
    s["k%d" % i] = i
for i in range(5000):
    s["k%d" % (i % 7)] += 1
print(len(s), s["k0"], s["k6"], s["k4999"])
