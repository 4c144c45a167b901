# sum() keeps an int64 or float total unboxed and falls back to the
# general addition when an item or the total leaves that range; big ints
# plus small ones take a one-allocation path (interp/py/int.go,
# bigAddSub); built-ins iterate dicts and their views without an
# iterator object (Iterate, iterateDict). Values, types and errors must
# match CPython.
import fractions


class I(int):
    pass


class F(float):
    pass


print(sum([1, 2, 3]), sum([]), sum([], 5), sum([1.5, 2]), sum([2, 1.5, 3]))
print(sum([True, True, 3]), sum([True, False]), type(sum([True, False])))
print(sum([2**62, 2**62, 2**62, -2**63, -2**63]), sum([-2**63, -1]))
print(sum([1, 2**70, -2**70]), type(sum([1, 2**70, -2**70])))
print(sum([2**63 - 1, 1]), sum([-2**63, 0]), sum([-2**63 + 1, -1, -1]))
print(sum([0.1] * 10), sum([1e308, 1e308]), sum([1, 2.5, 2**80]))
print(sum([-0.0]), sum([-0.0], -0.0), sum([float("nan"), 1.0]), sum([1.0, float("inf")]))
print(sum([1.0, 2, 3.5, True, 2**70]))
print(sum(range(10**5)), sum(range(-5, 5)), sum(range(0, 3 * 10**18, 10**18)))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(type(sum([I(1), I(2)])), type(sum([1], I(2))), sum([I(5), 1]))
print(type(sum([F(1.5), 2.0])), sum([1.0, F(2.5)]))
print(sum([1, fractions.Fraction(1, 3), 2]), sum([0.5, fractions.Fraction(1, 2)]))
print(sum([1, 2], 1.5), sum([1.5, 2**64]), sum([2**64, 1.5]))
for bad in (["a"], [1, "a"], [1.0, None]):
    try:
        sum(bad)
    except TypeError as e:
        print("TypeError", e)
for start in ("", b"", bytearray()):
    try:
        sum([], start)
    except TypeError as e:
        print("TypeError", e)

# dicts, views and sets consumed by built-ins
d = {i: i * i for i in range(50)}
d["x"] = 3
del d[7]
print(sum(v for v in d.values()), sum(d.values()), len(list(d)), list(d)[:5])
print(sorted(d.items())[:3] if False else list(d.items())[:3], tuple(d.keys())[-2:])
print(max(d.values()), min(k for k in d if isinstance(k, int)), sorted({3, 1, 2}))
print(sum({5, 6, 7}), sum(frozenset([7, 8])), list(dict.fromkeys("abcab")))
print(",".join({"a": 1, "b": 2}), ",".join({"a": 1, "b": 2}.keys()))
print(any(v > 2000 for v in d.values()), all(d.values()), list(enumerate({"p": 1})))


class D(dict):
    def __iter__(self):
        return iter(["overridden"])


print(list(D(a=1)), list(D(a=1).keys()), list(D(a=1).values()))

e = {1: 1, 2: 2}


def grow(v):
    e[v + 10] = v
    return v


try:
    sum(map(grow, e))
except RuntimeError as err:
    print("RuntimeError", err)
s = {1, 2, 3}
try:
    list(map(s.add, s))
except RuntimeError as err:
    print("RuntimeError", err)
f = {1: 1, 2: 2}
try:
    list(map(lambda k: f.pop(k), f))
except RuntimeError as err:
    print("RuntimeError", err)

# big ints plus small ones, around the int64 and word boundaries
vals = [0, 1, -1, 255, 256, 2**31, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
        2**64 - 1, 2**64, -2**64, 2**127, 2**128 - 1, -2**128, 2**200 + 5, -3**150]
acc = 0
for a in vals:
    for b in vals:
        r = (a + b, a - b, b - a)
        acc ^= hash(r)
        t = a
        t += b
        t -= 3
        assert t == a + b - 3
        if type(a + b) is not int:
            print("not int", a, b)
print(acc, [v + 1 for v in vals[-6:]], [v - 1 for v in vals[-6:]])
total = 10**19
for i in range(1000):
    total += i % 7
    total -= 1
print(total)

# lists consumed by built-ins read an item at a time: items appended or
# removed during the iteration are seen as a list iterator sees them
grow_list = [1, 2, 3]


def grow_item(v):
    if len(grow_list) < 8:
        grow_list.append(v * 10)
    return v


print(sum(map(grow_item, grow_list)), grow_list)
shrink_list = [1, 2, 3, 4, 5, 6]


def shrink_item(v):
    shrink_list.pop()
    return v


print(list(map(shrink_item, shrink_list)), shrink_list)
print(sum([]), max([3, 1, 2]), sorted([3, 1, 2]), tuple([1, 2]), set([1, 1]), ",".join(["a", "b"]))
print(any([0, 0, 1]), all([1, 1, 0]), dict([(1, 2), (3, 4)]), list(zip([1, 2], [3, 4])))
it_list = [1, 2, 3]
print(next(x for x in it_list if x > 1), min(it_list, key=lambda v: -v))
seen = []
key_list = [5, 3, 8]


def key_grow(v):
    seen.append(v)
    if len(key_list) < 6:
        key_list.append(v + 1)
    return v


print(max(key_list, key=key_grow), seen, key_list)
seen.clear()


def key_shrink(v):
    seen.append(v)
    key_list.pop()
    return -v


print(min(key_list, key=key_shrink), seen, key_list)
