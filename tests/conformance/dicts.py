# dict: insertion order, methods, views, merging, comprehension, errors.
d = {"one": 1, "two": 2}
d["three"] = 3
d[4] = "four"
d[(5, 5)] = [5]
print(d, len(d), d["two"], d.get("zz"), d.get("zz", 0), "one" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d["one"] = 111
del d["two"]
print(d, d.pop("three"), d.pop("nope", "dflt"), d.setdefault("new", []), d.setdefault("one", 0))
print(d.popitem(), d)
d2 = dict(a=1, b=2)
d2.update({"c": 3}, d=4)
d2.update([("e", 5)])
print(d2, dict([(1, 2), (3, 4)]), dict.fromkeys("abc", 0), dict(zip("xy", [1, 2])))
print(d2 | {"a": 100, "z": 26}, {**d2, "b": 0})
d2 |= {"f": 6}
print(d2, sorted(d2, reverse=True), list(reversed(d2)))
k = d2.keys()
d2["g"] = 7
print(len(k), "g" in k, k & {"a", "g", "q"} == {"a", "g"}, list(d2.items())[-1])
print({x: x * x for x in range(5)}, {v: k for k, v in {"a": 1, "b": 2}.items()})
print({1: "a", 1.0: "b", True: "c"}, {0: 1} == {0.0: 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
c = d2.copy(); c.clear(); print(c, d2 != c)
r = {}
r["self"] = r
print(r)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError", e)
try:
    for key in d2:
        d2["new" + str(key)] = 1
except RuntimeError as e:
    print("RuntimeError", e)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
print(Missing()["ab"], Missing(a=1)["a"])
print(d2.values().__class__.__name__, repr({}.keys()), repr({1: 2}.items()))
