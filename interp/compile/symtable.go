package compile

import (
	"strings"

	"freepy/interp/syntax"
)

// This file builds the symbol table: one scope per module, class, function,
// lambda and comprehension, recording how each name is used. analyze.go
// then decides each name's scope (local, global, free, cell) with
// CPython 3.11's rules (Python/symtable.c), so that the compiler emits the
// same LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME choices.

// Symbol flags, as CPython's DEF_* values.
const (
	defGlobal    = 1 << iota // global statement
	defLocal                 // assignment in this block
	defParam                 // formal parameter
	defNonlocal              // nonlocal statement
	defUse                   // name is read
	defFree                  // name used but not bound here
	defFreeClass             // free variable of a method, also bound in the class
	defImport                // bound by import
	defAnnot                 // annotated name
	defCompIter              // comprehension iteration variable

	defBound = defLocal | defParam | defImport
)

// Scope of a name after analysis (CPython's LOCAL .. CELL).
const (
	scopeNone = iota
	scopeLocal
	scopeGlobalExplicit
	scopeGlobalImplicit
	scopeFree
	scopeCell
)

type blockType int

const (
	functionBlock blockType = iota
	classBlock
	moduleBlock
	annotationBlock // names in annotations under "from __future__ import annotations"
)

type compKind int

const (
	compNone compKind = iota
	compList
	compSet
	compDict
	compGen
)

type symbol struct {
	flags int
	scope int
}

// scope is a symbol table entry (CPython's PySTEntryObject).
type scope struct {
	name    string
	typ     blockType
	pos     syntax.Position
	symbols map[string]*symbol
	order   []string // names in order of first sight
	params  []string // parameters, in Varnames order
	// directives remembers where global/nonlocal (or a walrus acting like
	// one) named each name, for error positions.
	directives map[string]syntax.Position
	children   []*scope

	nested            bool // a function somewhere encloses this scope
	generator         bool
	coroutine         bool
	comprehension     compKind
	varargs           bool
	varkeywords       bool
	returnsValue      bool
	needsClassClosure bool // class: a method uses __class__ or super
	childFree         bool
	free              bool
	compIterTarget    bool
	compIterExpr      int
}

func (s *scope) lookup(name string) int {
	if sym := s.symbols[name]; sym != nil {
		return sym.flags
	}
	return 0
}

// scopeOf returns the analyzed scope of name (scopeNone if unknown).
func (s *scope) scopeOf(name string) int {
	if sym := s.symbols[name]; sym != nil {
		return sym.scope
	}
	return scopeNone
}

// symtable is the whole table plus the state of the building walk.
type symtable struct {
	filename string
	future   int
	top      *scope
	cur      *scope
	stack    []*scope
	private  string // enclosing class name, for mangling
	blocks   map[any]*scope
	err      *syntax.Error
}

func newScope(st *symtable, name string, typ blockType, pos syntax.Position) *scope {
	s := &scope{
		name:       name,
		typ:        typ,
		pos:        pos,
		symbols:    map[string]*symbol{},
		directives: map[string]syntax.Position{},
	}
	if st.cur != nil && (st.cur.nested || st.cur.typ == functionBlock) {
		s.nested = true
	}
	return s
}

// buildSymtable walks the module and analyzes it. The returned error is a
// *syntax.Error.
func buildSymtable(mod syntax.Mod, filename string, future int) (*symtable, error) {
	st := &symtable{filename: filename, future: future, blocks: map[any]*scope{}}
	st.enter("top", moduleBlock, mod, syntax.Position{Lineno: 1})
	st.top = st.cur
	switch m := mod.(type) {
	case *syntax.Module:
		st.stmts(m.Body)
	case *syntax.Interactive:
		st.stmts(m.Body)
	case *syntax.Expression:
		st.expr(m.Body)
	case *syntax.FunctionType:
		st.exprs(m.ArgTypes)
		st.expr(m.Returns)
	}
	if st.err != nil {
		return nil, st.err
	}
	st.exit()
	if err := st.analyze(); err != nil {
		return nil, err
	}
	return st, nil
}

func (st *symtable) enter(name string, typ blockType, key any, pos syntax.Position) {
	s := newScope(st, name, typ, pos)
	if st.cur != nil {
		st.cur.children = append(st.cur.children, s)
	}
	st.stack = append(st.stack, s)
	st.cur = s
	if key != nil {
		st.blocks[key] = s
	}
}

func (st *symtable) exit() {
	st.stack = st.stack[:len(st.stack)-1]
	if len(st.stack) > 0 {
		st.cur = st.stack[len(st.stack)-1]
	} else {
		st.cur = nil
	}
}

func (st *symtable) errorf(pos syntax.Position, format string, args ...any) {
	if st.err != nil {
		return
	}
	st.err = newError(st.filename, pos, format, args...)
}

// addDef records flag for name in the current scope.
func (st *symtable) addDef(name string, flag int, pos syntax.Position) {
	st.addDefIn(st.cur, name, flag, pos)
}

func (st *symtable) addDefIn(s *scope, name string, flag int, pos syntax.Position) {
	if st.err != nil {
		return
	}
	mangled := mangle(st.private, name)
	sym := s.symbols[mangled]
	val := flag
	if sym != nil {
		if flag&defParam != 0 && sym.flags&defParam != 0 {
			st.errorf(pos, "duplicate argument '%s' in function definition", name)
			return
		}
		val = sym.flags | flag
	}
	if s.compIterTarget {
		if val&(defGlobal|defNonlocal) != 0 {
			st.errorf(pos, "comprehension inner loop cannot rebind assignment expression target '%s'", name)
			return
		}
		val |= defCompIter
	}
	if sym == nil {
		sym = &symbol{}
		s.symbols[mangled] = sym
		s.order = append(s.order, mangled)
	}
	sym.flags = val
	if flag&defParam != 0 {
		s.params = append(s.params, mangled)
	} else if flag&defGlobal != 0 {
		g := st.top.symbols[mangled]
		if g == nil {
			g = &symbol{}
			st.top.symbols[mangled] = g
			st.top.order = append(st.top.order, mangled)
		}
		g.flags |= flag
	}
}

func (st *symtable) stmts(list []syntax.Stmt) {
	for _, s := range list {
		if st.err != nil {
			return
		}
		st.stmt(s)
	}
}

func (st *symtable) exprs(list []syntax.Expr) {
	for _, e := range list {
		if e != nil {
			st.expr(e)
		}
	}
}

func (st *symtable) stmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.FunctionDef:
		st.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, false)
	case *syntax.AsyncFunctionDef:
		st.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, true)
	case *syntax.ClassDef:
		st.addDef(s.Name, defLocal, s.Pos())
		st.exprs(s.Bases)
		for _, k := range s.Keywords {
			st.expr(k.Value)
		}
		st.exprs(s.DecoratorList)
		st.enter(s.Name, classBlock, s, s.Pos())
		saved := st.private
		st.private = s.Name
		st.stmts(s.Body)
		st.private = saved
		st.exit()
	case *syntax.Return:
		if s.Value != nil {
			st.expr(s.Value)
			st.cur.returnsValue = true
		}
	case *syntax.Delete:
		st.exprs(s.Targets)
	case *syntax.Assign:
		st.exprs(s.Targets)
		st.expr(s.Value)
	case *syntax.AnnAssign:
		if n, ok := s.Target.(*syntax.Name); ok {
			cur := st.cur.lookup(mangle(st.private, n.Id))
			if cur&(defGlobal|defNonlocal) != 0 && st.cur != st.top && s.Simple != 0 {
				if cur&defGlobal != 0 {
					st.errorf(s.Pos(), "annotated name '%s' can't be global", n.Id)
				} else {
					st.errorf(s.Pos(), "annotated name '%s' can't be nonlocal", n.Id)
				}
				return
			}
			if s.Simple != 0 {
				st.addDef(n.Id, defAnnot|defLocal, n.Pos())
			} else if s.Value != nil {
				st.addDef(n.Id, defLocal, n.Pos())
			}
		} else {
			st.expr(s.Target)
		}
		st.annotation(s.Annotation)
		if s.Value != nil {
			st.expr(s.Value)
		}
	case *syntax.AugAssign:
		st.expr(s.Target)
		st.expr(s.Value)
	case *syntax.For:
		st.expr(s.Target)
		st.expr(s.Iter)
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *syntax.AsyncFor:
		st.expr(s.Target)
		st.expr(s.Iter)
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *syntax.While:
		st.expr(s.Test)
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *syntax.If:
		st.expr(s.Test)
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *syntax.Match:
		st.expr(s.Subject)
		for _, c := range s.Cases {
			st.pattern(c.Pattern)
			if c.Guard != nil {
				st.expr(c.Guard)
			}
			st.stmts(c.Body)
		}
	case *syntax.Raise:
		if s.Exc != nil {
			st.expr(s.Exc)
			if s.Cause != nil {
				st.expr(s.Cause)
			}
		}
	case *syntax.Try:
		st.stmts(s.Body)
		st.stmts(s.Orelse)
		st.handlers(s.Handlers)
		st.stmts(s.Finalbody)
	case *syntax.TryStar:
		st.stmts(s.Body)
		st.stmts(s.Orelse)
		st.handlers(s.Handlers)
		st.stmts(s.Finalbody)
	case *syntax.Assert:
		st.expr(s.Test)
		if s.Msg != nil {
			st.expr(s.Msg)
		}
	case *syntax.Import:
		for _, a := range s.Names {
			st.alias(a)
		}
	case *syntax.ImportFrom:
		for _, a := range s.Names {
			st.alias(a)
		}
	case *syntax.Global:
		for _, name := range s.Names {
			cur := st.cur.lookup(mangle(st.private, name))
			if cur&(defParam|defLocal|defUse|defAnnot) != 0 {
				switch {
				case cur&defParam != 0:
					st.errorf(s.Pos(), "name '%s' is parameter and global", name)
				case cur&defUse != 0:
					st.errorf(s.Pos(), "name '%s' is used prior to global declaration", name)
				case cur&defAnnot != 0:
					st.errorf(s.Pos(), "annotated name '%s' can't be global", name)
				default:
					st.errorf(s.Pos(), "name '%s' is assigned to before global declaration", name)
				}
				return
			}
			st.addDef(name, defGlobal, s.Pos())
			st.recordDirective(name, s.Pos())
		}
	case *syntax.Nonlocal:
		for _, name := range s.Names {
			cur := st.cur.lookup(mangle(st.private, name))
			if cur&(defParam|defLocal|defUse|defAnnot) != 0 {
				switch {
				case cur&defParam != 0:
					st.errorf(s.Pos(), "name '%s' is parameter and nonlocal", name)
				case cur&defUse != 0:
					st.errorf(s.Pos(), "name '%s' is used prior to nonlocal declaration", name)
				case cur&defAnnot != 0:
					st.errorf(s.Pos(), "annotated name '%s' can't be nonlocal", name)
				default:
					st.errorf(s.Pos(), "name '%s' is assigned to before nonlocal declaration", name)
				}
				return
			}
			st.addDef(name, defNonlocal, s.Pos())
			st.recordDirective(name, s.Pos())
		}
	case *syntax.ExprStmt:
		st.expr(s.Value)
	case *syntax.With:
		for _, it := range s.Items {
			st.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				st.expr(it.OptionalVars)
			}
		}
		st.stmts(s.Body)
	case *syntax.AsyncWith:
		for _, it := range s.Items {
			st.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				st.expr(it.OptionalVars)
			}
		}
		st.stmts(s.Body)
	case *syntax.Pass, *syntax.Break, *syntax.Continue:
	}
}

func (st *symtable) recordDirective(name string, pos syntax.Position) {
	m := mangle(st.private, name)
	if _, ok := st.cur.directives[m]; !ok {
		st.cur.directives[m] = pos
	}
}

func (st *symtable) handlers(hs []*syntax.ExceptHandler) {
	for _, h := range hs {
		if h.Type != nil {
			st.expr(h.Type)
		}
		if h.Name != "" {
			st.addDef(h.Name, defLocal, h.Pos())
		}
		st.stmts(h.Body)
	}
}

func (st *symtable) alias(a *syntax.Alias) {
	name := a.Name
	if a.Asname != "" {
		name = a.Asname
	}
	if name == "*" {
		if st.cur.typ != moduleBlock {
			st.errorf(a.Pos(), "import * only allowed at module level")
		}
		return
	}
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	st.addDef(name, defImport, a.Pos())
}

func (st *symtable) function(s syntax.Stmt, name string, args *syntax.Arguments, body []syntax.Stmt,
	decos []syntax.Expr, returns syntax.Expr, async bool) {
	st.addDef(name, defLocal, s.Pos())
	st.exprs(args.Defaults)
	st.exprs(args.KwDefaults)
	st.annotations(s, args, returns)
	st.exprs(decos)
	st.enter(name, functionBlock, s, s.Pos())
	if async {
		st.cur.coroutine = true
	}
	st.arguments(args)
	st.stmts(body)
	st.exit()
}

func (st *symtable) arguments(a *syntax.Arguments) {
	for _, p := range a.Posonlyargs {
		st.addDef(p.Arg, defParam, p.Pos())
	}
	for _, p := range a.Args {
		st.addDef(p.Arg, defParam, p.Pos())
	}
	for _, p := range a.Kwonlyargs {
		st.addDef(p.Arg, defParam, p.Pos())
	}
	if a.Vararg != nil {
		st.addDef(a.Vararg.Arg, defParam, a.Vararg.Pos())
		st.cur.varargs = true
	}
	if a.Kwarg != nil {
		st.addDef(a.Kwarg.Arg, defParam, a.Kwarg.Pos())
		st.cur.varkeywords = true
	}
}

func (st *symtable) futureAnnotations() bool { return st.future&FutureAnnotations != 0 }

func (st *symtable) annotation(e syntax.Expr) {
	fa := st.futureAnnotations()
	if fa {
		st.enter("_annotation", annotationBlock, nil, e.Pos())
	}
	st.expr(e)
	if fa {
		st.exit()
	}
}

func (st *symtable) annotations(s syntax.Stmt, a *syntax.Arguments, returns syntax.Expr) {
	fa := st.futureAnnotations()
	if fa {
		st.enter("_annotation", annotationBlock, nil, s.Pos())
	}
	argAnns := func(list []*syntax.Arg) {
		for _, p := range list {
			if p.Annotation != nil {
				st.expr(p.Annotation)
			}
		}
	}
	argAnns(a.Posonlyargs)
	argAnns(a.Args)
	if a.Vararg != nil && a.Vararg.Annotation != nil {
		st.expr(a.Vararg.Annotation)
	}
	if a.Kwarg != nil && a.Kwarg.Annotation != nil {
		st.expr(a.Kwarg.Annotation)
	}
	argAnns(a.Kwonlyargs)
	if fa {
		st.exit()
	}
	if returns != nil {
		st.annotation(returns)
	}
}

func (st *symtable) raiseIfAnnotationBlock(what string, e syntax.Expr) bool {
	if st.cur.typ != annotationBlock {
		return false
	}
	st.errorf(e.Pos(), "'%s' can not be used within an annotation", what)
	return true
}

func (st *symtable) expr(e syntax.Expr) {
	if st.err != nil || e == nil {
		return
	}
	switch e := e.(type) {
	case *syntax.NamedExpr:
		if st.raiseIfAnnotationBlock("named expression", e) {
			return
		}
		if st.cur.compIterExpr > 0 {
			st.errorf(e.Pos(), "assignment expression cannot be used in a comprehension iterable expression")
			return
		}
		if st.cur.comprehension != compNone {
			st.extendNamedExprScope(e.Target)
		}
		st.expr(e.Value)
		st.expr(e.Target)
	case *syntax.BoolOp:
		st.exprs(e.Values)
	case *syntax.BinOp:
		st.expr(e.Left)
		st.expr(e.Right)
	case *syntax.UnaryOp:
		st.expr(e.Operand)
	case *syntax.Lambda:
		st.exprs(e.Args.Defaults)
		st.exprs(e.Args.KwDefaults)
		st.enter("lambda", functionBlock, e, e.Pos())
		st.arguments(e.Args)
		st.expr(e.Body)
		st.exit()
	case *syntax.IfExp:
		st.expr(e.Test)
		st.expr(e.Body)
		st.expr(e.Orelse)
	case *syntax.Dict:
		st.exprs(e.Keys)
		st.exprs(e.Values)
	case *syntax.Set:
		st.exprs(e.Elts)
	case *syntax.GeneratorExp:
		st.comprehension(e, "genexpr", compGen, e.Generators, e.Elt, nil)
	case *syntax.ListComp:
		st.comprehension(e, "listcomp", compList, e.Generators, e.Elt, nil)
	case *syntax.SetComp:
		st.comprehension(e, "setcomp", compSet, e.Generators, e.Elt, nil)
	case *syntax.DictComp:
		st.comprehension(e, "dictcomp", compDict, e.Generators, e.Key, e.Value)
	case *syntax.Yield:
		if st.raiseIfAnnotationBlock("yield expression", e) {
			return
		}
		st.expr(e.Value)
		st.cur.generator = true
		st.raiseIfComprehension(e)
	case *syntax.YieldFrom:
		if st.raiseIfAnnotationBlock("yield expression", e) {
			return
		}
		st.expr(e.Value)
		st.cur.generator = true
		st.raiseIfComprehension(e)
	case *syntax.Await:
		if st.raiseIfAnnotationBlock("await expression", e) {
			return
		}
		st.expr(e.Value)
		st.cur.coroutine = true
	case *syntax.Compare:
		st.expr(e.Left)
		st.exprs(e.Comparators)
	case *syntax.Call:
		st.expr(e.Func)
		st.exprs(e.Args)
		for _, k := range e.Keywords {
			st.expr(k.Value)
		}
	case *syntax.FormattedValue:
		st.expr(e.Value)
		st.expr(e.FormatSpec)
	case *syntax.JoinedStr:
		st.exprs(e.Values)
	case *syntax.Constant:
	case *syntax.Attribute:
		st.expr(e.Value)
	case *syntax.Subscript:
		st.expr(e.Value)
		st.expr(e.Slice)
	case *syntax.Starred:
		st.expr(e.Value)
	case *syntax.Slice:
		st.expr(e.Lower)
		st.expr(e.Upper)
		st.expr(e.Step)
	case *syntax.Name:
		flag := defLocal
		if e.Ctx == syntax.Load {
			flag = defUse
		}
		st.addDef(e.Id, flag, e.Pos())
		// super() needs the __class__ cell of the enclosing class.
		if e.Ctx == syntax.Load && st.cur.typ == functionBlock && e.Id == "super" {
			st.addDef("__class__", defUse, e.Pos())
		}
	case *syntax.List:
		st.exprs(e.Elts)
	case *syntax.Tuple:
		st.exprs(e.Elts)
	}
}

func (st *symtable) raiseIfComprehension(e syntax.Expr) {
	var msg string
	switch st.cur.comprehension {
	case compNone:
		return
	case compList:
		msg = "'yield' inside list comprehension"
	case compSet:
		msg = "'yield' inside set comprehension"
	case compDict:
		msg = "'yield' inside dict comprehension"
	default:
		msg = "'yield' inside generator expression"
	}
	st.errorf(e.Pos(), "%s", msg)
}

// extendNamedExprScope binds a walrus target inside a comprehension in the
// nearest enclosing function or module scope (PEP 572).
func (st *symtable) extendNamedExprScope(target syntax.Expr) {
	n, ok := target.(*syntax.Name)
	if !ok {
		return
	}
	name := n.Id
	for i := len(st.stack) - 1; i >= 0; i-- {
		s := st.stack[i]
		if s.comprehension != compNone {
			if s.lookup(mangle(st.private, name))&defCompIter != 0 {
				st.errorf(n.Pos(), "assignment expression cannot rebind comprehension iteration variable '%s'", name)
				return
			}
			continue
		}
		switch s.typ {
		case functionBlock:
			if s.lookup(mangle(st.private, name))&defGlobal != 0 {
				st.addDef(name, defGlobal, n.Pos())
			} else {
				st.addDef(name, defNonlocal, n.Pos())
			}
			st.recordDirective(name, n.Pos())
			st.addDefIn(s, name, defLocal, n.Pos())
			return
		case moduleBlock:
			st.addDef(name, defGlobal, n.Pos())
			st.recordDirective(name, n.Pos())
			st.addDefIn(s, name, defGlobal, n.Pos())
			return
		case classBlock:
			st.errorf(n.Pos(), "assignment expression within a comprehension cannot be used in a class body")
			return
		}
	}
}

func (st *symtable) comprehension(e syntax.Expr, name string, kind compKind,
	gens []*syntax.Comprehension, elt, value syntax.Expr) {
	outer := gens[0]
	// The outermost iterable is evaluated in the enclosing scope.
	st.cur.compIterExpr++
	st.expr(outer.Iter)
	st.cur.compIterExpr--
	if st.err != nil {
		return
	}
	st.enter(name, functionBlock, e, e.Pos())
	st.cur.comprehension = kind
	if outer.IsAsync != 0 {
		st.cur.coroutine = true
	}
	// The outermost iterator is passed as the implicit argument ".0".
	st.addDef(".0", defParam, e.Pos())
	st.cur.compIterTarget = true
	st.expr(outer.Target)
	st.cur.compIterTarget = false
	st.exprs(outer.Ifs)
	for _, g := range gens[1:] {
		st.cur.compIterTarget = true
		st.expr(g.Target)
		st.cur.compIterTarget = false
		st.cur.compIterExpr++
		st.expr(g.Iter)
		st.cur.compIterExpr--
		st.exprs(g.Ifs)
		if g.IsAsync != 0 {
			st.cur.coroutine = true
		}
	}
	if value != nil {
		st.expr(value)
	}
	st.expr(elt)
	isGen := kind == compGen
	st.cur.generator = isGen
	isAsync := st.cur.coroutine && !isGen
	st.exit()
	if isAsync {
		st.cur.coroutine = true
	}
}

func (st *symtable) pattern(p syntax.Pattern) {
	if st.err != nil {
		return
	}
	switch p := p.(type) {
	case *syntax.MatchValue:
		st.expr(p.Value)
	case *syntax.MatchSingleton:
	case *syntax.MatchSequence:
		for _, q := range p.Patterns {
			st.pattern(q)
		}
	case *syntax.MatchStar:
		if p.Name != "" {
			st.addDef(p.Name, defLocal, p.Pos())
		}
	case *syntax.MatchMapping:
		st.exprs(p.Keys)
		for _, q := range p.Patterns {
			st.pattern(q)
		}
		if p.Rest != "" {
			st.addDef(p.Rest, defLocal, p.Pos())
		}
	case *syntax.MatchClass:
		st.expr(p.Cls)
		for _, q := range p.Patterns {
			st.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			st.pattern(q)
		}
	case *syntax.MatchAs:
		if p.Pattern != nil {
			st.pattern(p.Pattern)
		}
		if p.Name != "" {
			st.addDef(p.Name, defLocal, p.Pos())
		}
	case *syntax.MatchOr:
		for _, q := range p.Patterns {
			st.pattern(q)
		}
	}
}

// mangle applies private name mangling: __x inside class C becomes _C__x.
// Mangle is the private-name mangling of name inside class private
// (CPython's _Py_Mangle: __x becomes _Class__x); __slots__ names too.
func Mangle(private, name string) string { return mangle(private, name) }

func mangle(private, name string) string {
	if private == "" || len(name) < 2 || name[0] != '_' || name[1] != '_' {
		return name
	}
	if strings.HasSuffix(name, "__") || strings.IndexByte(name, '.') >= 0 {
		return name
	}
	p := strings.TrimLeft(private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}
