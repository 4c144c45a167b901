package py

import c "freepy/interp/compile"

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
	// STORE_FAST a; LOAD_FAST b
	qStoreFastLoadFast
	// COMPARE_OP op; POP_JUMP_IF_FALSE target (int or float operands;
	// anything else runs COMPARE_OP alone and leaves the jump to itself)
	qCompareJumpIfFalse
	// COMPARE_OP op; POP_JUMP_IF_TRUE target (same)
	qCompareJumpIfTrue
)

// quicken returns the instructions execute runs for code.
func quicken(instrs []c.Instr) []c.Instr {
	q := make([]c.Instr, len(instrs))
	copy(q, instrs)
	op := func(i int) c.Opcode { return c.Opcode(instrs[i] & 0xff) }
	with := func(i int, fused c.Opcode) { q[i] = instrs[i]&^0xff | c.Instr(fused) }
	for i := 0; i+1 < len(instrs); i++ {
		switch a, b := op(i), op(i+1); {
		case a == c.LOAD_FAST && b == c.LOAD_FAST:
			with(i, qLoadFastLoadFast)
		case a == c.LOAD_FAST && b == c.LOAD_CONST:
			with(i, qLoadFastLoadConst)
		case a == c.STORE_FAST && b == c.LOAD_FAST:
			with(i, qStoreFastLoadFast)
		case a == c.COMPARE_OP && b == c.POP_JUMP_IF_FALSE:
			with(i, qCompareJumpIfFalse)
		case a == c.COMPARE_OP && b == c.POP_JUMP_IF_TRUE:
			with(i, qCompareJumpIfTrue)
		}
	}
	return q
}

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
