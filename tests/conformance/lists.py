# list operations and methods.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[::3], a[5:1:-1])
a.append(7); a.extend([8, 8]); a.insert(0, 0); a.insert(100, 99); a.insert(-1, -5)
print(a, a.count(8), a.index(4), a.index(1, 3))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.sort(key=lambda v: (v % 3, v)); print(a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a == b, b, len(a))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
print([1, 2] + [3], [0] * 4, [[]] * 2, 3 in [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] == [])
n = [[0] * 3 for _ in range(3)]
n[1][2] = 5
print(n)
m = [1, 2, 3, 4, 5, 6]
m[1:3] = ["a", "b", "c"]; print(m)
m[::2] = [0, 0, 0, 0][:len(m[::2])]; print(m)
del m[0]; del m[::2]; print(m)
m[len(m):] = [10, 11]; print(m)
m[:] = []; print(m)
x = [1, 2, 3]
y = x
x += [4]
x *= 2
print(x, y is x, list(range(5)), list("abc"), list((1, 2)), list({"k": 1}))
print(min([4, 2, 8]), max([4, 2, 8]), sum([1, 2, 3]), sorted([3, 1, 2]), list(reversed([1, 2, 3])))
r = [1, 2, 3]
r.append(r)
print(r, repr([None, True, 1.5, "s", b"b", (1,), {}]))
print([1, 2, 3].__len__(), [5, 6].__getitem__(1), list.__name__, [].__class__.__name__)
for bad in [lambda: [].pop(), lambda: [1][5], lambda: [1].remove(9), lambda: [1].index(9), lambda: [3, "a"].sort()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
