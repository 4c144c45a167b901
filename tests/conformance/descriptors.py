# descriptor protocol: data vs non-data, __set_name__, lookup precedence.
class Verbose:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        print("set", self.name, value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return f"nondata via {objtype.__name__} obj={obj is not None}"
class Thing:
    a = Verbose()
    b = NonData()
t = Thing()
print(t.a)
t.a = 5
print(t.a, t.__dict__)
del t.a
print(t.a, isinstance(Thing.a, Verbose), Thing.b, t.b)
t.__dict__["b"] = "instance wins over non-data"
t.__dict__["a"] = "ignored: data descriptor wins"
print(t.b, t.a)
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, objtype=None):
        return obj.__dict__[self.name] if obj else self
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
class Person:
    age = Typed(int)
    name = Typed(str)
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("Ann", 30)
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError", e)
def plain(self): return "bound " + type(self).__name__
class HasFunc:
    f = plain
h = HasFunc()
print(h.f(), plain.__get__(h)(), type(plain.__get__(h)).__name__, HasFunc.__dict__["f"] is plain)
class CM:
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(): return "static"
print(CM.__dict__["c"].__get__(None, CM)(), CM.__dict__["s"].__get__(None, CM)(), type(CM.__dict__["s"]).__name__)
class Lazy:
    def __init__(self, fn): self.fn = fn
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        return v
class Calc:
    calls = 0
    @Lazy
    def heavy(self):
        Calc.calls += 1
        return 99
k = Calc()
print(k.heavy, k.heavy, Calc.calls)
