"""Print, for each code object, the line of each call and subscript.

Usage: linedump.py FILE... ; output per file: "== FILE", then per code
object "qualname firstlineno: op@line ..." where op is C (a call), S
(subscript) or R (raise), in instruction order.
"""
import dis
import sys

KINDS = {"CALL": "C", "CALL_FUNCTION_EX": "C", "BINARY_SUBSCR": "S", "RAISE_VARARGS": "R"}


def walk(co, out):
    items = []
    for ins in dis.get_instructions(co):
        k = KINDS.get(ins.opname)
        if k:
            line = ins.positions.lineno if ins.positions else None
            items.append(f"{k}@{line}")
    out.append(f"{co.co_qualname} {co.co_firstlineno}: {' '.join(items)}")
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c, out)


for name in sys.argv[1:]:
    try:
        co = compile(open(name, "rb").read(), name, "exec")
    except Exception:
        print(f"== {name} ERROR")
        continue
    out = []
    walk(co, out)
    print(f"== {name}")
    print("\n".join(out))
