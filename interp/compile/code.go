// Package compile turns a syntax tree (package syntax) into Code: compact
// bytecode for the evaluation loop in package py.
//
// Code is deliberately free of runtime objects: constants are plain Go
// values (see Const), so this package does not depend on the object model
// and the runtime converts a Code into its own code object once, when it is
// first executed. The instruction set is defined in opcode.go; its comments
// are the contract between this compiler and the evaluation loop.
package compile

import "math/big"

// Instr is one instruction: the opcode in the low 8 bits, the argument in
// the high 24 bits. Arguments never need more than 24 bits (16M constants,
// names or jump targets); the compiler reports an error if one would.
type Instr uint32

// Op returns the instruction's opcode.
func (i Instr) Op() Opcode { return Opcode(i & 0xff) }

// Arg returns the instruction's argument.
func (i Instr) Arg() int { return int(i >> 8) }

// MakeInstr packs an opcode and an argument.
func MakeInstr(op Opcode, arg int) Instr { return Instr(uint32(op) | uint32(arg)<<8) }

// MaxArg is the largest argument an instruction can carry.
const MaxArg = 1<<24 - 1

// Code flags, with CPython's values so that co_flags reads the same.
const (
	FlagOptimized      = 0x0001 // locals are fast slots (function scope)
	FlagNewLocals      = 0x0002 // a new locals dict/slots per call
	FlagVarargs        = 0x0004 // has *args
	FlagVarkeywords    = 0x0008 // has **kwargs
	FlagNested         = 0x0010
	FlagGenerator      = 0x0020
	FlagNoFree         = 0x0040
	FlagCoroutine      = 0x0080
	FlagIterableCoro   = 0x0100
	FlagAsyncGenerator = 0x0200
)

// Position is the source span of one instruction (1-based lines, 0-based
// UTF-8 byte columns as in CPython's co_positions). EndCol -1 means unknown.
type Position struct {
	Line, EndLine int32
	Col, EndCol   int32
}

// Code is a compiled function body, class body, module or expression.
type Code struct {
	Name      string // co_name
	QualName  string // co_qualname
	Filename  string
	FirstLine int

	// Argument layout. Varnames starts with the positional arguments
	// (ArgCount of them, the first PosOnlyArgCount positional-only), then
	// KwOnlyArgCount keyword-only arguments, then *args if FlagVarargs,
	// then **kwargs if FlagVarkeywords, then the other locals.
	ArgCount        int
	PosOnlyArgCount int
	KwOnlyArgCount  int
	Flags           int

	Varnames []string // fast locals (LOAD_FAST/STORE_FAST index this)
	Cellvars []string // cells created by this code
	Freevars []string // cells received through the closure
	Names    []string // global, attribute and LOAD_NAME names
	Consts   []Const

	// Cell2Arg[i] is the index in Varnames of the argument whose value
	// initialises Cellvars[i], or -1. A cell variable that is also an
	// argument lives only in the cell (LOAD_DEREF), never in the fast slot.
	Cell2Arg []int

	Instrs    []Instr
	Positions []Position // one per instruction
	// TraceLines is the line each instruction reports to a trace
	// function ('line' events), one per instruction: its own line, or for
	// an instruction the compiler made up (no source line of its own)
	// the line of its only predecessor, or -1 when it has several, as
	// CPython 3.11 propagates line numbers. Positions instead gives such
	// an instruction the line of the one before it in the code.
	TraceLines []int32
	StackSize  int // the most values the value stack ever holds
	BlockSize  int // the deepest nesting of SETUP_FINALLY blocks
}

// Const is a constant: one of
//
//	nil                 None
//	bool                True / False
//	int64               int that fits
//	*big.Int            any other int
//	float64             float
//	complex128          complex (imaginary literals)
//	string              str (valid UTF-8, surrogates as WTF-8 never occur
//	                    in source but may in escapes: see Str)
//	Str                 str that is not valid UTF-8 (lone surrogates from
//	                    "\ud800" escapes), as code points
//	Bytes               bytes
//	Ellipsis            ...
//	Tuple               tuple of constants (also keyword-name tuples)
//	FrozenSet           frozenset of constants (x in {1, 2} folding)
//	*Code               a nested code object
type Const any

// Bytes is a bytes constant (distinct from string, which is str).
type Bytes []byte

// Str is a str constant given as code points, used only when the literal
// contains lone surrogates and so cannot be a Go UTF-8 string.
type Str []rune

// Tuple is a tuple constant.
type Tuple []Const

// FrozenSet is a frozenset constant.
type FrozenSet []Const

// EllipsisType is the type of Ellipsis.
type EllipsisType struct{}

// Ellipsis is the `...` constant.
var Ellipsis = EllipsisType{}

var _ = big.NewInt // *big.Int is a Const kind
