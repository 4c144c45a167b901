# os.path and pathlib string operations (no filesystem state), shlex, fnmatch.
import os.path, pathlib, shlex, fnmatch, posixpath
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/abs"), os.path.split("/a/b/c"), os.path.splitext("f.tar.gz"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.normpath("a//b/../c/./d"), os.path.isabs("/x"), os.sep)
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), posixpath.relpath("/a/b/c", "/a"), os.path.expanduser("~x"))
p = pathlib.PurePosixPath("/usr/lib/python3.11/os.py")
print(p.name, p.stem, p.suffix, p.parent, p.parts, p.with_suffix(".txt"), p.relative_to("/usr"), p / "x")
print(pathlib.PurePosixPath("a/b").joinpath("c"), pathlib.PurePosixPath("a.tar.gz").suffixes, p.match("*.py"))
print(shlex.split("a 'b c' \"d e\" f\\ g"), shlex.quote("it's"), shlex.join(["a b", "c"]))
print(fnmatch.fnmatch("file.py", "*.py"), fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"))
