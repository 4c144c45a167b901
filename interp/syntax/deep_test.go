package syntax

import (
	"strings"
	"testing"
)

// TestDeepNesting: pathological nesting must give an error, not exhaust
// the stack.
func TestDeepNesting(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("-", 100000) + "x",
		strings.Repeat("not ", 100000) + "x",
		strings.Repeat("lambda: ", 100000) + "x",
		strings.Repeat("(", 300) + strings.Repeat(")", 300),
		strings.Repeat("[", 150) + strings.Repeat("]", 150),
		strings.Repeat("x if y else ", 50000) + "z",
		"match x:\n case " + strings.Repeat("[", 150) + strings.Repeat("]", 150) + ": pass",
		strings.Repeat("*", 100000) + "a = 1",
		strings.Repeat("a**", 100000) + "a",
	} {
		_, err := Parse("<deep>", []byte(src), ModeExec)
		if len(src) > 1000 && err == nil {
			t.Errorf("%.20q...: parsed", src)
		}
	}
	// Moderate nesting still parses.
	if _, err := Parse("<deep>", []byte(strings.Repeat("-", 500)+"x"), ModeExec); err != nil {
		t.Error(err)
	}
}
