# Where ':=' has a target that is not a plain name: CPython's messages
# and the locations it reports (the target's span, or the ':=' itself
# where only a name may stand).
cases = [
    "a[1:2] := 3", "(a, b) := 3", "x := 3", "a.b := 3", "f() := 3",
    "1 := 2", "a, b := 3", "print(a.b := 3)", "if a.b := 3: pass",
    "[a[0] := 1]", "x = a.b := 3", "(x := 1) := 2", "a + b := 3",
    "-a := 3", "a if b else c := 3", "f(a.b := 1 for x in y)",
    "(x) := 3", "(a), b := 3", "((a), b) := 3", "() := 1",
    "[a, b] := 3", "*a := 3", "lambda: 1 := 3", "x = (a.b := 3)",
    "f(x, a[0] := 1)", "f(x := 1)", "while a.b := 1: pass",
    "{a.b := 1}", "{k := 1: 2}", "a[b := 1, c.d := 2]",
]
for src in cases:
    try:
        compile(src, "s", "exec")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    else:
        print(repr(src), "compiles")
