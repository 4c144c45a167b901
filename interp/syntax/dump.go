package syntax

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dump formats a tree exactly like CPython's
// ast.dump(node, include_attributes=True), so that trees can be compared
// with CPython's textually.
func Dump(n any) string {
	var d dumper
	d.any(n)
	return d.b.String()
}

type dumper struct{ b strings.Builder }

// field is one field of a node; opt marks Python fields declared
// optional ("?"), which ast.dump omits when they are None.
type field struct {
	name string
	v    any
	opt  bool
}

func (d *dumper) node(name string, pos *Position, fields ...field) {
	d.b.WriteString(name)
	d.b.WriteByte('(')
	first := true
	sep := func() {
		if !first {
			d.b.WriteString(", ")
		}
		first = false
	}
	for _, f := range fields {
		if f.opt && isNone(f.v) {
			continue
		}
		sep()
		d.b.WriteString(f.name)
		d.b.WriteByte('=')
		d.any(f.v)
	}
	if pos != nil {
		sep()
		fmt.Fprintf(&d.b, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
			pos.Lineno, pos.ColOffset, pos.EndLineno, pos.EndColOffset)
	}
	d.b.WriteByte(')')
}

// isNone reports whether a field value stands for Python's None.
func isNone(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case noneStr:
		return x == ""
	case Expr:
		return isNilIface(x)
	case Pattern:
		return isNilIface(x)
	case *Arg:
		return x == nil
	}
	return false
}

// isNilIface reports a typed nil pointer inside an interface.
func isNilIface(v any) bool {
	switch x := v.(type) {
	case *JoinedStr:
		return x == nil
	}
	return v == nil
}

// ident is an identifier field that is never None (printed even if "").
type ident string

// noneStr is an identifier field where "" means None.
type noneStr string

// constVal wraps a ConstValue so that nil prints as None.
type constVal struct{ v ConstValue }

type intField int

func exprs(l []Expr) []any {
	out := make([]any, len(l))
	for i, e := range l {
		if e == nil {
			out[i] = nil
		} else {
			out[i] = e
		}
	}
	return out
}

func stmts(l []Stmt) []any {
	out := make([]any, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

func pats(l []Pattern) []any {
	out := make([]any, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

func (d *dumper) list(l []any) {
	d.b.WriteByte('[')
	for i, e := range l {
		if i > 0 {
			d.b.WriteString(", ")
		}
		d.any(e)
	}
	d.b.WriteByte(']')
}

func (d *dumper) any(v any) {
	switch x := v.(type) {
	case nil:
		d.b.WriteString("None")
	case []any:
		d.list(x)
	case ident:
		d.b.WriteString(pyRepr(string(x)))
	case noneStr:
		d.b.WriteString(pyRepr(string(x)))
	case string:
		d.b.WriteString(pyRepr(x))
	case intField:
		d.b.WriteString(strconv.Itoa(int(x)))
	case constVal:
		d.b.WriteString(ConstRepr(x.v))
	case []string:
		l := make([]any, len(x))
		for i, s := range x {
			l[i] = ident(s)
		}
		d.list(l)
	case ExprContext:
		d.b.WriteString(x.String() + "()")
	case Operator:
		d.b.WriteString(x.String() + "()")
	case BoolOperator:
		d.b.WriteString(x.String() + "()")
	case UnaryOperator:
		d.b.WriteString(x.String() + "()")
	case CmpOp:
		d.b.WriteString(x.String() + "()")
	case Mod:
		d.mod(x)
	case Stmt:
		d.stmt(x)
	case Expr:
		d.expr(x)
	case Pattern:
		d.pattern(x)
	case *Arguments:
		args := func(l []*Arg) []any {
			out := make([]any, len(l))
			for i, a := range l {
				out[i] = a
			}
			return out
		}
		var va, kw any
		if x.Vararg != nil {
			va = x.Vararg
		}
		if x.Kwarg != nil {
			kw = x.Kwarg
		}
		d.node("arguments", nil,
			field{"posonlyargs", args(x.Posonlyargs), false},
			field{"args", args(x.Args), false},
			field{"vararg", va, true},
			field{"kwonlyargs", args(x.Kwonlyargs), false},
			field{"kw_defaults", exprs(x.KwDefaults), false},
			field{"kwarg", kw, true},
			field{"defaults", exprs(x.Defaults), false})
	case *Arg:
		d.node("arg", &x.Position, field{"arg", ident(x.Arg), false},
			field{"annotation", x.Annotation, true}, field{"type_comment", noneStr(x.TypeComment), true})
	case *Keyword:
		d.node("keyword", &x.Position, field{"arg", noneStr(x.Arg), true}, field{"value", x.Value, false})
	case *Alias:
		d.node("alias", &x.Position, field{"name", ident(x.Name), false}, field{"asname", noneStr(x.Asname), true})
	case *WithItem:
		d.node("withitem", nil, field{"context_expr", x.ContextExpr, false}, field{"optional_vars", x.OptionalVars, true})
	case *Comprehension:
		d.node("comprehension", nil, field{"target", x.Target, false}, field{"iter", x.Iter, false},
			field{"ifs", exprs(x.Ifs), false}, field{"is_async", intField(x.IsAsync), false})
	case *ExceptHandler:
		d.node("ExceptHandler", &x.Position, field{"type", x.Type, true}, field{"name", noneStr(x.Name), true},
			field{"body", stmts(x.Body), false})
	case *MatchCase:
		d.node("match_case", nil, field{"pattern", x.Pattern, false}, field{"guard", x.Guard, true},
			field{"body", stmts(x.Body), false})
	case *TypeIgnore:
		d.node("TypeIgnore", nil, field{"lineno", intField(x.Lineno), false}, field{"tag", x.Tag, false})
	default:
		fmt.Fprintf(&d.b, "<%T>", v)
	}
}

func (d *dumper) mod(m Mod) {
	switch x := m.(type) {
	case *Module:
		ti := make([]any, len(x.TypeIgnores))
		for i, t := range x.TypeIgnores {
			ti[i] = t
		}
		d.node("Module", nil, field{"body", stmts(x.Body), false}, field{"type_ignores", ti, false})
	case *Interactive:
		d.node("Interactive", nil, field{"body", stmts(x.Body), false})
	case *Expression:
		d.node("Expression", nil, field{"body", x.Body, false})
	case *FunctionType:
		d.node("FunctionType", nil, field{"argtypes", exprs(x.ArgTypes), false}, field{"returns", x.Returns, false})
	}
}

func handlers(h []*ExceptHandler) []any {
	out := make([]any, len(h))
	for i, x := range h {
		out[i] = x
	}
	return out
}

func (d *dumper) stmt(s Stmt) {
	switch x := s.(type) {
	case *FunctionDef:
		d.node("FunctionDef", &x.Position, field{"name", ident(x.Name), false}, field{"args", x.Args, false},
			field{"body", stmts(x.Body), false}, field{"decorator_list", exprs(x.DecoratorList), false},
			field{"returns", x.Returns, true}, field{"type_comment", noneStr(x.TypeComment), true})
	case *AsyncFunctionDef:
		d.node("AsyncFunctionDef", &x.Position, field{"name", ident(x.Name), false}, field{"args", x.Args, false},
			field{"body", stmts(x.Body), false}, field{"decorator_list", exprs(x.DecoratorList), false},
			field{"returns", x.Returns, true}, field{"type_comment", noneStr(x.TypeComment), true})
	case *ClassDef:
		kws := make([]any, len(x.Keywords))
		for i, k := range x.Keywords {
			kws[i] = k
		}
		d.node("ClassDef", &x.Position, field{"name", ident(x.Name), false}, field{"bases", exprs(x.Bases), false},
			field{"keywords", kws, false}, field{"body", stmts(x.Body), false},
			field{"decorator_list", exprs(x.DecoratorList), false})
	case *Return:
		d.node("Return", &x.Position, field{"value", x.Value, true})
	case *Delete:
		d.node("Delete", &x.Position, field{"targets", exprs(x.Targets), false})
	case *Assign:
		d.node("Assign", &x.Position, field{"targets", exprs(x.Targets), false}, field{"value", x.Value, false},
			field{"type_comment", noneStr(x.TypeComment), true})
	case *AugAssign:
		d.node("AugAssign", &x.Position, field{"target", x.Target, false}, field{"op", x.Op, false}, field{"value", x.Value, false})
	case *AnnAssign:
		d.node("AnnAssign", &x.Position, field{"target", x.Target, false}, field{"annotation", x.Annotation, false},
			field{"value", x.Value, true}, field{"simple", intField(x.Simple), false})
	case *For:
		d.node("For", &x.Position, field{"target", x.Target, false}, field{"iter", x.Iter, false},
			field{"body", stmts(x.Body), false}, field{"orelse", stmts(x.Orelse), false},
			field{"type_comment", noneStr(x.TypeComment), true})
	case *AsyncFor:
		d.node("AsyncFor", &x.Position, field{"target", x.Target, false}, field{"iter", x.Iter, false},
			field{"body", stmts(x.Body), false}, field{"orelse", stmts(x.Orelse), false},
			field{"type_comment", noneStr(x.TypeComment), true})
	case *While:
		d.node("While", &x.Position, field{"test", x.Test, false}, field{"body", stmts(x.Body), false},
			field{"orelse", stmts(x.Orelse), false})
	case *If:
		d.node("If", &x.Position, field{"test", x.Test, false}, field{"body", stmts(x.Body), false},
			field{"orelse", stmts(x.Orelse), false})
	case *With, *AsyncWith:
		name, items, body, tc, pos := "With", []*WithItem(nil), []Stmt(nil), "", Position{}
		if w, ok := x.(*With); ok {
			items, body, tc, pos = w.Items, w.Body, w.TypeComment, w.Position
		} else {
			w := x.(*AsyncWith)
			name, items, body, tc, pos = "AsyncWith", w.Items, w.Body, w.TypeComment, w.Position
		}
		it := make([]any, len(items))
		for i, w := range items {
			it[i] = w
		}
		d.node(name, &pos, field{"items", it, false}, field{"body", stmts(body), false},
			field{"type_comment", noneStr(tc), true})
	case *Match:
		cs := make([]any, len(x.Cases))
		for i, c := range x.Cases {
			cs[i] = c
		}
		d.node("Match", &x.Position, field{"subject", x.Subject, false}, field{"cases", cs, false})
	case *Raise:
		d.node("Raise", &x.Position, field{"exc", x.Exc, true}, field{"cause", x.Cause, true})
	case *Try:
		d.node("Try", &x.Position, field{"body", stmts(x.Body), false}, field{"handlers", handlers(x.Handlers), false},
			field{"orelse", stmts(x.Orelse), false}, field{"finalbody", stmts(x.Finalbody), false})
	case *TryStar:
		d.node("TryStar", &x.Position, field{"body", stmts(x.Body), false}, field{"handlers", handlers(x.Handlers), false},
			field{"orelse", stmts(x.Orelse), false}, field{"finalbody", stmts(x.Finalbody), false})
	case *Assert:
		d.node("Assert", &x.Position, field{"test", x.Test, false}, field{"msg", x.Msg, true})
	case *Import:
		ns := make([]any, len(x.Names))
		for i, a := range x.Names {
			ns[i] = a
		}
		d.node("Import", &x.Position, field{"names", ns, false})
	case *ImportFrom:
		ns := make([]any, len(x.Names))
		for i, a := range x.Names {
			ns[i] = a
		}
		d.node("ImportFrom", &x.Position, field{"module", noneStr(x.Module), true}, field{"names", ns, false},
			field{"level", intField(x.Level), false})
	case *Global:
		d.node("Global", &x.Position, field{"names", x.Names, false})
	case *Nonlocal:
		d.node("Nonlocal", &x.Position, field{"names", x.Names, false})
	case *ExprStmt:
		d.node("Expr", &x.Position, field{"value", x.Value, false})
	case *Pass:
		d.node("Pass", &x.Position)
	case *Break:
		d.node("Break", &x.Position)
	case *Continue:
		d.node("Continue", &x.Position)
	}
}

func gens(g []*Comprehension) []any {
	out := make([]any, len(g))
	for i, c := range g {
		out[i] = c
	}
	return out
}

func (d *dumper) expr(e Expr) {
	switch x := e.(type) {
	case *BoolOp:
		d.node("BoolOp", &x.Position, field{"op", x.Op, false}, field{"values", exprs(x.Values), false})
	case *NamedExpr:
		d.node("NamedExpr", &x.Position, field{"target", x.Target, false}, field{"value", x.Value, false})
	case *BinOp:
		d.node("BinOp", &x.Position, field{"left", x.Left, false}, field{"op", x.Op, false}, field{"right", x.Right, false})
	case *UnaryOp:
		d.node("UnaryOp", &x.Position, field{"op", x.Op, false}, field{"operand", x.Operand, false})
	case *Lambda:
		d.node("Lambda", &x.Position, field{"args", x.Args, false}, field{"body", x.Body, false})
	case *IfExp:
		d.node("IfExp", &x.Position, field{"test", x.Test, false}, field{"body", x.Body, false}, field{"orelse", x.Orelse, false})
	case *Dict:
		d.node("Dict", &x.Position, field{"keys", exprs(x.Keys), false}, field{"values", exprs(x.Values), false})
	case *Set:
		d.node("Set", &x.Position, field{"elts", exprs(x.Elts), false})
	case *ListComp:
		d.node("ListComp", &x.Position, field{"elt", x.Elt, false}, field{"generators", gens(x.Generators), false})
	case *SetComp:
		d.node("SetComp", &x.Position, field{"elt", x.Elt, false}, field{"generators", gens(x.Generators), false})
	case *DictComp:
		d.node("DictComp", &x.Position, field{"key", x.Key, false}, field{"value", x.Value, false},
			field{"generators", gens(x.Generators), false})
	case *GeneratorExp:
		d.node("GeneratorExp", &x.Position, field{"elt", x.Elt, false}, field{"generators", gens(x.Generators), false})
	case *Await:
		d.node("Await", &x.Position, field{"value", x.Value, false})
	case *Yield:
		d.node("Yield", &x.Position, field{"value", x.Value, true})
	case *YieldFrom:
		d.node("YieldFrom", &x.Position, field{"value", x.Value, false})
	case *Compare:
		ops := make([]any, len(x.Ops))
		for i, o := range x.Ops {
			ops[i] = o
		}
		d.node("Compare", &x.Position, field{"left", x.Left, false}, field{"ops", ops, false},
			field{"comparators", exprs(x.Comparators), false})
	case *Call:
		kws := make([]any, len(x.Keywords))
		for i, k := range x.Keywords {
			kws[i] = k
		}
		d.node("Call", &x.Position, field{"func", x.Func, false}, field{"args", exprs(x.Args), false},
			field{"keywords", kws, false})
	case *FormattedValue:
		var spec any
		if x.FormatSpec != nil {
			spec = x.FormatSpec
		}
		d.node("FormattedValue", &x.Position, field{"value", x.Value, false},
			field{"conversion", intField(x.Conversion), false}, field{"format_spec", spec, true})
	case *JoinedStr:
		d.node("JoinedStr", &x.Position, field{"values", exprs(x.Values), false})
	case *Constant:
		d.node("Constant", &x.Position, field{"value", constVal{x.Value}, false}, field{"kind", noneStr(x.Kind), true})
	case *Attribute:
		d.node("Attribute", &x.Position, field{"value", x.Value, false}, field{"attr", ident(x.Attr), false},
			field{"ctx", x.Ctx, false})
	case *Subscript:
		d.node("Subscript", &x.Position, field{"value", x.Value, false}, field{"slice", x.Slice, false},
			field{"ctx", x.Ctx, false})
	case *Starred:
		d.node("Starred", &x.Position, field{"value", x.Value, false}, field{"ctx", x.Ctx, false})
	case *Name:
		d.node("Name", &x.Position, field{"id", ident(x.Id), false}, field{"ctx", x.Ctx, false})
	case *List:
		d.node("List", &x.Position, field{"elts", exprs(x.Elts), false}, field{"ctx", x.Ctx, false})
	case *Tuple:
		d.node("Tuple", &x.Position, field{"elts", exprs(x.Elts), false}, field{"ctx", x.Ctx, false})
	case *Slice:
		d.node("Slice", &x.Position, field{"lower", x.Lower, true}, field{"upper", x.Upper, true}, field{"step", x.Step, true})
	}
}

func (d *dumper) pattern(pt Pattern) {
	switch x := pt.(type) {
	case *MatchValue:
		d.node("MatchValue", &x.Position, field{"value", x.Value, false})
	case *MatchSingleton:
		d.node("MatchSingleton", &x.Position, field{"value", constVal{x.Value}, false})
	case *MatchSequence:
		d.node("MatchSequence", &x.Position, field{"patterns", pats(x.Patterns), false})
	case *MatchMapping:
		d.node("MatchMapping", &x.Position, field{"keys", exprs(x.Keys), false}, field{"patterns", pats(x.Patterns), false},
			field{"rest", noneStr(x.Rest), true})
	case *MatchClass:
		d.node("MatchClass", &x.Position, field{"cls", x.Cls, false}, field{"patterns", pats(x.Patterns), false},
			field{"kwd_attrs", x.KwdAttrs, false}, field{"kwd_patterns", pats(x.KwdPatterns), false})
	case *MatchStar:
		d.node("MatchStar", &x.Position, field{"name", noneStr(x.Name), true})
	case *MatchAs:
		var p any
		if x.Pattern != nil {
			p = x.Pattern
		}
		d.node("MatchAs", &x.Position, field{"pattern", p, true}, field{"name", noneStr(x.Name), true})
	case *MatchOr:
		d.node("MatchOr", &x.Position, field{"patterns", pats(x.Patterns), false})
	}
}

// ---- Python reprs of constants ----

// ConstRepr returns Python's repr() of a constant value.
func ConstRepr(v ConstValue) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(x, 10)
	case *big.Int:
		return x.String()
	case float64:
		return FloatRepr(x)
	case complex128:
		if real(x) == 0 && !math.Signbit(real(x)) {
			return imagRepr(imag(x)) + "j"
		}
		re := imagRepr(real(x))
		im := imag(x)
		sign := "+"
		if im < 0 || im == 0 && math.Signbit(im) || math.IsNaN(im) && math.Signbit(im) {
			sign = "-"
			im = -im
		}
		return "(" + re + sign + imagRepr(im) + "j)"
	case string:
		return pyRepr(x)
	case Str:
		return strRepr([]rune(x))
	case Bytes:
		return bytesRepr(x)
	case EllipsisType:
		return "Ellipsis"
	}
	return fmt.Sprintf("%v", v)
}

// imagRepr formats a complex component: like float repr, without ".0".
func imagRepr(f float64) string {
	s := FloatRepr(f)
	return strings.TrimSuffix(s, ".0")
}

// FloatRepr returns Python's repr() of a float: the shortest string that
// round-trips, in fixed notation for exponents -4..15, else scientific.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	mant, exp := s[:epos], s[epos+1:]
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if e >= -5 && e < 16 {
		// CPython's repr switches to exponent form when the decimal
		// exponent is < -4 or >= 16.
		if e < -4 {
			goto sci
		}
		if e >= 0 {
			if len(digits) <= e+1 {
				out = digits + strings.Repeat("0", e+1-len(digits)) + ".0"
			} else {
				out = digits[:e+1] + "." + digits[e+1:]
			}
		} else {
			out = "0." + strings.Repeat("0", -e-1) + digits
		}
		if neg {
			out = "-" + out
		}
		return out
	}
sci:
	out = digits[:1]
	if len(digits) > 1 {
		out += "." + digits[1:]
	}
	if e < 0 {
		out += fmt.Sprintf("e-%02d", -e)
	} else {
		out += fmt.Sprintf("e+%02d", e)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// pyRepr returns Python's repr() of a str given as (WTF-8) Go string.
func pyRepr(s string) string {
	if utf8.ValidString(s) {
		return strRepr([]rune(s))
	}
	return strRepr([]rune(wtf8ToStr(s)))
}

func strRepr(rs []rune) string {
	quote := '\''
	hasSingle, hasDouble := false, false
	for _, r := range rs {
		if r == '\'' {
			hasSingle = true
		} else if r == '"' {
			hasDouble = true
		}
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range rs {
		switch {
		case r == quote || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case r >= 0xD800 && r < 0xE000 || !unicode.IsPrint(r):
			switch {
			case r <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

func bytesRepr(bs []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(bs), '\'') >= 0 && strings.IndexByte(string(bs), '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for _, c := range bs {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}
