package compile

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"freepy/interp/syntax"
)

// scopeType is the kind of code a unit compiles (CPython's
// COMPILER_SCOPE_*).
type scopeType int

const (
	scopeModule scopeType = iota
	scopeClass
	scopeFunction
	scopeAsyncFunction
	scopeLambda
	scopeComprehension
)

// label names a position in a unit's instruction list before it is known.
type label int

const noLabel label = -1

// instr is an instruction being generated. For jumps, arg is a label until
// assembly resolves it to an instruction index.
type instr struct {
	op  Opcode
	arg int
	pos Position
}

// artificial marks an instruction without a source line of its own; the
// assembler gives it the line of the instruction before it.
var artificial = Position{Line: -1}

// unit is the state of one code object being compiled (CPython's
// compiler_unit).
type unit struct {
	ste       *scope
	scopeType scopeType
	name      string
	qualname  string
	private   string // class name for mangling

	instrs []instr
	labels []int // label -> instruction index, -1 until placed

	consts   []Const
	constMap map[string]int
	names    []string
	nameMap  map[string]int
	varnames []string
	varMap   map[string]int
	cellvars []string
	cellMap  map[string]int
	freevars []string
	freeMap  map[string]int

	argCount, posOnlyArgCount, kwOnlyArgCount int
	firstLine                                 int

	loc     Position
	fblocks []fblock
}

func (u *unit) newLabel() label {
	u.labels = append(u.labels, -1)
	return label(len(u.labels) - 1)
}

// place binds l to the next instruction.
func (u *unit) place(l label) {
	u.labels[l] = len(u.instrs)
}

func (u *unit) emit(op Opcode, arg int) {
	u.instrs = append(u.instrs, instr{op: op, arg: arg, pos: u.loc})
}

func (u *unit) emitJump(op Opcode, l label) {
	u.instrs = append(u.instrs, instr{op: op, arg: int(l), pos: u.loc})
}

// emitNoLine emits an artificial instruction.
func (u *unit) emitNoLine(op Opcode, arg int) {
	u.instrs = append(u.instrs, instr{op: op, arg: arg, pos: artificial})
}

func (u *unit) emitJumpNoLine(op Opcode, l label) {
	u.instrs = append(u.instrs, instr{op: op, arg: int(l), pos: artificial})
}

// addConst returns the index of v in Consts, adding it once.
func (u *unit) addConst(v Const) int {
	k, ok := constKey(v)
	if ok {
		if i, found := u.constMap[k]; found {
			return i
		}
	}
	u.consts = append(u.consts, v)
	i := len(u.consts) - 1
	if ok {
		u.constMap[k] = i
	}
	return i
}

func (u *unit) addName(name string) int {
	if i, ok := u.nameMap[name]; ok {
		return i
	}
	u.names = append(u.names, name)
	u.nameMap[name] = len(u.names) - 1
	return len(u.names) - 1
}

func (u *unit) addVarname(name string) int {
	if i, ok := u.varMap[name]; ok {
		return i
	}
	u.varnames = append(u.varnames, name)
	u.varMap[name] = len(u.varnames) - 1
	return len(u.varnames) - 1
}

// constKey returns a string that identifies a constant by type and value,
// so that 1, 1.0, True and -0.0 / 0.0 stay distinct. Code objects are
// never shared.
func constKey(v Const) (string, bool) {
	var b strings.Builder
	if !writeConstKey(&b, v) {
		return "", false
	}
	return b.String(), true
}

func writeConstKey(b *strings.Builder, v Const) bool {
	switch v := v.(type) {
	case nil:
		b.WriteString("N")
	case bool:
		if v {
			b.WriteString("T")
		} else {
			b.WriteString("F")
		}
	case int64:
		b.WriteString("i")
		b.WriteString(strconv.FormatInt(v, 10))
	case *big.Int:
		b.WriteString("i")
		b.WriteString(v.String())
	case float64:
		b.WriteString("f")
		b.WriteString(strconv.FormatUint(math.Float64bits(v), 16))
	case complex128:
		b.WriteString("c")
		b.WriteString(strconv.FormatUint(math.Float64bits(real(v)), 16))
		b.WriteString(",")
		b.WriteString(strconv.FormatUint(math.Float64bits(imag(v)), 16))
	case string:
		b.WriteString("s")
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteString(":")
		b.WriteString(v)
	case Str:
		b.WriteString("u")
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteString(":")
		for _, r := range v {
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteString(",")
		}
	case Bytes:
		b.WriteString("b")
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteString(":")
		b.Write(v)
	case EllipsisType:
		b.WriteString("E")
	case Tuple:
		b.WriteString("(")
		for _, x := range v {
			if !writeConstKey(b, x) {
				return false
			}
			b.WriteString(";")
		}
		b.WriteString(")")
	case FrozenSet:
		b.WriteString("{")
		for _, x := range v {
			if !writeConstKey(b, x) {
				return false
			}
			b.WriteString(";")
		}
		b.WriteString("}")
	case *Code:
		// Identical code objects (from a finally body compiled twice)
		// are shared, as CPython's code equality makes them.
		writeCodeKey(b, v)
	default:
		return false
	}
	return true
}

func writeCodeKey(b *strings.Builder, c *Code) {
	b.WriteString("K(")
	b.WriteString(c.Name)
	b.WriteString("|")
	b.WriteString(c.QualName)
	fmt.Fprintf(b, "|%d|%d|%d|%d|%d|", c.FirstLine, c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.Flags)
	for _, list := range [][]string{c.Varnames, c.Cellvars, c.Freevars, c.Names} {
		for _, n := range list {
			b.WriteString(strconv.Quote(n))
		}
		b.WriteString(";")
	}
	for _, in := range c.Instrs {
		b.WriteString(strconv.FormatUint(uint64(in), 36))
		b.WriteString(",")
	}
	for _, p := range c.Positions {
		fmt.Fprintf(b, "%d.%d.%d.%d,", p.Line, p.EndLine, p.Col, p.EndCol)
	}
	for _, k := range c.Consts {
		if !writeConstKey(b, k) {
			fmt.Fprintf(b, "%p", &k)
		}
		b.WriteString(";")
	}
	b.WriteString(")")
}

// fromSyntaxConst converts a Constant node's value to a Const.
func fromSyntaxConst(v syntax.ConstValue) Const {
	switch v := v.(type) {
	case syntax.Bytes:
		return Bytes(v)
	case syntax.Str:
		return Str(v)
	case syntax.EllipsisType:
		return Ellipsis
	case int:
		return int64(v)
	}
	return v
}
