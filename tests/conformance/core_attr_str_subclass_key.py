# An attribute stored in a __dict__ under a str-subclass key equal to its
# name (a str subclass keeps str's hash and __eq__) is found by attribute
# access, getattr, hasattr, method calls, global and class lookups, as a
# str key would be; a store or delete by the plain name reaches that entry.
class S(str):
    pass


class C:
    def m(self):
        return 'class m'


def read_x(o):
    return o.x


o = C()
o.__dict__[S('x')] = 1
print(o.x, getattr(o, 'x'), hasattr(o, 'x'), getattr(o, 'x', None))
print([read_x(o) for _ in range(3)])
o2 = C()
o2.x = 'plain'
print([read_x(p) for p in (o, o2, o, o2)])

# an instance attribute shadows the class's method (LOAD_METHOD)
print(o.m())
o.__dict__[S('m')] = lambda: 'instance m'
print(o.m(), [o.m() for _ in range(2)])

# a store by the plain name updates the entry and keeps its key
o.x = 2
print(o.x, [type(k).__name__ for k in o.__dict__], len(o.__dict__))
del o.x
print(hasattr(o, 'x'), len(o.__dict__))
try:
    o.x
except AttributeError as e:
    print('AttributeError', e)


# the key in the dict first, the attribute's other entries after
class P:
    def __init__(self):
        self.__dict__[S('a')] = 'a'
        self.b = 'b'


ps = [P() for _ in range(4)]
print([(p.a, p.b) for p in ps])

# a global and a builtin-shadowing global under a str-subclass key
globals()[S('gv')] = 'global value'
print(gv)
globals()[S('len')] = lambda x: 'shadowed len'
print(len([1, 2]))
del globals()['len']
print(len([1, 2]))

# a class whose namespace has a str-subclass key
T = type('T', (), {S('ca'): 'class attr', S('meth'): lambda self: 'meth'})
print(T.ca, T().ca, T().meth(), getattr(T, 'ca'))

# a module attribute
import types
mod = types.ModuleType('mod')
mod.__dict__[S('mv')] = 'module value'
print(mod.mv, getattr(mod, 'mv'))

# a str subclass that is not equal (different text) is still not found
o3 = C()
o3.__dict__[S('y')] = 1
print(hasattr(o3, 'x'), o3.y)
