package syntax

import "strings"

// ---- start rules ----

func (p *parser) fileInput() *Module {
	var body []Stmt
	for !p.at(tEOF) {
		body = append(body, p.statement()...)
	}
	return &Module{Body: nonNilStmts(body), TypeIgnores: []*TypeIgnore{}}
}

func (p *parser) evalInput() *Expression {
	e := p.expressions()
	for p.accept(tNewline) {
	}
	if !p.at(tEOF) {
		p.invalidSyntax()
	}
	return &Expression{Body: e}
}

func (p *parser) interactiveInput() *Interactive {
	var body []Stmt
	switch p.peek() {
	case tNewline, tEOF:
		p.failAtLast("invalid syntax")
	default:
		body = p.statement()
		p.accept(tNewline)
	}
	if !p.at(tEOF) {
		// CPython finds the second statement by looking at the characters
		// after the first, without the tokenizer: it stays on the first
		// statement's line and checks the rest for no tokenizer errors.
		p.noFullScan, p.tokLineFixed = true, true
		t := p.prev()
		p.fail("SyntaxError", t.line, t.col, t.endLine, t.endCol, "multiple statements found while compiling a single statement")
	}
	return &Interactive{Body: nonNilStmts(body)}
}

func nonNilStmts(s []Stmt) []Stmt {
	if s == nil {
		return []Stmt{}
	}
	return s
}

// ---- statements ----

func (p *parser) isCompoundStart() bool {
	switch p.peek() {
	case tDef, tAt, tClass, tIf, tWith, tFor, tTry, tWhile, tAsync:
		return true
	}
	return false
}

// statement parses one compound statement or one line of simple ones.
func (p *parser) statement() []Stmt {
	p.enter()
	defer p.leave()
	switch p.peek() {
	case tDef, tAt, tAsync:
		if p.peek() != tAsync || p.peekN(1) == tDef || p.peekN(1) == tFor || p.peekN(1) == tWith {
			return []Stmt{p.compoundStmt()}
		}
	case tClass, tIf, tWith, tFor, tTry, tWhile:
		return []Stmt{p.compoundStmt()}
	case tName:
		if p.isName(p.cur(), "match") {
			if m := p.tryMatchStmt(); m != nil {
				return []Stmt{m}
			}
		}
	case tIndent:
		p.furthest = p.pos
		p.invalidSyntax()
	}
	return p.simpleStmts()
}

func (p *parser) compoundStmt() Stmt {
	switch p.peek() {
	case tAt:
		return p.decorated()
	case tDef:
		return p.funcDef(nil, nil)
	case tClass:
		return p.classDef(nil, nil)
	case tIf:
		return p.ifStmt()
	case tWhile:
		return p.whileStmt()
	case tFor:
		return p.forStmt(nil)
	case tWith:
		return p.withStmt(nil)
	case tTry:
		return p.tryStmt()
	case tAsync:
		a := p.next()
		switch p.peek() {
		case tDef:
			return p.funcDef(nil, a)
		case tFor:
			return p.forStmt(a)
		case tWith:
			return p.withStmt(a)
		}
	}
	p.invalidSyntax()
	return nil
}

// simpleStmts parses simple statements separated by ';' up to NEWLINE.
func (p *parser) simpleStmts() []Stmt {
	var out []Stmt
	for {
		out = append(out, p.simpleStmt())
		if !p.accept(tSemi) {
			break
		}
		if p.at(tNewline) {
			break
		}
	}
	if !p.at(tNewline) {
		p.invalidSyntax()
	}
	p.next()
	return out
}

func (p *parser) simpleStmt() Stmt {
	t := p.cur()
	l, c := t.line, t.col
	switch t.kind {
	case tPass:
		p.next()
		return &Pass{tokPos(t)}
	case tBreak:
		p.next()
		return &Break{tokPos(t)}
	case tContinue:
		p.next()
		return &Continue{tokPos(t)}
	case tReturn:
		p.next()
		var v Expr
		if !p.atStmtEnd() {
			v = p.starExpressions()
		}
		return &Return{p.posFrom(l, c), v}
	case tRaise:
		p.next()
		r := &Raise{}
		if !p.atStmtEnd() {
			r.Exc = p.expression()
			if p.accept(tFrom) {
				r.Cause = p.expression()
			}
		}
		r.Position = p.posFrom(l, c)
		return r
	case tGlobal, tNonlocal:
		p.next()
		var names []string
		for {
			names = append(names, p.name())
			if !p.accept(tComma) {
				break
			}
		}
		if t.kind == tGlobal {
			return &Global{p.posFrom(l, c), names}
		}
		return &Nonlocal{p.posFrom(l, c), names}
	case tDel:
		p.next()
		targets := p.delTargets()
		if !p.atStmtEnd() {
			p.invalidSyntax()
		}
		return &Delete{p.posFrom(l, c), targets}
	case tAssert:
		p.next()
		a := &Assert{Test: p.expression()}
		if p.accept(tComma) {
			a.Msg = p.expression()
		}
		a.Position = p.posFrom(l, c)
		return a
	case tImport:
		return p.importStmt()
	case tFrom:
		return p.importFrom()
	}
	return p.exprStmt()
}

func (p *parser) atStmtEnd() bool {
	k := p.peek()
	return k == tNewline || k == tSemi || k == tEOF
}

func (p *parser) name() string {
	t := p.cur()
	if t.kind != tName {
		p.invalidSyntax()
	}
	p.next()
	return p.ident(t)
}

// exprStmt parses an expression statement, an assignment, an augmented
// assignment or an annotated assignment.
func (p *parser) exprStmt() Stmt {
	t := p.cur()
	l, c := t.line, t.col
	var first Expr
	if t.kind == tYield {
		first = p.yieldExpr()
	} else {
		first = p.starExpressions()
	}
	switch k := p.peek(); k {
	case tColon:
		return p.annAssign(first, l, c)
	case tEqual:
		targets := []Expr{first}
		var value Expr
		for p.at(tEqual) {
			// CPython reports a bad target as soon as its '=' is seen,
			// whatever follows.
			p.next()
			p.checkAssignTarget(targets[len(targets)-1], p.pos, len(targets) == 1)
			if p.at(tYield) {
				value = p.yieldExpr()
			} else {
				value = p.starExpressions()
			}
			if p.at(tEqual) {
				targets = append(targets, value)
			}
		}
		for _, tg := range targets {
			p.setContext(tg, Store)
		}
		if !p.atStmtEnd() {
			p.probeExpr()
			p.invalidSyntax()
		}
		return &Assign{Position: p.posFrom(l, c), Targets: targets, Value: value}
	default:
		if op, ok := augOps[k]; ok {
			switch first.(type) {
			case *Name, *Attribute, *Subscript:
				if !p.isParen(first) || true {
					break
				}
			default:
				p.failNode(first, "'%s' is an illegal expression for augmented assignment", exprName(first))
			}
			if _, isTuple := first.(*Tuple); isTuple {
				p.failNode(first, "'tuple' is an illegal expression for augmented assignment")
			}
			p.next()
			var v Expr
			if p.at(tYield) {
				v = p.yieldExpr()
			} else {
				v = p.starExpressions()
			}
			p.setContext(first, Store)
			return &AugAssign{Position: p.posFrom(l, c), Target: first, Op: op, Value: v}
		}
	}
	if !p.atStmtEnd() {
		if p.at(tWalrus) {
			p.walrusTarget(first)
		}
		p.legacyCheck(first)
		p.probeExpr()
		p.invalidSyntax()
	}
	return &ExprStmt{p.posFrom(l, c), first}
}

// walrusTarget reports `target := value` at the start of a statement,
// as CPython's invalid_named_expression rule does: a plain name or an
// unparenthesized tuple is left to the generic "invalid syntax".
func (p *parser) walrusTarget(first Expr) {
	switch first.(type) {
	case *Name:
		if !p.isParen(first) {
			return
		}
	case *Tuple:
		// a parenthesized tuple starts before its first element
		if t := first.(*Tuple); len(t.Elts) > 0 && p.startOf(t.Elts[0]) == [2]int{t.Lineno, t.ColOffset} {
			return
		}
	case *Starred:
		return
	}
	p.failNode(first, "cannot use assignment expressions with %s", exprName(first))
}

// startOf is where n's first token is: its opening parenthesis if it
// was parenthesized.
func (p *parser) startOf(n Expr) [2]int {
	s := n.Pos()
	if ps, ok := p.paren[n]; ok {
		s = ps
	}
	return [2]int{s.Lineno, s.ColOffset}
}

// legacyCheck reports Python 2 style print and exec statements.
func (p *parser) legacyCheck(first Expr) {
	n, ok := first.(*Name)
	if !ok || !p.probing() || p.isParen(first) || (n.Id != "print" && n.Id != "exec") {
		return
	}
	save := p.pos
	var rest Expr
	if !p.try(func() { rest = p.starExpressions() }) {
		p.pos = save
		return
	}
	p.fail("SyntaxError", n.Lineno, n.ColOffset, rest.Pos().EndLineno, rest.Pos().EndColOffset,
		"Missing parentheses in call to '%s'. Did you mean %s(...)?", n.Id, n.Id)
}

func (p *parser) annAssign(target Expr, l, c int) Stmt {
	simple := 0
	switch target.(type) {
	case *Name:
		if !p.isParen(target) {
			simple = 1
		}
	case *Attribute, *Subscript:
	default:
		// Not a target CPython's grammar accepts: its error pass gives a
		// specific message only if "target: expression" follows.
		save, furthest := p.pos, p.furthest
		if p.try(func() { p.next(); p.expression() }) {
			switch target.(type) {
			case *Tuple:
				p.failNode(target, "only single target (not tuple) can be annotated")
			case *List:
				p.failNode(target, "only single target (not list) can be annotated")
			default:
				p.failNode(target, "illegal target for annotation")
			}
		}
		p.pos, p.furthest = save, furthest
		p.invalidSyntax()
	}
	p.expect(tColon)
	ann := p.expression()
	var v Expr
	if p.accept(tEqual) {
		if p.at(tYield) {
			v = p.yieldExpr()
		} else {
			v = p.starExpressions()
		}
	}
	p.setContext(target, Store)
	if !p.atStmtEnd() {
		p.probeExpr()
		p.invalidSyntax()
	}
	return &AnnAssign{Position: p.posFrom(l, c), Target: target, Annotation: ann, Value: v, Simple: simple}
}

// checkAssignTarget reports an invalid assignment target with CPython's
// messages; rhs is the token index just after the target's '='.
func (p *parser) checkAssignTarget(e Expr, rhs int, first bool) {
	bad := p.invalidTarget(e, Store)
	if bad == nil {
		return
	}
	if _, ok := e.(*Yield); ok && !p.isParen(e) {
		p.failNode(e, "assignment to yield expression not possible")
	}
	if _, ok := e.(*YieldFrom); ok && !p.isParen(e) {
		p.failNode(e, "assignment to yield expression not possible")
	}
	if first && p.isBitwiseOr(e) && !p.startsWithDisplay(e) {
		// CPython's invalid_named_expression: "a = b" where a cannot be
		// assigned and b is a plain operand.
		save, furthest := p.pos, p.furthest
		p.pos = rhs
		ok := p.try(func() { p.bitwiseOr() })
		ok = ok && !p.at(tEqual) && !p.at(tWalrus)
		p.pos, p.furthest = save, furthest
		if ok {
			p.failNode(e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e))
		}
	}
	p.failNode(bad, "cannot assign to %s", exprName(bad))
}

// isBitwiseOr reports whether e could have been parsed by the bitwise_or
// rule (an operand without comparison or boolean operators).
func (p *parser) isBitwiseOr(e Expr) bool {
	if p.isParen(e) {
		return true
	}
	switch x := e.(type) {
	case *BoolOp, *Compare, *IfExp, *Lambda, *Starred, *NamedExpr, *Yield, *YieldFrom:
		return false
	case *Tuple:
		return false
	case *UnaryOp:
		return x.Op != Not
	}
	return true
}

// startsWithDisplay reports whether e's first atom is a list display, a
// parenthesised tuple or generator, or True/False/None (CPython excludes
// those from the "Maybe you meant '=='" message).
func (p *parser) startsWithDisplay(e Expr) bool {
	for {
		if p.isParen(e) {
			return false
		}
		switch x := e.(type) {
		case *List:
			return true
		case *Tuple:
			return true
		case *GeneratorExp:
			return true
		case *Constant:
			switch x.Value.(type) {
			case nil, bool:
				return true
			}
			return false
		case *Call:
			e = x.Func
		case *Attribute:
			e = x.Value
		case *Subscript:
			e = x.Value
		case *BinOp:
			e = x.Left
		case *Compare:
			e = x.Left
		default:
			return false
		}
	}
}

// invalidTarget returns the first sub-expression of e that cannot be
// assigned (ctx Store) or deleted (Del), or nil (CPython's
// _PyPegen_get_invalid_target).
func (p *parser) invalidTarget(e Expr, ctx ExprContext) Expr {
	switch x := e.(type) {
	case *List:
		for _, el := range x.Elts {
			if b := p.invalidTarget(el, ctx); b != nil {
				return b
			}
		}
		return nil
	case *Tuple:
		for _, el := range x.Elts {
			if b := p.invalidTarget(el, ctx); b != nil {
				return b
			}
		}
		return nil
	case *Starred:
		if ctx == Del {
			return e
		}
		return p.invalidTarget(x.Value, ctx)
	case *Name, *Subscript, *Attribute:
		return nil
	}
	return e
}

// setContext marks a valid target with ctx, recursively.
func (p *parser) setContext(e Expr, ctx ExprContext) {
	switch x := e.(type) {
	case *Name:
		x.Ctx = ctx
	case *Attribute:
		x.Ctx = ctx
	case *Subscript:
		x.Ctx = ctx
	case *Starred:
		x.Ctx = ctx
		p.setContext(x.Value, ctx)
	case *List:
		x.Ctx = ctx
		for _, el := range x.Elts {
			p.setContext(el, ctx)
		}
	case *Tuple:
		x.Ctx = ctx
		for _, el := range x.Elts {
			p.setContext(el, ctx)
		}
	}
}

// exprName is CPython's _PyPegen_get_expr_name.
func exprName(e Expr) string {
	switch x := e.(type) {
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Name:
		return "name"
	case *List:
		return "list"
	case *Tuple:
		return "tuple"
	case *Lambda:
		return "lambda"
	case *Call:
		return "function call"
	case *BoolOp, *BinOp, *UnaryOp:
		return "expression"
	case *GeneratorExp:
		return "generator expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *Await:
		return "await expression"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *JoinedStr, *FormattedValue:
		return "f-string expression"
	case *Constant:
		switch v := x.Value.(type) {
		case nil:
			return "None"
		case bool:
			if v {
				return "True"
			}
			return "False"
		case EllipsisType:
			return "ellipsis"
		}
		return "literal"
	case *Compare:
		return "comparison"
	case *IfExp:
		return "conditional expression"
	case *NamedExpr:
		return "named expression"
	}
	return "expression"
}

// targetList parses del targets or for targets: comma-separated operands
// (with optional '*'), a tuple if there is a comma. It stops before 'in'.
func (p *parser) targetList(ctx ExprContext) Expr {
	t := p.cur()
	var elts []Expr
	comma := false
	for {
		elts = append(elts, p.targetElem())
		if !p.at(tComma) {
			break
		}
		p.next()
		comma = true
		if k := p.peek(); k == tIn || k == tNewline || k == tSemi || k == tEOF || k == tEqual {
			break
		}
	}
	var e Expr = elts[0]
	if comma {
		e = &Tuple{Position: p.posFrom(t.line, t.col), Elts: elts}
	}
	if bad := p.invalidTarget(e, ctx); bad != nil {
		if ctx == Del {
			p.failNode(bad, "cannot delete %s", exprName(bad))
		}
		p.failNode(bad, "cannot assign to %s", exprName(bad))
	}
	p.setContext(e, ctx)
	return e
}

// delTargets parses the comma-separated targets of del.
func (p *parser) delTargets() []Expr {
	var out []Expr
	for {
		e := p.targetElem()
		if bad := p.invalidTarget(e, Del); bad != nil {
			p.failNode(bad, "cannot delete %s", exprName(bad))
		}
		p.setContext(e, Del)
		out = append(out, e)
		if !p.accept(tComma) || p.atStmtEnd() {
			break
		}
	}
	return out
}

func (p *parser) targetElem() Expr {
	p.enter()
	defer p.leave()
	if p.at(tStar) {
		t := p.next()
		v := p.targetElem()
		return &Starred{Position: p.posFrom(t.line, t.col), Value: v}
	}
	return p.bitwiseOr()
}

// ---- imports ----

func (p *parser) dottedName() (string, *token) {
	first := p.cur()
	var b strings.Builder
	b.WriteString(p.name())
	for p.at(tDot) {
		p.next()
		b.WriteByte('.')
		b.WriteString(p.name())
	}
	return b.String(), first
}

func (p *parser) importStmt() Stmt {
	t := p.next()
	var names []*Alias
	for {
		n, first := p.dottedName()
		a := &Alias{Name: n}
		if p.accept(tAs) {
			a.Asname = p.name()
		}
		a.Position = p.posFrom(first.line, first.col)
		names = append(names, a)
		if !p.accept(tComma) {
			break
		}
	}
	return &Import{p.posFrom(t.line, t.col), names}
}

func (p *parser) importFrom() Stmt {
	t := p.next()
	level := 0
	for {
		if p.accept(tDot) {
			level++
		} else if p.accept(tEllipsis) {
			level += 3
		} else {
			break
		}
	}
	mod := ""
	if level == 0 || !p.at(tImport) {
		mod, _ = p.dottedName()
	}
	p.expect(tImport)
	var names []*Alias
	if p.at(tStar) {
		st := p.next()
		names = []*Alias{{Position: tokPos(st), Name: "*"}}
	} else {
		parens := p.accept(tLpar)
		for {
			nt := p.cur()
			a := &Alias{Name: p.name()}
			if p.accept(tAs) {
				a.Asname = p.name()
			}
			a.Position = p.posFrom(nt.line, nt.col)
			names = append(names, a)
			if !p.at(tComma) {
				break
			}
			ct := p.next()
			if parens && p.at(tRpar) {
				break
			}
			if !parens && p.atStmtEnd() {
				_ = ct
				p.failTok(p.cur(), "trailing comma not allowed without surrounding parentheses")
			}
		}
		if parens {
			p.expect(tRpar)
		}
	}
	return &ImportFrom{Position: p.posFrom(t.line, t.col), Module: mod, Names: names, Level: level}
}

// ---- compound statements ----

// colon expects the ':' of a compound statement header. forced marks
// CPython's &&':' (always "expected ':'"); otherwise that message is only
// given when the line ends there.
func (p *parser) colon(forced bool) {
	t := p.cur()
	if t.kind == tColon {
		p.next()
		return
	}
	if forced || t.kind == tNewline {
		p.failTok(t, "expected ':'")
	}
	if p.pos > 0 && endsExpr(p.prev().kind) {
		p.probeExpr()
	}
	p.invalidSyntax()
}

// block parses an indented block or simple statements on the same line.
// what/line describe the header for CPython's "expected an indented
// block after ..." message.
func (p *parser) block(what string, line int) []Stmt {
	if !p.at(tNewline) {
		return p.simpleStmts()
	}
	p.next()
	if !p.at(tIndent) {
		t := p.cur()
		e := p.cur()
		_ = e
		p.failNoLoc("IndentationError", t, "expected an indented block after %s on line %d", what, line)
	}
	p.next()
	var body []Stmt
	for !p.at(tDedent) {
		if p.at(tEOF) {
			break
		}
		body = append(body, p.statement()...)
	}
	if len(body) == 0 {
		p.invalidSyntax()
	}
	p.accept(tDedent)
	return body
}

func (p *parser) decorated() Stmt {
	var decos []Expr
	for p.accept(tAt) {
		decos = append(decos, p.namedExpression())
		if !p.at(tNewline) {
			p.invalidSyntax()
		}
		p.next()
	}
	switch p.peek() {
	case tDef:
		return p.funcDef(decos, nil)
	case tClass:
		return p.classDef(decos, nil)
	case tAsync:
		a := p.next()
		if p.at(tDef) {
			return p.funcDef(decos, a)
		}
	}
	p.invalidSyntax()
	return nil
}

func (p *parser) funcDef(decos []Expr, async *token) Stmt {
	def := p.next()
	start := def
	if async != nil {
		start = async
	}
	name := p.name()
	if !p.at(tLpar) {
		p.failTok(p.cur(), "expected '('")
	}
	p.next()
	args := p.parameters(tRpar, false)
	p.expect(tRpar)
	var returns Expr
	if p.accept(tArrow) {
		returns = p.expression()
	}
	p.colon(true)
	body := p.block("function definition", def.line)
	if decos == nil {
		decos = []Expr{}
	}
	pos := span(tokPos(start), p.blockEnd())
	if async != nil {
		return &AsyncFunctionDef{Position: pos, Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns}
	}
	return &FunctionDef{Position: pos, Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns}
}

func (p *parser) classDef(decos []Expr, _ *token) Stmt {
	t := p.next()
	name := p.name()
	var bases []Expr
	var kws []*Keyword
	if p.accept(tLpar) {
		if p.at(tName) || p.at(tLpar) || p.at(tLsqb) {
			// class C(x for x in y) is not a call: "invalid syntax" at 'for'.
			save := p.pos
			if p.try(func() { p.namedExpression() }) && p.at(tFor) {
				p.failTok(p.cur(), "invalid syntax")
			}
			p.pos = save
		}
		bases, kws = p.callArgs()
		p.expect(tRpar)
	}
	p.colon(false)
	body := p.block("class definition", t.line)
	if decos == nil {
		decos = []Expr{}
	}
	if bases == nil {
		bases = []Expr{}
	}
	if kws == nil {
		kws = []*Keyword{}
	}
	return &ClassDef{Position: span(tokPos(t), p.blockEnd()), Name: name, Bases: bases, Keywords: kws, Body: body, DecoratorList: decos}
}

// condition parses the named_expression of if/elif/while, with CPython's
// message for "if x = 1:".
func (p *parser) condition() Expr {
	e := p.namedExpression()
	if p.at(tEqual) {
		p.checkStrayEqual(e)
	}
	return e
}

// checkStrayEqual gives CPython's messages for an '=' after an expression
// where no assignment is possible.
func (p *parser) checkStrayEqual(e Expr) {
	if !p.probing() || !p.isBitwiseOr(e) {
		return
	}
	save, furthest := p.pos, p.furthest
	p.next()
	var rhs Expr
	ok := p.try(func() { rhs = p.bitwiseOr() })
	ok = ok && !p.at(tEqual) && !p.at(tWalrus)
	p.pos, p.furthest = save, furthest
	if !ok {
		return
	}
	if _, isName := e.(*Name); isName && !p.isParen(e) {
		s := e.Pos()
		r := rhs.Pos()
		p.fail("SyntaxError", s.Lineno, s.ColOffset, r.EndLineno, r.EndColOffset, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if !p.startsWithDisplay(e) {
		p.failNode(e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e))
	}
}

func (p *parser) ifStmt() Stmt {
	t := p.next()
	return p.ifRest(t, "'if' statement")
}

func (p *parser) ifRest(t *token, what string) Stmt {
	test := p.condition()
	p.colon(false)
	body := p.block(what, t.line)
	s := &If{Test: test, Body: body, Orelse: []Stmt{}}
	switch p.peek() {
	case tElif:
		et := p.next()
		s.Orelse = []Stmt{p.ifRest(et, "'elif' statement")}
	case tElse:
		et := p.next()
		p.colon(true)
		s.Orelse = p.block("'else' statement", et.line)
	}
	end := p.blockEnd()
	if len(s.Orelse) > 0 {
		end = p.blockEnd()
	}
	s.Position = span(tokPos(t), end)
	return s
}

func (p *parser) elseBlock() []Stmt {
	if !p.at(tElse) {
		return []Stmt{}
	}
	et := p.next()
	p.colon(true)
	return p.block("'else' statement", et.line)
}

func (p *parser) whileStmt() Stmt {
	t := p.next()
	test := p.condition()
	p.colon(false)
	body := p.block("'while' statement", t.line)
	orelse := p.elseBlock()
	end := p.blockEnd()
	if len(orelse) > 0 {
		end = p.blockEnd()
	}
	return &While{Position: span(tokPos(t), end), Test: test, Body: body, Orelse: orelse}
}

func (p *parser) forStmt(async *token) Stmt {
	t := p.next()
	start := t
	if async != nil {
		start = async
	}
	target := p.forTarget()
	p.expect(tIn)
	iter := p.starExpressions()
	p.colon(false)
	body := p.block("'for' statement", t.line)
	orelse := p.elseBlock()
	end := p.blockEnd()
	if len(orelse) > 0 {
		end = p.blockEnd()
	}
	pos := span(tokPos(start), end)
	if async != nil {
		return &AsyncFor{Position: pos, Target: target, Iter: iter, Body: body, Orelse: orelse}
	}
	return &For{Position: pos, Target: target, Iter: iter, Body: body, Orelse: orelse}
}

// forTarget parses the target of a for loop or comprehension, with
// CPython's error when it is not assignable.
func (p *parser) forTarget() Expr {
	save := p.pos
	var target Expr
	failPos := -1
	ok := p.try(func() {
		target = p.targetList(Store)
		if !p.at(tIn) {
			failPos = p.pos
			p.invalidSyntax()
		}
	})
	if ok {
		return target
	}
	if !p.probing() {
		// Inside a speculative parse: fail without the re-parses that
		// only serve the error message.
		p.invalidSyntax()
	}
	if failPos >= 0 {
		p.pos = failPos
		if p.cur().level > 0 && target != nil {
			// "[a for a i b]": CPython's error pass sees "a i".
			last := target
			if tu, ok := target.(*Tuple); ok && !p.isParen(target) && len(tu.Elts) > 0 {
				last = tu.Elts[len(tu.Elts)-1]
			}
			p.forgotComma(last)
		}
	}
	// Re-parse as an expression to find the offending part.
	p.pos = save
	var e Expr
	if p.try(func() { e = p.starExpressions() }) {
		if c, isCmp := e.(*Compare); isCmp && c.Ops[0] == In {
			e = c.Left
		}
		if bad := p.invalidTarget(e, Store); bad != nil {
			if c, isCmp := bad.(*Compare); isCmp && c.Ops[0] == In {
				bad = p.invalidTarget(c.Left, Store)
			}
			if bad != nil {
				p.failNode(bad, "cannot assign to %s", exprName(bad))
			}
		}
	}
	p.pos = save
	p.targetList(Store)
	p.expect(tIn)
	return nil
}

func (p *parser) withStmt(async *token) Stmt {
	t := p.next()
	start := t
	if async != nil {
		start = async
	}
	var items []*WithItem
	parsed := false
	parenEnd := -1 // a parenthesised item list that the line's end follows
	if p.at(tLpar) {
		// 3.9+ parenthesised items: '(' item, ... ')' ':'.
		parsed = p.try(func() {
			p.next()
			items = nil
			for {
				items = append(items, p.withItem())
				if !p.accept(tComma) || p.at(tRpar) {
					break
				}
			}
			p.expect(tRpar)
			if !p.at(tColon) {
				if p.at(tNewline) {
					parenEnd = p.pos
				}
				p.invalidSyntax()
			}
		})
		if !parsed && parenEnd >= 0 && p.speculating == 0 {
			// CPython's invalid_with_stmt, parenthesised form
			p.failNoLoc("SyntaxError", p.tok(parenEnd), "expected ':'")
		}
	}
	if !parsed {
		items = nil
		for {
			items = append(items, p.withItem())
			if !p.accept(tComma) {
				break
			}
		}
	}
	p.colon(false)
	body := p.block("'with' statement", t.line)
	pos := span(tokPos(start), p.blockEnd())
	if async != nil {
		return &AsyncWith{Position: pos, Items: items, Body: body}
	}
	return &With{Position: pos, Items: items, Body: body}
}

func (p *parser) withItem() *WithItem {
	e := p.expression()
	it := &WithItem{ContextExpr: e}
	if p.accept(tAs) {
		target := p.targetElem()
		if k := p.peek(); k != tComma && k != tRpar && k != tColon {
			if k == tNewline && p.speculating == 0 && p.invalidTarget(target, Store) == nil {
				// CPython's invalid_with_stmt: the items end the line
				p.failAtLast("expected ':'")
			}
			p.invalidSyntax()
		}
		if bad := p.invalidTarget(target, Store); bad != nil {
			p.failNode(bad, "cannot assign to %s", exprName(bad))
		}
		p.setContext(target, Store)
		it.OptionalVars = target
	}
	return it
}

func (p *parser) tryStmt() Stmt {
	t := p.next()
	p.colon(true)
	body := p.block("'try' statement", t.line)
	s := &Try{Body: body, Handlers: []*ExceptHandler{}, Orelse: []Stmt{}, Finalbody: []Stmt{}}
	star := -1 // unknown, 0 plain except, 1 except*
	for p.at(tExcept) {
		et := p.next()
		isStar := p.accept(tStar)
		kind := 0
		if isStar {
			kind = 1
		}
		if star >= 0 && star != kind {
			if isStar {
				// CPython marks `except*` whole after plain handlers,
				// only `except` after starred ones
				st := p.prev()
				p.fail("SyntaxError", et.line, et.col, st.endLine, st.endCol, "cannot have both 'except' and 'except*' on the same 'try'")
			}
			p.failTok(et, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		star = kind
		h := &ExceptHandler{}
		what := "'except' statement"
		if isStar {
			what = "'except*' statement"
			if p.at(tColon) {
				p.failTok(p.cur(), "expected one or more exception types")
			}
		}
		if !p.at(tColon) {
			h.Type = p.expression()
			if p.at(tComma) {
				save := p.pos
				p.next()
				var last Expr
				if p.try(func() {
					for {
						last = p.expression()
						if !p.accept(tComma) {
							break
						}
					}
				}) && (p.at(tColon) || p.at(tAs)) {
					s := h.Type.Pos()
					l := last.Pos()
					p.fail("SyntaxError", s.Lineno, s.ColOffset, l.EndLineno, l.EndColOffset, "multiple exception types must be parenthesized")
				}
				p.pos = save
			}
			if p.accept(tAs) {
				h.Name = p.name()
			}
		}
		p.colon(false)
		h.Body = p.block(what, et.line)
		h.Position = span(tokPos(et), p.blockEnd())
		s.Handlers = append(s.Handlers, h)
	}
	if len(s.Handlers) > 0 {
		s.Orelse = p.elseBlock()
	}
	if p.at(tFinally) {
		ft := p.next()
		p.colon(true)
		s.Finalbody = p.block("'finally' statement", ft.line)
	}
	if len(s.Handlers) == 0 && len(s.Finalbody) == 0 {
		p.failAtLast("expected 'except' or 'finally' block")
	}
	end := p.blockEnd()
	for _, part := range [][]Stmt{handlersBodyEnd(s.Handlers), s.Orelse, s.Finalbody} {
		if len(part) > 0 {
			end = p.blockEnd()
		}
	}
	s.Position = span(tokPos(t), end)
	if star == 1 {
		return &TryStar{Position: s.Position, Body: s.Body, Handlers: s.Handlers, Orelse: s.Orelse, Finalbody: s.Finalbody}
	}
	return s
}

func handlersBodyEnd(h []*ExceptHandler) []Stmt {
	if len(h) == 0 {
		return nil
	}
	return h[len(h)-1].Body
}
