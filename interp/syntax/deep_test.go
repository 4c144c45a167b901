package syntax

import (
	"strings"
	"testing"
	"time"
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

// TestNoExponentialBacktracking: failing input must not make the error
// probes or speculative parses blow up.
func TestNoExponentialBacktracking(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("[a for ", 60) + "x",
		strings.Repeat("[a b ", 60),
		strings.Repeat("(a for a i ", 60),
		strings.Repeat("with (", 60),
		strings.Repeat("f(a=", 60) + "b c",
		strings.Repeat("{a: b c ", 60),
		strings.Repeat("[x=", 60),
		"match " + strings.Repeat("[a for ", 60) + ":",
		strings.Repeat("for [a for ", 30) + "x",
		strings.Repeat("(lambda: ", 60) + "a b",
	} {
		done := make(chan struct{})
		go func() {
			Parse("<slow>", []byte(src), ModeExec)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%.30q...: too slow", src)
		}
	}
}
