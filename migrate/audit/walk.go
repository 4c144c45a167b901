package audit

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Collect expands the command-line arguments into the files to audit: a
// file is taken as given; a directory contributes every regular file whose
// name ends in ".so" below it, in sorted order. Symbolic links inside a
// directory are skipped (they would audit the same file twice). Arguments
// that cannot be read are returned as errors, in argument order.
func Collect(args []string) (files []string, errs []error) {
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".so") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", a, err))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}
