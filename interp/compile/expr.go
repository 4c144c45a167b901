package compile

import (
	"freepy/interp/syntax"
)

// stackUseGuideline is CPython's STACK_USE_GUIDELINE: above this many
// items, displays and calls are built incrementally.
const stackUseGuideline = 30

func (c *compiler) expr(e syntax.Expr) {
	u := c.u
	saved := u.loc
	c.setLoc(e)
	c.expr1(e)
	c.u.loc = saved
}

func (c *compiler) exprs(list []syntax.Expr) {
	for _, e := range list {
		c.expr(e)
	}
}

func binaryOp(op syntax.Operator) BinaryOp {
	switch op {
	case syntax.Add:
		return OpAdd
	case syntax.Sub:
		return OpSubtract
	case syntax.Mult:
		return OpMultiply
	case syntax.MatMult:
		return OpMatrixMultiply
	case syntax.Div:
		return OpTrueDivide
	case syntax.Modulo:
		return OpRemainder
	case syntax.Pow:
		return OpPower
	case syntax.LShift:
		return OpLshift
	case syntax.RShift:
		return OpRshift
	case syntax.BitOr:
		return OpOr
	case syntax.BitXor:
		return OpXor
	case syntax.BitAnd:
		return OpAnd
	case syntax.FloorDiv:
		return OpFloorDivide
	}
	return OpAdd
}

func (c *compiler) expr1(e syntax.Expr) {
	u := c.u
	switch e := e.(type) {
	case *syntax.NamedExpr:
		c.expr(e.Value)
		u.emit(COPY, 1)
		c.expr(e.Target)
	case *syntax.BoolOp:
		c.boolOp(e)
	case *syntax.BinOp:
		if k, ok := c.foldConst(e); ok {
			c.loadConst(k)
			return
		}
		c.expr(e.Left)
		c.expr(e.Right)
		u.emit(BINARY_OP, int(binaryOp(e.Op)))
	case *syntax.UnaryOp:
		if k, ok := c.foldConst(e); ok {
			c.loadConst(k)
			return
		}
		c.expr(e.Operand)
		switch e.Op {
		case syntax.Invert:
			u.emit(UNARY_INVERT, 0)
		case syntax.Not:
			u.emit(UNARY_NOT, 0)
		case syntax.UAdd:
			u.emit(UNARY_POSITIVE, 0)
		case syntax.USub:
			u.emit(UNARY_NEGATIVE, 0)
		}
	case *syntax.Lambda:
		c.lambda(e)
	case *syntax.IfExp:
		end := u.newLabel()
		next := u.newLabel()
		c.jumpIf(e.Test, next, false)
		c.expr(e.Body)
		u.emitJumpNoLine(JUMP, end)
		u.place(next)
		c.expr(e.Orelse)
		u.place(end)
	case *syntax.Dict:
		c.dict(e)
	case *syntax.Set:
		c.starUnpack(e.Elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false)
	case *syntax.GeneratorExp:
		c.comprehension(e, "<genexpr>", compGen, e.Generators, e.Elt, nil)
	case *syntax.ListComp:
		c.comprehension(e, "<listcomp>", compList, e.Generators, e.Elt, nil)
	case *syntax.SetComp:
		c.comprehension(e, "<setcomp>", compSet, e.Generators, e.Elt, nil)
	case *syntax.DictComp:
		c.comprehension(e, "<dictcomp>", compDict, e.Generators, e.Key, e.Value)
	case *syntax.Yield:
		if u.ste.typ != functionBlock {
			c.errorf(c.locPos(), "'yield' outside function")
		}
		if e.Value != nil {
			c.expr(e.Value)
		} else {
			c.loadConst(nil)
		}
		c.yield()
	case *syntax.YieldFrom:
		if u.ste.typ != functionBlock {
			c.errorf(c.locPos(), "'yield' outside function")
		}
		if u.scopeType == scopeAsyncFunction {
			c.errorf(c.locPos(), "'yield from' inside async function")
		}
		c.expr(e.Value)
		u.emit(GET_YIELD_FROM_ITER, 0)
		c.loadConst(nil)
		c.yieldFrom(false)
	case *syntax.Await:
		if !c.isTopLevelAwait() {
			if u.ste.typ != functionBlock {
				c.errorf(c.locPos(), "'await' outside function")
			}
			if u.scopeType != scopeAsyncFunction && u.scopeType != scopeComprehension {
				c.errorf(c.locPos(), "'await' outside async function")
			}
		}
		c.expr(e.Value)
		u.emit(GET_AWAITABLE, 0)
		c.loadConst(nil)
		c.yieldFrom(true)
	case *syntax.Compare:
		c.compare(e)
	case *syntax.Call:
		c.call(e)
	case *syntax.Constant:
		c.loadConst(c.constValue(e))
	case *syntax.JoinedStr:
		c.joinedStr(e)
	case *syntax.FormattedValue:
		c.expr(e.Value)
		arg := 0
		switch e.Conversion {
		case syntax.ConvStr:
			arg = 1
		case syntax.ConvRepr:
			arg = 2
		case syntax.ConvASCII:
			arg = 3
		case syntax.ConvNone:
		default:
			c.internalError("unrecognized conversion character %d", e.Conversion)
		}
		if e.FormatSpec != nil {
			c.expr(e.FormatSpec)
			arg |= 4
		}
		u.emit(FORMAT_VALUE, arg)
	case *syntax.Attribute:
		c.expr(e.Value)
		c.locToAttr(e)
		switch e.Ctx {
		case syntax.Load:
			c.emitName(LOAD_ATTR, e.Attr)
		case syntax.Store:
			c.forbiddenName(e.Attr, syntax.Store)
			c.emitName(STORE_ATTR, e.Attr)
		case syntax.Del:
			c.emitName(DELETE_ATTR, e.Attr)
		}
	case *syntax.Subscript:
		if k, ok := c.foldConst(e); ok {
			c.loadConst(k)
			return
		}
		if e.Ctx == syntax.Load {
			c.checkSubscript(e)
		}
		c.expr(e.Value)
		c.expr(e.Slice)
		switch e.Ctx {
		case syntax.Load:
			u.emit(BINARY_SUBSCR, 0)
		case syntax.Store:
			u.emit(STORE_SUBSCR, 0)
		case syntax.Del:
			u.emit(DELETE_SUBSCR, 0)
		}
	case *syntax.Starred:
		if e.Ctx == syntax.Store {
			c.errorf(c.locPos(), "starred assignment target must be in a list or tuple")
		}
		c.errorf(c.locPos(), "can't use starred expression here")
	case *syntax.Slice:
		n := 2
		if e.Lower != nil {
			c.expr(e.Lower)
		} else {
			c.loadConst(nil)
		}
		if e.Upper != nil {
			c.expr(e.Upper)
		} else {
			c.loadConst(nil)
		}
		if e.Step != nil {
			c.expr(e.Step)
			n = 3
		}
		u.emit(BUILD_SLICE, n)
	case *syntax.Name:
		if e.Id == "__debug__" && e.Ctx == syntax.Load {
			c.loadConst(c.optimize == 0)
			return
		}
		c.nameop(e.Id, e.Ctx)
	case *syntax.List:
		switch e.Ctx {
		case syntax.Store:
			c.assignSeq(e.Elts)
		case syntax.Load:
			c.starUnpack(e.Elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)
		default:
			c.exprs(e.Elts)
		}
	case *syntax.Tuple:
		switch e.Ctx {
		case syntax.Store:
			c.assignSeq(e.Elts)
		case syntax.Load:
			c.starUnpack(e.Elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)
		default:
			c.exprs(e.Elts)
		}
	default:
		c.internalError("unknown expression %T", e)
	}
}

// locToAttr moves the location to the attribute name when it is on a
// later line than the object (so tracebacks of a.\n b() show b's line).
func (c *compiler) locToAttr(e *syntax.Attribute) {
	u := c.u
	if int(u.loc.Line) == e.EndLineno {
		return
	}
	u.loc.Line = int32(e.EndLineno)
	n := int32(len([]rune(e.Attr)))
	if n <= int32(e.EndColOffset) {
		u.loc.Col = int32(e.EndColOffset) - n
	} else {
		u.loc.Col, u.loc.EndCol = -1, -1
	}
	if u.loc.EndLine < u.loc.Line {
		u.loc.EndLine = u.loc.Line
	}
	if u.loc.Line == u.loc.EndLine && u.loc.EndCol < u.loc.Col {
		u.loc.EndCol = u.loc.Col
	}
}

func (c *compiler) yield() {
	u := c.u
	if u.ste.generator && u.ste.coroutine {
		u.emit(ASYNC_GEN_WRAP, 0)
	}
	u.emit(YIELD_VALUE, 0)
}

func (c *compiler) constValue(k *syntax.Constant) Const {
	return fromSyntaxConst(k.Value)
}

func (c *compiler) boolOp(e *syntax.BoolOp) {
	u := c.u
	op := JUMP_IF_TRUE_OR_POP
	if e.Op == syntax.And {
		op = JUMP_IF_FALSE_OR_POP
	}
	end := u.newLabel()
	n := len(e.Values) - 1
	for i := 0; i < n; i++ {
		c.expr(e.Values[i])
		u.emitJump(op, end)
	}
	c.expr(e.Values[n])
	u.place(end)
}

func cmpInstr(op syntax.CmpOp) (Opcode, int) {
	switch op {
	case syntax.Eq:
		return COMPARE_OP, int(CmpEQ)
	case syntax.NotEq:
		return COMPARE_OP, int(CmpNE)
	case syntax.Lt:
		return COMPARE_OP, int(CmpLT)
	case syntax.LtE:
		return COMPARE_OP, int(CmpLE)
	case syntax.Gt:
		return COMPARE_OP, int(CmpGT)
	case syntax.GtE:
		return COMPARE_OP, int(CmpGE)
	case syntax.Is:
		return IS_OP, 0
	case syntax.IsNot:
		return IS_OP, 1
	case syntax.In:
		return CONTAINS_OP, 0
	case syntax.NotIn:
		return CONTAINS_OP, 1
	}
	return COMPARE_OP, 0
}

func (c *compiler) emitCompare(op syntax.CmpOp) {
	o, arg := cmpInstr(op)
	c.u.emit(o, arg)
}

func (c *compiler) compare(e *syntax.Compare) {
	u := c.u
	c.checkCompare(e)
	c.expr(e.Left)
	n := len(e.Ops) - 1
	if n == 0 {
		c.compareOperand(e.Ops[0], e.Comparators[0])
		c.emitCompare(e.Ops[0])
		return
	}
	cleanup := u.newLabel()
	for i := 0; i < n; i++ {
		c.compareOperand(e.Ops[i], e.Comparators[i])
		u.emit(SWAP, 2)
		u.emit(COPY, 2)
		c.emitCompare(e.Ops[i])
		u.emitJump(JUMP_IF_FALSE_OR_POP, cleanup)
	}
	c.compareOperand(e.Ops[n], e.Comparators[n])
	c.emitCompare(e.Ops[n])
	end := u.newLabel()
	u.emitJumpNoLine(JUMP, end)
	u.place(cleanup)
	u.emit(SWAP, 2)
	u.emit(POP_TOP, 0)
	u.place(end)
}

// compareOperand pushes the right operand of a comparison; for "in" and
// "not in" a list or set display of constants becomes a constant tuple or
// frozenset, as CPython's AST optimizer does.
func (c *compiler) compareOperand(op syntax.CmpOp, e syntax.Expr) {
	if op == syntax.In || op == syntax.NotIn {
		switch x := e.(type) {
		case *syntax.List:
			if t, ok := c.constTuple(x.Elts); ok {
				c.setLocAndLoad(e, t)
				return
			}
		case *syntax.Set:
			if t, ok := c.constTuple(x.Elts); ok {
				c.setLocAndLoad(e, FrozenSet(t))
				return
			}
		}
	}
	c.expr(e)
}

func (c *compiler) setLocAndLoad(e syntax.Expr, k Const) {
	saved := c.u.loc
	c.setLoc(e)
	c.loadConst(k)
	c.u.loc = saved
}

// jumpIf emits a jump to next taken when e's truth equals cond
// (compiler_jump_if), without materializing intermediate booleans.
func (c *compiler) jumpIf(e syntax.Expr, next label, cond bool) {
	u := c.u
	switch x := e.(type) {
	case *syntax.UnaryOp:
		if x.Op == syntax.Not {
			c.jumpIf(x.Operand, next, !cond)
			return
		}
	case *syntax.BoolOp:
		cond2 := x.Op == syntax.Or
		next2 := next
		if cond2 != cond {
			next2 = u.newLabel()
		}
		n := len(x.Values) - 1
		for i := 0; i < n; i++ {
			c.jumpIf(x.Values[i], next2, cond2)
		}
		c.jumpIf(x.Values[n], next, cond)
		if next2 != next {
			u.place(next2)
		}
		return
	case *syntax.IfExp:
		end := u.newLabel()
		next2 := u.newLabel()
		c.jumpIf(x.Test, next2, false)
		c.jumpIf(x.Body, next, cond)
		u.emitJumpNoLine(JUMP, end)
		u.place(next2)
		c.jumpIf(x.Orelse, next, cond)
		u.place(end)
		return
	case *syntax.Compare:
		n := len(x.Ops) - 1
		if n > 0 {
			c.checkCompare(x)
			saved := u.loc
			c.setLoc(x)
			cleanup := u.newLabel()
			c.expr(x.Left)
			for i := 0; i < n; i++ {
				c.compareOperand(x.Ops[i], x.Comparators[i])
				u.emit(SWAP, 2)
				u.emit(COPY, 2)
				c.emitCompare(x.Ops[i])
				u.emitJump(POP_JUMP_IF_FALSE, cleanup)
			}
			c.compareOperand(x.Ops[n], x.Comparators[n])
			c.emitCompare(x.Ops[n])
			if cond {
				u.emitJump(POP_JUMP_IF_TRUE, next)
			} else {
				u.emitJump(POP_JUMP_IF_FALSE, next)
			}
			end := u.newLabel()
			u.emitJumpNoLine(JUMP, end)
			u.place(cleanup)
			u.emit(POP_TOP, 0)
			if !cond {
				u.emitJumpNoLine(JUMP, next)
			}
			u.place(end)
			u.loc = saved
			return
		}
		// "x is None" / "x is not None": POP_JUMP_IF_(NOT_)NONE.
		if k, ok := x.Comparators[0].(*syntax.Constant); ok && k.Value == nil &&
			(x.Ops[0] == syntax.Is || x.Ops[0] == syntax.IsNot) {
			saved := u.loc
			c.setLoc(x)
			c.expr(x.Left)
			isNone := (x.Ops[0] == syntax.Is) == cond
			if isNone {
				u.emitJump(POP_JUMP_IF_NONE, next)
			} else {
				u.emitJump(POP_JUMP_IF_NOT_NONE, next)
			}
			u.loc = saved
			return
		}
	case *syntax.Constant:
		// A constant test jumps unconditionally or not at all; the dead
		// branch is still compiled (for its errors) and then dropped.
		if constTruthy(fromSyntaxConst(x.Value)) == cond {
			u.emitJump(JUMP, next)
		} else {
			// CPython folds the test into NOPs, which keep its line
			// for tracing (`while True:`); the assembler drops it
			// unless that line would vanish
			u.emit(NOP, 0)
		}
		return
	case *syntax.Name:
		if x.Id == "__debug__" && x.Ctx == syntax.Load {
			if (c.optimize == 0) == cond {
				u.emitJump(JUMP, next)
			}
			return
		}
	}
	c.expr(e)
	if cond {
		u.emitJump(POP_JUMP_IF_TRUE, next)
	} else {
		u.emitJump(POP_JUMP_IF_FALSE, next)
	}
}

func (c *compiler) joinedStr(e *syntax.JoinedStr) {
	u := c.u
	n := len(e.Values)
	if n > stackUseGuideline {
		c.loadConst("")
		c.emitName(LOAD_METHOD, "join")
		u.emit(BUILD_LIST, 0)
		for _, v := range e.Values {
			c.expr(v)
			u.emit(LIST_APPEND, 1)
		}
		u.emit(CALL_METHOD, 1)
		return
	}
	c.exprs(e.Values)
	if n != 1 {
		u.emit(BUILD_STRING, n)
	}
}

// constTuple returns the values of elts if they are all constants.
func (c *compiler) constTuple(elts []syntax.Expr) (Tuple, bool) {
	t := make(Tuple, len(elts))
	for i, e := range elts {
		k, ok := c.constOf(e)
		if !ok {
			return nil, false
		}
		t[i] = k
	}
	return t, true
}

// constOf returns the constant value of e if it is a constant after
// folding.
func (c *compiler) constOf(e syntax.Expr) (Const, bool) {
	switch x := e.(type) {
	case *syntax.Constant:
		return c.constValue(x), true
	case *syntax.Tuple:
		if x.Ctx != syntax.Load {
			return nil, false
		}
		t, ok := c.constTuple(x.Elts)
		if !ok {
			return nil, false
		}
		return t, true
	case *syntax.UnaryOp, *syntax.BinOp, *syntax.Subscript:
		return c.foldConst(e)
	case *syntax.Name:
		if x.Id == "__debug__" && x.Ctx == syntax.Load {
			return c.optimize == 0, true
		}
	}
	return nil, false
}

// starUnpack builds a list, set or tuple display (starunpack_helper).
// pushed values are already on the stack and become the first items.
func (c *compiler) starUnpack(elts []syntax.Expr, pushed int, build, add, extend Opcode, tuple bool) {
	u := c.u
	n := len(elts)
	if tuple && pushed == 0 {
		// CPython's AST optimizer turns a tuple of constants into one.
		if folded, ok := c.constTuple(elts); ok {
			c.loadConst(folded)
			return
		}
	}
	if n > 2 {
		if folded, ok := c.constTuple(elts); ok {
			var k Const = folded
			if add == SET_ADD {
				k = FrozenSet(folded)
			}
			u.emit(build, pushed)
			c.loadConst(k)
			u.emit(extend, 1)
			if tuple {
				u.emit(LIST_TO_TUPLE, 0)
			}
			return
		}
	}
	big := n+pushed > stackUseGuideline
	seenStar := false
	for _, e := range elts {
		if _, ok := e.(*syntax.Starred); ok {
			seenStar = true
		}
	}
	if !seenStar && !big {
		c.exprs(elts)
		if tuple {
			u.emit(BUILD_TUPLE, n+pushed)
		} else {
			u.emit(build, n+pushed)
		}
		return
	}
	built := false
	if big {
		u.emit(build, pushed)
		built = true
	}
	for i, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			if !built {
				u.emit(build, i+pushed)
				built = true
			}
			c.expr(s.Value)
			u.emit(extend, 1)
		} else {
			c.expr(e)
			if built {
				u.emit(add, 1)
			}
		}
	}
	if tuple {
		u.emit(LIST_TO_TUPLE, 0)
	}
}

// assignSeq unpacks the value on the stack into the targets elts.
func (c *compiler) assignSeq(elts []syntax.Expr) {
	u := c.u
	n := len(elts)
	seenStar := false
	for i, e := range elts {
		if _, ok := e.(*syntax.Starred); ok {
			if seenStar {
				c.errorf(c.locPos(), "multiple starred expressions in assignment")
			}
			if i >= 1<<8 || n-i-1 >= 1<<16 {
				c.errorf(c.locPos(), "too many expressions in star-unpacking assignment")
			}
			u.emit(UNPACK_EX, i+(n-i-1)<<8)
			seenStar = true
		}
	}
	if !seenStar {
		u.emit(UNPACK_SEQUENCE, n)
	}
	for _, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			c.expr(s.Value)
		} else {
			c.expr(e)
		}
	}
}

func (c *compiler) dict(e *syntax.Dict) {
	u := c.u
	n := len(e.Values)
	haveDict := false
	elements := 0
	for i := 0; i < n; i++ {
		if e.Keys[i] == nil {
			if elements > 0 {
				c.subdict(e, i-elements, i)
				if haveDict {
					u.emit(DICT_UPDATE, 1)
				}
				haveDict = true
				elements = 0
			}
			if !haveDict {
				u.emit(BUILD_MAP, 0)
				haveDict = true
			}
			c.expr(e.Values[i])
			u.emit(DICT_UPDATE, 1)
		} else {
			if elements*2 > stackUseGuideline {
				c.subdict(e, i-elements, i+1)
				if haveDict {
					u.emit(DICT_UPDATE, 1)
				}
				haveDict = true
				elements = 0
			} else {
				elements++
			}
		}
	}
	if elements > 0 {
		c.subdict(e, n-elements, n)
		if haveDict {
			u.emit(DICT_UPDATE, 1)
		}
		haveDict = true
	}
	if !haveDict {
		u.emit(BUILD_MAP, 0)
	}
}

func (c *compiler) subdict(e *syntax.Dict, begin, end int) {
	u := c.u
	n := end - begin
	big := n*2 > stackUseGuideline
	if n > 1 && !big {
		if keys, ok := c.constTuple(e.Keys[begin:end]); ok {
			c.exprs(e.Values[begin:end])
			c.loadConst(keys)
			u.emit(BUILD_CONST_KEY_MAP, n)
			return
		}
	}
	if big {
		u.emit(BUILD_MAP, 0)
	}
	for i := begin; i < end; i++ {
		c.expr(e.Keys[i])
		c.expr(e.Values[i])
		if big {
			u.emit(MAP_ADD, 1)
		}
	}
	if !big {
		u.emit(BUILD_MAP, n)
	}
}

// exprName names an expression kind for error messages.
func exprName(e syntax.Expr) string {
	switch x := e.(type) {
	case *syntax.Attribute:
		return "attribute"
	case *syntax.Subscript:
		return "subscript"
	case *syntax.Starred:
		return "starred"
	case *syntax.Name:
		return "name"
	case *syntax.List:
		return "list"
	case *syntax.Tuple:
		return "tuple"
	case *syntax.Lambda:
		return "lambda"
	case *syntax.Call:
		return "function call"
	case *syntax.BoolOp, *syntax.BinOp, *syntax.UnaryOp:
		return "expression"
	case *syntax.GeneratorExp:
		return "generator expression"
	case *syntax.Yield, *syntax.YieldFrom:
		return "yield expression"
	case *syntax.Await:
		return "await expression"
	case *syntax.ListComp:
		return "list comprehension"
	case *syntax.SetComp:
		return "set comprehension"
	case *syntax.DictComp:
		return "dict comprehension"
	case *syntax.Dict:
		return "dict literal"
	case *syntax.Set:
		return "set display"
	case *syntax.JoinedStr, *syntax.FormattedValue:
		return "f-string expression"
	case *syntax.Constant:
		switch x.Value.(type) {
		case nil:
			return "None"
		case bool:
			if x.Value.(bool) {
				return "True"
			}
			return "False"
		case syntax.EllipsisType:
			return "ellipsis"
		}
		return "literal"
	case *syntax.Compare:
		return "comparison"
	case *syntax.IfExp:
		return "conditional expression"
	case *syntax.NamedExpr:
		return "named expression"
	}
	return "expression"
}
