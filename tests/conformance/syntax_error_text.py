# SyntaxError.text as CPython 3.11 sets it: errors raised by the tokenizer
# itself (bad numbers, unterminated strings, stray characters, brackets)
# carry their line without its newline; the parser's errors on the current
# line and the tokenizer's indentation and continuation errors keep it.
# A NUL in the source of compile()/exec()/eval() is a ValueError.

sources = [
    'x = 1_ + 2\n',
    'x = 0b2 + 1\n',
    'x = 0x\n',
    'x = 1e\n',
    'x = 012\n',
    'x = "abc\n',
    'x = "abc',
    "x = 'a' + 'b\n",
    'x = """\nabc\n',
    'x = """abc\n',
    'x = (\n"abc\n',
    'x = ")\n"\n',
    'x = 1)\n',
    'x = (1]\n',
    'x = (\n1]\n',
    'x = \u20ac\n',
    'x = \x01\n',
    'x = 1 2\n',
    'x = 1\ny = 2 3\nz=1\n',
    'f(\n  a b)\n',
    'if x:\n\ty = 1\n        z = 2\n',
    'x = 1\n  y = 2\n',
    'a = 1 \\ 2\n',
    'a = 1 +\n',
    '\n\nx = ((1)\n',
    'x = ' + '(' * 201 + ')' * 201 + '\n',
]
for s in sources:
    for mode in ("exec", "single"):
        try:
            compile(s, "<s>", mode)
            print("compiled", repr(s[:20]))
        except SyntaxError as e:
            print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)

for src in ("x = 1\x00\n", b"x = 1\x00\n"):
    for f in (lambda s: compile(s, "<s>", "exec"), exec, eval):
        try:
            f(src)
        except (SyntaxError, ValueError) as e:
            print(type(e).__name__, e)
