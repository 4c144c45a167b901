# __length_hint__ of the built-in iterators, through operator.length_hint.
import operator
print(operator.length_hint(iter([1, 2, 3])), operator.length_hint(iter((1, 2))),
      operator.length_hint(iter(range(5))), operator.length_hint(iter("abc")),
      operator.length_hint(iter("héllo")), operator.length_hint(iter({1: 2})),
      operator.length_hint(reversed([1, 2])), operator.length_hint(iter([]), 7))
it = iter([1, 2, 3])
next(it)
print(it.__length_hint__())
it = iter(range(0, 10, 3))
next(it)
print(it.__length_hint__())
lst = [1, 2]
it = iter(lst)
lst.append(3)
print(it.__length_hint__())
list(it)
print(it.__length_hint__())
lst.append(4)
print(it.__length_hint__())
it = iter((1, 2, 3))
next(it)
print(it.__length_hint__())
it = iter("añb")
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
