# PyGObject's compiled _gi (Debian python3-gi, with gir1.2-glib-2.0's
# typelibs; scripts/ensure-deps.sh installs both) loaded unchanged: GTypes
# and calling GLib through the introspection repository. The gi.repository
# overrides, GObject and subclasses are tested by TestPyGObject
# (tests/pygobject/gobject.py).
import gi
print(gi.version_info >= (3, 0), gi.__name__)
from gi import _gi
t = _gi.GType.from_name("gint")
print(t, t.name, t.fundamental == t, _gi.GType.from_name("gchararray").name)
gi.require_version("GLib", "2.0")
repo = _gi.Repository.get_default()
repo.require("GLib", "2.0", 0)
print(repo.is_registered("GLib"), repo.get_version("GLib"))
info = repo.find_by_name("GLib", "markup_escape_text")
print(type(info).__name__, info.get_name(), info.get_namespace())
print(info.invoke("<a & b>", -1))
print(repo.find_by_name("GLib", "get_prgname").invoke())
