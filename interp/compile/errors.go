package compile

import (
	"fmt"

	"freepy/interp/syntax"
)

// newError builds a SyntaxError at pos with CPython's conventions
// (1-based columns; compile-time errors carry no source text: the runtime
// fills Text in from the file when it reports the error).
func newError(filename string, pos syntax.Position, format string, args ...any) *syntax.Error {
	e := &syntax.Error{
		Kind:     "SyntaxError",
		Msg:      fmt.Sprintf(format, args...),
		Filename: filename,
		Line:     pos.Lineno,
		Col:      pos.ColOffset + 1,
		EndLine:  pos.EndLineno,
		EndCol:   pos.EndColOffset + 1,
	}
	if pos.EndLineno == 0 {
		e.EndLine = pos.Lineno
		e.EndCol = e.Col
	}
	return e
}

// compileError aborts code generation; Compile recovers it and returns
// the SyntaxError. Using panic/recover inside the package keeps the many
// small emit functions free of error plumbing; no panic leaves Compile.
type compileError struct{ err error }

// warn reports a SyntaxWarning at pos through Flags.Warn; a warning a
// filter turned into an error stops the compilation with a SyntaxError
// (CPython's compiler_warn).
func (c *compiler) warn(pos syntax.Position, format string, args ...any) {
	if c.flags.Warn == nil {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if err := c.flags.Warn(msg, pos.Lineno); err != nil {
		if err == ErrWarningRaised {
			c.errorf(pos, "%s", msg)
		}
		panic(compileError{err})
	}
}

func (c *compiler) errorf(pos syntax.Position, format string, args ...any) {
	panic(compileError{newError(c.filename, pos, format, args...)})
}
