package syntax

import (
	"os"
	"testing"
	"time"

	"freepy/internal/stdlibfiles"
)

const stdlibDir = "/usr/lib/python3.11"

func stdlibFiles(t *testing.T) []string {
	if _, err := os.Stat(stdlibDir); err != nil {
		t.Skip("no CPython 3.11 standard library")
	}
	return stdlibfiles.List()
}

// TestStdlibParses parses every module of the standard library; CPython
// parses all of them, so must we.
func TestStdlibParses(t *testing.T) {
	files := stdlibFiles(t)
	start := time.Now()
	var total int
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		total += len(src)
		if _, err := Parse(f, src, ModeExec); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	t.Logf("%d files, %d MB in %v", len(files), total>>20, time.Since(start))
}

// firstDiff shows where two dumps start to differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-300, 0)
	return "\n got ..." + a[lo:min(i+200, len(a))] + "\nwant ..." + b[lo:min(i+200, len(b))]
}

// TestStdlibDump compares the whole tree of a sample of standard library
// modules with CPython's ast.dump.
func TestStdlibDump(t *testing.T) {
	files := stdlibFiles(t)
	step := 3
	if testing.Short() {
		step = 40
	}
	var sample []string
	var srcs []string
	for i := 0; i < len(files); i += step {
		src, err := os.ReadFile(files[i])
		if err != nil {
			continue
		}
		sample = append(sample, files[i])
		srcs = append(srcs, string(src))
	}
	ref := reference(t, srcs, "exec")
	for i, f := range sample {
		mod, err := Parse(f, []byte(srcs[i]), ModeExec)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if got := Dump(mod); got != ref[i].Dump {
			t.Errorf("%s differs:%s", f, firstDiff(got, ref[i].Dump))
		}
	}
}
