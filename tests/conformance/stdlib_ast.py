# ast: parse (dump with positions), unparse round trips, literal_eval,
# compile() of trees, node classes and construction, error messages.
import ast

SNIPPETS = [
    # statements
    "x = 1",
    "a = b = c",
    "a, *b = [1, 2, 3]",
    "x: int = 5\ny: 'str'\n(z): int = 1\nq.r: float",
    "x += 1\ny //= 2\nz @= m\nw **= 3\nv >>= 1",
    "del a, b[0], c.d",
    "pass\nbreak\ncontinue",
    "import os, sys as s\nimport a.b.c as d",
    "from . import x\nfrom ..m import (a as b, c)\nfrom m import *",
    "global g, h\nnonlocal n",
    "assert x, 'msg'\nassert y",
    "raise\nraise E\nraise E from None",
    "return\nreturn 1, 2",
    "if a:\n    pass\nelif b:\n    x\nelse:\n    y",
    "while x:\n    break\nelse:\n    pass",
    "for i, j in zip(a, b):\n    continue\nelse:\n    done()",
    "async def f():\n    async for x in y:\n        await x\n    async with a as b, c:\n        pass\n    return [i async for i in z]",
    "with open(f) as g, h:\n    pass\nwith (a as b, c as d):\n    pass",
    "try:\n    x\nexcept E as e:\n    y\nexcept (A, B):\n    pass\nexcept:\n    raise\nelse:\n    z\nfinally:\n    w",
    "try:\n    x\nexcept* E as e:\n    y\nexcept* F:\n    pass",
    "@dec\n@dec2(1)\ndef f(a, b: int = 2, /, c=3, *args: str, d, e=5, **kw) -> None:\n    '''doc'''\n    return a",
    "def g(*, a, b=1): pass\ndef h(a, /): pass\nlambda: 0\nlambda x, /, y=1, *a, z, **k: x",
    "@decorator\nclass C(B, metaclass=M, **kw):\n    x: int = 0\n    def m(self): ...",
    "class D: pass",
    # expressions
    "a and b or c and not d",
    "(x := 10)\nif (n := len(a)) > 10: pass",
    "a + b - c * d / e // f % g ** h @ i << j >> k | l ^ m & n",
    "-x + +y - ~z",
    "a if b else c",
    "{1: 2, **d, 3: 4}\n{1, 2, *s}\n{}\n[]\n()",
    "[x for x in y if x if z for w in x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y)",
    "def f():\n    yield\n    yield x\n    yield from g()\n    y = yield",
    "a < b <= c == d != e > f >= g is h is not i in j not in k",
    "f(a, *b, c=d, **e)\nf(x for x in y)\nf()",
    "a.b.c\na[b]\na[1:2]\na[::3]\na[1:2, 3]\na[:, ...]\na[b, c]\na[()]",
    "*a, b = c\n[*a] = b\nprint(*args)",
    "x = ...\ny = None, True, False",
    "1; 1.5; 1j; 10**100; 0x1F; 0o17; 0b101; 1_000_000; 1e10; 3.14e-2",
    "'s'; b'b'; u'u'; r'\\n'; 'a' 'b'; b'a' b'c'; '''tri\nple'''",
    "'é'; 'x' 'é'; '\\N{BULLET}'; '\\u00e9\\x41'",
    "f'a{b}c'\nf'{x!r}'\nf'{x!s:>10}'\nf'{x!a}'\nf'{x:{w}.{p}}'\nf'{{}}'\nf''\nf'{a}' 'b' f'{c}'",
    "f'{x=}'\nf'{x = !r:10}'\nf'''{\na\n}'''",
    "f'é{x}é{y:é}'",
    "é = 'ünïcode'; x = é + é",
    "x = 1  # comment\n\n\ny = (1,\n     2)\n",
    "a = [\n  1,\n  2,\n]\ncall(\n  a,\n  b=2,\n)",
    "if x:\n    pass\n    # comment\n\n  \nz",
    "await x",
    "(yield)",
    "x = [i for i in range(3)]; y = {**a}",
    "a[b:c:d] = e\ndel a[:]",
    "not a == b",
    "(a)\n((a, b))\n(a.b)(c)",
    "x = lambda: (yield)",
    # match
    "match x:\n    case 1 | 2:\n        pass\n    case 'a' as s:\n        pass\n    case None | True | False:\n        pass\n    case -1 | 1.5 | -2j | 1 + 2j | b'x':\n        pass",
    "match p:\n    case [a, *rest]:\n        pass\n    case (a, b, *_):\n        pass\n    case []:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case {}:\n        pass",
    "match p:\n    case Point(x=0, y=yy) if yy > 0:\n        pass\n    case Point(1, 2, z=3):\n        pass\n    case mod.Cls():\n        pass\n    case _:\n        pass",
    "match a, b:\n    case x, y:\n        pass\n    case (x):\n        pass\n    case A.B.C:\n        pass",
    "match = 1\ncase = 2\nmatch(x)",
]

for src in SNIPPETS:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree, indent=1) if len(src) < 40 else ast.dump(tree))
    u = ast.unparse(tree)
    print(u)
    # a second parse of the unparsed source gives the same tree (no positions)
    print(ast.dump(ast.parse(u)) == ast.dump(tree))

# modes
print(ast.dump(ast.parse("x + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1; y", mode="single"), include_attributes=True))
print(ast.dump(compile("a.b(1)", "<s>", "eval", ast.PyCF_ONLY_AST)))
print(ast.dump(ast.parse(b"x = 'bytes source'")))
print(ast.dump(ast.parse("# -*- coding: latin-1 -*-\nx = 1\n")))

# literal_eval
for s in ["1", "-1.5", "1+2j", "'s'", "b'x'", "[1, (2, 3), {4: 5}]", "{1, 2}", "set()",
          "None", "True", "(-1, +2)", "{'a': [None, ...]}", "  42", "0x10", "'a' 'b'"]:
    print(repr(ast.literal_eval(s)))
for bad in ["x", "1 + x", "f()", "[i for i in x]", "a.b", "2 ** 3"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", str(e).split(" at 0x")[0])

# compile() of trees
ns = {}
exec(compile(ast.parse("def f(a, b=2):\n    return a * b\nr = f(21)"), "<ast>", "exec"), ns)
print(ns["r"], ns["f"](3, 4))
print(eval(compile(ast.parse("[x * 2 for x in range(4)]", mode="eval"), "<ast>", "eval")))
code = compile(ast.parse("for i in range(3):\n    print('loop', i)"), "<ast>", "exec")
exec(code)
print(code.co_filename)
single = compile(ast.parse("1 + 1", mode="single"), "<ast>", "single")
print(type(single).__name__)

# built trees: fix_missing_locations, copy_location, NodeTransformer
tree = ast.Module(body=[ast.Expr(value=ast.Call(func=ast.Name(id='print', ctx=ast.Load()),
                                                args=[ast.Constant(value='built')], keywords=[]))],
                  type_ignores=[])
ast.fix_missing_locations(tree)
print(ast.dump(tree, include_attributes=True))
exec(compile(tree, "<built>", "exec"))
expr = ast.Expression(body=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
ast.fix_missing_locations(expr)
print(eval(compile(expr, "<built>", "eval")))


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


t = Doubler().visit(ast.parse("print(1 + 2, 'x')"))
print(ast.unparse(t))
exec(compile(t, "<t>", "exec"))
print([type(n).__name__ for n in ast.walk(ast.parse("a = b(c)"))])


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)


c = Counter()
c.visit(ast.parse("x = y + f(z, w=q)"))
print(c.names)
print(ast.get_docstring(ast.parse('def f():\n    """Doc\n    string."""')))
print(ast.get_source_segment("x = a + b\n", ast.parse("x = a + b\n").body[0].value))
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.parse("x", mode="eval").body)])
print(ast.increment_lineno(ast.parse("x"), 3).body[0].lineno)

# node classes
print(ast.BinOp._fields, ast.stmt._attributes, ast.AST._fields, ast.Load._fields)
print(ast.arguments._fields, ast.arg._attributes, ast.keyword._attributes, ast.comprehension._attributes)
print(ast.BinOp.__doc__)
print(ast.operator.__doc__)
print(ast.mod.__doc__)
print(ast.BinOp.__mro__)
print(ast.Return.__match_args__, ast.Return.value, ast.expr.end_lineno, ast.ImportFrom.level)
print(ast.Add.__module__, ast.AST.__module__, ast.Load.__name__, ast.Load.__qualname__)
print(isinstance(ast.parse("x").body[0].value.ctx, ast.Load), ast.Load() == ast.Load())
p = ast.parse("a; b")
print(p.body[0].value.ctx is p.body[1].value.ctx)
n = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2), extra=5)
print(ast.dump(n), n.extra)
n = ast.Name("x")
print(n.id, hasattr(n, "ctx"), ast.dump(n))
for args, kw in [((1, 2, 3, 4), {}), ((1,), {"left": 2}), ((1,), {})]:
    try:
        ast.BinOp(*args, **kw)
        print("ok")
    except TypeError as e:
        print("TypeError", e)
try:
    ast.Pass(1)
except TypeError as e:
    print("TypeError", e)
print(ast.Pass().__reduce__()[0].__name__, ast.Name(id="q").__reduce__()[2])
import copy
d = copy.deepcopy(ast.parse("f(x, y=[1, 2])"))
print(ast.dump(d))


class MyName(ast.Name):
    _fields = ast.Name._fields + ("extra",)


m = MyName("v", ast.Load(), 7)
print(m.id, m.extra, isinstance(m, ast.expr), type(m).__name__)


class Sub(ast.AST):
    _fields = ("a", "b")


s = Sub(1, b=2)
print(s.a, s.b, ast.dump(s))

# match over nodes (__match_args__)
match ast.parse("x + 1", mode="eval").body:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(v)):
        print("matched", id, v)

# errors from compile() of malformed trees
bad = [
    ast.Module(body=[ast.Expr(ast.Name("x", ast.Store(), lineno=1, col_offset=0))], type_ignores=[]),
    ast.Module(body=[ast.Assign([ast.Name("x", ast.Load(), lineno=1, col_offset=0)], ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=ast.Pass(), type_ignores=[]),
    ast.Module(body=[ast.Expr(ast.Constant([1]), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(42, lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.If(ast.Constant(1, lineno=1, col_offset=0), [], [], lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(ast.Name(3, ast.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(ast.BinOp(ast.Constant(1, lineno=1, col_offset=0), ast.Load(), ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(ast.Name("None", ast.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Module(body=[ast.Expr(ast.Constant(1, lineno="1", col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
    ast.Expression(body=ast.Constant(1, lineno=1, col_offset=0)),
]
for tree in bad:
    try:
        compile(tree, "<bad>", "exec")
        print("compiled")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])

for src, mode in [("x = ", "exec"), ("1 +\n", "eval"), ("def f(:", "exec")]:
    try:
        ast.parse(src, mode=mode)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    compile("x", "<s>", "bogus", ast.PyCF_ONLY_AST)
except ValueError as e:
    print(e)
try:
    compile("x", "<s>", "exec", 0x8000000)
except ValueError as e:
    print(e)
try:
    compile(42, "<s>", "exec")
except TypeError as e:
    print(e)
tree = ast.parse("x")
print(compile(tree, "<s>", "exec", ast.PyCF_ONLY_AST) is tree)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

# validation of trees given to compile()
def tryc(tree, mode="exec"):
    try:
        compile(tree, "<t>", mode); print("ok")
    except Exception as e:
        print(type(e).__name__, e)
tryc(ast.Module([ast.Expr(ast.Constant(1, lineno=2, col_offset=0, end_lineno=1, end_col_offset=0), lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Expr(ast.Constant(1, lineno=1, col_offset=5, end_lineno=1, end_col_offset=2), lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Expr(ast.Constant(1, lineno=-1, col_offset=5), lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [], [], lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Return(ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.ImportFrom('m', [ast.alias('x', lineno=1, col_offset=0)], -1, lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Expr(ast.Call(ast.Name('f', ast.Load(), lineno=1, col_offset=0), [ast.Starred(ast.Name('a', ast.Load(), lineno=1, col_offset=0), ast.Load(), lineno=1, col_offset=0)], [], lineno=1, col_offset=0), lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Expr(ast.JoinedStr([ast.Constant(1, lineno=1, col_offset=0)], lineno=1, col_offset=0), lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Global([], lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Expr(ast.Lambda(ast.arguments([], [ast.arg('x', lineno=1, col_offset=0)], None, [], [], None, [ast.Constant(1, lineno=1, col_offset=0), ast.Constant(2, lineno=1, col_offset=0)]), ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0), lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Match(ast.Name('x', ast.Load(), lineno=1, col_offset=0), [], lineno=1, col_offset=0)], []))
tryc(ast.Module([ast.Expr(ast.Constant("x", kind=1, lineno=1, col_offset=0), lineno=1, col_offset=0)], []))
tryc(ast.Interactive([ast.Expr(ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)]), "single")
tryc(ast.Module([ast.Expr(ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)], []), "eval")
tryc(ast.Expression(ast.Constant((1, 2, frozenset({3})), lineno=1, col_offset=0)), "eval")
print(eval(compile(ast.Expression(ast.Constant((1, 2, frozenset({3})), lineno=1, col_offset=0)), "<t>", "eval")))
for src in ["return 1", "x = (", "def f(:\n  pass"]:
    try:
        compile(src, "/a/b/c.py", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e)

# mode='func_type' (type comments of functions)
for s in ['(int, str) -> bool', '() -> None', '(*int, **str) -> x', '((a, b)) -> c', '(a) -> lambda: 1', '(List[int],\n  str) -> Dict[str, int]\n\n', '("a->b") -> c', '(a, *b) -> c']:
    print(ast.dump(ast.parse(s, mode='func_type'), include_attributes=True))
for s in ['a -> b', '(a) b']:
    try: ast.parse(s, mode='func_type')
    except SyntaxError as e: print(e.msg, e.lineno, e.offset)

# compile() flags, optimize and filename kinds
import __future__
ns = {}
exec(compile("def f(x: int) -> list[int]: pass", "", "exec", __future__.annotations.compiler_flag), ns)
print(ns['f'].__annotations__)
co = compile("assert False, 'boom'\nx = 1", "", "exec", optimize=1)
exec(co); print("no assert")
co = compile("def g():\n  '''doc'''\n", "", "exec", optimize=2)
ns = {}; exec(co, ns); print(ns['g'].__doc__)
for f in (0x100, 0x800, 0x10, 0x200, 0x4000, 0x2000000, -1):
    try:
        compile('x', '', 'exec', f)
        print(hex(f), 'ok')
    except ValueError as e:
        print(hex(f), e)
try:
    compile('x', '', 'exec', 0, False, 5)
except ValueError as e:
    print(e)
try:
    compile('x', 1, 'exec')
except TypeError as e:
    print(e)
print(compile('x', b'bytesname', 'exec').co_filename)

# the whole class table of _ast
import _ast
names = sorted(n for n in dir(_ast) if not n.startswith('__'))
print(len(names), names)
for n in names:
    c = getattr(_ast, n)
    if isinstance(c, type) and c is not _ast.AST:
        print(n, c.__bases__[0].__name__, c._fields, c._attributes, c.__match_args__, repr(c.__doc__),
              sorted(k for k in c.__dict__ if k != '__weakref__'))
print(_ast.AST._fields, _ast.AST._attributes, _ast.AST.__doc__, _ast.AST.__module__)

# str source is already text: no coding declaration, no BOM
print(ast.dump(ast.parse("# -*- coding: latin-1 -*-\nx = 'é'\n")))
print(ast.dump(ast.parse("# -*- coding: latin-1 -*-\nx = 'é'\n".encode('latin-1'))))
print(ast.dump(ast.parse("# coding: no-such-codec\nx = 1\n")))
print(ast.dump(ast.parse(b"\xef\xbb\xbfx = 1")))
try:
    ast.parse("\ufeffx = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
exec(compile("# coding: latin-1\nprint('é')", "s", "exec"))
