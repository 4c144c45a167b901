# metaclasses: __new__/__init__/__call__/__prepare__, type() with 3 args.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.registered = True
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("Meta.__prepare__", name)
        return {"injected": 1}
class Base(metaclass=Meta, flag=True):
    def method(self): pass
    def __init__(self, v=0): self.v = v
class Child(Base):
    extra = 2
c = Child(5)
print(c.v, Child.registered, Child.injected, type(Child).__name__, isinstance(Child, Meta))
Dyn = type("Dyn", (Base,), {"z": 26, "get": lambda self: self.z})
print(Dyn().get(), Dyn.__name__, Dyn.__mro__[1].__name__, type(Dyn).__name__)
Plain = type("Plain", (), {})
print(Plain.__name__, Plain.__bases__, type(3) is int, type("s").__name__)
class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")
print(Config() is Config())
class OrderedMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.fields = [k for k in ns if not k.startswith("_")]
        return cls
class Rec(metaclass=OrderedMeta):
    b = 1
    a = 2
    def c(self): pass
print(Rec.fields)
class MetaAttr(type):
    def describe(cls): return "described " + cls.__name__
    @property
    def upper_name(cls): return cls.__name__.upper()
class UsesAttr(metaclass=MetaAttr): pass
print(UsesAttr.describe(), UsesAttr.upper_name, hasattr(UsesAttr(), "describe"))
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class AB(A1, A2): pass
except TypeError as e:
    print("TypeError", e)
