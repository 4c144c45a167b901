package compile

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"freepy/interp/syntax"
)

// symDump lists every symbol's scope like testdata/symdump.py.
func symDump(st *symtable) []string {
	var out []string
	var walk func(s *scope, path string)
	walk = func(s *scope, path string) {
		for name, sym := range s.symbols {
			out = append(out, fmt.Sprintf("%s %s %d", path, name, sym.scope))
		}
		for i, c := range s.children {
			walk(c, fmt.Sprintf("%s/%d:%s", path, i, c.name))
		}
	}
	walk(st.top, "top")
	sort.Strings(out)
	return out
}

// cpythonSymtables runs symdump.py over files and returns the dump of each.
func cpythonSymtables(t *testing.T, stdin string, files ...string) map[string][]string {
	t.Helper()
	cmd := exec.Command(refPython, append([]string{"testdata/symdump.py"}, files...)...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("symdump: %v", err)
	}
	res := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		if strings.HasPrefix(line, "== ") {
			cur = strings.TrimPrefix(line, "== ")
			res[cur] = []string{}
			continue
		}
		res[cur] = append(res[cur], line)
	}
	return res
}

func diffLines(want, got []string) string {
	w := map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	g := map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	var b strings.Builder
	for _, l := range want {
		if !g[l] {
			fmt.Fprintf(&b, "  missing: %s\n", l)
		}
	}
	for _, l := range got {
		if !w[l] {
			fmt.Fprintf(&b, "  extra:   %s\n", l)
		}
	}
	return b.String()
}

var symtableSources = []string{
	`
x = 1
def f(a, *args, b, **kw):
    global g
    g = a
    y = x
    def h():
        nonlocal y
        y = 2
        return a
    return [i + y for i in args]

class C(Base):
    attr = x
    def m(self):
        return super().m(), __class__, attr
    def n(self):
        x = 1
        class D:
            x = 2
            def k(self):
                return x
        return D
`,
	`
def outer():
    total = 0
    lst = [(total := total + v) for v in range(3)]
    gen = (lambda q: q + total for _ in lst)
    try:
        pass
    except E as exc:
        pass
    import os.path, sys as system
    from m import a as b
    return lst, gen
`,
	`
def f():
    match x:
        case [a, *rest] | {"k": a, **rest}:
            pass
        case Point(x=px) as p:
            pass
    for i in (j := range(3)):
        pass
    async def g():
        async with m as n:
            await n
        return [z async for z in n]
    def outer2():
        def mid():
            def inner():
                return v
            return inner
        v = 1
        return mid
`,
	`
class A:
    __private = 1
    def __m(self, __arg):
        return self.__private, __arg
    x: int = 1
    y: "str"
    [w for w in range(3)]
    def uses_class(self):
        return __class__
`,
}

func TestSymtableMatchesCPython(t *testing.T) {
	for _, src := range symtableSources {
		want := cpythonSymtables(t, src, "-")["-"]
		st, err := buildSymtable(parseSrc(t, src), "<test>", 0)
		if err != nil {
			t.Fatalf("%v", err)
		}
		if d := diffLines(want, symDump(st)); d != "" {
			t.Errorf("scopes differ from CPython for:\n%s\n%s", src, d)
		}
	}
}

// TestSymtableStdlibSample compares scopes for a sample of the standard
// library.
func TestSymtableStdlibSample(t *testing.T) {
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
	// Every fifth file keeps the test quick.
	var sample []string
	for i := 0; i < len(files); i += 5 {
		sample = append(sample, files[i])
	}
	files = sample
	want := cpythonSymtables(t, "", files...)
	for _, p := range cpythonParse(t, "exec", nil, files...) {
		w, ok := want[p.file]
		if p.err != "" || !ok {
			continue
		}
		st, err := buildSymtable(p.mod, p.file, 0)
		if err != nil {
			t.Errorf("%s: %v", p.file, err)
			continue
		}
		if d := diffLines(w, symDump(st)); d != "" {
			if len(d) > 3000 {
				d = d[:3000]
			}
			t.Errorf("%s: scopes differ from CPython:\n%s", p.file, d)
		}
	}
	_ = syntax.ModeExec
}
