# Which operator dunders the built-in types define themselves: sequences
# whose + is concatenation have __add__ but no __radd__, mutable ones have
# __iadd__/__imul__ (sets and dicts their in-place |, &, -, ^), float and
# complex only their arithmetic operators.
import array
import collections

ops = ['__add__', '__radd__', '__iadd__', '__mul__', '__rmul__', '__imul__', '__mod__', '__rmod__',
       '__floordiv__', '__rfloordiv__', '__truediv__', '__pow__', '__rpow__', '__divmod__',
       '__sub__', '__rsub__', '__and__', '__rand__', '__or__', '__ror__', '__xor__', '__rxor__',
       '__lshift__', '__rshift__', '__matmul__', '__ior__', '__iand__', '__isub__', '__ixor__']
for t in (str, bytes, bytearray, list, tuple, collections.deque, array.array, dict, set, frozenset,
          int, float, complex, bool, range, memoryview, type(None), collections.OrderedDict,
          collections.Counter, collections.defaultdict):
    print(t.__name__, [n for n in ops if n in t.__dict__])

for expr in ['"a".__radd__("b")', '[1].__radd__([2])', '(1,).__radd__((2,))']:
    try:
        print(eval(expr))
    except AttributeError as e:
        print("AttributeError", e)

l = [1]
print(l.__iadd__([2]) is l, l, l.__imul__(2) is l, l)
s = {1, 2}
print(s.__ior__({3}) is s, s.__iand__({1, 3}), s.__isub__({1}), s.__ixor__({5}))
d = {1: 2}
print(d.__ior__({3: 4}) is d, d)
dq = collections.deque([1])
print(dq.__iadd__([2]) is dq, dq.__imul__(2))
print(l.__iadd__(5) if False else "skip")
try:
    l.__iadd__(5)
except TypeError as e:
    print("TypeError", e)


class R:
    def __rand__(self, other):
        return ("rand", other)

    def __radd__(self, other):
        return ("radd", other)

    def __rfloordiv__(self, other):
        return ("rfloordiv", other)


print(1.5 & R(), "s" + R(), [1] + R(), 1j // R())
for a, b in [(1.5, 1), (1j, 1), (1, 1j), ("a", 1), (R(), "a"), (1.5, 2.5)]:
    for op in ('&', '//', '%', '+', '<<'):
        try:
            r = eval("a %s b" % op)
            print(op, type(r).__name__)
        except TypeError as e:
            print(op, "TypeError", e)


# Argument checks of slot wrappers and object's methods, with CPython's
# wording (sequence repeat and power wrappers start with a space).
class A:
    pass


class B:
    def __new__(cls, *a):
        return object.__new__(cls)


class C:
    def __init__(self, *a):
        pass


calls = ['"a".__sizeof__(1)', '"a".__reduce__(1)', '"a".__reduce_ex__()', '"a".__reduce_ex__(1, 2)',
         '"a".__dir__(1)', 'str.__init_subclass__(1)', 'str.__init_subclass__(x=1)', 'object().__sizeof__(1)',
         'object().__reduce__(1)', 'object().__dir__(1)', '"a".__mul__()', '[].__mul__()', '().__mul__()',
         '"a".__rmul__()', '(1).__mul__()', '(1).__pow__()', '(2).__pow__(3, 5)', '(2).__pow__(3, None)',
         '(2).__pow__(3, 5, 6)', '(2.0).__pow__()', '(2.0).__pow__(3.0, 5)', '(3).__rpow__(2, 5)',
         '[].__imul__()', '[].__iadd__()', 'bytearray().__imul__()', 'object().__getstate__(1)',
         '(1).__sizeof__(1)', '[].__sizeof__(1)', '{}.__sizeof__(1)', '(1.5).__sizeof__(1)',
         'A().__init__(1)', 'A(1)', 'B().__init__(1)', 'C().__init__(1)', 'object.__init__(C(), 1)',
         'object.__init__(A(), 1)', 'object.__init__(B(), 1)', 'object().__init__()']
for c in calls:
    try:
        r = eval(c)
        print(c, "->", r if isinstance(r, (int, type(None))) else type(r).__name__)
    except TypeError as e:
        print(c, "TypeError", e)
