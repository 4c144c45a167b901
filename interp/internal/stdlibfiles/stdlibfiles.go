// Package stdlibfiles lists the host's standard-library sources for the
// tests that parse and compile all of them or a sample.
package stdlibfiles

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// testsuiteList is where dpkg records the files of Debian's
// libpython3.11-testsuite: CPython's own test suite, which installs into
// the library's directory (test/, lib2to3/tests/, ctypes/test/, ...)
// and holds deliberately invalid sources (bad encodings, Python 2
// syntax). The tests cover the library, so those files are left out,
// and installing the package does not change which files a sample
// takes.
const testsuiteList = "/var/lib/dpkg/info/libpython3.11-testsuite.list"

// Files returns the .py files under root in lexical order, without the
// test suite's.
func Files(root string) []string {
	skip := map[string]bool{}
	if b, err := os.ReadFile(testsuiteList); err == nil {
		for _, p := range strings.Split(string(b), "\n") {
			skip[p] = true
		}
	}
	var files []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") && !skip[path] {
			files = append(files, path)
		}
		return nil
	})
	return files
}
