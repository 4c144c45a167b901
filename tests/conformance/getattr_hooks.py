# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__, module __getattr__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append("getattr " + name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append("setattr " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append("delattr " + name)
        delattr(self._target, name)
class T: pass
t = T()
p = Proxy(t)
p.x = 5
print(p.x, t.x, "x" in p.__dict__)
del p.x
print(hasattr(t, "x"), p.log)
class Every:
    def __getattribute__(self, name):
        if name.startswith("magic"):
            return "magic:" + name
        return object.__getattribute__(self, name)
    def real(self): return "real"
e = Every()
print(e.magic_a, e.real(), getattr(e, "magicB"))
try:
    e.nothing
except AttributeError as ex:
    print("AttributeError", ex)
class Fallback:
    x = 1
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom not here")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return "fallback " + name
f = Fallback()
print(f.x, f.boom, f.other)
class Dyn:
    def __dir__(self): return ["b", "a", "c"]
print(dir(Dyn()))
class Plain:
    cls_attr = 1
    def __init__(self): self.inst = 2
    def meth(self): pass
print([n for n in dir(Plain()) if not n.startswith("__")])
print(getattr(Plain(), "inst"), getattr(Plain, "cls_attr"), getattr(Plain(), "nope", None))
obj = Plain()
setattr(obj, "new", 3); print(obj.new, vars(obj))
delattr(obj, "new"); print(vars(obj))
try:
    delattr(obj, "nope")
except AttributeError as ex:
    print("AttributeError", ex)
import types
mod = types.ModuleType("virtual")
def mod_getattr(name):
    if name == "answer":
        return 42
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
mod.__getattr__ = mod_getattr
print(mod.answer, getattr(mod, "other", "dflt"))
class RaisesOther:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(RaisesOther(), "x")
except KeyError as ex:
    print("KeyError propagates from hasattr", ex)
class Recursive:
    def __getattr__(self, name):
        if name == "a": return self.b
        if name == "b": return "b value"
        raise AttributeError(name)
print(Recursive().a)
