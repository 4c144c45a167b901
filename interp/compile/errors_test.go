package compile

import (
	"testing"

	"freepy/interp/syntax"
)

// Compile-time SyntaxErrors, with CPython 3.11's messages and lines.
var errorCases = []struct {
	src  string
	msg  string
	line int
}{
	{"return 1", "'return' outside function", 1},
	{"x = 1\nyield x", "'yield' outside function", 2},
	{"await x", "'await' outside function", 1},
	{"def f():\n    await x", "'await' outside async function", 2},
	{"break", "'break' outside loop", 1},
	{"while 1:\n    def f():\n        continue", "'continue' not properly in loop", 3},
	{"def f():\n    x = 1\n    global x", "name 'x' is assigned to before global declaration", 3},
	{"def f():\n    print(x)\n    global x", "name 'x' is used prior to global declaration", 3},
	{"def f(x):\n    global x", "name 'x' is parameter and global", 2},
	{"nonlocal x", "nonlocal declaration not allowed at module level", 1},
	{"def f():\n    nonlocal x", "no binding for nonlocal 'x' found", 2},
	{"def f():\n    from m import *", "import * only allowed at module level", 2},
	{"class C:\n    [(y := 1) for x in z]", "assignment expression within a comprehension cannot be used in a class body", 2},
	{"[(x := 1) for x in z]", "assignment expression cannot rebind comprehension iteration variable 'x'", 1},
	{"[x for x in (y := z)]", "assignment expression cannot be used in a comprehension iterable expression", 1},
	{"[(yield) for x in z]", "'yield' inside list comprehension", 1},
	{"match x:\n    case y:\n        pass\n    case 1:\n        pass", "name capture 'y' makes remaining patterns unreachable", 2},
	{"match x:\n    case _:\n        pass\n    case 1:\n        pass", "wildcard makes remaining patterns unreachable", 2},
	{"match x:\n    case [a, a]:\n        pass", "multiple assignments to name 'a' in pattern", 2},
	{"match x:\n    case [a] | [b]:\n        pass", "alternative patterns bind different names", 2},
	{"match x:\n    case {1: a, 1: b}:\n        pass", "mapping pattern checks duplicate key (1)", 2},
	{"async def f():\n    yield from x", "'yield from' inside async function", 2},
	{"async def f():\n    yield 1\n    return 2", "'return' with value in async generator", 3},
	{"def f():\n    async with a:\n        pass", "'async with' outside async function", 2},
	{"def f():\n    async for a in b:\n        pass", "'async for' outside async function", 2},
	{"def f():\n    [x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 2},
	{"try:\n    pass\nexcept* E:\n    break", "'break', 'continue' and 'return' cannot appear in an except* block", 4},
	{"def f(a, a): pass", "duplicate argument 'a' in function definition", 1},
	{"f(a=1, a=2)", "keyword argument repeated: a", 1},
	{"x = 1\nfrom __future__ import annotations", "from __future__ imports must occur at the beginning of the file", 2},
	{"from __future__ import braces", "not a chance", 1},
	{"from __future__ import nope", "future feature nope is not defined", 1},
}

func TestCompileErrors(t *testing.T) {
	for _, tc := range errorCases {
		_, err := compileSrc(t, tc.src)
		se, ok := err.(*syntax.Error)
		if !ok {
			t.Errorf("%q: got %v, want SyntaxError %q", tc.src, err, tc.msg)
			continue
		}
		if se.Msg != tc.msg || se.Line != tc.line {
			t.Errorf("%q: got %q line %d, want %q line %d", tc.src, se.Msg, se.Line, tc.msg, tc.line)
		}
	}
}

// TestCompileErrorsMatchCPython checks the cases above against
// CPython's compile() itself, so the table cannot drift from the
// reference.
func TestCompileErrorsMatchCPython(t *testing.T) {
	for _, tc := range errorCases {
		out := runPython(t, "import sys\ntry:\n    compile(sys.stdin.read(), '<test>', 'exec')\nexcept SyntaxError as e:\n    print(e.msg, e.lineno, sep='|')\n", tc.src)
		want := tc.msg + "|" + itoa(tc.line) + "\n"
		if out != want {
			t.Errorf("%q: CPython says %q, table says %q", tc.src, out, want)
		}
	}
}
