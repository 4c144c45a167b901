package tests

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// conformanceFiles lists the test programs under tests/conformance, as
// paths relative to that directory. A .py file is a test unless its name
// starts with "_" or it lives inside a Python package (a directory with an
// __init__.py): those are helper modules that tests import.
func conformanceFiles() ([]string, error) {
	base := filepath.Join(testsDir, "conformance")
	var files []string
	err := filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path == base {
				return nil
			}
			if strings.HasPrefix(name, "_") {
				return fs.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "__init__.py")); err == nil {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".py") && !strings.HasPrefix(name, "_") {
			rel, err := filepath.Rel(base, path)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// conformanceKey is a test's name in known_failures.txt.
func conformanceKey(rel string) string { return "conformance/" + rel }

// directives are the settings a test program declares in its leading
// comment block:
//
//	# args: a b c       command-line arguments (split on white space)
//	# stdin: input.txt  file (next to the program) fed to standard input
//	# exit: 1           exit code CPython is expected to give (default 0)
//	# timeout: 30       seconds allowed per run (default 10)
type directives struct {
	args    []string
	stdin   string
	exit    int
	timeout time.Duration
}

func parseDirectives(src []byte) (directives, error) {
	var d directives
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "#") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(line[1:]), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "args":
			d.args = strings.Fields(val)
		case "stdin":
			d.stdin = val
		case "exit":
			n, err := strconv.Atoi(val)
			if err != nil {
				return d, fmt.Errorf("bad exit directive %q", val)
			}
			d.exit = n
		case "timeout":
			n, err := strconv.Atoi(val)
			if err != nil || n <= 0 {
				return d, fmt.Errorf("bad timeout directive %q", val)
			}
			d.timeout = time.Duration(n) * time.Second
		}
	}
	return d, nil
}

// programSpec builds the run of one conformance program: it runs in its own
// directory, named by its base name, so both interpreters see the same
// sys.argv[0], __file__ and relative paths.
func programSpec(t *testing.T, rel string) (runSpec, directives) {
	t.Helper()
	path := filepath.Join(testsDir, "conformance", filepath.FromSlash(rel))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := parseDirectives(src)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	spec := runSpec{
		args:    append([]string{filepath.Base(path)}, d.args...),
		dir:     filepath.Dir(path),
		timeout: d.timeout,
	}
	if d.stdin != "" {
		spec.stdin, err = os.ReadFile(filepath.Join(spec.dir, d.stdin))
		if err != nil {
			t.Fatalf("%s: stdin directive: %v", rel, err)
		}
	}
	return spec, d
}

// refRuns memoizes the reference's run of each program (with the standard
// environment), which TestConformance and TestReferenceSelfCheck share.
var refRuns sync.Map // rel -> *refRun

type refRun struct {
	once sync.Once
	res  result
}

func referenceRun(rel string, spec runSpec) result {
	v, _ := refRuns.LoadOrStore(rel, &refRun{})
	r := v.(*refRun)
	r.once.Do(func() {
		spec.bin = refPython
		r.res = run(spec)
	})
	return r.res
}

// TestConformance runs every program under CPython and freepy and compares
// stdout, the last line of stderr and the exit code.
func TestConformance(t *testing.T) {
	if err := checkReference(); err != nil {
		t.Fatal(err)
	}
	files, err := conformanceFiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no conformance programs found")
	}
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			conformanceStats.track(t)
			t.Parallel()
			spec, d := programSpec(t, rel)
			ref := referenceRun(rel, spec)
			if ref.err != nil {
				t.Fatalf("reference: %v", ref.err)
			}
			if ref.exit != d.exit {
				t.Fatalf("reference exits %d, the program declares exit %d\nstderr:\n%s", ref.exit, d.exit, tail(ref.stderr, 10))
			}
			var got result
			if freepyBin == "" {
				got.err = freepyErr
			} else {
				spec.bin = freepyBin
				got = run(spec)
			}
			judge(t, conformanceKey(rel), compareRuns(ref, got))
		})
	}
}

// TestReferenceSelfCheck runs each program twice under CPython, with two
// different hash seeds, and requires identical output, the declared exit
// code, and a silent stderr when that code is 0. A program whose output depends on timing, ids or string-hash order
// would make freepy fail for no fault of its own; this catches it.
func TestReferenceSelfCheck(t *testing.T) {
	if err := checkReference(); err != nil {
		t.Fatal(err)
	}
	files, err := conformanceFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			spec, d := programSpec(t, rel)
			first := referenceRun(rel, spec)
			spec.bin = refPython
			// Later entries of the environment win.
			spec.env = append(spec.env, "PYTHONHASHSEED=12345")
			second := run(spec)
			for i, r := range []result{first, second} {
				if r.err != nil {
					t.Fatalf("run %d: %v", i+1, r.err)
				}
				if r.exit != d.exit {
					t.Fatalf("run %d exits %d, the program declares exit %d\nstderr:\n%s", i+1, r.exit, d.exit, tail(r.stderr, 10))
				}
			}
			// Warnings and other stray stderr text would have to be matched
			// by freepy too; a program that succeeds must stay quiet.
			if d.exit == 0 && first.stderr != "" {
				t.Errorf("exits 0 but writes to stderr:\n%s", tail(first.stderr, 10))
			}
			if first.stdout != second.stdout {
				t.Errorf("stdout is not deterministic:\n%s", describeDiff(first.stdout, second.stdout))
			}
			if first.stderr != second.stderr {
				t.Errorf("stderr is not deterministic:\n%s", describeDiff(first.stderr, second.stderr))
			}
		})
	}
}
