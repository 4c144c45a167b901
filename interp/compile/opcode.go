package compile

// Opcode is an instruction's operation. The set follows CPython 3.11's
// (see the `dis` documentation) so the compiler can follow the structure of
// CPython's compile.c, with these differences, which keep the evaluation
// loop simple:
//
//   - Exception handling uses a block stack instead of an exception table:
//     SETUP_FINALLY, SETUP_CLEANUP and SETUP_WITH are real instructions (in
//     CPython 3.11 they are the compiler's pseudo-instructions) and all three
//     do the same thing. No `lasti` is ever pushed, so a handler's stack
//     holds one value fewer than in CPython 3.11 (CPython's cleanup handler
//     `COPY 3; POP_EXCEPT; RERAISE 1` is `COPY 2; POP_EXCEPT; RERAISE 0`
//     here).
//   - Calls have no PUSH_NULL/PRECALL/KW_NAMES: see CALL, CALL_KW,
//     CALL_METHOD and CALL_EX.
//   - Jump arguments are absolute instruction indices, forward or backward.
//   - No RESUME, CACHE, MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR: the
//     runtime sets cells and generators up from the Code's fields.
//
// Stack effects are written [before] -> [after], top of stack rightmost.
// "namei" indexes Code.Names, "consti" Code.Consts, "var_num" Code.Varnames
// and "i" for cells indexes Cellvars followed by Freevars.
type Opcode uint8

const (
	NOP Opcode = iota

	// ---- stack manipulation ----
	POP_TOP // [x] -> []
	COPY    // COPY i: [.., x(i-th from top, i>=1)] -> [.., x, .., x]
	SWAP    // SWAP i: swap TOS with the i-th item from the top (i>=2)

	// ---- constants and variables ----
	LOAD_CONST           // consti: [] -> [const]
	LOAD_FAST            // var_num: [] -> [value]; UnboundLocalError if unset
	STORE_FAST           // var_num: [v] -> []
	DELETE_FAST          // var_num: UnboundLocalError if unset
	LOAD_DEREF           // i: [] -> [cell contents]; NameError/UnboundLocalError if empty
	STORE_DEREF          // i: [v] -> []
	DELETE_DEREF         // i
	LOAD_CLOSURE         // i: [] -> [the cell object itself]
	LOAD_CLASSDEREF      // i: class body: the name in the locals mapping if there, else the cell
	LOAD_GLOBAL          // namei: [] -> [globals[name] or builtins[name]]; NameError
	STORE_GLOBAL         // namei: [v] -> []
	DELETE_GLOBAL        // namei
	LOAD_NAME            // namei: locals, then globals, then builtins
	STORE_NAME           // namei: [v] -> []; into the locals mapping
	DELETE_NAME          // namei
	LOAD_ATTR            // namei: [obj] -> [obj.name]
	STORE_ATTR           // namei: [v, obj] -> []; obj.name = v
	DELETE_ATTR          // namei: [obj] -> []
	LOAD_METHOD          // namei: [obj] -> [meth, obj] (an unbound function found on the type) or [attr, NULL]
	LOAD_ASSERTION_ERROR // [] -> [AssertionError]
	LOAD_BUILD_CLASS     // [] -> [builtins.__build_class__]

	// ---- operators ----
	UNARY_POSITIVE // [x] -> [+x]
	UNARY_NEGATIVE // [x] -> [-x]
	UNARY_NOT      // [x] -> [not x]
	UNARY_INVERT   // [x] -> [~x]
	BINARY_OP      // op (BinaryOp): [a, b] -> [a op b]
	COMPARE_OP     // op (CompareOp): [a, b] -> [a op b]
	IS_OP          // invert: [a, b] -> [a is b] (is not, if invert == 1)
	CONTAINS_OP    // invert: [a, b] -> [a in b] (not in, if invert == 1)
	BINARY_SUBSCR  // [container, key] -> [container[key]]
	STORE_SUBSCR   // [v, container, key] -> []; container[key] = v
	DELETE_SUBSCR  // [container, key] -> []

	// ---- building values ----
	BUILD_TUPLE         // n: [x1..xn] -> [(x1..xn)]
	BUILD_LIST          // n
	BUILD_SET           // n
	BUILD_MAP           // n: [k1, v1, .., kn, vn] -> [dict]
	BUILD_CONST_KEY_MAP // n: [v1..vn, keys-tuple] -> [dict]
	BUILD_STRING        // n: [s1..sn] -> [s1+..+sn] (all str)
	BUILD_SLICE         // n (2 or 3): [start, stop(, step)] -> [slice]
	LIST_APPEND         // i: [.., list, .., v] -> [.., list, ..]; list at stack[-i] after popping v
	SET_ADD             // i: as LIST_APPEND, set.add
	MAP_ADD             // i: [.., dict, .., k, v] -> [.., dict, ..]; dict at stack[-i] after popping k, v
	LIST_EXTEND         // i: [.., list, .., it] -> list.extend(it)
	SET_UPDATE          // i: set.update(it)
	DICT_UPDATE         // i: dict.update(m); TypeError "'X' object is not a mapping"
	DICT_MERGE          // i: like DICT_UPDATE for **kwargs in calls: duplicate key -> TypeError "f() got multiple values for keyword argument 'k'" (the callable is at stack[-i-2] after popping, see CPython)
	LIST_TO_TUPLE       // [list] -> [tuple]
	UNPACK_SEQUENCE     // n: [seq] -> [xn, .., x1] (x1 on top); ValueError on length mismatch
	UNPACK_EX           // before | after<<8: [seq] -> [after items.., list of middle, before items..] reversed like UNPACK_SEQUENCE
	FORMAT_VALUE        // flags: &3 conversion (0 none, 1 str, 2 repr, 3 ascii); &4 spec on TOS: [v(, spec)] -> [formatted str]

	// ---- control flow ----
	JUMP                 // target
	POP_JUMP_IF_FALSE    // target: [x] -> []
	POP_JUMP_IF_TRUE     // target
	POP_JUMP_IF_NONE     // target
	POP_JUMP_IF_NOT_NONE // target
	JUMP_IF_FALSE_OR_POP // target: if not x: jump, keeping x; else pop x
	JUMP_IF_TRUE_OR_POP  // target
	GET_ITER             // [x] -> [iter(x)]
	FOR_ITER             // target: [it] -> [it, next(it)]; when exhausted: [it] -> [] and jump
	RETURN_VALUE         // [v] -> return v from the frame

	// ---- functions, calls and classes ----
	MAKE_FUNCTION // flags: [defaults-tuple if &1, kwdefaults-dict if &2, annotations-dict if &4, closure-tuple-of-cells if &8, code] -> [function]
	CALL          // n: [f, a1..an] -> [f(a1..an)]
	CALL_KW       // n: [f, a1..an, kwnames-tuple] -> [result]; the last len(kwnames) of the n arguments are passed by keyword
	CALL_METHOD   // n: [x, y, a1..an] -> [x(a1..an)] if y is NULL, else [x(y, a1..an)]; pairs with LOAD_METHOD
	CALL_EX       // flags: [f, args, kwargs-dict if flags&1] -> [f(*args, **kwargs)]; args is a tuple, except for f(*x) where it is x itself: convert it, TypeError "f() argument after * must be an iterable, not T" (CPython's CALL_FUNCTION_EX)

	// ---- imports ----
	IMPORT_NAME // namei: [level, fromlist] -> [module] as __import__(name, globals, locals, fromlist, level)
	IMPORT_FROM // namei: [module] -> [module, module.name]; falls back to sys.modules["pkg.name"]; ImportError "cannot import name 'x' from 'm' (path)"
	IMPORT_STAR // [module] -> []; copies public names (or __all__) into locals

	// ---- exceptions ----
	// A block remembers (handler, stack level). When an exception is raised
	// in a frame whose block stack is not empty, the top block is popped,
	// the value stack is cut back to the block's level, the exception
	// object is pushed and execution continues at the handler. With no
	// block, the exception leaves the frame (a traceback entry is added).
	SETUP_FINALLY     // target: push a block
	SETUP_CLEANUP     // target: the same as SETUP_FINALLY
	SETUP_WITH        // target: like SETUP_FINALLY, but the block's stack level is one LESS than the current depth: it follows BEFORE_WITH / the awaited __aenter__ result, and the level excludes that result on TOS (so the handler sees [.., exit, exc]), exactly as CPython 3.11's pseudo-instruction
	POP_BLOCK         // pop the top block
	PUSH_EXC_INFO     // [exc] -> [prev, exc]; prev is the thread's handled exception (or None), which becomes exc
	POP_EXCEPT        // [prev] -> []; the handled exception becomes prev (None: none)
	RERAISE           // [exc] -> raise exc again, without a new traceback entry for this line; with a nonzero argument the frame's line goes back to where exc was raised in it (CPython restores the saved lasti)
	RAISE_VARARGS     // n: 0: re-raise the handled exception ("RuntimeError: No active exception to reraise"); 1: [exc] raise exc; 2: [exc, cause] raise exc from cause
	CHECK_EXC_MATCH   // [exc, type] -> [exc, isinstance(exc, type)]; TypeError if type is not an exception class or tuple of them
	CHECK_EG_MATCH    // except*: [eg, type] -> [rest, match], or [eg, None] when nothing matches (CPython 3.11)
	PREP_RERAISE_STAR // [orig, list-of-raised] -> [exc to reraise or None] (CPython 3.11)
	BEFORE_WITH       // [mgr] -> [bound mgr.__exit__, mgr.__enter__()]
	WITH_EXCEPT_START // [exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, exc.__traceback__)]

	// ---- generators and coroutines ----
	YIELD_VALUE         // delegating: [v] -> suspend yielding v; on resume push the sent value (None for next()). delegating == 1 inside yield from / await: then the sub-iterator is TOS after v is popped and the next instruction is a JUMP back to the SEND (throw()/close() are delegated to the sub-iterator)
	GET_YIELD_FROM_ITER // [x] -> [iter(x)], generators and (in coroutines) coroutines unchanged
	SEND                // target: [subiter, v] -> [subiter, yielded] if it yields; [r] and jump if it returns r (StopIteration)
	GET_AWAITABLE       // where: [x] -> [awaitable iterator of x]; TypeError "object X can't be used in 'await' expression"
	GET_AITER           // [x] -> [x.__aiter__()]
	GET_ANEXT           // [aiter] -> [aiter, awaitable of aiter.__anext__()]
	END_ASYNC_FOR       // [aiter, exc] -> [] if exc is StopAsyncIteration, else re-raise exc
	BEFORE_ASYNC_WITH   // [mgr] -> [bound mgr.__aexit__, awaitable of mgr.__aenter__()]
	ASYNC_GEN_WRAP      // [v] -> [wrapped v] (a value yielded by an async generator)

	// ---- pattern matching (CPython 3.11 semantics) ----
	MATCH_CLASS            // count: [subject, cls, kwnames] -> [tuple of attributes or None]
	MATCH_MAPPING          // [s] -> [s, bool]
	MATCH_SEQUENCE         // [s] -> [s, bool]
	MATCH_KEYS             // [s, keys] -> [s, keys, tuple of values or None]
	GET_LEN                // [s] -> [s, len(s)]
	COPY_DICT_WITHOUT_KEYS // [s, keys] -> [s, dict(s) without keys] (not emitted: like CPython 3.11.7, **rest uses BUILD_MAP/DICT_UPDATE/DELETE_SUBSCR)

	// ---- misc ----
	SETUP_ANNOTATIONS // create __annotations__ in the locals mapping if missing
	PRINT_EXPR        // [v] -> []; sys.displayhook(v) (interactive mode)

	NumOpcodes
)

// BinaryOp is BINARY_OP's argument, with CPython 3.11's NB_* values.
type BinaryOp int

const (
	OpAdd BinaryOp = iota
	OpAnd
	OpFloorDivide
	OpLshift
	OpMatrixMultiply
	OpMultiply
	OpRemainder
	OpOr
	OpPower
	OpRshift
	OpSubtract
	OpTrueDivide
	OpXor
	// OpInplace + op is the augmented-assignment form (a += b).
	OpInplace BinaryOp = 13
)

// CompareOp is COMPARE_OP's argument, with CPython's Py_LT.. values.
type CompareOp int

const (
	CmpLT CompareOp = iota
	CmpLE
	CmpEQ
	CmpNE
	CmpGT
	CmpGE
)

// MAKE_FUNCTION flags.
const (
	FnDefaults    = 0x01
	FnKwDefaults  = 0x02
	FnAnnotations = 0x04
	FnClosure     = 0x08
)

var opNames = [...]string{
	NOP: "NOP", POP_TOP: "POP_TOP", COPY: "COPY", SWAP: "SWAP",
	LOAD_CONST: "LOAD_CONST", LOAD_FAST: "LOAD_FAST", STORE_FAST: "STORE_FAST",
	DELETE_FAST: "DELETE_FAST", LOAD_DEREF: "LOAD_DEREF", STORE_DEREF: "STORE_DEREF",
	DELETE_DEREF: "DELETE_DEREF", LOAD_CLOSURE: "LOAD_CLOSURE", LOAD_CLASSDEREF: "LOAD_CLASSDEREF",
	LOAD_GLOBAL: "LOAD_GLOBAL", STORE_GLOBAL: "STORE_GLOBAL", DELETE_GLOBAL: "DELETE_GLOBAL",
	LOAD_NAME: "LOAD_NAME", STORE_NAME: "STORE_NAME", DELETE_NAME: "DELETE_NAME",
	LOAD_ATTR: "LOAD_ATTR", STORE_ATTR: "STORE_ATTR", DELETE_ATTR: "DELETE_ATTR",
	LOAD_METHOD: "LOAD_METHOD", LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR",
	LOAD_BUILD_CLASS: "LOAD_BUILD_CLASS",
	UNARY_POSITIVE:   "UNARY_POSITIVE", UNARY_NEGATIVE: "UNARY_NEGATIVE", UNARY_NOT: "UNARY_NOT",
	UNARY_INVERT: "UNARY_INVERT", BINARY_OP: "BINARY_OP", COMPARE_OP: "COMPARE_OP",
	IS_OP: "IS_OP", CONTAINS_OP: "CONTAINS_OP", BINARY_SUBSCR: "BINARY_SUBSCR",
	STORE_SUBSCR: "STORE_SUBSCR", DELETE_SUBSCR: "DELETE_SUBSCR",
	BUILD_TUPLE: "BUILD_TUPLE", BUILD_LIST: "BUILD_LIST", BUILD_SET: "BUILD_SET",
	BUILD_MAP: "BUILD_MAP", BUILD_CONST_KEY_MAP: "BUILD_CONST_KEY_MAP", BUILD_STRING: "BUILD_STRING",
	BUILD_SLICE: "BUILD_SLICE", LIST_APPEND: "LIST_APPEND", SET_ADD: "SET_ADD", MAP_ADD: "MAP_ADD",
	LIST_EXTEND: "LIST_EXTEND", SET_UPDATE: "SET_UPDATE", DICT_UPDATE: "DICT_UPDATE",
	DICT_MERGE: "DICT_MERGE", LIST_TO_TUPLE: "LIST_TO_TUPLE", UNPACK_SEQUENCE: "UNPACK_SEQUENCE",
	UNPACK_EX: "UNPACK_EX", FORMAT_VALUE: "FORMAT_VALUE",
	JUMP: "JUMP", POP_JUMP_IF_FALSE: "POP_JUMP_IF_FALSE", POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE",
	POP_JUMP_IF_NONE: "POP_JUMP_IF_NONE", POP_JUMP_IF_NOT_NONE: "POP_JUMP_IF_NOT_NONE",
	JUMP_IF_FALSE_OR_POP: "JUMP_IF_FALSE_OR_POP", JUMP_IF_TRUE_OR_POP: "JUMP_IF_TRUE_OR_POP",
	GET_ITER: "GET_ITER", FOR_ITER: "FOR_ITER", RETURN_VALUE: "RETURN_VALUE",
	MAKE_FUNCTION: "MAKE_FUNCTION", CALL: "CALL", CALL_KW: "CALL_KW", CALL_METHOD: "CALL_METHOD",
	CALL_EX:     "CALL_EX",
	IMPORT_NAME: "IMPORT_NAME", IMPORT_FROM: "IMPORT_FROM", IMPORT_STAR: "IMPORT_STAR",
	SETUP_FINALLY: "SETUP_FINALLY", SETUP_CLEANUP: "SETUP_CLEANUP", SETUP_WITH: "SETUP_WITH",
	POP_BLOCK: "POP_BLOCK", PUSH_EXC_INFO: "PUSH_EXC_INFO", POP_EXCEPT: "POP_EXCEPT",
	RERAISE: "RERAISE", RAISE_VARARGS: "RAISE_VARARGS", CHECK_EXC_MATCH: "CHECK_EXC_MATCH",
	CHECK_EG_MATCH: "CHECK_EG_MATCH", PREP_RERAISE_STAR: "PREP_RERAISE_STAR",
	BEFORE_WITH: "BEFORE_WITH", WITH_EXCEPT_START: "WITH_EXCEPT_START",
	YIELD_VALUE: "YIELD_VALUE", GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER", SEND: "SEND",
	GET_AWAITABLE: "GET_AWAITABLE", GET_AITER: "GET_AITER", GET_ANEXT: "GET_ANEXT",
	END_ASYNC_FOR: "END_ASYNC_FOR", BEFORE_ASYNC_WITH: "BEFORE_ASYNC_WITH", ASYNC_GEN_WRAP: "ASYNC_GEN_WRAP",
	MATCH_CLASS: "MATCH_CLASS", MATCH_MAPPING: "MATCH_MAPPING", MATCH_SEQUENCE: "MATCH_SEQUENCE",
	MATCH_KEYS: "MATCH_KEYS", GET_LEN: "GET_LEN", COPY_DICT_WITHOUT_KEYS: "COPY_DICT_WITHOUT_KEYS",
	SETUP_ANNOTATIONS: "SETUP_ANNOTATIONS", PRINT_EXPR: "PRINT_EXPR",
}

func (op Opcode) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return "OP_" + itoa(int(op))
}

// HasJump reports whether op's argument is a jump target.
func (op Opcode) HasJump() bool {
	switch op {
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER, SETUP_FINALLY, SETUP_CLEANUP,
		SETUP_WITH, SEND:
		return true
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
