# Differential test of the C-API calls freepy answers in C (fastpaths.c).
import math
import threading

import fastpaths as f

# C-born dicts: built, returned, grown past the C limit
for n in (0, 1, 4, 5, 16, 17, 40):
    d = f.build_dict(n)
    print(n, type(d).__name__, len(d), list(d.items())[:3], d == {i: "v%d" % i for i in range(n)})

print(f.dict_ops())

d = f.self_dict()
print(list(d), d["self"] is d)

# a dict C keeps, shown to Python, then changed by C and by Python
f.kept_reset()
print(f.kept_add("a", 1), f.kept_add(2, "two"), f.kept_add("a", 3))
k = f.kept_dict()
print(sorted(map(str, k.items())))
print(f.kept_add("later", [1]), k.get("later"), f.kept_get("a"), f.kept_get("missing"))
k["py"] = 4
print(f.kept_get("py"), f.kept_dict() is k, len(k))
f.kept_reset()

# a dict C keeps and several threads fill at once
f.kept_reset()
f.kept_dict()
def fill(base):
    for i in range(200):
        f.kept_add(base + i, i)
ts = [threading.Thread(target=fill, args=(1000 * j,)) for j in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
k = f.kept_dict()
print(len(k), sum(k.values()), all(k[1000 * j + i] == i for j in range(4) for i in range(200)))
f.kept_reset()

print(f.kwargs(1, "x", a=1, b=[2]))
print(f.kwargs())

# Py_BuildValue: every level read once, errors, 'N' released on failure
for v in f.buildvalues():
    print(repr(v))

# a C-born dict's keys of different str kinds that are equal: one key
for order in ["al", "la", "alb", "lab", "bla", "bal", "ab", "lb", "all"]:
    d = f.kinds_dict(order)
    print(order, len(d), sorted(d.items()), d["a"])

# arithmetic: small ints, results beyond 64 bits, floats, mixed, other types
for a, b in [(3, 4), (-7, 2), (2**40, 2**40), (2**59, 2**59), (2**62, 2**62), (-2**62, 2**62),
             (3 * 2**31, 5 * 2**31), (2**100, 1), (1.5, 2), (2, 0.25), (-0.0, 0.0), (1e308, 1e308),
             (True, 1), (1, False), (2**53 + 1, 0.5), ("a", "b"), ([1], [2])]:
    try:
        r = f.arith(a, b)
    except TypeError as e:
        r = "TypeError: %s" % e
    print(repr(a)[:20], repr(b)[:20], r)
try:
    f.arith(1, "x")
except TypeError as e:
    print("TypeError:", e)
x = float("nan")
print([math.isnan(v) for v in f.arith(x, 1)])

# subtype checks
class A: pass
class B(A): pass
class C: pass
class D(B, C): pass
class MyInt(int): pass
class MyErr(FileNotFoundError): pass
pairs = [(int, int), (bool, int), (int, bool), (bool, object), (int, float), (float, int),
         (MyInt, int), (int, MyInt), (D, A), (D, C), (C, D), (B, C), (KeyError, LookupError),
         (KeyError, Exception), (KeyError, ValueError), (FileNotFoundError, OSError), (MyErr, OSError),
         (OSError, MyErr), (type, object), (bytearray, bytes), (dict, object), (list, tuple)]
print([f.issub(a, b) for a, b in pairs])
for v in (1, 1.5, True, 2j, bytearray(b"x"), math, OSError(), FileNotFoundError(), MyInt(3), "s", None):
    print(type(v).__name__, f.checks(v))

# list mirrors read through macros, with the list changed between calls
lst = [1, 2.5, -0.0, None, True, "s"]
for step in range(4):
    print(f.list_items(lst))
    if step == 0:
        lst[1] = 2.5
        lst[2] = 0.0
    elif step == 1:
        lst[0] = 2**40
        lst.append(float("inf"))
    elif step == 2:
        lst[5] = "t"
for _ in range(1000):
    f.list_items(lst)
print(f.list_items(lst))

# every kind of mutation between two crossings shows in the mirror,
# including those that move no items (a same-type replacement, an append
# within the capacity, a pop and an append of another value)
lst = list(range(6))
muts = [
    lambda l: l.__setitem__(0, 100),
    lambda l: l.__setitem__(-1, 7),
    lambda l: l.append(8),
    lambda l: (l.pop(), l.append(9)),
    lambda l: l.__setitem__(2, 2.5),
    lambda l: l.__setitem__(2, 3.5),
    lambda l: l.insert(1, "x"),
    lambda l: l.remove("x"),
    lambda l: l.reverse(),
    lambda l: l.sort(),
    lambda l: l.extend([11, 12]),
    lambda l: l.__delitem__(0),
    lambda l: l.__setitem__(slice(0, 2), [20, 21, 22]),
    lambda l: l.__iadd__([30]),
    lambda l: l.__imul__(2),
    lambda l: l.clear(),
    lambda l: l.append(40),
]
for m in muts:
    before = f.list_items(lst)
    again = f.list_items(lst)
    m(lst)
    print(before == again, f.list_items(lst))

print(f.parse(1, 2, 3), f.parse(-5, 0.5, 2**40))
for bad in [(1.5, 2, 3), ("x", 2, 3), (1, "y", 3), (MyInt(2), 2, 3)]:
    try:
        print(f.parse(*bad))
    except TypeError as e:
        print("TypeError:", e)

class MyFloat(float):
    pass

for args in [(1, 2, None, 1.5), (-2**59, 2**59, "s", -0.0), (2**61, -2**61, [], 2.0), (True, False, 1, MyFloat(2.5)),
             (1, 2, 3, 4), (1, 2, 3), (1, 2, 3, 4.0, 5), (2**64, 1, 1, 1.0), (1.0, 1, 1, 1.0), (1, 1, 1, "x")]:
    try:
        print(f.parse4(*args))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

# small tuples made and dropped in C, and returned to Python and dropped
# there, again and again (their memory is reused)
for n in (1, 3, 50):
    print(f.tuples(n))
for i in range(200):
    got = f.parse(i, 0.25, i)
    assert got == (i, 0.25, i), got
print([f.tuples(2)[k] for k in (0, 3)], f.parse(7, 1.5, 8))
