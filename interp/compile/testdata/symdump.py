"""Print every symbol's scope, as CPython's symtable decides it.

Usage: symdump.py FILE...  (or "-" for stdin). For each file prints
"== FILE" and then lines "path name scope" sorted, where path is the chain
of table names from "top" and scope is CPython's LOCAL=1 .. CELL=5.
"""
import sys
import symtable
from _symtable import SCOPE_OFF, SCOPE_MASK


def walk(t, path, out):
    for s in t.get_symbols():
        scope = (s._Symbol__flags >> SCOPE_OFF) & SCOPE_MASK
        out.append(f"{path} {s.get_name()} {scope}")
    for i, c in enumerate(t.get_children()):
        walk(c, f"{path}/{i}:{c.get_name()}", out)


for name in sys.argv[1:]:
    src = sys.stdin.read() if name == "-" else open(name, "rb").read()
    try:
        t = symtable.symtable(src, name, "exec")
    except (SyntaxError, ValueError, RecursionError) as e:
        print(f"== {name} ERROR")
        continue
    out = []
    walk(t, "top", out)
    print(f"== {name}")
    for line in sorted(out):
        print(line)
