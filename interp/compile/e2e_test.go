package compile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"freepy/interp/syntax"
)

// TestStdlibOwnParser compiles every standard-library file that freepy's
// own parser accepts, end to end, and verifies the code.
func TestStdlibOwnParser(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	n, failures := 0, 0
	filepath.Walk("/usr/lib/python3.11", func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".py") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		mod, err := syntax.Parse(path, src, syntax.ModeExec)
		if err != nil {
			return nil
		}
		n++
		code, err := Compile(mod, path, syntax.ModeExec, Flags{})
		if err == nil {
			err = verify(code)
		}
		if err != nil && !(isSyntaxError(err) && expectedCompileError(path)) {
			failures++
			if failures < 20 {
				t.Errorf("%s: %v", path, err)
			}
		}
		return nil
	})
	t.Logf("%d files compiled", n)
	if failures > 0 {
		t.Errorf("%d files failed", failures)
	}
}

func isSyntaxError(err error) bool {
	_, ok := err.(*syntax.Error)
	return ok
}

func TestModes(t *testing.T) {
	mod, err := syntax.Parse("<e>", []byte("a + 1"), syntax.ModeEval)
	if err != nil {
		t.Fatal(err)
	}
	code, err := Compile(mod, "<e>", syntax.ModeEval, Flags{})
	if err != nil {
		t.Fatal(err)
	}
	if err := verify(code); err != nil {
		t.Fatal(err)
	}
	last := code.Instrs[len(code.Instrs)-1]
	if last.Op() != RETURN_VALUE || code.Instrs[len(code.Instrs)-2].Op() != BINARY_OP {
		t.Errorf("eval code does not return the value:\n%s", Disassemble(code))
	}
	mod, err = syntax.Parse("<s>", []byte("x = 1; x\n"), syntax.ModeSingle)
	if err != nil {
		t.Fatal(err)
	}
	code, err = Compile(mod, "<s>", syntax.ModeSingle, Flags{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, in := range code.Instrs {
		if in.Op() == PRINT_EXPR {
			found = true
		}
	}
	if !found {
		t.Errorf("interactive code has no PRINT_EXPR:\n%s", Disassemble(code))
	}
	if _, err := Compile(mod, "<s>", syntax.ModeExec, Flags{}); err == nil {
		t.Errorf("mode mismatch accepted")
	}
}
