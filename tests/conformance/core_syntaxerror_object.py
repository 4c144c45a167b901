# exit: 1
# SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
# sets its location attributes, and the caret display counts code points.
import traceback

e = SyntaxError("m", ("f", 1, 11, "abc", 1, 13))
print(e.filename, e.offset, e.text, e.end_offset, e.msg, e.lineno, e.end_lineno, e.args)
print(str(e))
for bad in [("f", 1), ("f", 1, 2, "t", 3), ("f", 1, 2, "t", 3, 4, 5), 5]:
    try:
        SyntaxError("m", bad)
    except TypeError as x:
        print("TypeError", x)
e = SyntaxError("m", ["f", 2, 3, "t"])
print(e.lineno, e.end_lineno, e.end_offset)
e = SyntaxError("a", "b", "c")
print(e.msg, e.filename)
print(SyntaxError().msg)
for src, off, end in [('x = "\U0001F600" + )\n', 11, 13), ('x = "\xe9\u4e2d" + )\n', 12, 12),
                      ('\tx = "\xe9" + )\n', 11, -1), ('x = "\U0001F600" + )\n', 30, 40)]:
    try:
        raise SyntaxError("m", ("f", 1, off, src, 1, end))
    except SyntaxError as x:
        print("".join(traceback.format_exception_only(type(x), x)), end="")
        print("".join(traceback.format_exception(x)).splitlines()[-3:])
try:
    compile('s = "\U0001F600\U0001F600"; print(1 +* 2)\n', "f", "exec")
except SyntaxError as x:
    print(x.offset, x.end_offset)
# The interpreter's own display (sys.excepthook writes to sys.stderr).
import io
import sys


def display(*args):
    try:
        raise SyntaxError(*args)
    except SyntaxError as x:
        old, sys.stderr = sys.stderr, io.StringIO()
        try:
            sys.excepthook(type(x), x, None)
            out = sys.stderr.getvalue()
        finally:
            sys.stderr = old
        print(out, end="")


for src, off, end in [('x = "\U0001F600" + )\n', 11, 13), ('\tx = "\xe9" + )\n', 11, -1),
                      ('x = "\U0001F600" + )\n', 30, 40), ('   abc\n', 2, 3),
                      ('f(a,\n  b c)\n', 9, 12), ('f(a,\n  b c)', 2, None), ('abc', None, None)]:
    for lines in (1, 2):
        display("m", ("f", 1, off, src, lines, end))
for args in [("m", (None, 3, 1, "abc")), ("m", ("f", None, 1, "abc")), ("m",)]:
    display(*args)
# The uncaught SyntaxError is printed by the interpreter itself (the
# harness compares the last line of stderr; the caret line is above it).
raise SyntaxError("last", ("f", 1, 7, 'y = "\xe9\xe9" + )\n', 1, 9))
