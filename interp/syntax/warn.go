package syntax

import (
	"errors"
	"fmt"
)

// The warnings CPython 3.11's tokenizer and parser emit while reading
// source: a numeric literal followed at once by a keyword ("0x1for",
// "1if x else y") is a SyntaxWarning, an unknown escape sequence in a
// non-raw str or bytes literal ("\d", "\777") a DeprecationWarning.
const (
	SyntaxWarning      = "SyntaxWarning"
	DeprecationWarning = "DeprecationWarning"
)

// WarnFunc receives each warning found while parsing: its category (one
// of the constants above), message and line. Returning nil goes on;
// ErrWarningRaised (a warnings filter made the warning an exception)
// makes it a SyntaxError with the warning's message at the warning's
// place, as CPython does; any other error stops the parse and Parse
// returns it as it is.
type WarnFunc func(category, msg string, lineno int) error

// ErrWarningRaised is what a WarnFunc returns for a warning that a filter
// turned into an exception.
var ErrWarningRaised = errors.New("warning raised")

// warnAt reports a warning found at byte offset off of p's source (line
// already in root coordinates). Each place warns once per parse: the
// parser may backtrack over a string literal and decode it again, or
// parse an f-string's expression again, where CPython's memoised parser
// does not. It reports whether the warning became an error; when the
// warning callback failed, root.hostErr holds what Parse returns.
func (p *parser) warnAt(category, msg string, off, line int) bool {
	r := p.root
	if r.warn == nil {
		return false
	}
	key := p.warnBase + off
	if r.warned[key] {
		return false
	}
	if r.warned == nil {
		r.warned = map[int]bool{}
	}
	r.warned[key] = true
	err := r.warn(category, msg, line)
	if err == nil {
		return false
	}
	if err != ErrWarningRaised {
		r.hostErr = err
	}
	return true
}

// scanWarn is the scanner's hook into warnAt: the scanner counts lines
// of p's own source, which for an f-string expression starts on the
// line of its '{'.
func (p *parser) scanWarn(category, msg string, off, line int) bool {
	return p.warnAt(category, msg, off, line+p.lineOffset)
}

// escapeWarning is the DeprecationWarning message for the first invalid
// escape of a literal body, whose backslash is at body[i]: an octal
// escape above 0o377, or a character that starts no escape.
func escapeWarning(body string, i int) string {
	c := body[i+1]
	if c >= '4' && c <= '7' {
		end := i + 4
		if end > len(body) {
			end = len(body)
		}
		return fmt.Sprintf("invalid octal escape sequence '\\%s'", body[i+1:end])
	}
	return fmt.Sprintf("invalid escape sequence '\\%c'", c)
}

// warnEscape reports the invalid escape at body[i] of a literal in token
// t, body starting at offset off of p's source. A warning turned into an
// error is a SyntaxError spanning the whole token, final even inside a
// speculative parse (CPython raises it from its parser's action).
func (p *parser) warnEscape(t *token, body string, off, i int) {
	msg := escapeWarning(body, i)
	if p.warnAt(DeprecationWarning, msg, off+i, t.line) {
		p.fatal = true
		p.failTok(t, "%s", msg)
	}
}
