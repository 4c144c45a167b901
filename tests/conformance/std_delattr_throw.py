# Deleting __class__ or __dict__, and throwing a class whose __new__
# returns a non-exception, raise Python exceptions (freepy had Go panics;
# found by CPython's test_descr and test_generators).
class C:
    pass


try:
    delattr(C(), "__class__")
except TypeError as e:
    print("TypeError", e)
a = C()
a.x = 1
del a.__dict__
print(a.__dict__, hasattr(a, "x"))
a.y = 2
print(a.__dict__)


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


def boring():
    yield


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("TypeError", e)
print(next(g, "exhausted"))


def catching():
    try:
        yield
    except TypeError as e:
        print("inside:", e)
        yield "caught"


g = catching()
next(g)
print(g.throw(E))

try:
    raise E
except TypeError as e:
    print(e)
