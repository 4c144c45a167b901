package pyfmt

// Kind names the Python exception class an *Error stands for.
type Kind int

// The exception classes this package reports.
const (
	ValueError Kind = iota
	OverflowError
	TypeError
	MemoryError
)

var kindNames = [...]string{"ValueError", "OverflowError", "TypeError", "MemoryError"}

// String returns the Python name of the exception class.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Exception"
}

// Error is a Python exception to be raised by the caller: Kind says which
// class, Msg is CPython's exact message.
type Error struct {
	Kind Kind
	Msg  string
}

func (e *Error) Error() string { return e.Kind.String() + ": " + e.Msg }

func valueErr(msg string) *Error    { return &Error{ValueError, msg} }
func overflowErr(msg string) *Error { return &Error{OverflowError, msg} }

// maxAlloc bounds the length of any string this package builds. CPython
// would try to allocate and raise MemoryError; a Go allocation failure is
// fatal, so the bound is checked first.
const maxAlloc = 1 << 31

func memoryErr() *Error { return &Error{MemoryError, ""} }
