package compile

import (
	"math"
	"strings"

	"freepy/interp/syntax"
)

// unparseAnnotation returns the source form of an annotation, as CPython
// stores it under "from __future__ import annotations" (Python/ast_unparse.c:
// same spacing, parentheses only where precedence needs them).
func unparseAnnotation(e syntax.Expr) string {
	var u unparser
	u.expr(e, prTest)
	return u.b.String()
}

// Precedence levels of ast_unparse.c.
const (
	prTuple = iota
	prTest
	prOr
	prAnd
	prNot
	prCmp
	prBor
	prBxor
	prBand
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

type unparser struct{ b strings.Builder }

func (u *unparser) s(s string) { u.b.WriteString(s) }

func (u *unparser) open(level, pr int) {
	if level > pr {
		u.s("(")
	}
}

func (u *unparser) close(level, pr int) {
	if level > pr {
		u.s(")")
	}
}

func binOpInfo(op syntax.Operator) (string, int) {
	switch op {
	case syntax.Add:
		return " + ", prArith
	case syntax.Sub:
		return " - ", prArith
	case syntax.Mult:
		return " * ", prTerm
	case syntax.MatMult:
		return " @ ", prTerm
	case syntax.Div:
		return " / ", prTerm
	case syntax.Modulo:
		return " % ", prTerm
	case syntax.LShift:
		return " << ", prShift
	case syntax.RShift:
		return " >> ", prShift
	case syntax.BitOr:
		return " | ", prBor
	case syntax.BitXor:
		return " ^ ", prBxor
	case syntax.BitAnd:
		return " & ", prBand
	case syntax.FloorDiv:
		return " // ", prTerm
	case syntax.Pow:
		return " ** ", prPower
	}
	return " ? ", prAtom
}

var cmpOpText = map[syntax.CmpOp]string{
	syntax.Eq: " == ", syntax.NotEq: " != ", syntax.Lt: " < ", syntax.LtE: " <= ",
	syntax.Gt: " > ", syntax.GtE: " >= ", syntax.Is: " is ", syntax.IsNot: " is not ",
	syntax.In: " in ", syntax.NotIn: " not in ",
}

func (u *unparser) exprList(list []syntax.Expr, level int) {
	for i, e := range list {
		if i > 0 {
			u.s(", ")
		}
		u.expr(e, level)
	}
}

func (u *unparser) expr(e syntax.Expr, level int) {
	switch x := e.(type) {
	case *syntax.BoolOp:
		op, pr := " and ", prAnd
		if x.Op == syntax.Or {
			op, pr = " or ", prOr
		}
		u.open(level, pr)
		for i, v := range x.Values {
			if i > 0 {
				u.s(op)
			}
			u.expr(v, pr+1)
		}
		u.close(level, pr)
	case *syntax.BinOp:
		op, pr := binOpInfo(x.Op)
		rassoc := 0
		if x.Op == syntax.Pow {
			rassoc = 1
		}
		u.open(level, pr)
		u.expr(x.Left, pr+rassoc)
		u.s(op)
		u.expr(x.Right, pr+1-rassoc)
		u.close(level, pr)
	case *syntax.UnaryOp:
		op, pr := "-", prFactor
		switch x.Op {
		case syntax.Invert:
			op = "~"
		case syntax.Not:
			op, pr = "not ", prNot
		case syntax.UAdd:
			op = "+"
		}
		u.open(level, pr)
		u.s(op)
		u.expr(x.Operand, pr)
		u.close(level, pr)
	case *syntax.Lambda:
		u.open(level, prTest)
		if hasArgs(x.Args) {
			u.s("lambda ")
			u.arguments(x.Args)
			u.s(": ")
		} else {
			u.s("lambda: ")
		}
		u.expr(x.Body, prTest)
		u.close(level, prTest)
	case *syntax.IfExp:
		u.open(level, prTest)
		u.expr(x.Body, prTest+1)
		u.s(" if ")
		u.expr(x.Test, prTest+1)
		u.s(" else ")
		u.expr(x.Orelse, prTest)
		u.close(level, prTest)
	case *syntax.Dict:
		u.s("{")
		for i := range x.Values {
			if i > 0 {
				u.s(", ")
			}
			if x.Keys[i] != nil {
				u.expr(x.Keys[i], prTest)
				u.s(": ")
				u.expr(x.Values[i], prTest)
			} else {
				u.s("**")
				u.expr(x.Values[i], prBor)
			}
		}
		u.s("}")
	case *syntax.Set:
		if len(x.Elts) == 0 {
			u.s("{*()}")
			return
		}
		u.s("{")
		u.exprList(x.Elts, prTest)
		u.s("}")
	case *syntax.ListComp:
		u.s("[")
		u.expr(x.Elt, prTest)
		u.comprehensions(x.Generators)
		u.s("]")
	case *syntax.SetComp:
		u.s("{")
		u.expr(x.Elt, prTest)
		u.comprehensions(x.Generators)
		u.s("}")
	case *syntax.DictComp:
		u.s("{")
		u.expr(x.Key, prTest)
		u.s(": ")
		u.expr(x.Value, prTest)
		u.comprehensions(x.Generators)
		u.s("}")
	case *syntax.GeneratorExp:
		u.s("(")
		u.expr(x.Elt, prTest)
		u.comprehensions(x.Generators)
		u.s(")")
	case *syntax.Yield:
		if x.Value == nil {
			u.s("(yield)")
			return
		}
		u.s("(yield ")
		u.expr(x.Value, prTest)
		u.s(")")
	case *syntax.YieldFrom:
		u.s("(yield from ")
		u.expr(x.Value, prTest)
		u.s(")")
	case *syntax.Await:
		u.open(level, prAwait)
		u.s("await ")
		u.expr(x.Value, prAtom)
		u.close(level, prAwait)
	case *syntax.Compare:
		u.open(level, prCmp)
		u.expr(x.Left, prCmp+1)
		for i, op := range x.Ops {
			u.s(cmpOpText[op])
			u.expr(x.Comparators[i], prCmp+1)
		}
		u.close(level, prCmp)
	case *syntax.Call:
		u.expr(x.Func, prAtom)
		if len(x.Args) == 1 && len(x.Keywords) == 0 {
			if g, ok := x.Args[0].(*syntax.GeneratorExp); ok {
				u.expr(g, prTest)
				return
			}
		}
		u.s("(")
		first := true
		for _, a := range x.Args {
			if !first {
				u.s(", ")
			}
			first = false
			u.expr(a, prTest)
		}
		for _, k := range x.Keywords {
			if !first {
				u.s(", ")
			}
			first = false
			if k.Arg == "" {
				u.s("**")
			} else {
				u.s(k.Arg)
				u.s("=")
			}
			u.expr(k.Value, prTest)
		}
		u.s(")")
	case *syntax.Constant:
		u.constant(fromSyntaxConst(x.Value))
	case *syntax.JoinedStr:
		u.fstring(x.Values)
	case *syntax.FormattedValue:
		u.fstring([]syntax.Expr{x})
	case *syntax.Attribute:
		u.expr(x.Value, prAtom)
		period := "."
		if k, ok := x.Value.(*syntax.Constant); ok {
			switch k.Value.(type) {
			case int64, int:
				period = " ."
			default:
				if _, isBig := toBig(fromSyntaxConst(k.Value)); isBig {
					if _, isBool := k.Value.(bool); !isBool {
						period = " ."
					}
				}
			}
		}
		u.s(period)
		u.s(x.Attr)
	case *syntax.Subscript:
		u.expr(x.Value, prAtom)
		u.s("[")
		u.expr(x.Slice, prTuple)
		u.s("]")
	case *syntax.Starred:
		u.s("*")
		u.expr(x.Value, prBor)
	case *syntax.Name:
		u.s(x.Id)
	case *syntax.List:
		u.s("[")
		u.exprList(x.Elts, prTest)
		u.s("]")
	case *syntax.Tuple:
		if len(x.Elts) == 0 {
			u.s("()")
			return
		}
		u.open(level, prTuple)
		u.exprList(x.Elts, prTest)
		if len(x.Elts) == 1 {
			u.s(",")
		}
		u.close(level, prTuple)
	case *syntax.Slice:
		if x.Lower != nil {
			u.expr(x.Lower, prTest)
		}
		u.s(":")
		if x.Upper != nil {
			u.expr(x.Upper, prTest)
		}
		if x.Step != nil {
			u.s(":")
			u.expr(x.Step, prTest)
		}
	case *syntax.NamedExpr:
		u.open(level, prTuple)
		u.expr(x.Target, prAtom)
		u.s(" := ")
		u.expr(x.Value, prAtom)
		u.close(level, prTuple)
	}
}

func hasArgs(a *syntax.Arguments) bool {
	return len(a.Posonlyargs)+len(a.Args)+len(a.Kwonlyargs) > 0 || a.Vararg != nil || a.Kwarg != nil
}

func (u *unparser) arguments(a *syntax.Arguments) {
	first := true
	sep := func() {
		if !first {
			u.s(", ")
		}
		first = false
	}
	pos := append(append([]*syntax.Arg{}, a.Posonlyargs...), a.Args...)
	defaultStart := len(pos) - len(a.Defaults)
	for i, p := range pos {
		sep()
		u.s(p.Arg)
		if i >= defaultStart {
			u.s("=")
			u.expr(a.Defaults[i-defaultStart], prTest)
		}
		if i+1 == len(a.Posonlyargs) {
			u.s(", /")
		}
	}
	if a.Vararg != nil || len(a.Kwonlyargs) > 0 {
		sep()
		u.s("*")
		if a.Vararg != nil {
			u.s(a.Vararg.Arg)
		}
	}
	for i, p := range a.Kwonlyargs {
		sep()
		u.s(p.Arg)
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			u.s("=")
			u.expr(a.KwDefaults[i], prTest)
		}
	}
	if a.Kwarg != nil {
		sep()
		u.s("**")
		u.s(a.Kwarg.Arg)
	}
}

func (u *unparser) comprehensions(gens []*syntax.Comprehension) {
	for _, g := range gens {
		if g.IsAsync != 0 {
			u.s(" async for ")
		} else {
			u.s(" for ")
		}
		u.expr(g.Target, prTuple)
		u.s(" in ")
		u.expr(g.Iter, prTest+1)
		for _, cond := range g.Ifs {
			u.s(" if ")
			u.expr(cond, prTest+1)
		}
	}
}

// constant writes repr(v), with infinities spelled as overflowing
// literals so that the text still evaluates.
func (u *unparser) constant(v Const) {
	switch x := v.(type) {
	case EllipsisType:
		u.s("...")
		return
	case float64:
		if math.IsInf(x, 0) {
			if x < 0 {
				u.s("-")
			}
			u.s("1e309")
			return
		}
	case complex128:
		if math.IsInf(real(x), 0) || math.IsInf(imag(x), 0) {
			u.s(strings.ReplaceAll(complexRepr(x), "inf", "1e309"))
			return
		}
	}
	u.s(constRepr(v))
}

func (u *unparser) fstring(values []syntax.Expr) {
	var body unparser
	body.fstringBody(values)
	u.s("f")
	u.s(pyRepr(body.b.String()))
}

func (u *unparser) fstringBody(values []syntax.Expr) {
	for _, v := range values {
		switch x := v.(type) {
		case *syntax.Constant:
			if s, ok := x.Value.(string); ok {
				s = strings.ReplaceAll(s, "{", "{{")
				s = strings.ReplaceAll(s, "}", "}}")
				u.s(s)
			}
		case *syntax.JoinedStr:
			u.fstringBody(x.Values)
		case *syntax.FormattedValue:
			var inner unparser
			inner.expr(x.Value, prTest+1)
			text := inner.b.String()
			u.s("{")
			if strings.HasPrefix(text, "{") {
				u.s(" ")
			}
			u.s(text)
			switch x.Conversion {
			case syntax.ConvStr:
				u.s("!s")
			case syntax.ConvRepr:
				u.s("!r")
			case syntax.ConvASCII:
				u.s("!a")
			}
			if x.FormatSpec != nil {
				u.s(":")
				if js, ok := x.FormatSpec.(*syntax.JoinedStr); ok {
					u.fstringBody(js.Values)
				} else {
					u.fstringBody([]syntax.Expr{x.FormatSpec})
				}
			}
			u.s("}")
		}
	}
}
