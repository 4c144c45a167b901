package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
		done := make(chan struct{})
		go func() {
			defer close(done)
			for _, mode := range []Mode{ModeExec, ModeEval, ModeSingle} {
				Parse("<fuzz>", src, mode)
			}
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("too slow: %q", src)
		}
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
