package syntax

// ---- expression lists ----

// expressions: expression (',' expression)* [','] (eval input).
func (p *parser) expressions() Expr {
	t := p.cur()
	e := p.expression()
	if !p.at(tComma) {
		return e
	}
	elts := []Expr{e}
	for p.accept(tComma) {
		if !p.startsExpr() {
			break
		}
		elts = append(elts, p.expression())
	}
	return &Tuple{Position: p.posFrom(t.line, t.col), Elts: elts}
}

// starExpressions: star_expression (',' star_expression)* [','].
func (p *parser) starExpressions() Expr {
	t := p.cur()
	e := p.starExpression()
	if !p.at(tComma) {
		return e
	}
	elts := []Expr{e}
	for p.accept(tComma) {
		if !p.startsExpr() {
			break
		}
		elts = append(elts, p.starExpression())
	}
	return &Tuple{Position: p.posFrom(t.line, t.col), Elts: elts}
}

// startsExpr reports whether the current token can begin an expression.
func (p *parser) startsExpr() bool {
	switch p.peek() {
	case tName, tNumber, tString, tLpar, tLsqb, tLbrace, tMinus, tPlus, tTilde,
		tNot, tLambda, tAwait, tStar, tEllipsis, tNone, tTrue, tFalse:
		return true
	}
	return false
}

func (p *parser) starExpression() Expr {
	if p.at(tStar) {
		t := p.next()
		v := p.bitwiseOr()
		return &Starred{Position: p.posFrom(t.line, t.col), Value: v}
	}
	return p.expression()
}

func (p *parser) starNamedExpression() Expr {
	if p.at(tStar) {
		t := p.next()
		v := p.bitwiseOr()
		return &Starred{Position: p.posFrom(t.line, t.col), Value: v}
	}
	return p.namedExpression()
}

// namedExpression: NAME ':=' expression | expression !':='.
func (p *parser) namedExpression() Expr {
	t := p.cur()
	if t.kind == tName && p.peekN(1) == tWalrus {
		p.next()
		p.next()
		v := p.expression()
		target := &Name{Position: tokPos(t), Id: p.ident(t), Ctx: Store}
		return &NamedExpr{Position: p.posFrom(t.line, t.col), Target: target, Value: v}
	}
	e := p.expression()
	if p.at(tWalrus) {
		p.failNode(e, "cannot use assignment expressions with %s", exprName(e))
	}
	return e
}

// argExpression is a positional call argument: NAME ':=' expression or
// an expression not followed by ':='. Unlike namedExpression, another
// target before ':=' is plain invalid syntax there, as in CPython.
func (p *parser) argExpression() Expr {
	t := p.cur()
	if t.kind == tName && p.peekN(1) == tWalrus {
		return p.namedExpression()
	}
	e := p.expression()
	if p.at(tWalrus) {
		p.invalidSyntax()
	}
	return e
}

func (p *parser) expression() Expr {
	p.enter()
	defer p.leave()
	if p.at(tLambda) {
		return p.lambdef()
	}
	e := p.disjunction()
	if p.at(tIf) {
		p.next()
		test := p.disjunction()
		if !p.at(tElse) {
			p.failExpectedElse(e)
		}
		p.next()
		orelse := p.expression()
		return &IfExp{Position: p.spanFrom(e), Test: test, Body: e, Orelse: orelse}
	}
	return e
}

func (p *parser) failExpectedElse(e Expr) {
	t := p.cur()
	if t.kind == tNewline || t.kind == tRpar || t.kind == tRsqb || t.kind == tRbrace || t.kind == tComma {
		s := e.Pos()
		p.fail("SyntaxError", s.Lineno, s.ColOffset, t.line, t.col, "expected 'else' after 'if' expression")
	}
	p.invalidSyntax()
}

func (p *parser) yieldExpr() Expr {
	t := p.next()
	if p.accept(tFrom) {
		v := p.expression()
		return &YieldFrom{Position: p.posFrom(t.line, t.col), Value: v}
	}
	var v Expr
	if p.startsExpr() {
		v = p.starExpressions()
	}
	return &Yield{Position: p.posFrom(t.line, t.col), Value: v}
}

func (p *parser) lambdef() Expr {
	t := p.next()
	args := p.parameters(tColon, true)
	p.expect(tColon)
	body := p.expression()
	return &Lambda{Position: p.posFrom(t.line, t.col), Args: args, Body: body}
}

// ---- operators ----

func (p *parser) disjunction() Expr {
	e := p.conjunction()
	if !p.at(tOr) {
		return e
	}
	vals := []Expr{e}
	for p.accept(tOr) {
		vals = append(vals, p.conjunction())
	}
	return &BoolOp{Position: p.spanFrom(e), Op: Or, Values: vals}
}

func (p *parser) conjunction() Expr {
	e := p.inversion()
	if !p.at(tAnd) {
		return e
	}
	vals := []Expr{e}
	for p.accept(tAnd) {
		vals = append(vals, p.inversion())
	}
	return &BoolOp{Position: p.spanFrom(e), Op: And, Values: vals}
}

func (p *parser) inversion() Expr {
	p.enter()
	defer p.leave()
	if p.at(tNot) {
		t := p.next()
		v := p.inversion()
		return &UnaryOp{Position: p.posFrom(t.line, t.col), Op: Not, Operand: v}
	}
	return p.comparison()
}

func (p *parser) comparison() Expr {
	e := p.bitwiseOr()
	var ops []CmpOp
	var cmps []Expr
	for {
		var op CmpOp
		switch p.peek() {
		case tEqEqual:
			op = Eq
		case tNotEq:
			if p.text(p.cur()) != "!=" {
				p.invalidSyntax()
			}
			op = NotEq
		case tLess:
			op = Lt
		case tLessEq:
			op = LtE
		case tGreater:
			op = Gt
		case tGreatEq:
			op = GtE
		case tIn:
			op = In
		case tIs:
			op = Is
			if p.peekN(1) == tNot {
				p.next()
				op = IsNot
			}
		case tNot:
			if p.peekN(1) != tIn {
				goto done
			}
			p.next()
			op = NotIn
		default:
			goto done
		}
		p.next()
		ops = append(ops, op)
		cmps = append(cmps, p.bitwiseOr())
	}
done:
	if ops == nil {
		return e
	}
	return &Compare{Position: p.spanFrom(e), Left: e, Ops: ops, Comparators: cmps}
}

func (p *parser) binLoop(next func() Expr, ops map[tokKind]Operator) Expr {
	e := next()
	for {
		op, ok := ops[p.peek()]
		if !ok {
			return e
		}
		p.next()
		r := next()
		e = &BinOp{Position: p.spanFrom(e), Left: e, Op: op, Right: r}
	}
}

var (
	orOps    = map[tokKind]Operator{tVbar: BitOr}
	xorOps   = map[tokKind]Operator{tCircum: BitXor}
	andOps   = map[tokKind]Operator{tAmper: BitAnd}
	shiftOps = map[tokKind]Operator{tLshift: LShift, tRshift: RShift}
	sumOps   = map[tokKind]Operator{tPlus: Add, tMinus: Sub}
	termOps  = map[tokKind]Operator{tStar: Mult, tSlash: Div, tDSlash: FloorDiv, tPercent: Modulo, tAt: MatMult}
)

func (p *parser) bitwiseOr() Expr  { return p.binLoop(p.bitwiseXor, orOps) }
func (p *parser) bitwiseXor() Expr { return p.binLoop(p.bitwiseAnd, xorOps) }
func (p *parser) bitwiseAnd() Expr { return p.binLoop(p.shiftExpr, andOps) }
func (p *parser) shiftExpr() Expr  { return p.binLoop(p.sum, shiftOps) }
func (p *parser) sum() Expr        { return p.binLoop(p.term, sumOps) }
func (p *parser) term() Expr       { return p.binLoop(p.factor, termOps) }

func (p *parser) factor() Expr {
	p.enter()
	defer p.leave()
	var op UnaryOperator
	switch p.peek() {
	case tPlus:
		op = UAdd
	case tMinus:
		op = USub
	case tTilde:
		op = Invert
	default:
		return p.power()
	}
	t := p.next()
	v := p.factor()
	return &UnaryOp{Position: p.posFrom(t.line, t.col), Op: op, Operand: v}
}

func (p *parser) power() Expr {
	p.enter()
	defer p.leave()
	e := p.awaitPrimary()
	if p.accept(tPow) {
		r := p.factor()
		return &BinOp{Position: p.spanFrom(e), Left: e, Op: Pow, Right: r}
	}
	return e
}

func (p *parser) awaitPrimary() Expr {
	if p.at(tAwait) {
		t := p.next()
		v := p.primary()
		return &Await{Position: p.posFrom(t.line, t.col), Value: v}
	}
	return p.primary()
}

// ---- primaries ----

func (p *parser) primary() Expr {
	e := p.atom()
	for {
		switch p.peek() {
		case tDot:
			p.next()
			name := p.name()
			e = &Attribute{Position: p.spanFrom(e), Value: e, Attr: name}
		case tLpar:
			open := p.next()
			args, kws := p.callArgsOrGenexp(open)
			p.expect(tRpar)
			e = &Call{Position: p.spanFrom(e), Func: e, Args: args, Keywords: kws}
		case tLsqb:
			if p.peekN(1) == tRsqb {
				// "b[]": CPython's error pass reads "b" then "[] ...".
				p.forgotComma(e)
			}
			p.next()
			s := p.slices()
			p.expectCloser(tRsqb, s)
			e = &Subscript{Position: p.spanFrom(e), Value: e, Slice: s}
		default:
			return e
		}
	}
}

// expectCloser expects a closing bracket after an element, with CPython's
// "Perhaps you forgot a comma?" when another expression follows.
func (p *parser) expectCloser(k tokKind, last Expr) {
	if p.at(k) {
		p.next()
		return
	}
	if last != nil {
		if p.at(tEqual) {
			p.checkStrayEqual(last)
		}
		p.forgotComma(last)
	}
	p.invalidSyntax()
}

// forgotComma reports "invalid syntax. Perhaps you forgot a comma?" when
// the current token starts an expression right after expression a inside
// brackets.
func (p *parser) forgotComma(a Expr) {
	if !p.probing() || !p.startsExpr() || p.at(tStar) || p.pos == 0 || p.prev().level == 0 {
		return
	}
	if n, ok := a.(*Name); ok && !p.isParen(a) && (n.Id == "match" || n.Id == "case" || n.Id == "_") {
		return
	}
	if _, ok := a.(*Name); ok && p.at(tString) {
		// CPython's legacy-statement rule parses what follows a name
		// (print "x"), which decodes the strings there.
		save, furthest := p.pos, p.furthest
		p.try(func() { p.starExpressions() })
		p.pos, p.furthest = save, furthest
		return
	}
	save, furthest := p.pos, p.furthest
	var b Expr
	if !p.try(func() { b = p.expression() }) {
		p.pos, p.furthest = save, furthest
		return
	}
	p.pos = save
	s := a.Pos()
	e := b.Pos()
	p.fail("SyntaxError", s.Lineno, s.ColOffset, e.EndLineno, e.EndColOffset, "invalid syntax. Perhaps you forgot a comma?")
}

func (p *parser) slices() Expr {
	t := p.cur()
	e := p.slice()
	if _, ok := e.(*Starred); !ok && !p.at(tComma) {
		return e
	}
	elts := []Expr{e}
	for p.accept(tComma) {
		if p.at(tRsqb) {
			break
		}
		elts = append(elts, p.slice())
	}
	return &Tuple{Position: p.posFrom(t.line, t.col), Elts: elts}
}

func (p *parser) slice() Expr {
	t := p.cur()
	if t.kind == tStar {
		return p.starExpression()
	}
	var lower Expr
	if t.kind != tColon {
		lower = p.namedExpression()
		if !p.at(tColon) {
			return lower
		}
		if _, ok := lower.(*NamedExpr); ok && !p.isParen(lower) {
			p.invalidSyntax()
		}
	}
	p.next()
	s := &Slice{Lower: lower}
	if k := p.peek(); k != tColon && k != tComma && k != tRsqb {
		s.Upper = p.expression()
	}
	if p.accept(tColon) {
		if k := p.peek(); k != tComma && k != tRsqb {
			s.Step = p.expression()
		}
	}
	s.Position = p.posFrom(t.line, t.col)
	return s
}

func (p *parser) atom() Expr {
	t := p.cur()
	switch t.kind {
	case tName:
		p.next()
		return &Name{Position: tokPos(t), Id: p.ident(t), Ctx: Load}
	case tNumber:
		p.next()
		return &Constant{Position: tokPos(t), Value: p.number(t)}
	case tString:
		return p.strings()
	case tNone:
		p.next()
		return &Constant{Position: tokPos(t), Value: nil}
	case tTrue:
		p.next()
		return &Constant{Position: tokPos(t), Value: true}
	case tFalse:
		p.next()
		return &Constant{Position: tokPos(t), Value: false}
	case tEllipsis:
		p.next()
		return &Constant{Position: tokPos(t), Value: Ellipsis}
	case tLpar:
		return p.parenAtom()
	case tLsqb:
		return p.listAtom()
	case tLbrace:
		return p.braceAtom()
	}
	p.invalidSyntax()
	return nil
}

// parenAtom parses a group, tuple, generator expression or (yield).
func (p *parser) parenAtom() Expr {
	open := p.next()
	if p.at(tRpar) {
		p.next()
		return &Tuple{Position: p.posFrom(open.line, open.col), Elts: []Expr{}}
	}
	if p.at(tYield) {
		e := p.yieldExpr()
		p.expect(tRpar)
		p.paren[e] = p.posFrom(open.line, open.col)
		return e
	}
	if p.at(tPow) {
		// CPython's invalid_group: "(**x)" says what is wrong, at the
		// "**"; anything else starting so is plain invalid syntax
		star, save, furthest := p.cur(), p.pos, p.furthest
		p.next()
		if p.try(func() { p.expression() }) && p.at(tRpar) {
			p.failTok(star, "cannot use double starred expression here")
		}
		// the probe's tokens are not where the error is
		p.pos, p.furthest = save, furthest
	}
	first := p.starNamedExpression()
	switch p.peek() {
	case tFor, tAsync:
		if _, ok := first.(*Starred); ok {
			p.failNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehensions()
		p.expectCloser(tRpar, nil)
		return &GeneratorExp{Position: p.posFrom(open.line, open.col), Elt: first, Generators: gens}
	case tRpar:
		p.next()
		if _, ok := first.(*Starred); ok {
			p.failNode(first, "cannot use starred expression here")
		}
		p.paren[first] = p.posFrom(open.line, open.col)
		return first
	case tComma:
		elts := []Expr{first}
		for p.accept(tComma) {
			if p.at(tRpar) {
				break
			}
			elts = append(elts, p.starNamedExpression())
		}
		p.expectCloser(tRpar, elts[len(elts)-1])
		return &Tuple{Position: p.posFrom(open.line, open.col), Elts: elts}
	}
	if p.at(tEqual) {
		p.checkStrayEqual(first)
	}
	p.expectCloser(tRpar, first)
	return nil
}

func (p *parser) listAtom() Expr {
	open := p.next()
	if p.at(tRsqb) {
		p.next()
		return &List{Position: p.posFrom(open.line, open.col), Elts: []Expr{}}
	}
	first := p.starNamedExpression()
	if k := p.peek(); k == tFor || k == tAsync {
		if _, ok := first.(*Starred); ok {
			p.failNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehensions()
		p.expectCloser(tRsqb, nil)
		return &ListComp{Position: p.posFrom(open.line, open.col), Elt: first, Generators: gens}
	}
	elts := []Expr{first}
	for p.accept(tComma) {
		if p.at(tRsqb) {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	if p.at(tEqual) && len(elts) == 1 {
		p.checkStrayEqual(first)
	}
	p.expectCloser(tRsqb, elts[len(elts)-1])
	return &List{Position: p.posFrom(open.line, open.col), Elts: elts}
}

func (p *parser) braceAtom() Expr {
	open := p.next()
	if p.at(tRbrace) {
		p.next()
		return &Dict{Position: p.posFrom(open.line, open.col), Keys: []Expr{}, Values: []Expr{}}
	}
	var keys, vals []Expr
	if p.at(tPow) {
		p.next()
		keys = append(keys, nil)
		vals = append(vals, p.bitwiseOr())
	} else {
		first := p.starNamedExpression()
		if !p.at(tColon) {
			// a set
			if k := p.peek(); k == tFor || k == tAsync {
				if _, ok := first.(*Starred); ok {
					p.failNode(first, "iterable unpacking cannot be used in comprehension")
				}
				gens := p.comprehensions()
				p.expectCloser(tRbrace, nil)
				return &SetComp{Position: p.posFrom(open.line, open.col), Elt: first, Generators: gens}
			}
			elts := []Expr{first}
			for p.accept(tComma) {
				if p.at(tRbrace) {
					break
				}
				elts = append(elts, p.starNamedExpression())
			}
			p.expectCloser(tRbrace, elts[len(elts)-1])
			return &Set{Position: p.posFrom(open.line, open.col), Elts: elts}
		}
		switch first.(type) {
		case *Starred, *NamedExpr:
			if !p.isParen(first) {
				p.invalidSyntax()
			}
		}
		p.next()
		v := p.expression()
		if k := p.peek(); k == tFor || k == tAsync {
			gens := p.comprehensions()
			p.expectCloser(tRbrace, nil)
			return &DictComp{Position: p.posFrom(open.line, open.col), Key: first, Value: v, Generators: gens}
		}
		keys = append(keys, first)
		vals = append(vals, v)
	}
	for p.accept(tComma) {
		if p.at(tRbrace) {
			break
		}
		if p.accept(tPow) {
			keys = append(keys, nil)
			vals = append(vals, p.bitwiseOr())
			continue
		}
		k := p.expression()
		if !p.at(tColon) {
			if p.at(tRbrace) || p.at(tComma) {
				t := p.cur()
				s := k.Pos()
				p.fail("SyntaxError", s.Lineno, s.ColOffset, t.line, t.col, "':' expected after dictionary key")
			}
			p.invalidSyntax()
		}
		p.next()
		keys = append(keys, k)
		vals = append(vals, p.expression())
	}
	p.expectCloser(tRbrace, vals[len(vals)-1])
	return &Dict{Position: p.posFrom(open.line, open.col), Keys: keys, Values: vals}
}

// comprehensions parses for_if_clauses.
func (p *parser) comprehensions() []*Comprehension {
	var out []*Comprehension
	for p.at(tFor) || p.at(tAsync) && p.peekN(1) == tFor {
		c := &Comprehension{Ifs: []Expr{}}
		if p.accept(tAsync) {
			c.IsAsync = 1
		}
		p.next()
		c.Target = p.forTarget()
		p.expect(tIn)
		c.Iter = p.disjunction()
		for p.accept(tIf) {
			c.Ifs = append(c.Ifs, p.disjunction())
		}
		out = append(out, c)
	}
	return out
}

// ---- calls ----

// callArgsOrGenexp parses a call's arguments after '(' (open), including
// the f(x for x in y) form.
func (p *parser) callArgsOrGenexp(open *token) ([]Expr, []*Keyword) {
	if p.at(tRpar) {
		return []Expr{}, []*Keyword{}
	}
	t := p.cur()
	if t.kind != tStar && t.kind != tPow && !(t.kind == tName && p.peekN(1) == tEqual) {
		save := p.pos
		first := p.argExpression()
		if k := p.peek(); k == tFor || k == tAsync && p.peekN(1) == tFor {
			gens := p.comprehensions()
			if p.at(tComma) {
				p.failGenexpParens(first, gens)
			}
			if !p.at(tRpar) {
				p.invalidSyntax()
			}
			end := p.cur()
			g := &GeneratorExp{Position: Position{open.line, open.col, end.endLine, end.endCol}, Elt: first, Generators: gens}
			return []Expr{g}, []*Keyword{}
		}
		p.pos = save
	}
	return p.callArgs()
}

func (p *parser) failGenexpParens(first Expr, gens []*Comprehension) {
	last := gens[len(gens)-1]
	end := last.Iter.Pos()
	if len(last.Ifs) > 0 {
		end = last.Ifs[len(last.Ifs)-1].Pos()
	}
	s := first.Pos()
	p.fail("SyntaxError", s.Lineno, s.ColOffset, end.EndLineno, end.EndColOffset, "Generator expression must be parenthesized")
}

// callArgs parses arguments up to (not including) ')'.
func (p *parser) callArgs() ([]Expr, []*Keyword) {
	args := []Expr{}
	kws := []*Keyword{}
	sawKw, sawDStar := false, false
	firstTok := p.cur()
	pending := "" // CPython reports these after the whole argument list
	for !p.at(tRpar) {
		t := p.cur()
		switch {
		case t.kind == tStar:
			p.next()
			v := p.expression()
			if sawDStar {
				p.failTok(firstTok, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &Starred{Position: p.posFrom(t.line, t.col), Value: v})
		case t.kind == tPow:
			p.next()
			v := p.expression()
			kws = append(kws, &Keyword{Position: p.posFrom(t.line, t.col), Value: v})
			sawDStar = true
		case t.kind == tName && p.peekN(1) == tEqual:
			p.next()
			p.next()
			v := p.expression()
			kws = append(kws, &Keyword{Position: p.posFrom(t.line, t.col), Arg: p.ident(t), Value: v})
			sawKw = true
		default:
			e := p.argExpression()
			if k := p.peek(); k == tFor || k == tAsync && p.peekN(1) == tFor {
				gens := p.comprehensions()
				p.failGenexpParens(e, gens)
			}
			if p.at(tEqual) {
				p.badKeyword(e)
			}
			if pending == "" && sawDStar {
				pending = "positional argument follows keyword argument unpacking"
			}
			if pending == "" && sawKw {
				pending = "positional argument follows keyword argument"
			}
			args = append(args, e)
		}
		if !p.accept(tComma) {
			if !p.at(tRpar) {
				var last Expr
				if len(kws) > 0 && (len(args) == 0 || kws[len(kws)-1].Pos().EndLineno > 0 && after(kws[len(kws)-1].Value, args[len(args)-1])) {
					last = kws[len(kws)-1].Value
				} else if len(args) > 0 {
					last = args[len(args)-1]
				}
				if last != nil {
					p.forgotComma(last)
				}
				p.invalidSyntax()
			}
			break
		}
	}
	if pending != "" {
		p.failTok(p.cur(), "%s", pending)
	}
	return args, kws
}

func after(a, b Expr) bool {
	x, y := a.Pos(), b.Pos()
	return x.Lineno > y.Lineno || x.Lineno == y.Lineno && x.ColOffset > y.ColOffset
}

// badKeyword reports "f(a.b=1)"-style errors.
func (p *parser) badKeyword(e Expr) {
	if c, ok := e.(*Constant); ok {
		switch c.Value.(type) {
		case nil, bool:
			p.failNode(e, "cannot assign to %s", exprName(e))
		}
	}
	eq := p.cur()
	s := e.Pos()
	p.fail("SyntaxError", s.Lineno, s.ColOffset, eq.endLine, eq.endCol, "expression cannot contain assignment, perhaps you meant \"==\"?")
}

// ---- parameters ----

// parameters parses a def or lambda parameter list up to closer.
func (p *parser) parameters(closer tokKind, lambda bool) *Arguments {
	a := &Arguments{Posonlyargs: []*Arg{}, Args: []*Arg{}, Kwonlyargs: []*Arg{}, KwDefaults: []Expr{}, Defaults: []Expr{}}
	star := false // after * or *args
	sawSlash := false
	for !p.at(closer) {
		t := p.cur()
		switch t.kind {
		case tSlash:
			if sawSlash {
				p.failTok(t, "/ may appear only once")
			}
			if star {
				p.failTok(t, "/ must be ahead of *")
			}
			if len(a.Args) == 0 {
				p.failTok(t, "at least one argument must precede /")
			}
			p.next()
			sawSlash = true
			a.Posonlyargs, a.Args = a.Args, []*Arg{}
		case tStar:
			if star {
				p.failTok(t, "* argument may appear only once")
			}
			p.next()
			star = true
			if p.at(tComma) || p.at(closer) {
				if p.at(closer) || p.peekN(1) == closer || p.peekN(1) == tPow {
					p.failTok(t, "named arguments must follow bare *")
				}
			} else {
				a.Vararg = p.param(lambda, true)
				if p.at(tEqual) {
					p.failTok(p.cur(), "var-positional argument cannot have default value")
				}
			}
		case tPow:
			p.next()
			a.Kwarg = p.param(lambda, false)
			if p.at(tEqual) {
				p.failTok(p.cur(), "var-keyword argument cannot have default value")
			}
			if p.accept(tComma) && !p.at(closer) {
				p.failTok(p.cur(), "arguments cannot follow var-keyword argument")
			}
			if !p.at(closer) {
				p.invalidSyntax()
			}
			return a
		default:
			arg := p.param(lambda, false)
			var def Expr
			if p.accept(tEqual) {
				if p.at(tComma) || p.at(closer) {
					p.failTok(p.prev(), "expected default value expression")
				}
				def = p.expression()
			}
			if !p.at(tComma) && !p.at(closer) {
				if def != nil {
					p.forgotComma(def)
				} else if arg.Annotation != nil {
					p.forgotComma(arg.Annotation)
				}
			}
			if star {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				if def != nil {
					a.Defaults = append(a.Defaults, def)
				} else if len(a.Defaults) > 0 {
					p.failNode(arg, "non-default argument follows default argument")
				}
				a.Args = append(a.Args, arg)
			}
		}
		if !p.accept(tComma) {
			break
		}
	}
	if !p.at(closer) {
		p.invalidSyntax()
	}
	return a
}

func (p *parser) param(lambda, starAnn bool) *Arg {
	t := p.cur()
	if t.kind != tName {
		p.invalidSyntax()
	}
	p.next()
	a := &Arg{Arg: p.ident(t)}
	if !lambda && p.accept(tColon) {
		if starAnn && p.at(tStar) {
			a.Annotation = p.starExpression()
		} else {
			a.Annotation = p.expression()
		}
	}
	a.Position = p.posFrom(t.line, t.col)
	return a
}

func (p *parser) isSoftKeywordTok(t *token) bool {
	return p.isName(t, "match") || p.isName(t, "case") || p.isName(t, "_")
}
