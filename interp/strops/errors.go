package strops

import "fmt"

// Error is a failure the runtime turns into the Python exception Type
// (ValueError, LookupError, TypeError, OverflowError, MemoryError) with
// message Msg.
type Error struct {
	Type string
	Msg  string
}

func (e *Error) Error() string { return e.Type + ": " + e.Msg }

func valueError(msg string) error { return &Error{"ValueError", msg} }

func errorf(typ, format string, args ...any) error {
	return &Error{typ, fmt.Sprintf(format, args...)}
}

// MaxResultBytes bounds the size of results whose length a caller controls
// (padding, expandtabs, replace), so that an absurd request becomes a
// MemoryError instead of an unrecoverable Go out-of-memory crash.
var MaxResultBytes = 1 << 36

func tooBig(n int) error {
	if n < 0 || n > MaxResultBytes {
		return &Error{"MemoryError", ""}
	}
	return nil
}

var errEmptySep = valueError("empty separator")
