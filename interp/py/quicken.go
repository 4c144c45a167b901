package py

import (
	"sync"

	c "freepy/interp/compile"
)

// Fused instructions ("superinstructions"). A common pair of instructions
// is run by one dispatch: at code load, quicken rewrites the first of the
// pair in a copy of the instructions that execute runs. The second
// instruction stays in place, unchanged, so a jump that lands on it still
// works, instruction indices (tracebacks, line numbers, handlers) are the
// same, and the fused instruction reads the second one's argument from it
// and skips it. `dis` and co_code still show the compiler's instructions.
const (
	// LOAD_FAST a; LOAD_FAST b
	qLoadFastLoadFast = c.Opcode(c.NumOpcodes + iota)
	// LOAD_FAST a; LOAD_CONST k
	qLoadFastLoadConst
	// LOAD_FAST a; LOAD_ATTR name: an instance's __slots__ member or
	// instance dict value read inline; anything else runs LOAD_ATTR
	qLoadFastLoadAttr
	// STORE_FAST a; LOAD_FAST b
	qStoreFastLoadFast
	// COMPARE_OP op; POP_JUMP_IF_FALSE target (int or float operands;
	// anything else runs COMPARE_OP alone and leaves the jump to itself)
	qCompareJumpIfFalse
	// COMPARE_OP op; POP_JUMP_IF_TRUE target (same)
	qCompareJumpIfTrue

	// BINARY_OP specialised by operator (the plain and the augmented
	// form share one, the argument still tells them apart for the slow
	// path): int and float operands inline, anything else through
	// binaryOpSlow. Knowing the operator from the opcode saves the
	// second dispatch on the argument.
	qBinaryAdd
	qBinarySubtract
	qBinaryMultiply
	qBinaryTrueDivide
	qBinaryFloorDivide
	qBinaryRemainder

	// UNPACK_SEQUENCE n followed by n STORE_FASTs (`a, b = t`,
	// `for k, v in d.items()`): an exact tuple or list of n items is
	// stored straight into the locals; anything else runs UNPACK_SEQUENCE
	// alone and leaves the stores to themselves.
	qUnpackStoreFast
	// COPY 2; COPY 2; BINARY_SUBSCR: the read of `c[k] op= v`.
	qCopy2Subscr
	// SWAP 3; SWAP 2; STORE_SUBSCR: the write of `c[k] op= v`.
	qSwapStoreSubscr
	// FOR_ITER; STORE_FAST x: the next item of a range, list or dict
	// iterator goes straight into x; other iterators push it and let the
	// STORE_FAST run (a generator resumed inline comes back to it).
	qForIterStore
	// LOAD_FAST a; LOAD_FAST b; BINARY_OP op: two floats (+ - *) or two
	// ints (+ -) computed from the locals, the result pushed; anything
	// else runs as LOAD_FAST a; LOAD_FAST b and leaves the BINARY_OP to
	// itself.
	qLoadFastLoadFastBinop
	// LOAD_FAST a; LOAD_FAST b; BINARY_OP op; STORE_FAST x: x = a op b
	// for the same operands, the result stored without touching the
	// value stack; else qLoadFastLoadFastBinop.
	qLoadFastLoadFastBinopStore
	// LOAD_FAST b; BINARY_OP op: top op b for the same operands, else
	// the LOAD_FAST alone.
	qLoadFastBinop
	// LOAD_FAST c; LOAD_CONST k; COPY 2; COPY 2; BINARY_SUBSCR: the read
	// of `c[k] op= v` with a local container and a constant key, when
	// subscrFast answers; else LOAD_FAST c; LOAD_CONST k alone.
	qLoadFastConstSubscr
	// BINARY_OP op; SWAP 3; SWAP 2; STORE_SUBSCR: the operation and the
	// write of `c[k] op= v` ([c, k, a, b] -> c[k] = a op b) for two
	// floats (+ - *) and a list or dict that storeSubscrFast takes; else
	// the BINARY_OP alone (then the stores run as themselves).
	qBinopStoreSubscr
	// The twelve instructions of `c[k] op= a op2 b` (augSubscrMatch):
	// LOAD_FAST c; LOAD_CONST k or LOAD_FAST k; COPY 2; COPY 2;
	// BINARY_SUBSCR; LOAD_FAST a; LOAD_FAST b; BINARY_OP op2;
	// BINARY_OP op; SWAP 3; SWAP 2; STORE_SUBSCR, for a list c, an int k
	// in range, a float item and float a and b (+ - * both), run whole
	// by augSubscrFloat; anything else runs as qLoadFastConstSubscr (or
	// LOAD_FAST c alone for a local key) and the rest as themselves.
	qAugSubscr
	// LOAD_GLOBAL super; CALL 0; LOAD_METHOD name: `super().name(...)`
	// in a method, run in executeRare without making the super object
	// (superMethod); anything else runs the LOAD_GLOBAL alone.
	qSuperMethod
	// LOAD_CONST k; BINARY_OP op (+ - *) right after a BINARY_OP: runs
	// as LOAD_CONST; the int tail of the BINARY_OP before it (binInt)
	// computes `(a op1 b) op k` without boxing the temporary when k is an
	// int (intChain, which also chains into qLoadFastBinop).
	qConstBinop
	// CALL n; POP_TOP: a statement calling a Go builtin or a C function
	// drops the result without pushing it and skips the POP_TOP; any
	// other callable runs the CALL (the POP_TOP then runs as itself).
	qCallPopTop
)

// quicken returns the instructions execute runs for code.
func quicken(instrs []c.Instr) []c.Instr {
	q := make([]c.Instr, len(instrs))
	copy(q, instrs)
	op := func(i int) c.Opcode { return c.Opcode(instrs[i] & 0xff) }
	with := func(i int, fused c.Opcode) { q[i] = instrs[i]&^0xff | c.Instr(fused) }
	for i := 0; i < len(instrs); i++ {
		a, b := op(i), c.Opcode(0xff)
		if i+1 < len(instrs) {
			b = op(i + 1)
		}
		switch {
		case assignBinopAt(instrs, i):
			with(i, qLoadFastLoadFastBinopStore)
		case a == c.LOAD_FAST && b == c.LOAD_FAST && i+2 < len(instrs) && op(i+2) == c.BINARY_OP &&
			fusableBinop(instrs[i+2]):
			with(i, qLoadFastLoadFastBinop)
		case a == c.LOAD_FAST && b == c.LOAD_FAST:
			with(i, qLoadFastLoadFast)
		case a == c.LOAD_FAST && b == c.BINARY_OP && fusableBinop(instrs[i+1]):
			with(i, qLoadFastBinop)
		case a == c.LOAD_FAST && augSubscrMatch(instrs[i:]):
			with(i, qAugSubscr)
		case a == c.LOAD_FAST && b == c.LOAD_CONST && i+4 < len(instrs) && op(i+2) == c.COPY &&
			op(i+3) == c.COPY && instrs[i+2]>>8 == 2 && instrs[i+3]>>8 == 2 && op(i+4) == c.BINARY_SUBSCR:
			with(i, qLoadFastConstSubscr)
		case a == c.LOAD_FAST && b == c.LOAD_CONST:
			with(i, qLoadFastLoadConst)
		case a == c.LOAD_CONST && b == c.BINARY_OP && fusableBinop(instrs[i+1]) && i > 0 && op(i-1) == c.BINARY_OP:
			with(i, qConstBinop)
		case a == c.LOAD_FAST && b == c.LOAD_ATTR:
			with(i, qLoadFastLoadAttr)
		case a == c.STORE_FAST && b == c.LOAD_FAST && !assignBinopAt(instrs, i+1):
			// (a LOAD_FAST starting `x = a op b` is worth more as the
			// start of that fusion than as the end of this one)
			with(i, qStoreFastLoadFast)
		case a == c.COMPARE_OP && b == c.POP_JUMP_IF_FALSE:
			with(i, qCompareJumpIfFalse)
		case a == c.COMPARE_OP && b == c.POP_JUMP_IF_TRUE:
			with(i, qCompareJumpIfTrue)
		case a == c.UNPACK_SEQUENCE && storesFollow(instrs, i+1, int(instrs[i]>>8)):
			with(i, qUnpackStoreFast)
		case a == c.COPY && b == c.COPY && instrs[i]>>8 == 2 && instrs[i+1]>>8 == 2 &&
			i+2 < len(instrs) && op(i+2) == c.BINARY_SUBSCR:
			with(i, qCopy2Subscr)
		case a == c.SWAP && b == c.SWAP && instrs[i]>>8 == 3 && instrs[i+1]>>8 == 2 &&
			i+2 < len(instrs) && op(i+2) == c.STORE_SUBSCR:
			with(i, qSwapStoreSubscr)
		case a == c.BINARY_OP && fusableBinop(instrs[i]) && b == c.SWAP && instrs[i+1]>>8 == 3 &&
			i+3 < len(instrs) && op(i+2) == c.SWAP && instrs[i+2]>>8 == 2 && op(i+3) == c.STORE_SUBSCR:
			with(i, qBinopStoreSubscr)
		case a == c.BINARY_OP:
			switch c.BinaryOp(instrs[i]>>8) % c.OpInplace {
			case c.OpAdd:
				with(i, qBinaryAdd)
			case c.OpSubtract:
				with(i, qBinarySubtract)
			case c.OpMultiply:
				with(i, qBinaryMultiply)
			case c.OpTrueDivide:
				with(i, qBinaryTrueDivide)
			case c.OpFloorDivide:
				with(i, qBinaryFloorDivide)
			case c.OpRemainder:
				with(i, qBinaryRemainder)
			}
		case a == c.FOR_ITER && b == c.STORE_FAST:
			with(i, qForIterStore)
		case a == c.CALL && b == c.POP_TOP:
			with(i, qCallPopTop)
		case a == c.LOAD_GLOBAL && b == c.CALL && instrs[i+1]>>8 == 0 &&
			i+2 < len(instrs) && op(i+2) == c.LOAD_METHOD:
			with(i, qSuperMethod)
		}
	}
	return q
}

// augSubscrMatch reports whether in starts with the instructions of
// `c[k] op= a op2 b` that qAugSubscr runs (see there).
func augSubscrMatch(in []c.Instr) bool {
	if len(in) < augSubscrLen {
		return false
	}
	want := [augSubscrLen]c.Opcode{c.LOAD_FAST, c.LOAD_CONST, c.COPY, c.COPY, c.BINARY_SUBSCR,
		c.LOAD_FAST, c.LOAD_FAST, c.BINARY_OP, c.BINARY_OP, c.SWAP, c.SWAP, c.STORE_SUBSCR}
	for j, op := range want {
		got := c.Opcode(in[j] & 0xff)
		if got != op && !(j == 1 && got == c.LOAD_FAST) {
			return false
		}
	}
	return in[2]>>8 == 2 && in[3]>>8 == 2 && in[9]>>8 == 3 && in[10]>>8 == 2 &&
		fusableBinop(in[7]) && fusableBinop(in[8])
}

// augSubscrLen is the number of instructions qAugSubscr stands for.
const augSubscrLen = 12

// augSubscrFloat is qAugSubscr's work: `c[k] op= a op2 b` from the
// twelve instructions in (the quickened stream: fused opcodes keep
// their arguments) for a list c, an int k, a float item and float a
// and b. The list is read and written under its lock once (List.augFloat).
// It reports false, having changed nothing, for anything else.
func (t *Thread) augSubscrFloat(fast, consts []Object, in []c.Instr) bool {
	in = in[:augSubscrLen] // one bounds check for the constant indices below
	l, ok := fast[in[0]>>8].(*List)
	if !ok {
		return false
	}
	var key Object
	if c.Opcode(in[1]&0xff) == c.LOAD_CONST {
		key = consts[in[1]>>8]
	} else {
		key = fast[in[1]>>8]
	}
	k, ok := key.(Int)
	if !ok {
		return false
	}
	a, ok := fast[in[5]>>8].(Float)
	if !ok {
		return false
	}
	b, ok := fast[in[6]>>8].(Float)
	if !ok {
		return false
	}
	v := fusedFloat(a, b, plainOp(in[7]))
	return l.augFloat(t, int64(k), v, plainOp(in[8]))
}

// assignBinopAt reports whether instrs[i:] starts with `x = a op b` for
// two locals and a fusable operator (qLoadFastLoadFastBinopStore).
func assignBinopAt(instrs []c.Instr, i int) bool {
	if i+3 >= len(instrs) {
		return false
	}
	op := func(j int) c.Opcode { return c.Opcode(instrs[i+j] & 0xff) }
	return op(0) == c.LOAD_FAST && op(1) == c.LOAD_FAST && op(2) == c.BINARY_OP &&
		fusableBinop(instrs[i+2]) && op(3) == c.STORE_FAST
}

// plainOp is a BINARY_OP's operator without its in-place offset (a
// compare instead of the division of `% c.OpInplace`).
func plainOp(in c.Instr) c.BinaryOp {
	op := c.BinaryOp(in >> 8)
	if op >= c.OpInplace {
		op -= c.OpInplace
	}
	return op
}

// fusableBinop reports whether a BINARY_OP is one that the fused
// instructions compute inline: + - * and their augmented forms.
func fusableBinop(in c.Instr) bool {
	switch c.BinaryOp(in>>8) % c.OpInplace {
	case c.OpAdd, c.OpSubtract, c.OpMultiply:
		return true
	}
	return false
}

// fusedFloat is x op y for a fusable operator (fusableBinop; op without
// its in-place offset). Small enough for the compiler to inline into
// execute, which inlines only callees of cost 20 or less.
func fusedFloat(x, y Float, op c.BinaryOp) Float {
	switch op {
	case c.OpAdd:
		return x + y
	case c.OpSubtract:
		return x - y
	}
	return x * y
}

// fusedInt is fusedFloat for two ints; ok is false when the result
// does not fit in an Int (then the general path makes a big int).
func fusedInt(x, y Int, op c.BinaryOp) (r int64, ok bool) {
	switch op {
	case c.OpAdd:
		s := x + y
		return int64(s), (s > x) == (y > 0)
	case c.OpSubtract:
		s := x - y
		return int64(s), (s < x) == (y > 0)
	}
	return mul64(int64(x), int64(y))
}

// binopQuick maps a fusable BINARY_OP's argument (fusableBinop) to the
// specialised instruction that runs it when qBinopStoreSubscr does not.
var binopQuick = func() (q [2 * c.OpInplace]c.Opcode) {
	for op := range q {
		q[op] = c.BINARY_OP
		switch c.BinaryOp(op) % c.OpInplace {
		case c.OpAdd:
			q[op] = qBinaryAdd
		case c.OpSubtract:
			q[op] = qBinarySubtract
		case c.OpMultiply:
			q[op] = qBinaryMultiply
		}
	}
	return q
}()

// compareFast compares two ints or two floats without calling out; ok is
// false for any other operands.
func compareFast(a, b Object, op CompareOp) (r, ok bool) {
	switch x := a.(type) {
	case Int:
		if y, isInt := b.(Int); isInt {
			return compareOrdered(x, y, op), true
		}
	case Float:
		if y, isFloat := b.(Float); isFloat {
			return compareOrdered(x, y, op), true
		}
	}
	return false, false
}

// compareOrdered applies a rich comparison to two ordered Go values (NaN
// compares as in C: only != is true).
func compareOrdered[T ~int64 | ~float64](x, y T, op CompareOp) bool {
	switch op {
	case LT:
		return x < y
	case LE:
		return x <= y
	case EQ:
		return x == y
	case NE:
		return x != y
	case GT:
		return x > y
	case GE:
		return x >= y
	}
	return false
}

// storesFollow reports whether instrs[i:i+n] are all STORE_FAST.
func storesFollow(instrs []c.Instr, i, n int) bool {
	if n < 1 || i+n > len(instrs) {
		return false
	}
	for _, in := range instrs[i : i+n] {
		if c.Opcode(in&0xff) != c.STORE_FAST {
			return false
		}
	}
	return true
}

// subscrFast is BINARY_SUBSCR's inline path: an exact dict with a str key
// (a missing key takes the general path, for the KeyError), a tuple or a
// list with an int index in range. It returns nil for anything else.
func subscrFast(container, key Object) Object {
	switch x := container.(type) {
	case *Dict:
		if ks, ok := key.(*Str); ok && x.typ == nil {
			return x.getStr(ks)
		}
	case *Tuple:
		if i, ok := key.(Int); ok {
			n := Int(len(x.items))
			if i < 0 {
				i += n
			}
			if i >= 0 && i < n {
				return x.items[i]
			}
		}
	case *List:
		if i, ok := key.(Int); ok {
			v, _ := x.loadIndex(int(i))
			return v
		}
	}
	return nil
}

// clearSlots nils the value-stack slots of a finished call (the callable,
// self and the arguments). clear() of a pointer slice is
// memclrHasPointers, which also runs bulkBarrierPreWrite over the heap
// bitmap: more than the few nil stores a call's slots need. It stays a
// call (noinline) so that execute's code around it is as it was with
// clear().
//
//go:noinline
func clearSlots(s []Object) {
	// one or two slots (a method of no or one argument: self and the
	// argument) without the loop's counter and tests
	switch len(s) {
	case 1:
		s[0] = nil
	case 2:
		s[0], s[1] = nil, nil
	default:
		for i := 0; i < len(s); i++ {
			s[i] = nil
		}
	}
}

// storeSubscrFast is STORE_SUBSCR's inline path, l[i] = v for a list and
// an int index in range, and d[k] = v for a dict and an int or str key
// (Dict.storeFast); it reports whether it stored.
func storeSubscrFast(container, key, v Object, t *Thread) bool {
	if l, ok := container.(*List); ok {
		if i, ok := key.(Int); ok {
			return l.storeIndex(int64(i), v)
		}
		return false
	}
	if d, ok := container.(*Dict); ok {
		return d.storeFast(&t.dictNext, key, v)
	}
	return false
}

// binaryOpSlow is BINARY_OP's general path: arg is the instruction's
// argument (an operator, or OpInplace + operator).
func binaryOpSlow(t *Thread, a, b Object, arg int) (Object, error) {
	if arg >= int(c.OpInplace) {
		return InplaceOp(t, a, b, arg-int(c.OpInplace))
	}
	return BinaryOp(t, a, b, arg)
}

// binaryDunders and binaryIDunders are the interned names of the binary
// operators' methods and of their in-place forms.
var binaryDunders, binaryIDunders = func() (d, id [numBinary]*Str) {
	for op := range d {
		d[op] = Intern(binaryNames[op].dunder)
		id[op] = Intern(binaryNames[op].idunder)
	}
	return d, id
}()

// binopFunction returns the Python function BINARY_OP (argument arg) may
// call inline for a op b, or nil. Only the case with a single possible
// call is taken: a and b instances of the same class, whose method for
// the operator is a plain Python function, and for an augmented
// assignment no in-place method. CPython then calls a.__op__(b) and
// nothing else; a NotImplemented result is a TypeError (retBinop).
func binopFunction(a, b Object, arg int) (*Function, *Code) {
	in, ok := a.(*Instance)
	if !ok {
		return nil, nil
	}
	ta := LoadPtr(&in.typ)
	if b.Type() != ta {
		return nil, nil
	}
	// Only lookups through the type's cache: the slot fields (Num,
	// INum) are rewritten by a thread assigning a class attribute.
	op := arg
	if op >= int(c.OpInplace) {
		op -= int(c.OpInplace)
		if op >= numBinary || ta.Lookup(binaryIDunders[op]) != nil {
			return nil, nil
		}
	}
	if op >= numBinary {
		return nil, nil
	}
	fn, ok := ta.Lookup(binaryDunders[op]).(*Function)
	if !ok {
		return nil, nil
	}
	if code := fn.inlineCode(2); code != nil {
		return fn, code
	}
	return nil, nil
}

// initFunction returns the __init__ a CALL of cls with nargs positional
// arguments may run inline after making the instance, or nil: a class
// whose metaclass is type (no __call__ of its own), whose __new__ is
// object's and whose __init__ a plain Python function taking them.
// Only lookups through the type's cache are used (no slot fields, which
// a thread assigning a class attribute rewrites).
func initFunction(cls *Type, nargs int) (*Function, *Code) {
	if (cls.meta != nil && cls.meta != TypeType) || !cls.isHeap() || cls.Flags.Load()&FlagAbstract != 0 {
		return nil, nil
	}
	fn := cls.pythonInit()
	if fn == nil {
		return nil, nil
	}
	if code := fn.inlineCode(nargs + 1); code != nil {
		return fn, code
	}
	return nil, nil
}

// initEntry is a type's pythonInit answer for one version of the type.
type initEntry struct {
	ver uint64
	fn  *Function
}

// pythonInit is cls's __init__ when it is a Python function, cls's
// __new__ is object's and cls is no exception class (whose instances
// BaseException makes); else nil. The answer depends only on the
// dictionaries along the MRO, which the type's version covers, so it is
// kept per version: every instance creation asked two cached lookups and
// an MRO walk before (about 130 instructions). The version is read before
// the lookups, so an answer computed across a change is stored under the
// old version and never used.
func (cls *Type) pythonInit() *Function {
	ver := cls.version.Load()
	if e := cls.initCache.Load(); e != nil && e.ver == ver && ver != 0 {
		return e.fn
	}
	var fn *Function
	if cls.Lookup(nameNew) == objectNewEntry() && !cls.IsSubtype(BaseExceptionType) {
		fn, _ = cls.Lookup(nameInit).(*Function)
	}
	if ver != 0 {
		cls.initCache.Store(&initEntry{ver: ver, fn: fn})
	}
	return fn
}

var (
	nameInit = Intern("__init__")
	nameNew  = Intern("__new__")
	// objectNewEntry is object.__dict__['__new__'], set once the type
	// exists (initFunction compares with it).
	objectNewEntry = sync.OnceValue(func() Object { return ObjectType.Dict.getStr(nameNew) })
)

// inlineResult applies an inlined frame's return hook to its value.
func inlineResult(hook uint8, self Object, op int, v Object) (Object, error) {
	switch hook {
	case retInit:
		if v != None {
			return nil, TypeErrorf("__init__() should return None, not '%s'", typeName(v))
		}
		return self, nil
	case retBinop:
		if v == NotImplemented {
			if op >= int(c.OpInplace) {
				op -= int(c.OpInplace)
				return nil, TypeErrorf("unsupported operand type(s) for %s=: '%s' and '%s'", binaryNames[op].op, typeName(self), typeName(self))
			}
			return nil, binaryOpError(self, self, op)
		}
	}
	return v, nil
}

// forIterNext is FOR_ITER's general step: the next item, or nil at the
// end (a StopIteration raised by __next__ also ends the loop).
func forIterNext(t *Thread, it Object) (Object, error) {
	if d, ok := it.(*dictIter); ok {
		return d.nextEntry()
	}
	v, err := Next(t, it)
	if err != nil {
		if !IsInstanceOf(err, StopIterationType) {
			return nil, err
		}
		return nil, nil
	}
	return v, nil
}

// cmpMasks has, for each comparison operator, bit 0 set if it holds when
// x < y, bit 1 when x == y and bit 2 when x > y.
var cmpMasks = [8]uint8{LT: 0b001, LE: 0b011, EQ: 0b010, NE: 0b101, GT: 0b100, GE: 0b110}
