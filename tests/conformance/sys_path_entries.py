# sys.path lists the zipped standard library before the stdlib directory,
# as CPython does even when the archive is missing, and an entry no path
# hook accepts is remembered as None in sys.path_importer_cache.
import os
import sys
import tempfile

std = [p for p in sys.path if p.startswith("/usr/lib/python3")]
print(std[:3])
import json  # searches every entry
print(sys.path_importer_cache.get("/usr/lib/python311.zip", "absent"))

missing = os.path.join(tempfile.mkdtemp(), "not-yet")
sys.path.append(missing)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e)
print(sys.path_importer_cache.get(missing, "absent"))
os.mkdir(missing)
with open(os.path.join(missing, "late_mod.py"), "w") as f:
    f.write("X = 1\n")
try:
    import late_mod
    print("imported", late_mod.X)
except ModuleNotFoundError as e:
    print("still cached:", e)
import importlib
importlib.invalidate_caches()
print(sys.path_importer_cache.get(missing, "absent"))
import late_mod
print("imported", late_mod.X)

import shutil
shutil.rmtree(os.path.dirname(missing))
