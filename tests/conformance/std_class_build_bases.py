class Meta(int):
    def __init__(*args, **kwargs):
        pass
    def __new__(cls, name, bases, attrs, **kwargs):
        return bases, kwargs
d = {'metaclass': Meta}
class A(**d): pass
print(A)
class A(0, 1, 2, 3, **d): pass
print(A)
print(A)
def fn(name, bases, ns):
    return name, bases, sorted(k for k in ns if not k.startswith('__'))
class B(1, 2.5, metaclass=fn):
    z = 1
print(B)
try:
    class C(1): pass
except TypeError as e:
    print("TE", e)
try:
    class C(object, 1): pass
except TypeError as e:
    print("TE", e)
class BadMeta(type):
    @classmethod
    def __prepare__(*args):
        return None
try:
    class Foo(metaclass=BadMeta): pass
except TypeError as e:
    print("TE", e)
class BadMeta2:
    @classmethod
    def __prepare__(*args):
        return 42
try:
    class Bar(metaclass=BadMeta2()): pass
except TypeError as e:
    print("TE", e)
class M(type):
    pass
class N(type, metaclass=M):
    pass
for f in (lambda: M(5), lambda: N(5), lambda: type(5, 6), lambda: M(5, 6), lambda: type.__new__(type, 5), lambda: type(5, x=1)):
    try:
        print(f())
    except TypeError as e:
        print("TE", e)
print(type(5), type(name='x') if False else 'ok')
def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
    __lt__ = property(booh)
e = E()
print(E() == E(), e == e, e != e)
try:
    E() < E()
except TypeError as x:
    print("TE", x)
class G:
    __eq__ = staticmethod(lambda b: "static")
print(G() == 1)
