# The compiler's SyntaxWarnings ("is" with a literal, assert on a tuple,
# calling or subscripting a literal that cannot be), after constant folding,
# with their lines; a warnings filter "error" makes them SyntaxErrors.
import warnings
srcs = [
    "x = 1\nprint(x is 1)", "x is not 'a'", "x is -1", "x is (1, 2)", "x is ()", "x is None", "x is True", "x is ...",
    "1 is x", "a is b is 1", "if x is 2: pass", "if 1 < x is 3: pass", "x is f'a'",
    "assert (x, 'msg')", "assert ()", "assert (1,)", "assert x, 'm'",
    "(1, 2)(3, 4)", "[1](2)", "{1}(2)", "{1: 2}(3)", "'abc'(1)", "f'a'(1)", "(x for x in y)(1)", "[x for x in y](1)", "1(2)", "-1(2)", "None()", "...()", "lambda: 1()", "(lambda: 1)()", "x(1)", "x.y(1)",
    "[(1, 2) (3, 4)]", "1[2]", "None[0]", "{1}[0]", "(x for x in y)[0]", "(lambda: 1)[0]", "...[0]", "1.5[0]", "True[0]", "frozenset()[0]",
    "'abc'['x']", "'abc'[1.5]", "(1, 2)[1, 2]", "[1, 2]['a']", "[1][x]", "[1][1:2]", "'abc'[True]", "b'x'[None]", "f'x'['a']", "(1, x)['a']", "x['a']", "'abc'[0]",
]
for src in srcs:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<w>", "exec")
        except SyntaxError as e:
            print("SyntaxError", e)
    print(repr(src), [(x.category.__name__, str(x.message), x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ["\n\nx is 1", "assert (1, 2)", "(1)(2)"]:
        try:
            compile(src, "<err>", "exec")
        except SyntaxError as e:
            print("SyntaxError", e, e.lineno, e.offset)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    exec("y = 5\nz = y is 5")
    eval("y is 6")
print([(str(x.message), x.lineno, x.filename) for x in w])
