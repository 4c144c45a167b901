# enumerate, zip, map, filter, reversed are types: isinstance, subclassing, errors.
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate([], start=2)), list(enumerate("x", start=2 ** 70)))
e = enumerate("ab")
print(type(e).__name__, isinstance(e, enumerate), iter(e) is e, next(e), next(e), next(e, "end"))
print(list(zip("abc", [1, 2])), list(zip()), list(zip("ab")), list(zip(*[(1, 2), (3, 4)])), type(zip()).__name__)
for args in [([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2]), ([], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as ex:
        print("ValueError", ex)
print(list(zip([1, 2], [3, 4], strict=True)), list(zip([1], "a", strict=False)))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2, 1])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda v: v % 2, range(7))), list(filter(bool, [0, 2])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
class Rev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(Seq())), list(reversed(Rev())), type(reversed([])).__name__ in ("list_reverseiterator", "reversed"))
class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 100, v
class F(filter): pass
class M(map): pass
print(list(E("ab")), isinstance(E("a"), enumerate), list(F(None, [0, 5])), list(M(str, [1, 2])), type(F(None, [])).__name__)
for bad in [lambda: enumerate(), lambda: enumerate(5), lambda: enumerate([], 1.5), lambda: zip(1), lambda: zip([1], x=1),
            lambda: map(len), lambda: map(len, 5), lambda: filter(None), lambda: filter(None, 3), lambda: reversed(5),
            lambda: reversed({1, 2}), lambda: reversed(), lambda: reversed([], []), lambda: map(), lambda: zip([], strict=True, x=1)]:
    try:
        bad()
        print("no error")
    except TypeError as ex:
        print("TypeError", ex)
m = map(int, ["1", "x", "3"])
print(next(m))
try:
    next(m)
except ValueError as ex:
    print("ValueError", ex)
print(next(m), list(m))
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__())
