package py

import (
	"reflect"
	"strings"
	"sync"
	"unicode"

	"freepy/interp/syntax"
)

// _ast: the node classes of the ast module and the PyCF_* flags of
// compile(). The classes are built from Python 3.11's ASDL description
// (Parser/Python.asdl) at first use, as CPython's Python-ast.c builds them
// from the same text at compile time: _fields, _attributes,
// __match_args__, the docstrings and the None defaults of optional fields
// all follow from it. ast_to_py.go and py_to_ast.go convert between these
// classes and the Go tree of package syntax.

// compile() flags (Include/cpython/compile.h).
const (
	pyCFOnlyAST              = 0x400
	pyCFTypeComments         = 0x1000
	pyCFAllowTopLevelAwait   = 0x2000
	pyCFDontImplyDedent      = 0x0200
	pyCFAllowIncompleteInput = 0x4000
)

// asdlSource is Python 3.11's Parser/Python.asdl without its comments.
const asdlSource = `
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int? level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass | Break | Continue
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr_context = Load | Store | Del
boolop = And | Or
operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv
unaryop = Invert | Not | UAdd | USub
cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension = (expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg = (identifier arg, expr? annotation, string? type_comment)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

keyword = (identifier? arg, expr value)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

alias = (identifier name, identifier? asname)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

withitem = (expr context_expr, expr? optional_vars)

match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
     | MatchSingleton(constant value)
     | MatchSequence(pattern* patterns)
     | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
     | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
     | MatchStar(identifier? name)
     | MatchAs(pattern? pattern, identifier? name)
     | MatchOr(pattern* patterns)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)
`

// asdlField is one field or attribute: "expr* body" is {expr body seq}.
type asdlField struct {
	typ, name string
	opt, seq  bool
	goIndex   []int // the field of the Go struct (see astGoTypes)
	key       *Str  // the interned name, for attribute access
}

func (f asdlField) String() string {
	s := f.typ
	if f.opt {
		s += "?"
	}
	if f.seq {
		s += "*"
	}
	return s + " " + f.name
}

// asdlCons is one node class: a constructor of a sum type, or a product
// type (comprehension, arguments, ...), which is its own single
// constructor.
type asdlCons struct {
	name   string
	owner  *asdlType
	fields []asdlField
	index  int          // position among its type's constructors (enum value)
	goType reflect.Type // the *syntax.X struct; nil for enum constructors
	class  *Type
}

func (c *asdlCons) doc() string {
	if len(c.fields) == 0 && c.owner.simple {
		return c.name
	}
	parts := make([]string, len(c.fields))
	for i, f := range c.fields {
		parts[i] = f.String()
	}
	if len(parts) == 0 {
		return c.name
	}
	return c.name + "(" + strings.Join(parts, ", ") + ")"
}

// asdlType is one ASDL type: a sum (stmt, expr, operator, ...) or a
// product (arguments, arg, ...).
type asdlType struct {
	name    string
	cons    []*asdlCons
	attrs   []asdlField
	product bool
	simple  bool  // a sum of constructors without fields: an enum
	class   *Type // the abstract base class (the class itself for products)
}

// astState is the parsed ASDL description and the classes made from it,
// shared by all threads once built.
type astState struct {
	types   map[string]*asdlType
	cons    map[string]*asdlCons       // by class name
	byGo    map[reflect.Type]*asdlCons // by *syntax.X
	classes map[*Type]*asdlCons
	order   []*asdlType
	// singletons are the one instance of each enum class (Load(), Add(),
	// ...) that parse results share, as in CPython.
	singletons map[*asdlCons]Object
}

var (
	astOnce  sync.Once
	astErr   error
	astS     *astState
	astTable = parseASDL(asdlSource)
)

// ASTType is ast.AST, the base of every node class: instances carry their
// fields in __dict__, and __init__ fills them from positional arguments
// (in _fields order) and keywords.
var ASTType = newBuiltinType("AST", ObjectType)

func init() {
	ASTType.hasDict = true
	ASTType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return NewInstance(typ), nil
	}
	ASTType.Init = astInit
	ASTType.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var d Object = NewDict()
		if dd := instanceDict(self); dd != nil {
			d = dd
		}
		return NewTuple(self.Type(), NewTuple(), d), nil
	})
	ASTType.Dict.SetStr("_fields", NewTuple())
	ASTType.Dict.SetStr("_attributes", NewTuple())
	ASTType.Dict.SetStr("__match_args__", NewTuple())
	ASTType.Dict.SetStr("__doc__", None)
	registerType(ASTType)

	RegisterNativeModule("_ast", func(t *Thread) (*Module, error) {
		s, err := astClasses(t)
		if err != nil {
			return nil, err
		}
		m := NewModule("_ast")
		m.dict.SetStr("AST", ASTType)
		for _, at := range s.order {
			if !at.product {
				m.dict.SetStr(at.name, at.class)
			}
			for _, c := range at.cons {
				m.dict.SetStr(c.name, c.class)
			}
		}
		m.dict.SetStr("PyCF_ONLY_AST", Int(pyCFOnlyAST))
		m.dict.SetStr("PyCF_TYPE_COMMENTS", Int(pyCFTypeComments))
		m.dict.SetStr("PyCF_ALLOW_TOP_LEVEL_AWAIT", Int(pyCFAllowTopLevelAwait))
		return m, nil
	})
}

// astInit is AST.__init__ (CPython's ast_type_init).
func astInit(t *Thread, self Object, args []Object, kw []string) error {
	var fields []Object
	if f, err := GetAttrOpt(t, self.Type(), Intern("_fields")); err != nil {
		return err
	} else if f != nil {
		if fields, err = ToSlice(t, f); err != nil {
			return err
		}
	}
	npos := len(args) - len(kw)
	if npos > len(fields) {
		return TypeErrorf("%s constructor takes at most %d positional argument%s", self.Type().Name(), len(fields), plural(len(fields)))
	}
	for i := 0; i < npos; i++ {
		name, ok := fields[i].(*Str)
		if !ok {
			return TypeErrorf("attribute name must be string, not '%s'", typeName(fields[i]))
		}
		if err := SetAttr(t, self, name, args[i]); err != nil {
			return err
		}
	}
	for i, k := range kw {
		for p, f := range fields {
			if fs, ok := f.(*Str); ok && fs.s == k && p < npos {
				return TypeErrorf("%s got multiple values for argument '%s'", self.Type().Name(), k)
			}
		}
		if err := SetAttr(t, self, Intern(k), args[npos+i]); err != nil {
			return err
		}
	}
	return nil
}

// parseASDL reads the ASDL text above. It panics on malformed input: the
// text is a constant.
func parseASDL(src string) []*asdlType {
	// tokens: words and the punctuation ( ) , | = * ?
	var toks []string
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t':
			i++
		case strings.IndexByte("(),|=*?", c) >= 0:
			toks = append(toks, string(c))
			i++
		default:
			j := i
			for j < len(src) && (src[j] == '_' || unicode.IsLetter(rune(src[j])) || unicode.IsDigit(rune(src[j]))) {
				j++
			}
			if j == i {
				panic("asdl: bad character " + string(c))
			}
			toks = append(toks, src[i:j])
			i = j
		}
	}
	pos := 0
	peek := func() string {
		if pos < len(toks) {
			return toks[pos]
		}
		return ""
	}
	next := func() string { pos++; return toks[pos-1] }
	expect := func(s string) {
		if next() != s {
			panic("asdl: expected " + s)
		}
	}
	fieldList := func() []asdlField {
		expect("(")
		var fs []asdlField
		for {
			f := asdlField{typ: next()}
			for peek() == "?" || peek() == "*" {
				if next() == "?" {
					f.opt = true
				} else {
					f.seq = true
				}
			}
			f.name = next()
			fs = append(fs, f)
			if next() == ")" {
				return fs
			}
		}
	}
	var types []*asdlType
	for pos < len(toks) {
		at := &asdlType{name: next()}
		expect("=")
		if peek() == "(" {
			at.product = true
			at.cons = []*asdlCons{{name: at.name, owner: at, fields: fieldList()}}
		} else {
			at.simple = true
			for {
				c := &asdlCons{name: next(), owner: at, index: len(at.cons)}
				if peek() == "(" {
					c.fields = fieldList()
					at.simple = false
				}
				at.cons = append(at.cons, c)
				if peek() != "|" {
					break
				}
				next()
			}
		}
		if peek() == "attributes" {
			next()
			at.attrs = fieldList()
		}
		types = append(types, at)
	}
	return types
}

// astGoTypes lists the Go node types; each corresponds to the ASDL
// constructor of the same name except where astGoNames says otherwise.
var astGoTypes = []any{
	(*syntax.Module)(nil), (*syntax.Interactive)(nil), (*syntax.Expression)(nil), (*syntax.FunctionType)(nil),
	(*syntax.FunctionDef)(nil), (*syntax.AsyncFunctionDef)(nil), (*syntax.ClassDef)(nil), (*syntax.Return)(nil),
	(*syntax.Delete)(nil), (*syntax.Assign)(nil), (*syntax.AugAssign)(nil), (*syntax.AnnAssign)(nil),
	(*syntax.For)(nil), (*syntax.AsyncFor)(nil), (*syntax.While)(nil), (*syntax.If)(nil), (*syntax.With)(nil),
	(*syntax.AsyncWith)(nil), (*syntax.Match)(nil), (*syntax.Raise)(nil), (*syntax.Try)(nil), (*syntax.TryStar)(nil),
	(*syntax.Assert)(nil), (*syntax.Import)(nil), (*syntax.ImportFrom)(nil), (*syntax.Global)(nil),
	(*syntax.Nonlocal)(nil), (*syntax.ExprStmt)(nil), (*syntax.Pass)(nil), (*syntax.Break)(nil), (*syntax.Continue)(nil),
	(*syntax.BoolOp)(nil), (*syntax.NamedExpr)(nil), (*syntax.BinOp)(nil), (*syntax.UnaryOp)(nil), (*syntax.Lambda)(nil),
	(*syntax.IfExp)(nil), (*syntax.Dict)(nil), (*syntax.Set)(nil), (*syntax.ListComp)(nil), (*syntax.SetComp)(nil),
	(*syntax.DictComp)(nil), (*syntax.GeneratorExp)(nil), (*syntax.Await)(nil), (*syntax.Yield)(nil),
	(*syntax.YieldFrom)(nil), (*syntax.Compare)(nil), (*syntax.Call)(nil), (*syntax.FormattedValue)(nil),
	(*syntax.JoinedStr)(nil), (*syntax.Constant)(nil), (*syntax.Attribute)(nil), (*syntax.Subscript)(nil),
	(*syntax.Starred)(nil), (*syntax.Name)(nil), (*syntax.List)(nil), (*syntax.Tuple)(nil), (*syntax.Slice)(nil),
	(*syntax.Comprehension)(nil), (*syntax.ExceptHandler)(nil), (*syntax.Arguments)(nil), (*syntax.Arg)(nil),
	(*syntax.Keyword)(nil), (*syntax.Alias)(nil), (*syntax.WithItem)(nil), (*syntax.MatchCase)(nil),
	(*syntax.MatchValue)(nil), (*syntax.MatchSingleton)(nil), (*syntax.MatchSequence)(nil),
	(*syntax.MatchMapping)(nil), (*syntax.MatchClass)(nil), (*syntax.MatchStar)(nil), (*syntax.MatchAs)(nil),
	(*syntax.MatchOr)(nil), (*syntax.TypeIgnore)(nil),
}

// astGoNames are the Go types whose names differ from the Python class.
var astGoNames = map[string]string{
	"ExprStmt": "Expr", "Comprehension": "comprehension", "Arguments": "arguments", "Arg": "arg",
	"Keyword": "keyword", "Alias": "alias", "WithItem": "withitem", "MatchCase": "match_case",
}

// goFieldName maps a Python field name to the Go struct field (foo_bar
// becomes FooBar).
func goFieldName(name string) string {
	if name == "argtypes" {
		return "ArgTypes"
	}
	var b strings.Builder
	for _, part := range strings.Split(name, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// buildASTIndex ties the ASDL constructors to the Go types. A mismatch is
// a programming error in this file or in package syntax.
func buildASTIndex() *astState {
	s := &astState{types: map[string]*asdlType{}, cons: map[string]*asdlCons{},
		byGo: map[reflect.Type]*asdlCons{}, classes: map[*Type]*asdlCons{}, singletons: map[*asdlCons]Object{}}
	for _, at := range astTable {
		for i := range at.attrs {
			at.attrs[i].key = Intern(at.attrs[i].name)
		}
		for _, c := range at.cons {
			for i := range c.fields {
				c.fields[i].key = Intern(c.fields[i].name)
			}
		}
		s.types[at.name] = at
		s.order = append(s.order, at)
		for _, c := range at.cons {
			s.cons[c.name] = c
		}
	}
	for _, z := range astGoTypes {
		rt := reflect.TypeOf(z)
		name := rt.Elem().Name()
		if n, ok := astGoNames[name]; ok {
			name = n
		}
		c := s.cons[name]
		if c == nil {
			panic("_ast: no ASDL constructor for syntax." + rt.Elem().Name())
		}
		c.goType = rt
		s.byGo[rt] = c
		for i := range c.fields {
			sf, ok := rt.Elem().FieldByName(goFieldName(c.fields[i].name))
			if !ok {
				panic("_ast: syntax." + rt.Elem().Name() + " has no field for " + c.fields[i].name)
			}
			c.fields[i].goIndex = sf.Index
		}
	}
	return s
}

// astClasses builds the node classes on first use.
func astClasses(t *Thread) (*astState, error) {
	astOnce.Do(func() {
		s := buildASTIndex()
		astErr = s.makeClasses(t)
		if astErr == nil {
			astS = s
		}
	})
	if astErr != nil {
		return nil, astErr
	}
	return astS, nil
}

func strTuple(names []string) *Tuple {
	items := make([]Object, len(names))
	for i, n := range names {
		items[i] = NewStr(n)
	}
	return NewTuple(items...)
}

func fieldNames(fs []asdlField) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return names
}

func (s *astState) makeClasses(t *Thread) error {
	ASTType.Dict.SetStr("__module__", NewStr("ast"))
	mk := func(name string, base *Type, fields, attrs []asdlField, doc string) (*Type, error) {
		ns := NewDict()
		ns.SetStr("__module__", NewStr("ast"))
		ns.SetStr("__doc__", NewStr(doc))
		ft := strTuple(fieldNames(fields))
		ns.SetStr("_fields", ft)
		ns.SetStr("__match_args__", ft)
		if attrs != nil || base == ASTType {
			ns.SetStr("_attributes", strTuple(fieldNames(attrs)))
		}
		// Optional fields and attributes default to None on the class, so
		// that a node built without them reads as None (CPython 3.8+).
		for _, f := range append(append([]asdlField(nil), fields...), attrs...) {
			if f.opt {
				ns.SetStr(f.name, None)
			}
		}
		cls, err := Call(t, TypeType, []Object{NewStr(name), NewTuple(base), ns}, nil)
		if err != nil {
			return nil, err
		}
		return cls.(*Type), nil
	}
	for _, at := range s.order {
		if at.product {
			c := at.cons[0]
			attrs := at.attrs
			if attrs == nil {
				attrs = []asdlField{}
			}
			cls, err := mk(at.name, ASTType, c.fields, attrs, c.doc())
			if err != nil {
				return err
			}
			at.class, c.class = cls, cls
			s.classes[cls] = c
			continue
		}
		docs := make([]string, len(at.cons))
		for i, c := range at.cons {
			docs[i] = c.doc()
		}
		sep := "\n" + strings.Repeat(" ", len(at.name)+1) + "| "
		if at.simple {
			sep = " | "
		}
		attrs := at.attrs
		if attrs == nil {
			attrs = []asdlField{}
		}
		base, err := mk(at.name, ASTType, nil, attrs, at.name+" = "+strings.Join(docs, sep))
		if err != nil {
			return err
		}
		at.class = base
		for _, c := range at.cons {
			cls, err := mk(c.name, base, c.fields, nil, c.doc())
			if err != nil {
				return err
			}
			c.class = cls
			s.classes[cls] = c
			if at.simple {
				s.singletons[c] = NewInstance(cls)
			}
		}
	}
	return nil
}
