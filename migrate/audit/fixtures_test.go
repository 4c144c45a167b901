package audit

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

const pyInclude = "/usr/include/python3.11"

// buildFixture compiles testdata/<src>.c into dir/<name> as a shared
// object; extra are more cc flags. It skips the test when cc or the
// CPython 3.11 headers are missing.
func buildFixture(t *testing.T, dir, src, name string, extra ...string) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(pyInclude, "Python.h")); err != nil {
		t.Skip("CPython 3.11 headers not installed")
	}
	cc, err := exec.LookPath("cc")
	if err != nil {
		t.Skip("no C compiler")
	}
	out := filepath.Join(dir, name)
	args := append([]string{"-shared", "-fPIC", "-O0", "-I" + pyInclude, "-o", out, filepath.Join("testdata", src+".c")}, extra...)
	if msg, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		t.Fatalf("cc %v: %v\n%s", args, err, msg)
	}
	return out
}
