package compile

import (
	"math/big"

	"freepy/interp/syntax"
)

// The SyntaxWarnings of CPython 3.11's compiler: code that is valid but
// almost certainly a mistake. The checks look at the tree after constant
// folding, as CPython's do (its AST optimizer runs first), so `x is -1`
// and `x is (1, 2)` warn like `x is 1`.

// constTypeName is the name of a constant's Python type.
func constTypeName(v Const) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64, *big.Int:
		return "int"
	case float64:
		return "float"
	case complex128:
		return "complex"
	case string, Str:
		return "str"
	case Bytes:
		return "bytes"
	case Tuple:
		return "tuple"
	case FrozenSet:
		return "frozenset"
	case EllipsisType:
		return "ellipsis"
	}
	return "object"
}

// inferType is the type an expression certainly evaluates to, by its
// form alone (CPython's infer_type); "" when it cannot tell.
func (c *compiler) inferType(e syntax.Expr) string {
	if v, ok := c.constOf(e); ok {
		return constTypeName(v)
	}
	switch e.(type) {
	case *syntax.Tuple:
		return "tuple"
	case *syntax.List, *syntax.ListComp:
		return "list"
	case *syntax.Dict, *syntax.DictComp:
		return "dict"
	case *syntax.Set, *syntax.SetComp:
		return "set"
	case *syntax.GeneratorExp:
		return "generator"
	case *syntax.Lambda:
		return "function"
	case *syntax.JoinedStr, *syntax.FormattedValue:
		return "str"
	case *syntax.Slice:
		return "slice"
	}
	return ""
}

// checkCompare warns about `is` or `is not` with a literal operand other
// than None, True, False or Ellipsis: identity of such values is an
// implementation detail.
func (c *compiler) checkCompare(e *syntax.Compare) {
	literal := func(x syntax.Expr) bool {
		v, ok := c.constOf(x)
		if !ok {
			return false
		}
		switch v.(type) {
		case nil, bool, EllipsisType:
			return false
		}
		return true
	}
	left := literal(e.Left)
	for i, op := range e.Ops {
		right := literal(e.Comparators[i])
		if (op == syntax.Is || op == syntax.IsNot) && (left || right) {
			if op == syntax.Is {
				c.warn(e.Pos(), "\"is\" with a literal. Did you mean \"==\"?")
			} else {
				c.warn(e.Pos(), "\"is not\" with a literal. Did you mean \"!=\"?")
			}
			return
		}
		left = right
	}
}

// checkAssert warns about `assert (test, msg)`: a non-empty tuple is
// always true.
func (c *compiler) checkAssert(s *syntax.Assert) {
	always := false
	if t, ok := s.Test.(*syntax.Tuple); ok {
		always = len(t.Elts) > 0
	} else if v, ok := c.constOf(s.Test); ok {
		t, isTuple := v.(Tuple)
		always = isTuple && len(t) > 0
	}
	if always {
		c.warn(s.Pos(), "assertion is always true, perhaps remove parentheses?")
	}
}

// checkCaller warns about calling a literal or display, which always
// raises TypeError: most likely a comma is missing between two items.
func (c *compiler) checkCaller(call *syntax.Call) {
	switch call.Func.(type) {
	case *syntax.Constant, *syntax.Tuple, *syntax.List, *syntax.ListComp, *syntax.Dict, *syntax.DictComp,
		*syntax.Set, *syntax.SetComp, *syntax.GeneratorExp, *syntax.JoinedStr, *syntax.FormattedValue:
	case *syntax.UnaryOp, *syntax.BinOp, *syntax.Subscript:
		if _, ok := c.constOf(call.Func); !ok {
			return
		}
	default:
		return
	}
	c.warn(call.Pos(), "'%s' object is not callable; perhaps you missed a comma?", c.inferType(call.Func))
}

// checkSubscript warns about subscripting what cannot be subscripted, or a
// sequence literal with an index that cannot be one.
func (c *compiler) checkSubscript(e *syntax.Subscript) {
	value := e.Value
	if v, ok := c.constOf(value); ok {
		switch v.(type) {
		case nil, EllipsisType, int64, *big.Int, bool, float64, complex128, FrozenSet:
			c.warn(e.Pos(), "'%s' object is not subscriptable; perhaps you missed a comma?", constTypeName(v))
			return
		}
	} else {
		switch value.(type) {
		case *syntax.Set, *syntax.SetComp, *syntax.GeneratorExp, *syntax.Lambda:
			c.warn(e.Pos(), "'%s' object is not subscriptable; perhaps you missed a comma?", c.inferType(value))
			return
		}
	}
	index := c.inferType(e.Slice)
	if index == "" || index == "int" || index == "bool" || index == "slice" {
		return
	}
	if v, ok := c.constOf(value); ok {
		switch v.(type) {
		case string, Str, Bytes, Tuple:
		default:
			return
		}
	} else {
		switch value.(type) {
		case *syntax.Tuple, *syntax.List, *syntax.ListComp, *syntax.JoinedStr, *syntax.FormattedValue:
		default:
			return
		}
	}
	c.warn(e.Pos(), "%s indices must be integers or slices, not %s; perhaps you missed a comma?", c.inferType(value), index)
}
