# AttributeError details: the name and obj a failed read carries (and a
# delete does not), the messages of deletes, __slots__ members and
# __dict__, and descriptors applied to objects of the wrong type.
import sys
import types


class A:
    __slots__ = ('s', 'abcd')


class G:
    def __getattr__(self, n):
        raise AttributeError("nope " + n)


class P:
    @property
    def q(self):
        return self.missing


class D:
    abcd = 1


def show(label, f):
    try:
        f()
        print(label, "no error")
    except (AttributeError, TypeError) as e:
        print(label, type(e).__name__, repr(e), getattr(e, 'name', '-'), type(getattr(e, 'obj', None)).__name__)


a = A()
show("slot get", lambda: a.s)
show("slot getattr", lambda: getattr(a, 's'))
show("__getattr__", lambda: G().foo)
show("property body", lambda: P().q)
show("class attr", lambda: A.zz)
show("int attr", lambda: (1).zz)
show("module attr", lambda: sys.nothere)


def del_slot():
    del a.s


def del_missing_instance():
    b = D()
    del b.x


def del_missing_class():
    del D.zz


def del_missing_module():
    del sys.nothere


def set_no_dict():
    object().x = 1


def set_missing_slot():
    a.zz = 1


show("del slot", del_slot)
show("del instance", del_missing_instance)
show("del class", del_missing_class)
show("del module", del_missing_module)
show("set object", set_no_dict)
show("set slots", set_missing_slot)

# descriptors of built-in types applied to an object of another type
cases = [(type, '__name__'), (type, '__qualname__'), (type, '__doc__'),
         (types.FunctionType, '__name__'), (types.FunctionType, '__code__'),
         (types.FunctionType, '__defaults__'), (types.FunctionType, '__globals__'),
         (int, 'real'), (complex, 'imag'), (slice, 'start'), (property, 'fget')]
for owner, name in cases:
    d = owner.__dict__[name]
    for op in ("get", "set", "del"):
        def run():
            if op == "get":
                d.__get__(1.5, float)
            elif op == "set":
                d.__set__(1.5, 1)
            else:
                d.__delete__(1.5)
        show(owner.__name__ + "." + name + " " + op, run)


# __dict__ of instances and modules
class Plain:
    pass


p = Plain()
p.x = 1
del p.__dict__
print(p.__dict__)
p.y = 2
print(p.__dict__)
p.__dict__ = {'z': 3}
print(p.z)
show("set __dict__ int", lambda: setattr(p, '__dict__', 5))
m = types.ModuleType("m")
show("module del __dict__", lambda: delattr(m, '__dict__'))
show("module set __dict__", lambda: setattr(m, '__dict__', {}))


class S:
    __slots__ = ()


show("slots __dict__", lambda: S().__dict__)
