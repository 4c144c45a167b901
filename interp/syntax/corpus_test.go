package syntax

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestCorpusDiff compares, for every .py file under $SYNTAX_CORPUS, our
// result with CPython 3.11's: the same tree, or the same error message
// and position. It is a survey for development (other Python versions'
// test suites make good corpora); it only runs when asked.
func TestCorpusDiff(t *testing.T) {
	dir := os.Getenv("SYNTAX_CORPUS")
	if dir == "" {
		t.Skip("set SYNTAX_CORPUS to a directory of .py files")
	}
	var files []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	var srcs, names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) > 2<<20 {
			continue
		}
		srcs = append(srcs, string(data))
		names = append(names, f)
	}
	const batch = 200
	bad, shown := 0, 0
	for lo := 0; lo < len(srcs); lo += batch {
		hi := min(lo+batch, len(srcs))
		ref := reference(t, srcs[lo:hi], "exec")
		for i := lo; i < hi; i++ {
			r := ref[i-lo]
			if r.Err != "" && r.Err != "SyntaxError" {
				continue
			}
			mod, err := Parse("<unknown>", []byte(srcs[i]), ModeExec)
			var got, want string
			if err != nil {
				e := err.(*Error)
				got = e.Kind + ": " + e.Msg + " @" + itoa(e.Line) + ":" + itoa(e.Col)
			} else {
				got = Dump(mod)
			}
			if r.Err != "" {
				want = r.Kind + ": " + r.Msg + " @" + itoa(r.Line) + ":" + itoa(r.Col)
			} else {
				want = r.Dump
			}
			if got != want {
				bad++
				if shown < 40 {
					shown++
					if err == nil && r.Err == "" {
						t.Logf("%s:%s", names[i], firstDiff(got, want))
					} else {
						t.Logf("%s:\n got %.300s\nwant %.300s", names[i], got, want)
					}
				}
			}
		}
	}
	t.Logf("%d/%d files differ", bad, len(srcs))
}
