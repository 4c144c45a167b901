package compile

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"freepy/internal/stdlibfiles"
	"freepy/interp/syntax"
)

// lineDump lists the line of every call, subscript and raise of each code
// object, like testdata/linedump.py does for CPython.
func lineDump(code *Code, out *[]string) {
	var items []string
	for i, in := range code.Instrs {
		k := ""
		switch in.Op() {
		case CALL, CALL_KW, CALL_METHOD, CALL_EX:
			k = "C"
		case BINARY_SUBSCR:
			k = "S"
		case RAISE_VARARGS:
			k = "R"
		}
		if k != "" {
			items = append(items, fmt.Sprintf("%s@%d", k, code.Positions[i].Line))
		}
	}
	*out = append(*out, fmt.Sprintf("%s %d: %s", code.QualName, code.FirstLine, strings.Join(items, " ")))
	for _, k := range code.Consts {
		if sub, ok := k.(*Code); ok {
			lineDump(sub, out)
		}
	}
}

// TestLinesMatchCPython compares the line numbers of the instructions
// that can raise (calls, subscripts, raise), which is what tracebacks
// show, with CPython's for a sample of the standard library.
func TestLinesMatchCPython(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	files := stdlibfiles.List()
	var sample []string
	for i := 0; i < len(files); i += 7 {
		sample = append(sample, files[i])
	}
	out, err := exec.Command(refPython, append([]string{"testdata/linedump.py"}, sample...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		if strings.HasPrefix(line, "== ") {
			cur = strings.TrimPrefix(line, "== ")
			continue
		}
		want[cur] = append(want[cur], line)
	}
	bad := 0
	for _, p := range cpythonParse(t, "exec", nil, sample...) {
		w, ok := want[p.file]
		if p.err != "" || !ok {
			continue
		}
		code, err := Compile(p.mod, p.file, syntax.ModeExec, Flags{})
		if err != nil {
			t.Errorf("%s: %v", p.file, err)
			continue
		}
		var got []string
		lineDump(code, &got)
		if len(got) != len(w) {
			t.Errorf("%s: %d code objects, CPython has %d", p.file, len(got), len(w))
			continue
		}
		for i := range got {
			if got[i] != w[i] {
				bad++
				if bad <= 15 {
					t.Errorf("%s:\n  got  %s\n  want %s", p.file, got[i], w[i])
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d code objects differ", bad)
	}
}
