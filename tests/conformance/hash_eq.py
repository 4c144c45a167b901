# __hash__/__eq__ contracts, dict/set membership with custom keys.
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, o):
        return isinstance(o, Key) and self.k == o.k
    def __repr__(self): return f"Key({self.k!r})"
d = {Key(1): "one", Key("a"): "A"}
print(d[Key(1)], Key("a") in d, Key(2) in d, len({Key(1), Key(1), Key(2)}))
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError", e)
class Inherit(Key):
    pass
print(hash(Inherit(5)) == hash(5), Inherit(5) == Key(5))
class ConstHash:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, o): return self.v == o.v
s = {ConstHash(i % 3) for i in range(10)}
print(len(s), sorted(c.v for c in s))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0), hash("") == hash(""), hash(()) == hash(()))
print({1: "int", 1.0: "float"}, {True: 1}, {1.5: "x"}[1.5])
class Counter:
    calls = 0
    def __hash__(self):
        Counter.calls += 1
        return 1
c = Counter()
dd = {c: 1}
dd[c]; c in dd
print(Counter.calls)
class BadHash:
    def __hash__(self): return "no"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError", e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 10 ** 20, 0.5, 1.5, -2.25, 1e300, float("inf"), float("-inf"), (1, 2), (), (1, (2, 3)), None.__hash__() * 0]:
    print(repr(v), hash(v))
