# the iterator protocol: __iter__/__next__, iter(callable, sentinel), StopIteration.
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)), max(Countdown(5)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"), list(c))
class Reusable:
    def __iter__(self): return iter([1, 2, 3])
r = Reusable()
print(list(r), list(r), 2 in r, sorted(r, reverse=True), dict.fromkeys(r))
it = iter([10, 20, 30])
for v in it:
    print(v, next(it, None))
print(list(iter(iter("ab"))), iter([]).__class__.__name__, iter(()).__class__.__name__, iter("").__class__.__name__)
print(type(iter({})).__name__, type(iter(range(3))).__name__, type(reversed([])).__name__, type(zip()).__name__)
lines = iter(["a", "b", "STOP", "c"])
print(list(iter(lambda: next(lines), "STOP")))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
d = {"a": 1, "b": 2}
ki = iter(d)
print(next(ki), list(ki), list(iter(d.items())), list(enumerate(Countdown(2))))
r = range(3)
ri = iter(r)
print(next(ri), list(ri), list(r), r.index(2), r.count(1), len(range(-5, 5, 2)), list(range(5, -5, -3)))
import itertools
m = map(str, Countdown(3))
print(next(m), list(m), list(zip(Countdown(3), "abcdef")), list(itertools.islice(Countdown(100), 3)))
