# SyntaxError.text of an error on a line before the tokenizer's current one:
# compile() of a string gives the line without its newline, of a real file
# (file input only) the file's line, as CPython 3.11 reads it.
srcs = ["f(a,\n  b c\n)\n", "x = (1,\n 2 3)\n", "if x:\npass\n", "a b\n", "def f(:\n  pass\n",
        "x = [1,\n2,\n3 4\n]\n", "x = {1:\n 2 3}\n", "print(1\n\n", "(a, b\n c)\n", "class C:\n  x = 1 2\n  y = 3\n",
        "def f():\n  return (1\n    2)\n", "x = 1 +\n", "f(**a, *b)\n", "for x in range(3):\n  a b\n", "[x for x in\n y z]\n"]
for mode in "exec", "single", "eval":
    for src in srcs:
        try:
            compile(src, "<s>", mode)
        except SyntaxError as e:
            print(mode, repr(e.text), e.lineno, e.offset, e.msg)
import os, tempfile
d = tempfile.mkdtemp()
fn = os.path.join(d, "m.py")
with open(fn, "w") as f:
    f.write("f(a,\n  b c\n)\n")
try:
    compile(open(fn).read(), fn, "exec")
except SyntaxError as e:
    print(repr(e.text))
with open(fn, "w") as f:
    f.write("different\n  content here\nx\n")
try:
    compile("f(a,\n  b c\n)\n", fn, "exec")
except SyntaxError as e:
    print("file differs:", repr(e.text))
