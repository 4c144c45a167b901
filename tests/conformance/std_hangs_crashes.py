# Programs that hung or crashed freepy (found by CPython's test_class,
# test_list, test_set, test_itertools, test_range).
import itertools
import pickle
import threading


# a __call__ that is itself a callable instance: RecursionError, not a
# Go stack overflow
class A:
    pass


A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("RecursionError", e)

# huge repeats fail at once with MemoryError (or OverflowError)
for f in (lambda: [1, 2, 3, 4] * (2**62), lambda: (1,) * (2**62), lambda: [0] * (2**40)):
    try:
        f()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)
x = [1, 2]
x *= 3
print(x, (1, 2) * 3, [1] * 0, [1, 2] * -1, () * (2**62), [] * (2**62))
try:
    x *= 2**62
except MemoryError:
    print("MemoryError", len(x))


# nested frozensets hash in linear time (the hash is cached)
def zf_range(n):
    nums = [frozenset()]
    for i in range(n - 1):
        nums.append(frozenset(nums))
    return nums[:n]


nums = zf_range(40)
print(len({hash(s) for s in nums}), len(set(map(frozenset, itertools.combinations(nums[:12], 3)))))

# tee re-entered from another thread raises instead of waiting for ever
start = threading.Event()
finish = threading.Event()


class I:
    def __iter__(self):
        return self

    def __next__(self):
        start.set()
        finish.wait()
        return 1


a, b = itertools.tee(I())
th = threading.Thread(target=next, args=[a])
th.start()
start.wait()
try:
    next(b)
except RuntimeError as e:
    print("RuntimeError", e)
finish.set()
th.join()
print(next(b))

# range.count/index by arithmetic, big ranges' attributes, pickling
r = range(1, 2**100, 7)
print(r.start, r.stop, r.step, range(3, 9, 2).step)
print(range(10).index(True), range(10).count(True), range(10**20).count(1), range(10**20).count(10**20))
print(range(0, 2**100, 3).index(3 * 2**80), range(2**100, 0, -5).index(2**100 - 10))
print(range(1, 2**100, 2).count(2**87), range(1, 2**100, 2).count(2**87 + 1))
try:
    range(2**100).index(-1)
except ValueError as e:
    print(e)


class Eq(int):
    def __eq__(self, o):
        return True

    __hash__ = int.__hash__


print(range(5).count(Eq(1)), range(5).index(Eq(3)))
for rr in (range(5), range(1, 10, 3), range(2**70, -5, -2**60)):
    print(pickle.loads(pickle.dumps(rr)) == rr, rr.__reduce__())
print(range(2**70) == range(2**70), range(2**70, 0, -1) == range(2**70, 0, -1), range(0) == range(5, 2))
print(range(3, 4) == range(3, 9, 7), range(2**70, 2**70 + 1) == range(2**70, 2**71, 2**70), range(3) != range(4))
# (the hash of an empty or one-item range includes hash(None), which
# varies between CPython runs)
print(hash(range(0)) == hash(range(5, 2)), hash(range(3, 4)) == hash(range(3, 9, 7)))
for rr in (range(1, 10, 3), range(2**70, 2**71, 2**69), range(10, 0, -3)):
    print(hash(rr))
