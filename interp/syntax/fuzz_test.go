package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, whatever the input, and that
// errors carry a message and a line.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"valid.txt", "errors.txt", "more.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			continue
		}
		for _, s := range strings.Split(string(data), "\n#---\n") {
			f.Add([]byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, mode := range []Mode{ModeExec, ModeEval, ModeSingle} {
			mod, err := Parse("<fuzz>", src, mode)
			if err != nil {
				e, ok := err.(*Error)
				if !ok || e.Msg == "" {
					t.Fatalf("bad error %#v", err)
				}
				continue
			}
			_ = Dump(mod)
		}
	})
}
