# property: getter/setter/deleter, docs, read-only errors, inheritance.
class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self):
        "Temperature in C."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(t.celsius)
class Old:
    def get_x(self): return self._x * 2
    def set_x(self, v): self._x = v
    x = property(get_x, set_x, None, "x doc")
o = Old(); o.x = 4
print(o.x, Old.x.__doc__, Old.x.fget is Old.get_x, Old.x.fdel)
class Base:
    @property
    def name(self): return "base"
class Sub(Base):
    @Base.name.getter
    def name(self): return "sub"
print(Sub().name, Base().name)
class NoDel:
    @property
    def v(self): return 1
try:
    del NoDel().v
except AttributeError as e:
    print("AttributeError", e)
class Computed:
    def __init__(self, items): self.items = items
    @property
    def total(self): return sum(self.items)
c = Computed([1, 2])
c.items.append(3)
print(c.total)
