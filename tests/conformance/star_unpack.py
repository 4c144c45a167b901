# starred assignment, unpacking in calls and displays.
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(6)
h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
(j, *k), l = [1, 2, 3], 4
print(j, k, l)
for first, *rest in [(1, 2, 3), (4,), "ab"]:
    print(first, rest)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *(4, 5), *{"k": 0}], (*[1], 2), {*[1, 1], 2}, {**{"a": 1}, "b": 2, **dict(c=3)})
def f(*args, **kwargs): return args, kwargs
print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}, **{"z": 3}))
first, second, *_ = "abcde"
print(first, second, _)
x, y = y, x = 1, 2
print(x, y)
p = q = [0]
p += [1]
print(q)
m, n = "ab"
o, = [99]
print(m, n, o)
[r, s] = 5, 6
(t, u) = [7, 8]
print(r, s, t, u)
d = {}
d["a"], d["b"] = 1, 2
lst = [0, 0, 0]
lst[0], lst[2] = "x", "z"
print(d, lst)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
try:
    v, w = 1
except TypeError as e:
    print("TypeError", e)
def gen():
    yield from (1, 2, 3)
u1, *u2 = gen()
print(u1, u2)
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
