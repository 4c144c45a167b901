# __slots__ names are mangled like other private names; reversed's
# length hint asks the sequence for its length each time.
import operator
from collections.abc import MutableSet


class MySet(MutableSet):
    __slots__ = ['__s', '__d__', 'plain']

    def __init__(self, items=()):
        self.__s = set(items)

    def __contains__(self, v):
        return v in self.__s

    def __iter__(self):
        return iter(self.__s)

    def __len__(self):
        return len(self.__s)

    def add(self, v):
        self.__s.add(v)

    def discard(self, v):
        self.__s.discard(v)


s = MySet([5, 43, 2, 1])
r = s.pop()
print(len(s), r in s, sorted(MySet.__slots__), [k for k in vars(MySet) if 's' in k and not k.startswith('__')])


class _Under:
    __slots__ = ('__x',)


print([k for k in vars(_Under) if 'x' in k])


class SeqWithWeirdLen:
    called = False

    def __len__(self):
        if not self.called:
            self.called = True
            return 10
        raise ZeroDivisionError

    def __getitem__(self, index):
        return index


r = reversed(SeqWithWeirdLen())
try:
    operator.length_hint(r)
except ZeroDivisionError:
    print("ZeroDivisionError")
l = [1, 2, 3, 4]
r = reversed(l)
next(r)
print(operator.length_hint(r))
del l[1:]
print(operator.length_hint(r), list(r))
print(operator.length_hint(r))
