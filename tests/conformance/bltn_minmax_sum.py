# min/max/sum/all/any: keys, defaults, errors.
print(min(3, 1, 2), max(3, 1, 2), min([5, 2, 8]), max("hello"), min((), default=None), max([], default=0))
print(min([1, -3, 2], key=abs), max(["aa", "b", "ccc"], key=len), max([1, 1.0]), min([1.0, 1]), max(2, 2.5, key=None))
print(max([(1, "b"), (1, "a")]), min(iter([4, 5, 1])), max({3: 1, 7: 2}), min("zyx", key=ord))
def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: min())
err(lambda: max(1))
err(lambda: min([]))
err(lambda: max([], key=len))
err(lambda: min(1, 2, default=3))
err(lambda: min([1], foo=1))
err(lambda: max([1, "a"]))
print(sum([1, 2, 3]), sum([1, 2.5]), sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum(range(10), 100), sum([[1], [2, 3]], []))
print(sum([2 ** 64, 2 ** 64]), sum([True, True, 3]), sum([1j, 2]), sum((x * x for x in range(5))), sum([], start=7.5))
err(lambda: sum(["a", "b"], ""))
err(lambda: sum([b"a"], b""))
err(lambda: sum([bytearray(b"a")], bytearray()))
err(lambda: sum(5))
err(lambda: sum([1, "a"]))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, ""]), any(iter([0, 3])), all(x > 0 for x in [1, 2, -1]))
err(lambda: all(3))
err(lambda: any())
class Big:
    def __lt__(self, o): return False
    def __gt__(self, o): return True
    def __repr__(self): return "Big"
print(max([1, Big(), 2]), min([Big(), 1]))
