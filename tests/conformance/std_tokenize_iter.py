# _tokenize.TokenizerIter, CPython 3.11's C tokenizer iterator that
# tokenize._generate_tokens_from_c_tokenizer reads: token text, exact
# type, lines, byte columns and source lines; no comments, NL or
# ENDMARKER; errors CPython's tokenizer only records end the tokens,
# the ones it raises raise SyntaxError after the tokens before them.
import _tokenize
for s in ["a = 1\nif x:\n  b = (1,\n 2)\n", "é = \"ü\"\n", "x = \"\"\"a\nb\"\"\" + 1\n", "if a:\n    if b:\n        c\nd\n", "a  # c\n\n\nb\n", "x = 1", "f(a,\n  b)\n", "a\\\n+b\n", "1 $ 2\n", "x = (\n","if a:\n  b\n", "if a:\n  b", "x = \"abc\n", "x = 1\n  y\n", "0x\n", "a\n\n# c\n", "f\"a{b}\"\n", "\n\na\n", "(\n", "a->b**=c//=d...e:=f@=g!=h<<=i>>j~k^l|m&n%o;p\n", "", "\n", "x = 1\r\ny = 2\r\n", "def f():\n\tif x:\n\t\treturn 1\n", "x='''a\nb\nc''' \\\n + 1; y\n", "  a\n", "if x:\n  a\n b\n", "\"abc\n"]:
    try:
        print(repr(s), list(_tokenize.TokenizerIter(s)))
    except BaseException as e: print(repr(s), "EXC", type(e), e, e.args)
it = _tokenize.TokenizerIter("a")
print(type(it).__module__, type(it).__name__, iter(it) is it, next(it), next(it))
try:
    next(it)
except StopIteration:
    print('stop')
try:
    _tokenize.TokenizerIter(b"a")
except TypeError as e:
    print('TypeError')
import tokenize, io
print(list(tokenize._generate_tokens_from_c_tokenizer("a = [1,\n 2]  # x\n")))
for s in ["async def f(): await x\n", "if x:\n\ta\n        b\n", "a\\ b\n", "a\\", "a)\n", "a = 1 ?\n", "foo.async + await\n", "x = '''abc\n", "1_000j + 0o17 + 1e-3 + .5\n", "x = 'a' 'b'\n", "# only\n", "\tif x:\n", "'''\na\n'''\n"]:
    try: print(repr(s), list(_tokenize.TokenizerIter(s)))
    except BaseException as e: print(repr(s), "EXC", type(e), e.args)
print(list(_tokenize.TokenizerIter("\n".join(" " * i + "if x:" for i in range(101)) + "\n" + " " * 101 + "pass\n"))[-1])
# a backslash ending a comment or a string is no line continuation
for s in ["# a \\\nx = 0\n", "x = '\\\\'\ny = 1\n", "x = 1 + \\\n  2 + \\\n  3\nz\n", "s = '''a\\\nb''' + \\\nc\n"]:
    print(repr(s), list(_tokenize.TokenizerIter(s)))
