package compile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"strconv"

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
	// aside: the position is the instruction's own and does not pass to
	// the artificial instructions after it (see emitAside)
	aside bool
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
	codeKeys map[*Code]string // the compiler's, shared by its units (constKey)
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

// emitAside emits an instruction at pos whose line the artificial
// instructions after it do not take: they keep the line before it.
func (u *unit) emitAside(op Opcode, arg int, pos Position) {
	u.instrs = append(u.instrs, instr{op: op, arg: arg, pos: pos, aside: true})
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
	k, ok := constKey(v, u.codeKeys)
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
// so that 1, 1.0, True and -0.0 / 0.0 stay distinct. codeKeys remembers the
// keys of code objects (see writeCodeKey).
func constKey(v Const, codeKeys map[*Code]string) (string, bool) {
	var b []byte
	b, ok := appendConstKey(b, v, codeKeys)
	if !ok {
		return "", false
	}
	return string(b), true
}

func appendConstKey(b []byte, v Const, codeKeys map[*Code]string) ([]byte, bool) {
	switch v := v.(type) {
	case nil:
		b = append(b, 'N')
	case bool:
		if v {
			b = append(b, 'T')
		} else {
			b = append(b, 'F')
		}
	case int64:
		b = append(b, 'i')
		b = strconv.AppendInt(b, v, 10)
	case *big.Int:
		b = append(b, 'i')
		b = v.Append(b, 10)
	case float64:
		b = append(b, 'f')
		b = strconv.AppendUint(b, math.Float64bits(v), 16)
	case complex128:
		b = append(b, 'c')
		b = strconv.AppendUint(b, math.Float64bits(real(v)), 16)
		b = append(b, ',')
		b = strconv.AppendUint(b, math.Float64bits(imag(v)), 16)
	case string:
		b = append(b, 's')
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, ':')
		b = append(b, v...)
	case Str:
		b = append(b, 'u')
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, ':')
		for _, r := range v {
			b = strconv.AppendInt(b, int64(r), 10)
			b = append(b, ',')
		}
	case Bytes:
		b = append(b, 'b')
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, ':')
		b = append(b, v...)
	case EllipsisType:
		b = append(b, 'E')
	case Tuple:
		b = append(b, '(')
		for _, x := range v {
			var ok bool
			if b, ok = appendConstKey(b, x, codeKeys); !ok {
				return b, false
			}
			b = append(b, ';')
		}
		b = append(b, ')')
	case FrozenSet:
		b = append(b, '{')
		for _, x := range v {
			var ok bool
			if b, ok = appendConstKey(b, x, codeKeys); !ok {
				return b, false
			}
			b = append(b, ';')
		}
		b = append(b, '}')
	case *Code:
		// Identical code objects (from a finally body compiled twice)
		// are shared, as CPython's code equality makes them.
		b = append(b, codeKey(v, codeKeys)...)
	default:
		return b, false
	}
	return b, true
}

// codeKey identifies a code object by everything in it. The key is a
// digest of that, computed once per code object: a key holding the
// nested code objects' keys in full would be rebuilt at every level of
// nesting, quadratic in the depth (it was a quarter of the time spent
// compiling the standard library).
func codeKey(c *Code, codeKeys map[*Code]string) string {
	if k, ok := codeKeys[c]; ok {
		return k
	}
	b := append([]byte(nil), "K("...)
	b = append(b, c.Name...)
	b = append(b, '|')
	b = append(b, c.QualName...)
	for _, n := range [...]int{c.FirstLine, c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.Flags} {
		b = append(b, '|')
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, '|')
	for _, list := range [][]string{c.Varnames, c.Cellvars, c.Freevars, c.Names} {
		for _, n := range list {
			b = strconv.AppendQuote(b, n)
		}
		b = append(b, ';')
	}
	for _, in := range c.Instrs {
		b = strconv.AppendUint(b, uint64(in), 36)
		b = append(b, ',')
	}
	for _, p := range c.Positions {
		for _, n := range [...]int32{p.Line, p.EndLine, p.Col, p.EndCol} {
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, '.')
		}
		b = append(b, ',')
	}
	for i, k := range c.Consts {
		var ok bool
		if b, ok = appendConstKey(b, k, codeKeys); !ok {
			// a constant without a key: this code object is
			// unique (keyed by its own address)
			b = fmt.Appendf(b, "%p#%d", c, i)
		}
		b = append(b, ';')
	}
	b = append(b, ')')
	sum := sha256.Sum256(b)
	k := "K" + hex.EncodeToString(sum[:])
	if codeKeys != nil {
		codeKeys[c] = k
	}
	return k
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
