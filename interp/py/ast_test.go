package py

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"freepy/interp/syntax"
)

// TestASTRoundTrip converts parse results to ast objects and back: the
// tree must come back unchanged (every field and position survives both
// conversions), for the parser's test snippets and some stdlib modules.
func TestASTRoundTrip(t *testing.T) {
	_, th := NewInterp()
	var srcs []string
	for _, f := range []string{"../syntax/testdata/valid.txt", "../syntax/testdata/more.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, strings.Split(string(b), "#---\n")...)
	}
	for _, f := range []string{"ast.py", "dataclasses.py", "argparse.py", "typing.py", "asyncio/tasks.py", "re/_parser.py"} {
		b, err := os.ReadFile(filepath.Join("/usr/lib/python3.11", f))
		if err != nil {
			t.Logf("skipping %s: %v", f, err)
			continue
		}
		srcs = append(srcs, string(b))
	}
	for i, src := range srcs {
		for _, mode := range []syntax.Mode{syntax.ModeExec, syntax.ModeSingle} {
			mod, err := syntax.Parse("<test>", []byte(src), mode)
			if err != nil {
				continue // a snippet that is valid in the other mode only
			}
			obj, err := astToPy(th, mod)
			if err != nil {
				t.Fatalf("snippet %d: to ast: %v", i, err)
			}
			back, err := pyToAST(th, obj, mode)
			if err != nil {
				t.Fatalf("snippet %d: from ast: %v\n%s", i, err, src)
			}
			if !reflect.DeepEqual(mod, back) {
				t.Errorf("snippet %d: round trip changed the tree:\n%s\n---\n%s", i, syntax.Dump(mod), syntax.Dump(back))
			}
		}
	}
}
