# ModuleType subclasses: instances made by calling them, __class__
# assignment on a module (the lazy-attribute idiom of pygments.lexers and
# others), module.__init__ through super(), module repr worked out from
# __spec__/__file__/__loader__ (with __getattr__ taking part), module.__dir__
# and PEP 562 __dir__.
import types, sys
class M(types.ModuleType):
    def __getattr__(self, n): return n*2
    x = 5
m = M('zz')
print(type(m).__name__, m.x, m.ab, isinstance(m, M), isinstance(m, types.ModuleType))
m.__dict__.update({'q': 1}); print(m.q, m.__name__)
print(repr(m))
class N(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
n = N('nn', 3); print(n.extra, n.__name__, repr(n), n.__dict__['extra'])
class P(types.ModuleType):
    @property
    def lazy(self): return "computed"
    def __setattr__(self, k, v):
        print("set", k); super().__setattr__(k, v)
mod = types.ModuleType("plain")
mod.__class__ = P
print(type(mod).__name__, mod.lazy)
mod.y = 3
print(mod.y)
try:
    mod.__class__ = int
except TypeError as e:
    print("TypeError", e)
try:
    mod.__class__ = 3
except TypeError as e:
    print("TypeError", e)
mod.__class__ = types.ModuleType
print(type(mod).__name__)
this = sys.modules[__name__]
class Self(types.ModuleType):
    def __getattr__(self, n): return "dyn-" + n
this.__class__ = Self
import __main__
print(__main__.whatever)
print(M.__mro__)
print(dir(m)[:3])
import math, os, json
print(repr(math), repr(sys))
p = types.ModuleType("pep562")
p.__dict__["__dir__"] = lambda: ["b", "a"]
print(dir(p))
print(len(dir(math)) > 10, "sqrt" in dir(math))
e = types.ModuleType.__new__(types.ModuleType)
print(repr(e), e.__dict__)
print(repr(types.ModuleType("x", "doc")), types.ModuleType("x", "doc").__doc__)
try:
    types.ModuleType()
except TypeError as ex:
    print(ex)
try:
    types.ModuleType(3)
except TypeError as ex:
    print(ex)
class L: pass
mm = types.ModuleType("mm"); mm.__loader__ = L()
print(repr(mm).split(" at ")[0])
mm.__file__ = "/x.py"; print(repr(mm))
from importlib.machinery import ModuleSpec
mm.__spec__ = ModuleSpec("specname", None, origin="here")
print(repr(mm))
mm.__spec__.has_location = True
print(repr(mm))
# The lazy-module idiom: a package replaces itself in sys.modules with an
# instance of a ModuleType subclass whose __getattr__ loads names on demand.
import os, shutil, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, "lazymod.py"), "w") as f:
    f.write("""import sys, types
class _auto(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("L"):
            v = name.lower()
            setattr(self, name, v)
            return v
        raise AttributeError(name)
old = sys.modules[__name__]
new = _auto(__name__)
new.__dict__.update(old.__dict__)
sys.modules[__name__] = new
""")
sys.path.insert(0, d)
import lazymod
print(type(lazymod).__name__, lazymod.Lexer, sys.modules["lazymod"] is lazymod)
from lazymod import Lfoo
print(Lfoo, "Lfoo" in lazymod.__dict__)
try:
    from lazymod import missing
except ImportError as ex:
    print("ImportError", ex.name)
shutil.rmtree(d)
