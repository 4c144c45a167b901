package syntax

import "testing"

// TestIncomplete: the REPL needs to know when more input could complete
// a statement (codeop.compile_command's None) and when it is an error.
func TestIncomplete(t *testing.T) {
	for src, want := range map[string]bool{
		"if x:":                  true,
		"x = (1,":                true,
		"def f():":               true,
		`"""abc`:                 true,
		"x = \\":                 true,
		"@dec":                   true,
		"class A:":               true,
		"for x in y:":            true,
		"try:\n  pass":           true,
		"if x:\n  pass\nelse:":   true,
		"x = [i for":             true,
		"match x:":               true,
		"f(":                     true,
		"x = 1 +":                false,
		"lambda":                 false,
		"x = ":                   false,
		"x y":                    false,
		"if x:\n  pass\n  ) + 1": false,
	} {
		_, err := Parse("<stdin>", []byte(src), ModeSingle)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: no error", src)
			continue
		}
		if e.Incomplete != want {
			t.Errorf("%q: Incomplete=%v, want %v (%v)", src, e.Incomplete, want, e)
		}
	}
}
