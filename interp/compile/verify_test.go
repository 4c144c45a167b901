package compile

import (
	"fmt"
	"math/bits"
)

// verify checks a Code object the way the evaluation loop will rely on
// it: every path through the instructions is simulated with the value
// stack and block stack depths, written here independently of
// StackEffect from the stack pictures in opcode.go. It reports an error
// if a stack ever underflows or exceeds StackSize, if the block stack
// exceeds BlockSize or underflows, if two paths reach an instruction with
// different depths, if an argument is out of range, if a return leaves
// anything behind, or if execution can run off the end.
func verify(code *Code) error {
	if err := verifyOne(code); err != nil {
		return fmt.Errorf("%s (%s line %d): %w", code.Name, code.QualName, code.FirstLine, err)
	}
	for _, k := range code.Consts {
		if sub, ok := k.(*Code); ok {
			if err := verify(sub); err != nil {
				return err
			}
		}
	}
	return nil
}

// popsPushes returns how many values an instruction needs on the stack,
// how many it leaves on the fall-through path, and (for jumps) how many
// it leaves when it jumps (relative to the same base).
func popsPushes(op Opcode, arg int) (pops, push, jumpPush int) {
	switch op {
	case NOP, POP_BLOCK, SETUP_ANNOTATIONS:
		return 0, 0, 0
	case POP_TOP:
		return 1, 0, 0
	case COPY:
		return arg, arg + 1, 0
	case SWAP:
		return arg, arg, 0
	case LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF, LOAD_GLOBAL,
		LOAD_NAME, LOAD_ASSERTION_ERROR, LOAD_BUILD_CLASS:
		return 0, 1, 0
	case STORE_FAST, STORE_DEREF, STORE_GLOBAL, STORE_NAME:
		return 1, 0, 0
	case DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME:
		return 0, 0, 0
	case LOAD_ATTR:
		return 1, 1, 0
	case STORE_ATTR:
		return 2, 0, 0
	case DELETE_ATTR:
		return 1, 0, 0
	case LOAD_METHOD:
		return 1, 2, 0
	case UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT, GET_ITER,
		GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER, LIST_TO_TUPLE, ASYNC_GEN_WRAP:
		return 1, 1, 0
	case BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BINARY_SUBSCR:
		return 2, 1, 0
	case STORE_SUBSCR:
		return 3, 0, 0
	case DELETE_SUBSCR:
		return 2, 0, 0
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return arg, 1, 0
	case BUILD_MAP:
		return 2 * arg, 1, 0
	case BUILD_CONST_KEY_MAP:
		return arg + 1, 1, 0
	case BUILD_SLICE:
		return arg, 1, 0
	case LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE:
		// [.., container at -arg after the pop, .., v]
		return arg + 1, arg, 0
	case MAP_ADD:
		return arg + 2, arg, 0
	case UNPACK_SEQUENCE:
		return 1, arg, 0
	case UNPACK_EX:
		return 1, (arg & 0xff) + (arg >> 8) + 1, 0
	case FORMAT_VALUE:
		if arg&4 != 0 {
			return 2, 1, 0
		}
		return 1, 1, 0
	case JUMP:
		return 0, 0, 0
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE:
		return 1, 0, 0
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		return 1, 0, 1
	case FOR_ITER:
		return 1, 2, 0
	case RETURN_VALUE:
		return 1, 0, 0
	case MAKE_FUNCTION:
		return 1 + bits.OnesCount(uint(arg&0xf)), 1, 0
	case CALL:
		return arg + 1, 1, 0
	case CALL_KW:
		return arg + 2, 1, 0
	case CALL_METHOD:
		return arg + 2, 1, 0
	case CALL_EX:
		return 2 + arg&1, 1, 0
	case IMPORT_NAME:
		return 2, 1, 0
	case IMPORT_FROM:
		return 1, 2, 0
	case IMPORT_STAR:
		return 1, 0, 0
	case PUSH_EXC_INFO:
		return 1, 2, 0
	case POP_EXCEPT:
		return 1, 0, 0
	case RERAISE:
		return 1, 0, 0
	case RAISE_VARARGS:
		return arg, 0, 0
	case CHECK_EXC_MATCH, CHECK_EG_MATCH:
		return 2, 2, 0
	case PREP_RERAISE_STAR:
		return 2, 1, 0
	case BEFORE_WITH, BEFORE_ASYNC_WITH:
		return 1, 2, 0
	case WITH_EXCEPT_START:
		return 3, 4, 0
	case YIELD_VALUE:
		return 1, 1, 0
	case SEND:
		return 2, 2, 1
	case GET_ANEXT:
		return 1, 2, 0
	case END_ASYNC_FOR:
		return 2, 0, 0
	case MATCH_CLASS:
		return 3, 1, 0
	case MATCH_MAPPING, MATCH_SEQUENCE, GET_LEN:
		return 1, 2, 0
	case MATCH_KEYS:
		return 2, 3, 0
	case COPY_DICT_WITHOUT_KEYS:
		return 2, 2, 0
	case PRINT_EXPR:
		return 1, 0, 0
	}
	return -1, 0, 0
}

func verifyOne(code *Code) error {
	n := len(code.Instrs)
	if n == 0 {
		return fmt.Errorf("no instructions")
	}
	if len(code.Positions) != n {
		return fmt.Errorf("%d positions for %d instructions", len(code.Positions), n)
	}
	ncells := len(code.Cellvars) + len(code.Freevars)
	if len(code.Cell2Arg) != len(code.Cellvars) {
		return fmt.Errorf("Cell2Arg has %d entries for %d cells", len(code.Cell2Arg), len(code.Cellvars))
	}
	type st struct{ d, b int }
	seen := make([]st, n)
	for i := range seen {
		seen[i].d = -1
	}
	var work []int
	var problem error
	reach := func(from, to, d, b int) {
		if problem != nil {
			return
		}
		if to < 0 || to >= n {
			problem = fmt.Errorf("instruction %d: control reaches %d, outside the code", from, to)
			return
		}
		if d > code.StackSize {
			problem = fmt.Errorf("instruction %d: stack depth %d exceeds StackSize %d", to, d, code.StackSize)
			return
		}
		if b > code.BlockSize {
			problem = fmt.Errorf("instruction %d: block depth %d exceeds BlockSize %d", to, b, code.BlockSize)
			return
		}
		if seen[to].d >= 0 {
			if seen[to] != (st{d, b}) {
				problem = fmt.Errorf("instruction %d: reached with depth %d/%d from %d, earlier %d/%d",
					to, d, b, from, seen[to].d, seen[to].b)
			}
			return
		}
		seen[to] = st{d, b}
		work = append(work, to)
	}
	reach(-1, 0, 0, 0)
	for len(work) > 0 && problem == nil {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		in := code.Instrs[i]
		op, arg := in.Op(), in.Arg()
		d, b := seen[i].d, seen[i].b
		switch op {
		case LOAD_CONST:
			if arg >= len(code.Consts) {
				return fmt.Errorf("instruction %d: const %d out of range", i, arg)
			}
		case LOAD_FAST, STORE_FAST, DELETE_FAST:
			if arg >= len(code.Varnames) {
				return fmt.Errorf("instruction %d: local %d out of range", i, arg)
			}
		case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF:
			if arg >= ncells {
				return fmt.Errorf("instruction %d: cell %d out of range", i, arg)
			}
		case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
			LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
			if arg >= len(code.Names) {
				return fmt.Errorf("instruction %d: name %d out of range", i, arg)
			}
		case COPY:
			if arg < 1 {
				return fmt.Errorf("instruction %d: COPY %d", i, arg)
			}
		case SWAP:
			if arg < 2 {
				return fmt.Errorf("instruction %d: SWAP %d", i, arg)
			}
		case RETURN_VALUE:
			if d != 1 || b != 0 {
				return fmt.Errorf("instruction %d: return with stack depth %d and %d blocks", i, d, b)
			}
		case POP_BLOCK:
			if b == 0 {
				return fmt.Errorf("instruction %d: POP_BLOCK without a block", i)
			}
		}
		if isSetup(op) {
			level := d
			if op == SETUP_WITH {
				// The level excludes the __enter__ result on top.
				level = d - 1
				if level < 0 {
					return fmt.Errorf("instruction %d: SETUP_WITH on an empty stack", i)
				}
			}
			reach(i, arg, level+1, b)
			reach(i, i+1, d, b+1)
			continue
		}
		pops, push, jumpPush := popsPushes(op, arg)
		if pops < 0 {
			return fmt.Errorf("instruction %d: unknown opcode %d", i, op)
		}
		if d < pops {
			return fmt.Errorf("instruction %d (%s %d): needs %d values, stack has %d", i, op, arg, pops, d)
		}
		if op.HasJump() {
			reach(i, arg, d-pops+jumpPush, b)
		}
		if fallsThrough(op) {
			nb := b
			if op == POP_BLOCK {
				nb--
			}
			reach(i, i+1, d-pops+push, nb)
		}
	}
	return problem
}
