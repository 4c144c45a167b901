# A parenthesised starred or double-starred expression is a SyntaxError
# saying so (CPython's invalid_group), also in an f-string; other misuses
# of "**" stay plain invalid syntax, at the same place.
srcs = ["f'{**a}'", "f'{*a}'", "(**a)", "f'{**a, b}'", "f'{x, **a}'", "print(**a)", "[**a]",
        "f'{a:{**b}}'", "x = (**{})", "(** a + b)", "(**a for a in b)", "((**a))", "print((**k))",
        "(**)", "(**a", "(*a)", "(*a, **b)", "{**a}", "(\n  **a\n)"]
for src in srcs:
    for mode in ("exec", "eval"):
        try:
            compile(src, "f", mode)
            print(repr(src), mode, "ok")
        except SyntaxError as e:
            print(repr(src), mode, "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
