package compile

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"freepy/interp/syntax"
)

var update = flag.Bool("update", false, "rewrite the golden disassembly files")

// TestGolden compiles testdata/golden/*.py with freepy's parser and
// compares the disassembly with the .dis file next to it. Run with
// -update after an intended change, and review the diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.py")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		mod, err := syntax.Parse(filepath.Base(f), src, syntax.ModeExec)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		code, err := Compile(mod, filepath.Base(f), syntax.ModeExec, Flags{})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if err := verify(code); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		got := Disassemble(code)
		golden := strings.TrimSuffix(f, ".py") + ".dis"
		if *update {
			os.WriteFile(golden, []byte(got), 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (run with -update)", f, err)
			continue
		}
		if string(want) != got {
			t.Errorf("%s: disassembly differs from %s:\n%s", f, golden, got)
		}
	}
}
