# timeout: 60
# The symbol table of every module of the standard library, as _symtable
# reports it: scopes, flags, parameters, nesting, line numbers. CPython adds
# the implicit free names of a class in set order (which depends on the
# string hash seed), so the symbols are compared sorted.
import _symtable
import hashlib
import os

root = os.path.dirname(os.__file__)


def walk(t, out):
    out.append((t.name, t.type, t.lineno, t.nested, sorted(t.symbols.items()), t.varnames))
    for c in t.children:
        walk(c, out)


for d, dirs, files in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ("test", "site-packages", "dist-packages", "idlelib", "lib2to3"))
    for f in sorted(files):
        if f.endswith(".py"):
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                src = fh.read()
            try:
                out = []
                walk(_symtable.symtable(src, p, "exec"), out)
                r = hashlib.md5(repr(out).encode()).hexdigest()
            except SyntaxError as e:
                r = "SyntaxError: %s" % e.msg
            print(p[len(root):], r)
