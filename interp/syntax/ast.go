// Package syntax is freepy's Python 3.11 front end: the tokenizer, the
// abstract syntax tree and the parser.
//
// Parse is the entry point. The scanner (scanner.go) produces tokens on
// demand, like CPython's tokenizer; the parser (parser.go, stmt.go,
// expr.go, match.go, strings.go) is hand-written recursive descent over
// the 3.11 grammar, with a few speculative parses (try) where the grammar
// needs backtracking. Syntax errors reproduce CPython's messages and
// positions: the generic "invalid syntax" points at the furthest token
// looked at, as CPython's first pass does, and the specific messages of
// CPython's second pass (its invalid_* rules) are produced by checks and
// probes at the points where parsing fails. Dump formats a tree like
// ast.dump(include_attributes=True); the tests compare it with
// /usr/bin/python3.11 on snippets and on the standard library.
//
// The tree mirrors CPython 3.11's ast module node for node and field for
// field, so that the compiler can follow CPython's code generation closely
// and the ast module can later be reproduced by converting these nodes.
// Naming: a Python field foo_bar becomes FooBar; a Python class lowercase
// name (arg, keyword, alias, ...) becomes an exported Go name (Arg, Keyword,
// Alias, ...). Optional fields are nil (nodes) or "" (identifiers) when
// Python's value is None.
package syntax

import "math/big"

// Position is a node's source span with CPython's conventions: 1-based
// lines, 0-based UTF-8 byte columns, end exclusive.
type Position struct {
	Lineno, ColOffset       int
	EndLineno, EndColOffset int
}

// Pos returns the span itself, so that every node embedding a Position
// satisfies Node.
func (p Position) Pos() Position { return p }

// Node is any syntax tree node that carries a source position.
type Node interface {
	Pos() Position
}

// Mod is a whole parse result: *Module, *Interactive, *Expression or
// *FunctionType. It carries no position.
type Mod interface {
	modNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Pattern is a match-statement pattern node.
type Pattern interface {
	Node
	patternNode()
}

// ---- mod ----

// Module is the result of parsing a file (ModeExec).
type Module struct {
	Body        []Stmt
	TypeIgnores []*TypeIgnore
}

// Interactive is the result of parsing one REPL input (ModeSingle).
type Interactive struct {
	Body []Stmt
}

// Expression is the result of parsing in ModeEval.
type Expression struct {
	Body Expr
}

// FunctionType is a function type comment "(int, str) -> bool". The parser
// never produces it; it exists so the tree is complete.
type FunctionType struct {
	ArgTypes []Expr
	Returns  Expr
}

// TypeIgnore is a "# type: ignore" comment (never produced: type comments
// are ignored).
type TypeIgnore struct {
	Lineno int
	Tag    string
}

func (*Module) modNode()       {}
func (*Interactive) modNode()  {}
func (*Expression) modNode()   {}
func (*FunctionType) modNode() {}

// ---- statements ----

type FunctionDef struct {
	Position
	Name          string
	Args          *Arguments
	Body          []Stmt
	DecoratorList []Expr
	Returns       Expr // nil if absent
	TypeComment   string
}

type AsyncFunctionDef struct {
	Position
	Name          string
	Args          *Arguments
	Body          []Stmt
	DecoratorList []Expr
	Returns       Expr
	TypeComment   string
}

type ClassDef struct {
	Position
	Name          string
	Bases         []Expr
	Keywords      []*Keyword
	Body          []Stmt
	DecoratorList []Expr
}

type Return struct {
	Position
	Value Expr // nil for a bare return
}

type Delete struct {
	Position
	Targets []Expr
}

type Assign struct {
	Position
	Targets     []Expr
	Value       Expr
	TypeComment string
}

type AugAssign struct {
	Position
	Target Expr
	Op     Operator
	Value  Expr
}

type AnnAssign struct {
	Position
	Target     Expr
	Annotation Expr
	Value      Expr // nil if absent
	Simple     int  // 1 if the target is a plain unparenthesised name
}

type For struct {
	Position
	Target      Expr
	Iter        Expr
	Body        []Stmt
	Orelse      []Stmt
	TypeComment string
}

type AsyncFor struct {
	Position
	Target      Expr
	Iter        Expr
	Body        []Stmt
	Orelse      []Stmt
	TypeComment string
}

type While struct {
	Position
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

type If struct {
	Position
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

type With struct {
	Position
	Items       []*WithItem
	Body        []Stmt
	TypeComment string
}

type AsyncWith struct {
	Position
	Items       []*WithItem
	Body        []Stmt
	TypeComment string
}

type Match struct {
	Position
	Subject Expr
	Cases   []*MatchCase
}

type Raise struct {
	Position
	Exc   Expr // nil for a bare raise
	Cause Expr // nil without "from"
}

type Try struct {
	Position
	Body      []Stmt
	Handlers  []*ExceptHandler
	Orelse    []Stmt
	Finalbody []Stmt
}

// TryStar is try with except* handlers.
type TryStar struct {
	Position
	Body      []Stmt
	Handlers  []*ExceptHandler
	Orelse    []Stmt
	Finalbody []Stmt
}

type Assert struct {
	Position
	Test Expr
	Msg  Expr // nil if absent
}

type Import struct {
	Position
	Names []*Alias
}

type ImportFrom struct {
	Position
	Module string // "" for "from . import x" (None in Python)
	Names  []*Alias
	Level  int
}

type Global struct {
	Position
	Names []string
}

type Nonlocal struct {
	Position
	Names []string
}

// ExprStmt is Python's ast.Expr statement (an expression used as a
// statement); renamed because Expr is the expression interface.
type ExprStmt struct {
	Position
	Value Expr
}

type Pass struct{ Position }
type Break struct{ Position }
type Continue struct{ Position }

func (*FunctionDef) stmtNode()      {}
func (*AsyncFunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()         {}
func (*Return) stmtNode()           {}
func (*Delete) stmtNode()           {}
func (*Assign) stmtNode()           {}
func (*AugAssign) stmtNode()        {}
func (*AnnAssign) stmtNode()        {}
func (*For) stmtNode()              {}
func (*AsyncFor) stmtNode()         {}
func (*While) stmtNode()            {}
func (*If) stmtNode()               {}
func (*With) stmtNode()             {}
func (*AsyncWith) stmtNode()        {}
func (*Match) stmtNode()            {}
func (*Raise) stmtNode()            {}
func (*Try) stmtNode()              {}
func (*TryStar) stmtNode()          {}
func (*Assert) stmtNode()           {}
func (*Import) stmtNode()           {}
func (*ImportFrom) stmtNode()       {}
func (*Global) stmtNode()           {}
func (*Nonlocal) stmtNode()         {}
func (*ExprStmt) stmtNode()         {}
func (*Pass) stmtNode()             {}
func (*Break) stmtNode()            {}
func (*Continue) stmtNode()         {}

// ---- expressions ----

type BoolOp struct {
	Position
	Op     BoolOperator
	Values []Expr
}

type NamedExpr struct {
	Position
	Target Expr
	Value  Expr
}

type BinOp struct {
	Position
	Left  Expr
	Op    Operator
	Right Expr
}

type UnaryOp struct {
	Position
	Op      UnaryOperator
	Operand Expr
}

type Lambda struct {
	Position
	Args *Arguments
	Body Expr
}

type IfExp struct {
	Position
	Test   Expr
	Body   Expr
	Orelse Expr
}

type Dict struct {
	Position
	Keys   []Expr // a nil key means "**value"
	Values []Expr
}

type Set struct {
	Position
	Elts []Expr
}

type ListComp struct {
	Position
	Elt        Expr
	Generators []*Comprehension
}

type SetComp struct {
	Position
	Elt        Expr
	Generators []*Comprehension
}

type DictComp struct {
	Position
	Key        Expr
	Value      Expr
	Generators []*Comprehension
}

type GeneratorExp struct {
	Position
	Elt        Expr
	Generators []*Comprehension
}

type Await struct {
	Position
	Value Expr
}

type Yield struct {
	Position
	Value Expr // nil for a bare yield
}

type YieldFrom struct {
	Position
	Value Expr
}

// Compare is a (possibly chained) comparison: Left Ops[0] Comparators[0] ...
type Compare struct {
	Position
	Left        Expr
	Ops         []CmpOp
	Comparators []Expr
}

type Call struct {
	Position
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// Conversion values of FormattedValue.
const (
	ConvNone  = -1
	ConvStr   = 's'
	ConvRepr  = 'r'
	ConvASCII = 'a'
)

// FormattedValue is one replacement field {value!conv:spec} of an f-string.
type FormattedValue struct {
	Position
	Value      Expr
	Conversion int  // ConvNone, ConvStr, ConvRepr or ConvASCII
	FormatSpec Expr // a *JoinedStr, or nil
}

// JoinedStr is an f-string: Constant (str) and FormattedValue parts.
type JoinedStr struct {
	Position
	Values []Expr
}

type Constant struct {
	Position
	Value ConstValue
	Kind  string // "u" for u-prefixed strings, else "" (None in Python)
}

type Attribute struct {
	Position
	Value Expr
	Attr  string
	Ctx   ExprContext
}

type Subscript struct {
	Position
	Value Expr
	Slice Expr
	Ctx   ExprContext
}

type Starred struct {
	Position
	Value Expr
	Ctx   ExprContext
}

type Name struct {
	Position
	Id  string
	Ctx ExprContext
}

type List struct {
	Position
	Elts []Expr
	Ctx  ExprContext
}

type Tuple struct {
	Position
	Elts []Expr
	Ctx  ExprContext
}

// Slice is lower:upper:step inside a subscript; absent parts are nil.
type Slice struct {
	Position
	Lower Expr
	Upper Expr
	Step  Expr
}

func (*BoolOp) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*FormattedValue) exprNode() {}
func (*JoinedStr) exprNode()      {}
func (*Constant) exprNode()       {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Starred) exprNode()        {}
func (*Name) exprNode()           {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Slice) exprNode()          {}

// ---- constants ----

// ConstValue is the value of a Constant node: one of
//
//	nil          None
//	bool         True / False
//	int64        int that fits
//	*big.Int     any other int
//	float64      float
//	complex128   imaginary literal (real part 0)
//	string       str (valid UTF-8)
//	Str          str containing lone surrogates ("\ud800"), as code points
//	Bytes        bytes
//	EllipsisType ...
//
// These are the same representations compile.Const uses, so the compiler
// converts Bytes, Str and EllipsisType to its own types one to one.
type ConstValue any

// Bytes is a bytes constant (distinct from string, which is str).
type Bytes []byte

// Str is a str constant given as code points, used only when the literal
// contains lone surrogates and so cannot be a Go UTF-8 string.
type Str []rune

// EllipsisType is the type of Ellipsis.
type EllipsisType struct{}

// Ellipsis is the `...` constant.
var Ellipsis = EllipsisType{}

var _ = big.NewInt // *big.Int is a ConstValue kind

// ---- operators and contexts ----

// ExprContext says whether a Name, Attribute, Subscript, Starred, List or
// Tuple is read, assigned or deleted.
type ExprContext uint8

const (
	Load ExprContext = iota
	Store
	Del
)

// BoolOperator is the operator of a BoolOp.
type BoolOperator uint8

const (
	And BoolOperator = iota
	Or
)

// Operator is a binary operator (BinOp, AugAssign).
type Operator uint8

const (
	Add Operator = iota
	Sub
	Mult
	MatMult
	Div
	Modulo // Python's ast.Mod; renamed because Mod is the module interface
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

// UnaryOperator is the operator of a UnaryOp.
type UnaryOperator uint8

const (
	Invert UnaryOperator = iota
	Not
	UAdd
	USub
)

// CmpOp is a comparison operator.
type CmpOp uint8

const (
	Eq CmpOp = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var exprContextNames = [...]string{"Load", "Store", "Del"}
var boolOpNames = [...]string{"And", "Or"}
var operatorNames = [...]string{"Add", "Sub", "Mult", "MatMult", "Div", "Mod",
	"Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"}
var operatorSymbols = [...]string{"+", "-", "*", "@", "/", "%", "**", "<<",
	">>", "|", "^", "&", "//"}
var unaryOpNames = [...]string{"Invert", "Not", "UAdd", "USub"}
var cmpOpNames = [...]string{"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is",
	"IsNot", "In", "NotIn"}

// String returns the Python class name (Load, Store, Del).
func (c ExprContext) String() string { return enumName(exprContextNames[:], int(c)) }

// String returns the Python class name (And, Or).
func (o BoolOperator) String() string { return enumName(boolOpNames[:], int(o)) }

// String returns the Python class name (Add, Sub, ..., Mod for Modulo).
func (o Operator) String() string { return enumName(operatorNames[:], int(o)) }

// Symbol returns the operator as written in source ("+", "//", ...).
func (o Operator) Symbol() string { return enumName(operatorSymbols[:], int(o)) }

// String returns the Python class name (Invert, Not, UAdd, USub).
func (o UnaryOperator) String() string { return enumName(unaryOpNames[:], int(o)) }

// String returns the Python class name (Eq, NotEq, ...).
func (o CmpOp) String() string { return enumName(cmpOpNames[:], int(o)) }

func enumName(names []string, i int) string {
	if i < 0 || i >= len(names) {
		return "?"
	}
	return names[i]
}

// ---- auxiliary nodes ----

// Comprehension is one "for target in iter if ..." clause.
type Comprehension struct {
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync int // 1 for "async for"
}

// ExceptHandler is one except (or except*) clause.
type ExceptHandler struct {
	Position
	Type Expr   // nil for a bare except
	Name string // "" without "as name"
	Body []Stmt
}

// Arguments is a parameter list. Defaults belong to the last len(Defaults)
// of PosonlyArgs+Args; KwDefaults is parallel to Kwonlyargs with nil for a
// parameter without default.
type Arguments struct {
	Posonlyargs []*Arg
	Args        []*Arg
	Vararg      *Arg // nil if absent
	Kwonlyargs  []*Arg
	KwDefaults  []Expr
	Kwarg       *Arg // nil if absent
	Defaults    []Expr
}

// Arg is one parameter (Python's ast.arg).
type Arg struct {
	Position
	Arg         string
	Annotation  Expr // nil if absent
	TypeComment string
}

// Keyword is a keyword argument name=value, or **value when Arg is "".
type Keyword struct {
	Position
	Arg   string
	Value Expr
}

// Alias is one imported name: Name [as Asname]; Asname "" when absent.
type Alias struct {
	Position
	Name   string
	Asname string
}

// WithItem is one context manager of a with statement.
type WithItem struct {
	ContextExpr  Expr
	OptionalVars Expr // nil without "as"
}

// MatchCase is one case block.
type MatchCase struct {
	Pattern Pattern
	Guard   Expr // nil without "if"
	Body    []Stmt
}

// ---- patterns ----

type MatchValue struct {
	Position
	Value Expr
}

// MatchSingleton matches None, True or False; Value is nil, true or false.
type MatchSingleton struct {
	Position
	Value ConstValue
}

type MatchSequence struct {
	Position
	Patterns []Pattern
}

type MatchMapping struct {
	Position
	Keys     []Expr
	Patterns []Pattern
	Rest     string // "" without "**rest"
}

type MatchClass struct {
	Position
	Cls         Expr
	Patterns    []Pattern
	KwdAttrs    []string
	KwdPatterns []Pattern
}

// MatchStar is *name in a sequence pattern; Name "" for *_.
type MatchStar struct {
	Position
	Name string
}

// MatchAs is "pattern as name", a capture "name" (Pattern nil) or the
// wildcard "_" (Pattern nil, Name "").
type MatchAs struct {
	Position
	Pattern Pattern
	Name    string
}

type MatchOr struct {
	Position
	Patterns []Pattern
}

func (*MatchValue) patternNode()     {}
func (*MatchSingleton) patternNode() {}
func (*MatchSequence) patternNode()  {}
func (*MatchMapping) patternNode()   {}
func (*MatchClass) patternNode()     {}
func (*MatchStar) patternNode()      {}
func (*MatchAs) patternNode()        {}
func (*MatchOr) patternNode()        {}

// ---- parse modes and errors ----

// Mode selects the start rule of the grammar.
type Mode int

const (
	ModeExec   Mode = iota // a file: *Module
	ModeEval               // one expression: *Expression
	ModeSingle             // one interactive statement: *Interactive
)

// Error is a SyntaxError (or its subclasses IndentationError and TabError)
// with CPython's position conventions. Kind is "MemoryError" (Msg "Parser
// stack overflowed - Python source too complex to parse") for input
// nested too deeply, as CPython raises MemoryError there.
type Error struct {
	Kind     string // "SyntaxError", "IndentationError", "TabError" (or "MemoryError")
	Msg      string
	Filename string
	Line     int // 1-based
	Col      int // 1-based, as CPython's SyntaxError.offset (0 if unknown)
	EndLine  int
	EndCol   int
	Text     string // the source line, with its newline if it had one

	// Incomplete is set when the input ended before the statement did (an
	// open bracket, an unterminated triple-quoted string, a block that
	// still expects its body): the REPL should read more lines rather than
	// report the error.
	Incomplete bool
}

// Error formats like str() of a CPython SyntaxError.
func (e *Error) Error() string {
	if e.Filename == "" && e.Line == 0 {
		return e.Msg
	}
	fn := e.Filename
	if fn == "" {
		fn = "?"
	}
	return e.Msg + " (" + fn + ", line " + itoa(e.Line) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
