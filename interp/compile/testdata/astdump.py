"""Dump the ast of Python files as JSON, for freepy's compiler tests.

Usage: astdump.py FILE...   (or "-" to read one source from stdin)
Prints one JSON document per line: {"file": name, "ast": tree} or
{"file": name, "error": message} when CPython cannot parse the file.
Nodes are {"_type": ClassName, field: value, ...}; constants are tagged
so that Go can rebuild them exactly.
"""
import ast
import base64
import json
import sys


def const(v):
    if v is None:
        return {"none": True}
    if v is True or v is False:
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": v.hex()}
    if isinstance(v, complex):
        return {"complex": [v.real.hex(), v.imag.hex()]}
    if isinstance(v, str):
        try:
            v.encode("utf-8")
            return {"str": v}
        except UnicodeEncodeError:
            return {"runes": [ord(c) for c in v]}
    if isinstance(v, bytes):
        return {"bytes": base64.b64encode(v).decode()}
    if v is Ellipsis:
        return {"ellipsis": True}
    raise TypeError(type(v))


def node(n):
    if isinstance(n, list):
        return [node(x) for x in n]
    if isinstance(n, ast.AST):
        d = {"_type": type(n).__name__}
        for f in n._fields:
            v = getattr(n, f, None)
            if isinstance(n, (ast.Constant, ast.MatchSingleton)) and f == "value":
                d[f] = const(v)
            else:
                d[f] = node(v)
        for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if hasattr(n, a):
                d[a] = getattr(n, a)
        return d
    return n


def main():
    mode = "exec"
    args = sys.argv[1:]
    if args and args[0].startswith("--mode="):
        mode = args[0][len("--mode="):]
        args = args[1:]
    for name in args:
        try:
            if name == "-":
                src = sys.stdin.buffer.read()
            else:
                with open(name, "rb") as f:
                    src = f.read()
            tree = ast.parse(src, name, mode=mode)
            out = {"file": name, "ast": node(tree)}
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            out = {"file": name, "error": str(e)}
        sys.stdout.write(json.dumps(out) + "\n")


main()
