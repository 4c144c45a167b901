package syntax

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const refPython = "/usr/bin/python3.11"

// pyResult is what CPython says about one source: the ast.dump with
// attributes, or the SyntaxError's details.
type pyResult struct {
	Dump    string `json:"dump"`
	Err     string `json:"err"`
	Kind    string `json:"kind"`
	Msg     string `json:"msg"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	EndLine int    `json:"end_line"`
	EndCol  int    `json:"end_col"`
}

const refScript = `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
srcs = json.load(sys.stdin)
out = []
for item in srcs:
    src, mode = item
    try:
        t = ast.parse(src, mode=mode)
        out.append({"dump": ast.dump(t, include_attributes=True)})
    except SyntaxError as e:
        out.append({"err": "SyntaxError", "kind": type(e).__name__, "msg": e.msg,
                    "line": e.lineno or 0, "col": e.offset or 0,
                    "end_line": e.end_lineno or 0, "end_col": e.end_offset or 0})
    except Exception as e:
        out.append({"err": type(e).__name__, "msg": str(e)})
json.dump(out, sys.stdout)
`

// reference asks CPython 3.11 about many sources at once.
func reference(t testing.TB, srcs []string, mode string) []pyResult {
	t.Helper()
	if _, err := os.Stat(refPython); err != nil {
		t.Skip("no reference CPython 3.11")
	}
	items := make([][2]string, len(srcs))
	for i, s := range srcs {
		items[i] = [2]string{s, mode}
	}
	in, _ := json.Marshal(items)
	cmd := exec.Command(refPython, "-c", refScript)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("reference python: %v", err)
	}
	var res []pyResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("reference output: %v", err)
	}
	return res
}

func modeOf(m string) Mode {
	switch m {
	case "eval":
		return ModeEval
	case "single":
		return ModeSingle
	}
	return ModeExec
}

// compareWithCPython parses each source and checks the dump (or the
// error) against CPython's.
func compareWithCPython(t *testing.T, srcs []string, mode string, checkErrPos bool) {
	ref := reference(t, srcs, mode)
	for i, src := range srcs {
		r := ref[i]
		mod, err := Parse("<unknown>", []byte(src), modeOf(mode))
		if r.Err == "" {
			if err != nil {
				t.Errorf("%q: unexpected error %v", src, err)
				continue
			}
			if got := Dump(mod); got != r.Dump {
				t.Errorf("%q:%s", src, firstDiff(got, r.Dump))
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: parsed, CPython says %s: %s", src, r.Kind, r.Msg)
			continue
		}
		e := err.(*Error)
		if r.Err != "SyntaxError" {
			continue // ValueError for null bytes etc.
		}
		if e.Kind != r.Kind || e.Msg != r.Msg {
			t.Errorf("%q: got %s %q, want %s %q", src, e.Kind, e.Msg, r.Kind, r.Msg)
			continue
		}
		if checkErrPos && (e.Line != r.Line || e.Col != r.Col) {
			t.Errorf("%q: %s at %d:%d, want %d:%d", src, e.Msg, e.Line, e.Col, r.Line, r.Col)
		}
	}
}

func readSnippets(t *testing.T, name string) []string {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range strings.Split(string(data), "\n#---\n") {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func TestGoldenSnippets(t *testing.T) {
	compareWithCPython(t, readSnippets(t, "valid.txt"), "exec", true)
}

func TestErrorsMatchCPython(t *testing.T) {
	compareWithCPython(t, readSnippets(t, "errors.txt"), "exec", true)
}

func TestGoldenMore(t *testing.T) {
	compareWithCPython(t, readSnippets(t, "more.txt"), "exec", true)
}

func TestGoldenEval(t *testing.T) {
	compareWithCPython(t, []string{"1", "a, b", "x if y else z", "lambda: 0", "(yield)", "a\n", "a\n\n", "f(x)\n  ", "1,", "*a, b", "a = 1", "a b", "x\n# c", "x # c"}, "eval", true)
}

func TestGoldenSingle(t *testing.T) {
	compareWithCPython(t, []string{"1", "x = 1\n", "if x:\n  pass\n", "if x:\n  pass\nelse:\n  y\n", "a; b\n", "def f(): pass\n", "x = 1\ny = 2\n", "for x in y: pass\n"}, "single", true)
}

// TestEmptyInput: CPython accepts empty files and rejects empty eval and
// single input (positions there are CPython accidents, not checked).
func TestEmptyInput(t *testing.T) {
	for _, src := range []string{"", "\n", "  \n", "# c"} {
		if m, err := Parse("f", []byte(src), ModeExec); err != nil || len(m.(*Module).Body) != 0 {
			t.Errorf("exec %q: %v %v", src, m, err)
		}
		if _, err := Parse("f", []byte(src), ModeSingle); err == nil {
			t.Errorf("single %q: no error", src)
		}
		if _, err := Parse("f", []byte(src), ModeEval); err == nil {
			t.Errorf("eval %q: no error", src)
		}
	}
}
