# classes: attributes, methods, class/static methods, repr, instance dicts.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"Animal({self.name!r})"
    @classmethod
    def make(cls, name):
        return cls(name, "hi")
    @staticmethod
    def helper(x):
        return x * 2
a = Animal("cat", "meow")
b = Animal.make("dog")
print(a.speak(), b.speak(), Animal.count, a.kind, Animal.helper(4), a.helper(5))
print(repr(a), str(b), [a, b], a.__dict__, sorted(vars(b)))
a.kind = "pet"
print(a.kind, Animal.kind, b.kind, type(a) is Animal, type(a).__name__, Animal.__name__, Animal.__qualname__)
print(Animal.speak(a), a.speak.__self__ is a, a.speak.__func__ is Animal.speak, Animal.__module__)
m = a.speak
a.sound = "purr"
print(m())
class Empty:
    pass
e = Empty()
e.x = 1
e.y = [2]
print(e.x, e.y, hasattr(e, "z"), getattr(e, "z", "default"), isinstance(e, object))
del e.x
print(hasattr(e, "x"), e.__class__.__name__, Empty.__bases__, Empty.__mro__)
class WithClassAttrs:
    items = []
    def add(self, v):
        self.items.append(v)
w1, w2 = WithClassAttrs(), WithClassAttrs()
w1.add(1); w2.add(2)
print(WithClassAttrs.items)
class Outer:
    class Inner:
        def who(self):
            return type(self).__qualname__
print(Outer.Inner().who(), Outer.Inner.__qualname__)
def method(self):
    return "added " + self.name
Animal.extra = method
print(a.extra())
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, step=1):
        self.n += step
        return self.n
c = Counter()
print(c(), c(5), callable(c), callable(Counter), callable(1))
class Default:
    pass
d = Default()
print(str(d).startswith("<__main__.Default object at 0x"), Default.__doc__, Animal.__init__.__name__)
class Doc:
    "A docstring."
    x: int = 5
    y: str
print(Doc.__doc__, Doc.__annotations__, Doc.x)
print(type(Animal), type(type), isinstance(Animal, type), issubclass(bool, int))
try:
    Animal()
except TypeError as e:
    print("TypeError", e)
try:
    a.missing_method()
except AttributeError as e:
    print("AttributeError", e)
