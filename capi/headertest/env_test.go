package headertest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const (
	refPython    = "/usr/bin/python3.11"
	refConfig    = "/usr/bin/python3.11-config"
	refPythonHdr = "/usr/include/python3.11/Python.h"
)

// repoRoot is two levels up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the test source")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

func includeDir(t *testing.T) string {
	return filepath.Join(repoRoot(t), "include")
}

// needCC returns the C compiler, skipping the test when there is none.
func needCC(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"cc", "gcc", "clang"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no C compiler (cc, gcc, clang) on PATH")
	return ""
}

// needCXX returns the C++ compiler, skipping the test when there is none.
func needCXX(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"c++", "g++", "clang++"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no C++ compiler (c++, g++, clang++) on PATH")
	return ""
}

// needCPythonHeaders skips the test unless python3.11-dev is installed.
func needCPythonHeaders(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(refPythonHdr); err != nil {
		t.Skip("CPython 3.11 headers missing (install python3.11-dev): " + err.Error())
	}
	if _, err := os.Stat(refConfig); err != nil {
		t.Skip("python3.11-config missing (install python3.11-dev): " + err.Error())
	}
}

func needCPython(t *testing.T) {
	t.Helper()
	needCPythonHeaders(t)
	if _, err := os.Stat(refPython); err != nil {
		t.Skip("reference interpreter missing: " + err.Error())
	}
}

// run runs a command and returns its combined output, failing the test
// (with the output) if it does not succeed.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pyConfig answers a python3.11-config query as a list of flags.
func pyConfig(t *testing.T, opt string) []string {
	t.Helper()
	out, err := exec.Command(refConfig, opt).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", refConfig, opt, err)
	}
	return strings.Fields(string(out))
}

// examples lists extensions/<name>/ directories and their C sources.
func examples(t *testing.T) map[string][]string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(repoRoot(t), "extensions", "*"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, d := range dirs {
		srcs, _ := filepath.Glob(filepath.Join(d, "*.c"))
		if len(srcs) > 0 {
			out[filepath.Base(d)] = srcs
		}
	}
	if len(out) == 0 {
		t.Fatal("no example extensions found")
	}
	return out
}

// moduleName reads the PyInit_<name> of a source, which is the name the
// shared object must have.
func moduleName(t *testing.T, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("PyInit_"))
	if i < 0 {
		t.Fatalf("%s has no PyInit_ function", src)
	}
	j := i + len("PyInit_")
	k := j
	for k < len(b) && (b[k] == '_' || b[k] >= 'a' && b[k] <= 'z' || b[k] >= 'A' && b[k] <= 'Z' || b[k] >= '0' && b[k] <= '9') {
		k++
	}
	return string(b[j:k])
}
