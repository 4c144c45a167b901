package compile

import "math/bits"

// StackEffect returns the change in value-stack depth caused by executing
// an instruction. jump selects the effect when the instruction jumps (for
// SETUP_* it is the depth at the handler, relative to the depth at the
// SETUP instruction: the stack cut to the block's level plus the
// exception). ok is false for an unknown opcode.
func StackEffect(op Opcode, arg int, jump bool) (effect int, ok bool) {
	switch op {
	case NOP, POP_BLOCK:
		return 0, true
	case POP_TOP:
		return -1, true
	case COPY:
		return 1, true
	case SWAP:
		return 0, true

	case LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF, LOAD_GLOBAL,
		LOAD_NAME, LOAD_ASSERTION_ERROR, LOAD_BUILD_CLASS:
		return 1, true
	case STORE_FAST, STORE_DEREF, STORE_GLOBAL, STORE_NAME:
		return -1, true
	case DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME:
		return 0, true
	case LOAD_ATTR:
		return 0, true
	case STORE_ATTR:
		return -2, true
	case DELETE_ATTR:
		return -1, true
	case LOAD_METHOD:
		return 1, true

	case UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT:
		return 0, true
	case BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BINARY_SUBSCR:
		return -1, true
	case STORE_SUBSCR:
		return -3, true
	case DELETE_SUBSCR:
		return -2, true

	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - arg, true
	case BUILD_MAP:
		return 1 - 2*arg, true
	case BUILD_CONST_KEY_MAP:
		return -arg, true
	case BUILD_SLICE:
		return 1 - arg, true
	case LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE:
		return -1, true
	case MAP_ADD:
		return -2, true
	case LIST_TO_TUPLE:
		return 0, true
	case UNPACK_SEQUENCE:
		return arg - 1, true
	case UNPACK_EX:
		return (arg & 0xff) + (arg >> 8), true
	case FORMAT_VALUE:
		if arg&4 != 0 {
			return -1, true
		}
		return 0, true

	case JUMP:
		return 0, true
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE:
		return -1, true
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		if jump {
			return 0, true
		}
		return -1, true
	case GET_ITER:
		return 0, true
	case FOR_ITER:
		if jump {
			return -1, true
		}
		return 1, true
	case RETURN_VALUE:
		return -1, true

	case MAKE_FUNCTION:
		return -bits.OnesCount(uint(arg & 0xf)), true
	case CALL:
		return -arg, true
	case CALL_KW:
		return -arg - 1, true
	case CALL_METHOD:
		return -arg - 1, true
	case CALL_EX:
		return -1 - arg&1, true

	case IMPORT_NAME:
		return -1, true
	case IMPORT_FROM:
		return 1, true
	case IMPORT_STAR:
		return -1, true

	case SETUP_FINALLY, SETUP_CLEANUP:
		if jump {
			return 1, true
		}
		return 0, true
	case SETUP_WITH:
		// The block's level excludes the __enter__ result on top.
		return 0, true
	case PUSH_EXC_INFO:
		return 1, true
	case POP_EXCEPT:
		return -1, true
	case RERAISE:
		return -1, true
	case RAISE_VARARGS:
		return -arg, true
	case CHECK_EXC_MATCH, CHECK_EG_MATCH:
		return 0, true
	case PREP_RERAISE_STAR:
		return -1, true
	case BEFORE_WITH, BEFORE_ASYNC_WITH:
		return 1, true
	case WITH_EXCEPT_START:
		return 1, true

	case YIELD_VALUE:
		return 0, true
	case GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER:
		return 0, true
	case SEND:
		if jump {
			return -1, true
		}
		return 0, true
	case GET_ANEXT:
		return 1, true
	case END_ASYNC_FOR:
		return -2, true
	case ASYNC_GEN_WRAP:
		return 0, true

	case MATCH_CLASS:
		return -2, true
	case MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, GET_LEN:
		return 1, true
	case COPY_DICT_WITHOUT_KEYS:
		return 0, true

	case SETUP_ANNOTATIONS:
		return 0, true
	case PRINT_EXPR:
		return -1, true
	}
	return 0, false
}

// fallsThrough reports whether execution can continue with the next
// instruction.
func fallsThrough(op Opcode) bool {
	switch op {
	case JUMP, RETURN_VALUE, RERAISE, RAISE_VARARGS:
		return false
	}
	return true
}

// blockEffect is the change in block-stack depth on the fall-through path.
func blockEffect(op Opcode) int {
	switch op {
	case SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH:
		return 1
	case POP_BLOCK:
		return -1
	}
	return 0
}

func isSetup(op Opcode) bool {
	return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH
}
