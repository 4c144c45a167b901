# The warnings of CPython 3.11's tokenizer and parser: a numeric literal
# followed at once by a keyword is a SyntaxWarning, an invalid escape
# sequence in a non-raw str or bytes literal a DeprecationWarning (the
# first one of each literal, or of each literal part of an f-string).
# A filter "error" makes them SyntaxErrors at the number or the literal.
import os
import subprocess
import sys
import tempfile
import warnings

def record(src, mode="exec"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<w>", mode)
        except SyntaxError as e:
            print("  SyntaxError", e)
    return [(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w]

def as_error(src, mode="exec"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("error")
        try:
            compile(src, "<e>", mode)
            print("  compiled")
        except SyntaxError as e:
            print("  SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    print("  leaked", len(w))

nums = []
for num in "0xf", "0o7", "0b1", "9", "0", "1.", "1e3", "1j":
    nums += [f"{num}and x", f"{num}or x", f"{num}in x", f"{num}not in x", f"{num}if x else y",
             f"x if {num}else y", f"[{num}for x in ()]", f"{num}spam"]
nums += ["[0x1ffor x in ()]", "[0x1for x in ()]", "[0xfor x in ()]", "0 if 1Else 0", "1 if 1else 0",
         "\n\nx = (1,\n 2if y else 3)", "f'{1if x else 2}'", "f'''\n{1if x else 2}'''"]
for src in nums:
    print(repr(src), record(src, "eval" if "\n" not in src else "exec"))
    as_error(src, "eval" if "\n" not in src else "exec")

escapes = [r'"\d"', r'b"\d"', r'"\777"', r'b"\400"', r'"\8"', r'u"\d\q"', r'rb"\d"', r'r"\q"',
           r'"\d" "\q"', r'b"\d\q"', r'br"\q" b"\q"', r'"\N{DIGIT ONE}\w"', r'"\x41\y"', r'"\é"',
           r'f"\d{1}\q{2:\w}"', r'f"\{6}"', r'f"\d{{\q"', r'fr"\d{1}"', r'"ok\n\t\\\'\"\a\b\f\v\0\101"',
           '"""abc\n\\d"""', "x = '''a\n\\d''' + '\\q'", '"a" \\\n "\\d"', r'f"{1}" "\d"']
for src in escapes:
    print(repr(src), record(src))
    as_error(src)

# the value of the literal keeps the backslash
print(eval(r'"\d\q"'), eval(r'b"\d"'), ascii(eval(r'"\777"')), eval(r'b"\777"'))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(eval(r'f"\{6}"'), eval(r'f"a\{{b"'))

# the error comes from the string's action, before the parser's own error
for src in [r'"\d" +', r'"\d" + 1 1']:
    as_error(src)

# ast.parse and symtable parse too
import ast, symtable
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    ast.parse('x = "\\d"; 1if 1 else 2')
    symtable.symtable('y = "\\q"', "s", "exec")
print([(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])

# a warning the warnings machinery fails on propagates as it is
def boom(*a, **k):
    raise KeyError("showwarning")
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = boom
    try:
        compile('"\\d"', "<b>", "exec")
    except KeyError as e:
        print("KeyError", e)

# scripts: under the default filters the DeprecationWarning of a script
# (whose module name is its file name, not __main__) is not shown; -W
# default shows each place once; -W error makes it a SyntaxError.
with tempfile.TemporaryDirectory() as d:
    # with -W error, the tokenizer's error on line 2 (found when CPython
    # scans the rest of the file after an error) replaces line 1's
    for src in ['x = "\\d"\ny = [0x1for x in ()]\nprint(x, y, "done")\n', 'x = 1\ny = "\\d"\nprint(y)\n']:
        path = os.path.join(d, "esc.py")
        with open(path, "w") as f:
            f.write(src)
        for opts in [[], ["-W", "default"], ["-W", "error"], ["-W", "error::SyntaxWarning"]]:
            r = subprocess.run([sys.executable, *opts, path], capture_output=True, text=True)
            print(opts, r.returncode, repr(r.stdout), r.stderr.replace(d, "DIR").splitlines()[-4:])
