// Package stdlibfiles lists the Python files of the host's CPython 3.11
// standard library for the tests that parse or compile all of it (or a
// sample of it).
package stdlibfiles

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dir is where Debian installs the standard library.
const Dir = "/usr/lib/python3.11"

// testsuiteList is dpkg's list of the files of CPython's regression test
// suite (installed for `make stdtest`). Those are not the standard
// library: some are deliberately invalid Python, and their number would
// shift the every-Nth-file samples the tests take.
const testsuiteList = "/var/lib/dpkg/info/libpython3.11-testsuite.list"

// List returns the sorted paths of the standard library's .py files,
// without those of the regression test suite package.
func List() []string {
	skip := map[string]bool{}
	if f, err := os.Open(testsuiteList); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			skip[sc.Text()] = true
		}
		f.Close()
	}
	var files []string
	filepath.WalkDir(Dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") && !skip[path] {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files
}
