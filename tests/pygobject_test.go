package tests

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPyGObject runs tests/pygobject/gobject.py, which loads Debian's
// PyGObject (a CPython 3.11 binary: a legacy extension for freepy) with
// the gi.repository overrides, under CPython and freepy and requires the
// same output. Skipped when python3-gi or GLib's typelibs are missing
// (scripts/ensure-deps.sh installs them).
func TestPyGObject(t *testing.T) {
	for _, need := range []string{"/usr/lib/python3/dist-packages/gi/_gi.cpython-311-x86_64-linux-gnu.so",
		"/usr/lib/x86_64-linux-gnu/girepository-1.0/GObject-2.0.typelib",
		"/usr/lib/x86_64-linux-gnu/girepository-1.0/Gio-2.0.typelib",
		"/usr/lib/python3/dist-packages/pygtkcompat"} {
		if _, err := os.Stat(need); err != nil {
			t.Skipf("SKIPPED, NOT PASSED: %s is not installed (scripts/ensure-deps.sh installs python3-gi and gir1.2-glib-2.0)", need)
		}
	}
	if err := checkReference(); err != nil {
		t.Fatal(err)
	}
	prog := filepath.Join(testsDir, "pygobject", "gobject.py")
	spec := func(bin string) runSpec {
		return runSpec{bin: bin, args: []string{prog}, dir: t.TempDir(), timeout: 60 * time.Second}
	}
	ref := run(spec(refPython))
	if ref.err != nil || ref.exit != 0 {
		t.Fatalf("reference run failed: %v (exit %d)\n%s", ref.err, ref.exit, tail(ref.stderr, 10))
	}
	var got result
	if freepyBin == "" {
		got.err = freepyErr
	} else {
		got = run(spec(freepyBin))
	}
	judge(t, "pygobject", compareRuns(ref, got))
}
