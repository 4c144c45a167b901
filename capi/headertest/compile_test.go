package headertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The headers on their own: every header, pedantic, in C99, C11 and C++17.
func TestHeadersPedanticClean(t *testing.T) {
	cc := needCC(t)
	inc := includeDir(t)
	hdrs, err := filepath.Glob(filepath.Join(inc, "*.h"))
	if err != nil || len(hdrs) == 0 {
		t.Fatalf("no headers in %s: %v", inc, err)
	}
	var src strings.Builder
	src.WriteString("#include <Python.h>\n")
	for _, h := range hdrs {
		src.WriteString("#include <" + filepath.Base(h) + ">\n")
	}
	src.WriteString("int main(void) { return 0; }\n")
	dir := t.TempDir()
	cfile := filepath.Join(dir, "all.c")
	if err := os.WriteFile(cfile, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	strict := []string{"-Wall", "-Wextra", "-Wpedantic", "-Werror", "-fsyntax-only", "-I", inc}
	for _, std := range []string{"c99", "c11"} {
		run(t, cc, append([]string{"-std=" + std}, append(strict, cfile)...)...)
	}
	cxx := needCXX(t)
	run(t, cxx, append([]string{"-x", "c++", "-std=c++17"}, append(strict, cfile)...)...)
}

// Each example extension builds warning-free against include/, as C and
// as C++, into a shared object.
func TestExamplesCompileAgainstFreepyHeaders(t *testing.T) {
	cc := needCC(t)
	cxx := needCXX(t)
	inc := includeDir(t)
	dir := t.TempDir()
	for name, srcs := range examples(t) {
		t.Run(name, func(t *testing.T) {
			for _, src := range srcs {
				so := filepath.Join(dir, name+".so")
				run(t, cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", inc,
					"-fPIC", "-shared", "-o", so, src)
				run(t, cxx, "-x", "c++", "-std=c++17", "-Wall", "-Wextra", "-Werror", "-I", inc,
					"-fPIC", "-shared", "-o", so, src)
				// The module's entry point must be exported.
				out, err := exec.Command("nm", "-D", "--defined-only", so).Output()
				if err == nil && !strings.Contains(string(out), "PyInit_"+moduleName(t, src)) {
					t.Errorf("%s does not export PyInit_%s", so, moduleName(t, src))
				}
			}
		})
	}
}

// Each example builds against CPython 3.11's headers with CPython's own
// flags, imports under /usr/bin/python3.11 and its driver runs cleanly.
func TestExamplesRunUnderCPython(t *testing.T) {
	cc := needCC(t)
	needCPython(t)
	cflags := pyConfig(t, "--cflags")
	suffix := strings.TrimSpace(strings.Join(pyConfig(t, "--extension-suffix"), ""))
	for name, srcs := range examples(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for _, src := range srcs {
				so := filepath.Join(dir, moduleName(t, src)+suffix)
				args := append(append([]string{}, cflags...), "-Wextra", "-Werror", "-fPIC", "-shared", "-o", so, src)
				run(t, cc, args...)
			}
			driver := filepath.Join(repoRoot(t), "extensions", name, "test_"+name+".py")
			if _, err := os.Stat(driver); err != nil {
				t.Fatalf("example %s has no driver: %v", name, err)
			}
			cmd := exec.Command(refPython, "-X", "dev", driver)
			cmd.Env = append(os.Environ(), "PYTHONPATH="+dir)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("driver failed: %v\n%s", err, out)
			}
			if strings.Contains(string(out), "Traceback") || len(strings.TrimSpace(string(out))) == 0 {
				t.Fatalf("driver output looks wrong:\n%s", out)
			}
		})
	}
}

// The inline parts of the headers behave: atomic, immortality-aware
// refcounting, PyMutex, critical sections (testdata/refcount_test.c).
func TestInlineRefcountingAndLocks(t *testing.T) {
	cc := needCC(t)
	exe := filepath.Join(t.TempDir(), "refcount_test")
	for _, opt := range []string{"-O0", "-O2"} {
		run(t, cc, "-std=c11", opt, "-Wall", "-Wextra", "-Werror", "-pthread", "-I", includeDir(t),
			"-o", exe, filepath.Join("testdata", "refcount_test.c"))
		out := run(t, exe)
		if !strings.HasPrefix(out, "PASS") {
			t.Fatalf("%s:\n%s", opt, out)
		}
	}
}
