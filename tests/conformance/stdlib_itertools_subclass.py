# Subclasses of the built-in and itertools iterators: instances have a
# __dict__, and a subclass with its own __init__ may take keywords that the
# base type's constructor refuses.
import operator
from itertools import *
def isEven(x): return x % 2 == 0
testcases = [
    (repeat, (1, 2), [1, 1]), (zip, ([1, 2], 'ab'), [(1, 'a'), (2, 'b')]), (filter, (None, [0, 1]), [1]),
    (filterfalse, (None, [0, 1]), [0]), (chain, ([1, 2], [3, 4]), [1, 2, 3]), (map, (str, [1, 2]), ['1', '2']),
    (starmap, (operator.pow, ((2, 3), (3, 2))), [8, 9]), (islice, ([1, 2, 3, 4], 1, 3), [2, 3]),
    (takewhile, (isEven, [2, 3, 4]), [2]), (dropwhile, (isEven, [2, 3, 4]), [3, 4]), (cycle, ([1, 2],), [1, 2, 1]),
    (compress, ('ABC', [1, 0, 1]), ['A', 'C']),
]
for cls, args, result in testcases:
    class subclass(cls):
        pass
    u = subclass(*args)
    print(cls.__name__, type(u) is subclass, list(islice(u, 0, 3)) == result)
    try:
        subclass(*args, newarg=3)
        print("no error")
    except TypeError as e:
        print("TypeError", e)
    if cls in [repeat, zip, compress]:
        continue
    class subclass_with_init(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
    try:
        u = subclass_with_init(*args, newarg=3)
        print(type(u) is subclass_with_init, list(islice(u, 0, 3)) == result, u.newarg, u.__dict__)
    except Exception as e:
        print(type(e).__name__, e)

class C(chain):
    pass
c = C("ab", "c")
c.x = 1
print(list(c), c.x, type(c).__name__)
import pickle
c = C("ab", "c")
next(c)
d = pickle.loads(pickle.dumps(c))
print(type(d).__name__, list(d))
