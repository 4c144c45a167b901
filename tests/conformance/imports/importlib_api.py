# importlib's public API over freepy's native importer: import_module,
# specs and loaders, find_spec, loading a file as a module, reload,
# invalidate_caches, resources, and custom finders and hooks.
import os
import sys
import tempfile

import importlib
import importlib.abc
import importlib.machinery
import importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))


def show_error(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print("  no error")


print("-- import_module")
a = importlib.import_module("ilpkg.mod_a")
print(a.__name__, a.VALUE, a.__package__)
b = importlib.import_module(".mod_b", "ilpkg")
print(b.__name__, b.describe())
print(importlib.import_module("..mod_a", "ilpkg.sub") is a)
print(importlib.import_module("ilpkg") is sys.modules["ilpkg"])
show_error(importlib.import_module, ".mod_a")
show_error(importlib.import_module, "no_such_module_xyz")
show_error(importlib.import_module, "ilpkg.no_such_sub")
show_error(importlib.import_module, "...x", "ilpkg")
show_error(importlib.import_module, "")
show_error(importlib.import_module, "ilpkg.mod_a.x")

print("-- __spec__ and __loader__")
spec = a.__spec__
print(type(spec).__name__, isinstance(spec, importlib.machinery.ModuleSpec))
print(spec.name, spec.parent, spec.origin == a.__file__, spec.has_location, spec.submodule_search_locations)
pkg = sys.modules["ilpkg"]
print(pkg.__spec__.parent, pkg.__spec__.submodule_search_locations == pkg.__path__, pkg.__spec__.origin.endswith("__init__.py"))
print(type(a.__loader__).__name__, a.__loader__ is spec.loader, a.__loader__.name)
print(isinstance(a.__loader__, importlib.abc.Loader), a.__loader__.is_package("ilpkg.mod_a"), pkg.__loader__.is_package("ilpkg"))
print(repr(a.__loader__.get_source("ilpkg.mod_a").splitlines()[0]))
print(a.__loader__.get_filename("ilpkg.mod_a") == a.__file__)
import math
print(math.__spec__.name, math.__spec__.origin, math.__loader__ is importlib.machinery.BuiltinImporter)
# encodings was imported before importlib: it has a real spec too
import encodings
print(isinstance(encodings.__spec__, importlib.machinery.ModuleSpec), type(encodings.__loader__).__name__, encodings.__spec__.origin == encodings.__file__)
print(importlib.machinery.PathFinder in sys.meta_path, importlib.machinery.BuiltinImporter in sys.meta_path)
print(sys.meta_path.index(importlib.machinery.BuiltinImporter) < sys.meta_path.index(importlib.machinery.PathFinder))
print(all(callable(h) for h in sys.path_hooks))
print(".py" in importlib.machinery.SOURCE_SUFFIXES, all(s.endswith(".so") for s in importlib.machinery.EXTENSION_SUFFIXES))
print(importlib.machinery.all_suffixes()[0])

print("-- find_spec")
s = importlib.util.find_spec("ilpkg.mod_b")
print(s.name, s.origin.endswith("mod_b.py"), type(s.loader).__name__, s is b.__spec__)
print(importlib.util.find_spec("no_such_module_xyz"))
print(importlib.util.find_spec("math").origin, importlib.util.find_spec("sys").origin)
s = importlib.util.find_spec("ilpkg.sub")
print(s.name, s.submodule_search_locations is not None, s.parent)
print(importlib.util.find_spec(".mod_a", "ilpkg").name)
s = importlib.util.find_spec("colorsys")
print(s.name, s.origin.endswith("colorsys.py"), "colorsys" in sys.modules)
show_error(importlib.util.find_spec, "no_such_pkg_xyz.child")
print(importlib.util.resolve_name(".x", "a.b"), importlib.util.resolve_name("..x", "a.b"))

print("-- loading a file as a module")
path = os.path.join(HERE, "_plugin_src.py")
spec = importlib.util.spec_from_file_location("my_plugin", path)
print(spec.name, spec.origin == path, type(spec.loader).__name__, spec.submodule_search_locations)
mod = importlib.util.module_from_spec(spec)
print(type(mod).__name__, mod.__name__, mod.__spec__ is spec, mod.__file__ == path, hasattr(mod, "greet"))
sys.modules["my_plugin"] = mod
spec.loader.exec_module(mod)
print(mod.greet("you"), mod.LOADED_AS, "my_plugin" in sys.modules)
import my_plugin
print(my_plugin is mod)
conf = os.path.join(HERE, "_config_src.conf")
loader = importlib.machinery.SourceFileLoader("conf_mod", conf)
spec = importlib.util.spec_from_loader("conf_mod", loader)
conf_mod = importlib.util.module_from_spec(spec)
loader.exec_module(conf_mod)
print(conf_mod.SETTING, conf_mod.__name__)
spec = importlib.util.spec_from_file_location("conf2", conf, loader=importlib.machinery.SourceFileLoader("conf2", conf))
m2 = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m2)
print(m2.SETTING, m2.__file__ == conf)
print(importlib.util.spec_from_file_location("x", os.path.join(HERE, "nothing.txt")))

print("-- reload and invalidate_caches")
tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)


def write(name, text):
    with open(os.path.join(tmp, name), "w") as f:
        f.write(text)


write("reload_me.py", "VALUE = 1\nCOUNT = globals().get('COUNT', 0) + 1\n")
import reload_me
print(reload_me.VALUE, reload_me.COUNT)
reload_me.extra = "kept"
write("reload_me.py", "VALUE = 222\nCOUNT = globals().get('COUNT', 0) + 1\n")
importlib.invalidate_caches()
r = importlib.reload(reload_me)
print(r is reload_me, reload_me.VALUE, reload_me.COUNT, reload_me.extra)
show_error(importlib.reload, "reload_me")
fake = type(sys)("not_in_modules")
show_error(importlib.reload, fake)
write("created_later.py", "X = 'created after start'\n")
importlib.invalidate_caches()
import created_later
print(created_later.X)
os.mkdir(os.path.join(tmp, "later_pkg"))
write(os.path.join("later_pkg", "__init__.py"), "P = 'pkg'\n")
write(os.path.join("later_pkg", "leaf.py"), "from . import P\nL = P + '.leaf'\n")
importlib.invalidate_caches()
print(importlib.import_module("later_pkg.leaf").L)
import later_pkg
print(importlib.reload(later_pkg).P)

print("-- resources")
from importlib import resources
files = resources.files("ilpkg")
print(files.joinpath("data.txt").read_text().splitlines())
print((files / "data.txt").is_file(), (files / "sub").is_dir(), (files / "missing.txt").exists())
print((files / "data.txt").read_bytes()[:5])
print(sorted(p.name for p in files.iterdir() if p.name.endswith((".py", ".txt"))))
print(resources.files(a.__spec__.parent).joinpath("mod_a.py").read_text().splitlines()[0])
with resources.as_file(files / "data.txt") as p:
    print(os.path.basename(p), os.path.exists(p))
show_error(resources.files, "ilpkg.mod_a")

print("-- custom meta path finders")
calls = []


class Tracer:
    def find_spec(self, name, path, target=None):
        calls.append(name)
        return None


class VirtualLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.ORIGIN = "virtual:" + module.__name__
        if module.__spec__.submodule_search_locations is not None:
            module.IS_PKG = True


class VirtualFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] not in ("virtual_mod", "virtual_pkg"):
            return None
        is_pkg = name == "virtual_pkg"
        return importlib.util.spec_from_loader(name, VirtualLoader(), is_package=is_pkg)


tracer = Tracer()
sys.meta_path.insert(0, tracer)
import colorsys
print("colorsys" in calls, calls.count("colorsys"))
sys.meta_path.remove(tracer)
late = Tracer()
sys.meta_path.append(late)
import sched
print("sched" in calls, calls.count("sched"))
sys.meta_path.append(VirtualFinder())
import virtual_mod
print(virtual_mod.ORIGIN, type(virtual_mod.__loader__).__name__, virtual_mod.__spec__.origin)
import virtual_pkg.child
print(virtual_pkg.ORIGIN, virtual_pkg.IS_PKG, virtual_pkg.child.ORIGIN, virtual_pkg.child.__package__)
from virtual_pkg import other
print(other.ORIGIN, "virtual_mod" in calls, "virtual_pkg.other" in calls)
print(importlib.import_module("virtual_pkg.third").ORIGIN)
print(importlib.util.find_spec("virtual_mod") is virtual_mod.__spec__)


class Broken:
    def find_spec(self, name, path, target=None):
        if name == "broken_mod":
            raise RuntimeError("finder failed for " + name)


sys.meta_path.append(Broken())
show_error(importlib.import_module, "broken_mod")
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name, "no_such_module_abc" in calls)
saved = sys.meta_path[:]
sys.meta_path = [f for f in sys.meta_path if f is not importlib.machinery.PathFinder]
try:
    import fractions
except ModuleNotFoundError as e:
    print("without PathFinder:", e)
sys.meta_path = saved
import fractions
print(fractions.Fraction(1, 3))
sys.modules["blocked_mod"] = None
show_error(importlib.import_module, "blocked_mod")
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)

print("-- path hooks")


class PathEntryFinder:
    def __init__(self, entry):
        self.entry = entry

    def find_spec(self, fullname, target=None):
        if fullname.startswith("hooked_"):
            return importlib.util.spec_from_loader(fullname, VirtualLoader(), origin=self.entry + "/" + fullname)
        return None

    def invalidate_caches(self):
        print("  invalidate_caches on", self.entry)


def hook(entry):
    if not entry.startswith("virtual-path:"):
        raise ImportError("not mine")
    return PathEntryFinder(entry)


sys.path_hooks.append(hook)
sys.path.append("virtual-path:one")
import hooked_mod
print(hooked_mod.ORIGIN, hooked_mod.__spec__.origin)
print(type(sys.path_importer_cache["virtual-path:one"]).__name__)
importlib.invalidate_caches()
try:
    import hooked_other_not_really
    print(hooked_other_not_really.ORIGIN)
except ImportError as e:
    print(e)
try:
    import not_hooked_zzz
except ModuleNotFoundError as e:
    print(e)

print("-- zip archives on sys.path")
import zipfile
archive = os.path.join(tmp, "lib.zip")
with zipfile.ZipFile(archive, "w") as z:
    z.writestr("zmod.py", "X = 'from zip'\n")
    z.writestr("zpkg/__init__.py", "P = 1\n")
    z.writestr("zpkg/inner.py", "from . import P\nI = P + 1\n")
sys.path.append(archive)
import zmod
import zpkg.inner
print(zmod.X, zpkg.inner.I, type(zmod.__loader__).__name__, os.path.relpath(zmod.__file__, tmp))
print(type(sys.path_importer_cache[archive]).__name__, zpkg.__path__ == [os.path.join(archive, "zpkg")])
print(importlib.util.find_spec("zpkg.inner").name)
