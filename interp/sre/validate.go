package sre

import "errors"

// ErrInvalidCode is what Validate reports (CPython raises
// RuntimeError("invalid SRE code") from _sre.compile).
var ErrInvalidCode = errors.New("invalid SRE code")

// Validate checks the structure of a program the way _sre.compile does
// before accepting it: every opcode is known, operands are present, skips
// stay inside their block, group numbers are below groups, and blocks end
// with the opcode their parent expects. The matcher is safe on any input
// anyway; this gives the error at compile time, as CPython does.
func Validate(code []uint32, groups int) error {
	v := validator{code: code, groups: groups}
	if !v.block(0, len(code)) {
		return ErrInvalidCode
	}
	return nil
}

type validator struct {
	code   []uint32
	groups int
}

// arg reads the operand at pc, which must lie before end.
func (v *validator) arg(pc, end int) (uint32, bool) {
	if pc >= end || pc >= len(v.code) {
		return 0, false
	}
	return v.code[pc], true
}

// skip reads a skip operand at pc and returns the position it designates
// (pc + skip), which must lie in (pc, end].
func (v *validator) skip(pc, end int) (int, bool) {
	s, ok := v.arg(pc, end)
	if !ok || s == 0 || int(s) > end-pc {
		return 0, false
	}
	return pc + int(s), true
}

// charset checks a set (after IN's skip) running from pc to end, which
// must end with FAILURE.
func (v *validator) charset(pc, end int) bool {
	for pc < end {
		op := v.code[pc]
		pc++
		switch op {
		case opFAILURE:
			return pc == end
		case opNEGATE:
		case opLITERAL:
			pc++
		case opCATEGORY:
			c, ok := v.arg(pc, end)
			if !ok || c > catUNI_NOT_LINEBREAK {
				return false
			}
			pc++
		case opRANGE, opRANGE_UNI_IGNORE:
			lo, ok1 := v.arg(pc, end)
			hi, ok2 := v.arg(pc+1, end)
			if !ok1 || !ok2 || lo > hi {
				return false
			}
			pc += 2
		case opCHARSET:
			pc += 8
		case opBIGCHARSET:
			n, ok := v.arg(pc, end)
			if !ok || n > 256 {
				return false
			}
			pc++
			// 256 block-index bytes packed in 64 words; each must name
			// an existing block.
			if pc+64 > end {
				return false
			}
			for i := 0; i < 256; i++ {
				if (v.code[pc+i/4]>>(8*(i%4)))&0xff >= n {
					return false
				}
			}
			pc += 64 + int(n)*8
		default:
			return false
		}
		if pc > end {
			return false
		}
	}
	return false
}

// block checks the ops from pc up to end.
func (v *validator) block(pc, end int) bool {
	code := v.code
	if end > len(code) {
		return false
	}
	for pc < end {
		op := code[pc]
		pc++
		switch op {
		case opFAILURE, opSUCCESS, opANY, opANY_ALL:
		case opMARK:
			a, ok := v.arg(pc, end)
			if !ok || int64(a) > 2*int64(v.groups)+1 {
				return false
			}
			pc++
		case opAT:
			a, ok := v.arg(pc, end)
			if !ok || a > atUNI_NON_BOUNDARY {
				return false
			}
			pc++
		case opCATEGORY:
			a, ok := v.arg(pc, end)
			if !ok || a > catUNI_NOT_LINEBREAK {
				return false
			}
			pc++
		case opLITERAL, opNOT_LITERAL, opLITERAL_IGNORE, opNOT_LITERAL_IGNORE,
			opLITERAL_UNI_IGNORE, opNOT_LITERAL_UNI_IGNORE, opLITERAL_LOC_IGNORE, opNOT_LITERAL_LOC_IGNORE:
			if _, ok := v.arg(pc, end); !ok {
				return false
			}
			pc++
		case opIN, opIN_IGNORE, opIN_UNI_IGNORE, opIN_LOC_IGNORE:
			next, ok := v.skip(pc, end)
			if !ok || !v.charset(pc+1, next) {
				return false
			}
			pc = next
		case opINFO:
			// <INFO> <skip> <flags> <min> <max> [prefix or charset]
			next, ok := v.skip(pc, end)
			if !ok || pc+4 > next {
				return false
			}
			if code[pc+2] > code[pc+3] {
				return false
			}
			pc = next
		case opJUMP:
			next, ok := v.skip(pc, end)
			if !ok {
				return false
			}
			pc = next
		case opBRANCH:
			// <BRANCH> (<skip> alternative <JUMP> <skip>)* <0>
			target := -1
			for {
				s, ok := v.arg(pc, end)
				if !ok {
					return false
				}
				if s == 0 {
					pc++
					break
				}
				next, ok := v.skip(pc, end)
				if !ok || next-2 <= pc || code[next-2] != opJUMP {
					return false
				}
				if !v.block(pc+1, next-2) {
					return false
				}
				t, ok := v.skip(next-1, end)
				if !ok || (target >= 0 && t != target) {
					return false
				}
				target = t
				pc = next
			}
			if target >= 0 && target != pc {
				return false
			}
		case opREPEAT_ONE, opMIN_REPEAT_ONE, opPOSSESSIVE_REPEAT_ONE:
			// <op> <skip> <min> <max> item <SUCCESS> tail
			next, ok := v.skip(pc, end)
			if !ok || pc+3 >= next || code[pc+1] > code[pc+2] || code[next-1] != opSUCCESS {
				return false
			}
			if !v.block(pc+3, next-1) {
				return false
			}
			pc = next
		case opREPEAT, opPOSSESSIVE_REPEAT:
			// <op> <skip> <min> <max> body <UNTIL or SUCCESS> tail
			next, ok := v.skip(pc, end)
			if !ok || pc+3 > next || next >= end || code[pc+1] > code[pc+2] {
				return false
			}
			if !v.block(pc+3, next) {
				return false
			}
			until := code[next]
			if op == opREPEAT && until != opMAX_UNTIL && until != opMIN_UNTIL {
				return false
			}
			if op == opPOSSESSIVE_REPEAT && until != opSUCCESS {
				return false
			}
			pc = next + 1
		case opMAX_UNTIL, opMIN_UNTIL:
			// Only valid right after a REPEAT body, handled above.
			return false
		case opGROUPREF, opGROUPREF_IGNORE, opGROUPREF_UNI_IGNORE, opGROUPREF_LOC_IGNORE:
			a, ok := v.arg(pc, end)
			if !ok || int64(a) >= int64(v.groups) {
				return false
			}
			pc++
		case opGROUPREF_EXISTS:
			// <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]
			a, ok := v.arg(pc, end)
			if !ok || int64(a) >= int64(v.groups) {
				return false
			}
			s, ok := v.arg(pc+1, end)
			next := pc + int(s)
			if !ok || s < 2 || next > end {
				return false
			}
			// The yes branch ends with <JUMP> <skip> when there is a no
			// branch; an operand equal to JUMP could look the same, so
			// the other reading is tried when this one fails.
			if next-2 >= pc+2 && code[next-2] == opJUMP {
				if no, ok := v.skip(next-1, end); ok && v.block(pc+2, next-2) && v.block(next, no) {
					pc = no
					break
				}
			}
			if !v.block(pc+2, next) {
				return false
			}
			pc = next
		case opASSERT, opASSERT_NOT:
			// <op> <skip> <back> body <SUCCESS>
			next, ok := v.skip(pc, end)
			if !ok || pc+2 >= next || code[next-1] != opSUCCESS {
				return false
			}
			if !v.block(pc+2, next-1) {
				return false
			}
			pc = next
		case opATOMIC_GROUP:
			next, ok := v.skip(pc, end)
			if !ok || pc+1 >= next || code[next-1] != opSUCCESS {
				return false
			}
			if !v.block(pc+1, next-1) {
				return false
			}
			pc = next
		default:
			return false
		}
	}
	return pc == end
}
