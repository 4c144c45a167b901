# List and dict mutations whose implementation builds new arrays or tables
# (lock-free readers, docs/threading.md), the unlocked build of
# comprehensions and displays, and the errors of mutation during
# iteration and sorting.

# list: every kind of move
a = list(range(10))
a[2:5] = ["x", "y"]; print(a)
a[1:1] = [100, 101, 102]; print(a)
a[::2] = [-1] * len(a[::2]); print(a)
del a[::3]; print(a)
del a[1:3]; print(a)
a[-2:] = []; print(a)
a[:] = a; print(a)
a[len(a):] = "ab"; print(a)
a.insert(-100, "first"); a.insert(100, "last"); a.insert(-1, "before last"); print(a)
print(a.pop(3), a.pop(-1), a.pop(0), a)
a.remove("x"); print(a)
try:
    a.remove("nothing")
except ValueError as e:
    print("ValueError", e)
a.reverse(); print(a)
del a[0]; del a[-1]; print(a)
a[0] = 3.5; a[1] = "s"; a[-1] = (1, 2); print(a)
b = [1, 2, 3]
b *= 3; print(b)
b *= 0; print(b, len(b))
c = [5, 3, 1]
c.extend(c); print(c)
c += c[:2]; print(c)
c.sort(); print(c)
c.sort(key=lambda v: -v); print(c)
c.clear(); c.append(1); print(c, len(c))
try:
    [][0]
except IndexError as e:
    print("IndexError", e)
d = [1, 2, 3]
print(d[-1], d[-3], d[2])
for i in (-4, 3):
    try:
        d[i]
    except IndexError as e:
        print("IndexError", e)

# sorting a list that the key function mutates
e = [3, 1, 2]
def meddle(v):
    e.append(v)
    return v
try:
    e.sort(key=meddle)
except ValueError as err:
    print("ValueError", err)
print(sorted(e))
f = [3, 1, 2]
def peek(v):
    print("during sort the list looks like", f)
    return v
f.sort(key=peek); print(f)

# reversed and iteration over changing lists
g = list(range(6))
out = []
for v in reversed(g):
    out.append(v)
    if v == 4:
        g.pop()
print(out)
out = []
for v in g:
    out.append(v)
    if v == 0:
        g.append(99)
print(out, g)

# dict: deletion, reinsertion, popitem order, growth and compaction
h = {}
for i in range(50):
    h["k%d" % i] = i
for i in range(0, 50, 2):
    del h["k%d" % i]
h["k0"] = "back"
print(list(h)[:5], list(h)[-3:], len(h))
print(h.popitem(), h.popitem(), len(h))
h["new"] = 1
print(h.popitem(), list(h)[-2:])
while len(h) > 3:
    h.popitem()
print(h)
h.clear(); print(h, len(h))
h[1] = "a"; h[1.0] = "b"; h[True] = "c"; print(h)
h[2] = 2; h[2] = "two"; h[2] = (2,); print(h)
print(h.copy() == h, h.copy() is h, dict(h))
print(h.setdefault(3, []), h.setdefault(3, "ignored"), h)
print(h.pop(3), h.pop(3, "gone"), h)
hh = dict.fromkeys(range(20))
for k in range(15):
    del hh[k]
print(list(reversed(hh)), list(reversed(hh.items()))[:2])

# mutation during iteration
k = {1: 1, 2: 2}
try:
    for x in k:
        k[x + 10] = 0
except RuntimeError as err:
    print("RuntimeError", err)
k = {1: 1, 2: 2, 3: 3}
try:
    for x in k:
        k.pop(3, None)
        k[4] = 4
except RuntimeError as err:
    print("RuntimeError", err)
print(k)
k = {1: 1, 2: 2}
try:
    for x in reversed(k):
        k.pop(2)
except RuntimeError as err:
    print("RuntimeError", err)

# sets: pop order, comprehension with equal keys
s = set(range(40))
print([s.pop() for _ in range(5)], len(s))
print({1, 1.0, True, 2}, {x % 3 for x in range(10)})

# comprehensions and displays (built without a lock)
print({x % 4: x for x in range(10)})
print({1: "int", 1.0: "float", True: "bool"})
print([x * x for x in range(8) if x % 2])
big = {"a0": 0, "a1": 1, "a2": 2, "a3": 3, "a4": 4, "a5": 5, "a6": 6,
       "a7": 7, "a8": 8, "a9": 9, "a10": 10, "a11": 11, "a12": 12,
       "a13": 13, "a14": 14, "a15": 15, "a16": 16, "a17": 17, "a18": 18,
       "a19": 19, "a1": "again", "a20": 20, "a21": 21, "a22": 22,
       "a23": 23, "a24": 24, "a25": 25, "a26": 26, "a27": 27, "a28": 28,
       "a29": 29, "a30": 30, "a31": 31, "a32": 32, "a33": 33, "a34": 34}  # over 30 items: BUILD_MAP + MAP_ADD
print(len(big), big["a1"], list(big)[-3:])

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 2)
    def __eq__(self, other):
        return isinstance(other, Key) and self.v % 4 == other.v % 4
    def __repr__(self):
        return "Key(%d)" % self.v

print({Key(i): i for i in range(8)})
print({Key(i) for i in range(8)})
print({Key(1): "a", Key(5): "b", Key(3): "c"})
def kw(**kwargs):
    return kwargs
print(kw(b=1, a=2, **{"c": 3}))
