package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestExtensions runs every example extension under extensions/ three
// ways and compares: its driver test_<name>.py under CPython 3.11 with the
// module built by python3.11-config (the reference), under freepy with the
// module built against include/ (freepy's free-threaded tag), and under
// freepy with the very .so CPython loaded (a legacy binary, built for a GIL
// build). Keys in known_failures.txt: ext:NAME:freepy and ext:NAME:cpython.
func TestExtensions(t *testing.T) {
	if err := checkReference(); err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob(filepath.Join(repoRoot, "extensions", "*"))
	if len(dirs) == 0 {
		t.Fatal("no extensions found")
	}
	// freepy-config finds include/ next to its bin/ directory
	prefix := t.TempDir()
	if err := os.Symlink(filepath.Join(repoRoot, "include"), filepath.Join(prefix, "include")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(prefix, "bin", "freepy-config")
	if out, err := exec.Command("go", "build", "-C", repoRoot, "-o", cfg, "./cmd/freepy-config").CombinedOutput(); err != nil {
		t.Fatalf("build freepy-config: %v\n%s", err, out)
	}
	fcflags := configWords(t, cfg, "--cflags")
	fsuffix := strings.TrimSpace(configOut(t, cfg, "--extension-suffix"))
	ccflags := configWords(t, "python3.11-config", "--includes")
	initRE := regexp.MustCompile(`PyInit_(\w+)`)
	for _, dir := range dirs {
		srcs, _ := filepath.Glob(filepath.Join(dir, "*.c"))
		drivers, _ := filepath.Glob(filepath.Join(dir, "test_*.py"))
		if len(srcs) == 0 || len(drivers) != 1 {
			continue
		}
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			tmp := t.TempDir()
			fdir, cdir := filepath.Join(tmp, "freepy"), filepath.Join(tmp, "cpython")
			os.MkdirAll(fdir, 0o755)
			os.MkdirAll(cdir, 0o755)
			// each .c file is one module, named by its PyInit_ function
			for _, src := range srcs {
				text, err := os.ReadFile(src)
				if err != nil {
					t.Fatal(err)
				}
				m := initRE.FindSubmatch(text)
				if m == nil {
					t.Fatalf("%s: no PyInit_ function", src)
				}
				mod := string(m[1])
				compile(t, fcflags, []string{src}, filepath.Join(fdir, mod+fsuffix))
				compile(t, ccflags, []string{src}, filepath.Join(cdir, mod+".cpython-311-x86_64-linux-gnu.so"))
			}
			spec := func(bin, path string) runSpec {
				return runSpec{bin: bin, args: []string{drivers[0]}, dir: dir,
					env: []string{"PYTHONPATH=" + path}, timeout: 30 * time.Second}
			}
			ref := run(spec(refPython, cdir))
			if ref.err != nil || ref.exit != 0 {
				t.Fatalf("reference run failed: %v (exit %d)\n%s", ref.err, ref.exit, tail(ref.stderr, 10))
			}
			for _, v := range []struct{ kind, dir string }{{"freepy", fdir}, {"cpython", cdir}} {
				t.Run(v.kind, func(t *testing.T) {
					var got result
					if freepyBin == "" {
						got.err = freepyErr
					} else {
						got = run(spec(freepyBin, v.dir))
					}
					judge(t, "ext:"+name+":"+v.kind, compareRuns(ref, got))
				})
			}
		})
	}
}

// extensionKeys lists the known-failure keys the extension tests use.
func extensionKeys() []string {
	dirs, _ := filepath.Glob(filepath.Join(repoRoot, "extensions", "*"))
	var keys []string
	for _, d := range dirs {
		for _, kind := range []string{"freepy", "cpython"} {
			keys = append(keys, "ext:"+filepath.Base(d)+":"+kind)
		}
	}
	return keys
}

func configOut(t *testing.T, bin, flag string) string {
	out, err := exec.Command(bin, flag).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", bin, flag, err)
	}
	return string(out)
}

func configWords(t *testing.T, bin, flag string) []string {
	return strings.Fields(configOut(t, bin, flag))
}

func compile(t *testing.T, cflags, srcs []string, out string) {
	args := append([]string{"-shared", "-fPIC", "-O1", "-Wall", "-Wextra", "-o", out}, cflags...)
	args = append(args, srcs...)
	if b, err := exec.Command("cc", args...).CombinedOutput(); err != nil {
		t.Fatalf("cc %s: %v\n%s", strings.Join(args, " "), err, b)
	}
}

// TestCAPIDebug: with FREEPY_CAPI_DEBUG=1 a refcount underflow and the use
// of a freed object are reported with the object's type, and the program
// goes on (the memory is kept, poisoned).
func TestCAPIDebug(t *testing.T) {
	if freepyBin == "" {
		t.Fatal(freepyErr)
	}
	prefix := t.TempDir()
	if err := os.Symlink(filepath.Join(repoRoot, "include"), filepath.Join(prefix, "include")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	compile(t, []string{"-I" + filepath.Join(repoRoot, "include")},
		[]string{filepath.Join(repoRoot, "capi", "testdata", "debugcheck", "debugcheck.c")},
		filepath.Join(dir, "debugcheck.freepy-311t-x86_64-linux-gnu.so"))
	r := run(runSpec{bin: freepyBin, dir: dir, timeout: 30 * time.Second,
		args: []string{"-c", "import debugcheck\ndebugcheck.overdecref()\nprint(debugcheck.use_freed())\nprint('still running')"},
		env:  []string{"FREEPY_CAPI_DEBUG=1", "PYTHONPATH=" + dir}})
	if r.err != nil || r.exit != 0 {
		t.Fatalf("exit %d, %v\n%s", r.exit, r.err, r.stderr)
	}
	for _, want := range []string{"refcount underflow: a 'list' object", "use of a freed 'tuple' object"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "still running") {
		t.Errorf("stdout: %q", r.stdout)
	}
}
