package compile

import (
	"fmt"
	"strings"
)

// Disassemble returns a listing of code and, after it, of every code
// object among its constants, in the spirit of CPython's dis.dis: line
// numbers, jump targets marked ">>", and arguments resolved to names and
// constants.
func Disassemble(code *Code) string {
	var b strings.Builder
	disassemble(&b, code, true)
	return b.String()
}

func disassemble(b *strings.Builder, code *Code, nested bool) {
	fmt.Fprintf(b, "code %s (%s) line %d: args %d posonly %d kwonly %d flags %#x stack %d blocks %d\n",
		code.Name, code.QualName, code.FirstLine, code.ArgCount, code.PosOnlyArgCount,
		code.KwOnlyArgCount, code.Flags, code.StackSize, code.BlockSize)
	if len(code.Varnames) > 0 {
		fmt.Fprintf(b, "  varnames: %s\n", strings.Join(code.Varnames, ", "))
	}
	if len(code.Cellvars) > 0 {
		fmt.Fprintf(b, "  cellvars: %s\n", strings.Join(code.Cellvars, ", "))
	}
	if len(code.Freevars) > 0 {
		fmt.Fprintf(b, "  freevars: %s\n", strings.Join(code.Freevars, ", "))
	}
	targets := map[int]bool{}
	for _, in := range code.Instrs {
		if in.Op().HasJump() {
			targets[in.Arg()] = true
		}
	}
	lastLine := int32(-2)
	for i, in := range code.Instrs {
		line := "    "
		if i < len(code.Positions) && code.Positions[i].Line != lastLine {
			lastLine = code.Positions[i].Line
			line = fmt.Sprintf("%4d", lastLine)
		}
		mark := "  "
		if targets[i] {
			mark = ">>"
		}
		fmt.Fprintf(b, "%s %s %4d %-22s", line, mark, i, in.Op())
		if arg, ok := argString(code, in); ok {
			fmt.Fprintf(b, " %s", arg)
		}
		b.WriteString("\n")
	}
	if nested {
		for _, k := range code.Consts {
			if sub, ok := k.(*Code); ok {
				b.WriteString("\n")
				disassemble(b, sub, true)
			}
		}
	}
}

func argString(code *Code, in Instr) (string, bool) {
	op, arg := in.Op(), in.Arg()
	name := func(list []string) string {
		if arg < len(list) {
			return fmt.Sprintf("%d (%s)", arg, list[arg])
		}
		return fmt.Sprintf("%d (?)", arg)
	}
	switch op {
	case NOP, POP_TOP, LOAD_ASSERTION_ERROR, LOAD_BUILD_CLASS, UNARY_POSITIVE, UNARY_NEGATIVE,
		UNARY_NOT, UNARY_INVERT, BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR, LIST_TO_TUPLE,
		GET_ITER, RETURN_VALUE, IMPORT_STAR, POP_BLOCK, PUSH_EXC_INFO, POP_EXCEPT,
		CHECK_EXC_MATCH, CHECK_EG_MATCH, PREP_RERAISE_STAR, BEFORE_WITH, WITH_EXCEPT_START,
		GET_YIELD_FROM_ITER, GET_AITER, GET_ANEXT, END_ASYNC_FOR, BEFORE_ASYNC_WITH,
		ASYNC_GEN_WRAP, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, GET_LEN,
		COPY_DICT_WITHOUT_KEYS, SETUP_ANNOTATIONS, PRINT_EXPR:
		return "", false
	case LOAD_CONST:
		if arg < len(code.Consts) {
			return fmt.Sprintf("%d (%s)", arg, constRepr(code.Consts[arg])), true
		}
	case LOAD_FAST, STORE_FAST, DELETE_FAST:
		return name(code.Varnames), true
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF:
		return name(append(append([]string{}, code.Cellvars...), code.Freevars...)), true
	case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
		LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
		return name(code.Names), true
	case BINARY_OP:
		return fmt.Sprintf("%d (%s)", arg, binaryOpSymbol(BinaryOp(arg))), true
	case COMPARE_OP:
		syms := []string{"<", "<=", "==", "!=", ">", ">="}
		if arg < len(syms) {
			return fmt.Sprintf("%d (%s)", arg, syms[arg]), true
		}
	}
	if op.HasJump() {
		return fmt.Sprintf("to %d", arg), true
	}
	return fmt.Sprintf("%d", arg), true
}

func binaryOpSymbol(op BinaryOp) string {
	syms := []string{"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"}
	inplace := ""
	if op >= OpInplace {
		op -= OpInplace
		inplace = "="
	}
	if int(op) < len(syms) {
		return syms[op] + inplace
	}
	return "?"
}
