# 'with' items that end the line without a colon: CPython 3.11's
# "expected ':'" (invalid_with_stmt, plain and parenthesised), and the
# cases that stay "invalid syntax".
srcs = ["with a as b\n", "with a as b, c as d\n", "with a, b as c\n", "with (a as b)\n", "with (a as b, c as d)\n",
        "with a as b c:\n  pass\n", "with a as b:\n  pass\n", "async def f():\n  async with a as b\n", "with a as (b, c)\n",
        "with a as b.c\n", "with a as b[1]\n", "with a as 1\n", "with a\n", "with a as b\nx = 1\n", "with a as b,\n", "with (a, b)\n", "with (a)\n", "with (a as b) as c\n", "with (a as b), c\n", "with (a as b\n", "with (a as b))\n", "with (yield)\n", "with [a as b]\n"]
for mode in ("exec", "single"):
    for src in srcs:
        try:
            compile(src, "<t>", mode)
            print("compiled")
        except SyntaxError as e:
            print(mode, repr(src), e.lineno, e.offset, e.end_lineno, e.end_offset, e.msg)
