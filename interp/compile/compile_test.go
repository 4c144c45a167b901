package compile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"freepy/interp/syntax"
)

var snippets = []string{
	"x = 1",
	"def f(a, b=2, *c, d, e=5, **f):\n    return a + b",
	"for i in range(10):\n    if i: break\n    else: continue\nelse:\n    pass",
	"while x:\n    x -= 1\nelse:\n    y = 2",
	"try:\n    f()\nexcept E as e:\n    g(e)\nexcept:\n    pass\nelse:\n    h()\nfinally:\n    k()",
	"def f():\n    try:\n        return 1\n    finally:\n        print(2)",
	"def f():\n    for x in y:\n        try:\n            break\n        finally:\n            continue",
	"with a as b, c as (d, e):\n    pass",
	"class C(B, metaclass=M):\n    x: int = 1\n    def f(self):\n        return super().f()",
	"async def f():\n    async with a as b:\n        async for x in b:\n            await x\n    return [y async for y in z]",
	"def g():\n    yield 1\n    x = yield\n    yield from g()",
	"x = [i for i in range(3) if i]\ny = {k: v for k, v in z}\nw = {i for i in ()}\nv = (i for j in k for i in j)",
	"f(*a, **k)\nf(1, *a, x=1, **k)\nf(a, b=1)\no.m(1, 2)\no.m(*a)",
	"a, *b, c = x\n[a, b] = y\na.b += 1\na[i] += 2\nx[1:2] = y\ndel x[1:2:3], a.b, c",
	"import a.b.c\nimport a.b as c\nfrom . import x\nfrom ..m import y as z\nfrom m import *",
	"x = f'{a!r:>{w}} {b}'\ny = 1 if c else 2\nz = a < b < c\nw = a and b or c",
	"match x:\n    case [1, 2, *rest]:\n        pass\n    case {'a': 1, **kw}:\n        pass\n    case Point(x=0, y=yy) | Point(y=yy, x=1):\n        pass\n    case str() as s if s:\n        pass\n    case _:\n        pass",
	"try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* TypeError:\n    pass",
	"def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner",
	"lambda x, *, y=1: (x, y)",
	"assert x, 'msg'\nraise E from F\nglobal q",
	"def f():\n    with a:\n        return g()",
	"def f():\n    for x in y:\n        with a:\n            try:\n                return x\n            except E:\n                continue",
	"if (n := len(a)) > 10: pass\n[y := f(x) for x in data]",
	"x: int\ny.z: str = 'a'\nclass C:\n    a: int",
	"print(*[1, 2, 3], sep='')\n{**a, 'b': 1, **c}\n{*a, 1}\n(*a, 1)",
}

func TestSnippets(t *testing.T) {
	for _, src := range snippets {
		code, err := compileSrc(t, src)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if err := verify(code); err != nil {
			t.Errorf("%q: %v\n%s", src, err, Disassemble(code))
		}
	}
}

// TestStdlib compiles every file of CPython's standard library that
// CPython parses, and verifies the result.
func TestStdlib(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var files []string
	filepath.Walk("/usr/lib/python3.11", func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(path, ".py") {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("no standard library")
	}
	failures := 0
	for start := 0; start < len(files); start += 200 {
		end := min(start+200, len(files))
		for _, p := range cpythonParse(t, "exec", nil, files[start:end]...) {
			if p.err != "" {
				continue
			}
			code, err := Compile(p.mod, p.file, syntax.ModeExec, Flags{})
			if err == nil {
				err = verify(code)
			}
			if err != nil {
				if _, ok := err.(*syntax.Error); ok && expectedCompileError(p.file) {
					continue
				}
				failures++
				if failures < 30 {
					t.Errorf("%s: %v", p.file, err)
				}
			}
		}
	}
	if failures > 0 {
		t.Errorf("%d files failed", failures)
	}
}

// expectedCompileError lists files that CPython parses but refuses to
// compile.
func expectedCompileError(file string) bool {
	return strings.Contains(file, "/test/") && strings.Contains(file, "badsyntax")
}
