# Debian's PyGObject (python3-gi, a CPython 3.11 binary) with the
# gi.repository overrides: GLib and GObject, their enums and flags (made
# by int's tp_new on a Python subclass, then given a C field), objects,
# and a Python subclass of GObject.Object with properties and a signal.
# Run by TestPyGObject (pygobject_test.go) under CPython and freepy.
import gc

import gi

gi.require_version("GLib", "2.0")
from gi.repository import GLib

print(GLib.MAJOR_VERSION)
from gi.repository import GObject

print(repr(GLib.IOCondition.IN), GLib.IOCondition.IN | GLib.IOCondition.OUT)
print(repr(GLib.IOCondition(1 | 4)), int(GLib.IOCondition.HUP))
print(GLib.UserDirectory.DIRECTORY_MUSIC, int(GLib.UserDirectory.DIRECTORY_MUSIC))
print(GLib.UserDirectory.DIRECTORY_MUSIC.value_name, GLib.IOCondition.IN.value_names,
      GLib.IOCondition.IN.first_value_nick)
print(repr(GObject.ParamFlags.READWRITE), GObject.SignalFlags.RUN_LAST.value_nicks)
# many members made and read back after a collection
conds = [GLib.IOCondition(i % 64) for i in range(500)]
gc.collect()
print(sorted({c.first_value_name or "-" for c in conds}))

o = GObject.Object()
print(type(o).__name__, o.__gtype__.name, o.__gtype__.parent)


class Counter(GObject.Object):
    __gtype_name__ = "FreepyTestCounter"
    count = GObject.Property(type=int, default=3)
    label = GObject.Property(type=str, default="x")

    @GObject.Signal(arg_types=(int,))
    def bumped(self, n):
        self.last = n


c = Counter()
seen = []
c.connect("bumped", lambda obj, n: seen.append(n))
c.connect("notify::count", lambda obj, ps: seen.append(("notify", ps.name)))
c.count = 7
c.emit("bumped", 5)
print(c.count, c.label, c.props.count, c.last, seen)
print(c.get_property("count"), [p.name for p in GObject.list_properties(Counter)])
print(GObject.signal_list_names(Counter), GObject.type_name(Counter), Counter.__gtype__.parent.name)
c.set_property("label", "yo")
print(c.label, c.props.label)
c2 = Counter(count=11)
print(c2.count, c2.props.count, isinstance(c2, GObject.Object))

import pygtkcompat

print(pygtkcompat.__name__)

# Gio: interfaces combined with GObject.Object as bases, interface methods
# bound through gi.FunctionInfo's descriptor, result tuples (a Python
# class over a C tuple subclass, filled in C), GLib.Error, a main loop
gi.require_version("Gio", "2.0")
from gi.repository import Gio

f = Gio.File.new_for_path("/nonexistent-freepy/a.txt")
print(type(f).__name__, [k.__name__ for k in type(f).__mro__], f.get_basename(), f.query_exists(None))
try:
    f.load_contents(None)
except GLib.Error as e:
    print("GLib.Error", e.domain, e.code, isinstance(e, Exception))
v = GLib.Variant("(isb)", (1, "x", True))
print(v, v.unpack(), v.get_type_string())
r = GLib.filename_from_uri("file:///tmp/x")
print(r, repr(r), [k.__name__ for k in type(r).__mro__], r[0], len(r), r.hostname, r == ("/tmp/x", None))
path, host = GLib.filename_from_uri("file:///etc/y")
print(path, host, isinstance(r, tuple), r[1:], list(r))
ls = Gio.ListStore(item_type=GObject.Object)
for i in range(3):
    ls.append(GObject.Object())
print(ls.get_n_items(), Gio.Menu().get_n_items())
loop = GLib.MainLoop()
ticks = []


def tick():
    ticks.append(1)
    if len(ticks) == 3:
        loop.quit()
        return False
    return True


GLib.idle_add(tick)
loop.run()
print(len(ticks))
