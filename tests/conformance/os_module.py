# The os module over posix: environ, os.path, makedirs/walk/removedirs, fsencode.
import os, sys
os.environ["FREEPY_T15"] = "v1"
print(os.getenv("FREEPY_T15"), os.environ.get("NOPE", "dflt"), "FREEPY_T15" in os.environ)
del os.environ["FREEPY_T15"]
print(os.getenv("FREEPY_T15"))
print(os.path.expanduser("~/x").endswith("/x"), os.path.isabs("/a"), os.path.relpath("/a/b/c", "/a"))
d = "/tmp/freepy_t15_" + sys.implementation.name
os.makedirs(d + "/a/b", exist_ok=True)
with open(os.path.join(d, "a", "f.txt"), "w") as f:
    f.write("x")
print(sorted(os.listdir(d + "/a")), [e.name for e in os.scandir(d)], os.path.getsize(d + "/a/f.txt"))
print([(r.replace(d, "D"), sorted(ds), fs) for r, ds, fs in os.walk(d)])
os.remove(d + "/a/f.txt")
os.removedirs(d + "/a/b")
print(os.path.exists(d), os.fsencode("é"), ascii(os.fsdecode(b"\xff")), os.cpu_count() > 0, os.devnull, os.curdir)
st = os.stat("/etc/passwd")
import stat
print(stat.S_ISREG(st.st_mode), stat.filemode(os.stat("/tmp").st_mode))
