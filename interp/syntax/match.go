package syntax

// tryMatchStmt parses a match statement if the tokens at "match" start
// one (match is a soft keyword), else returns nil with nothing consumed.
func (p *parser) tryMatchStmt() Stmt {
	save := p.pos
	mt := p.cur()
	var subject Expr
	ok := p.try(func() {
		p.next()
		subject = p.subjectExpr()
		if !p.at(tColon) {
			p.invalidSyntax()
		}
	})
	if !ok {
		p.pos = save
		return nil
	}
	p.next()
	if !p.at(tNewline) {
		p.invalidSyntax()
	}
	p.next()
	if !p.at(tIndent) {
		t := p.cur()
		p.failNoLoc("IndentationError", t, "expected an indented block after 'match' statement on line %d", mt.line)
	}
	p.next()
	var cases []*MatchCase
	for !p.at(tDedent) && !p.at(tEOF) {
		cases = append(cases, p.caseBlock())
	}
	if len(cases) == 0 {
		p.invalidSyntax()
	}
	p.accept(tDedent)
	end := p.blockEnd()
	return &Match{Position: span(tokPos(mt), end), Subject: subject, Cases: cases}
}

func (p *parser) subjectExpr() Expr {
	t := p.cur()
	first := p.starNamedExpression()
	if !p.at(tComma) {
		if _, ok := first.(*Starred); ok {
			p.invalidSyntax()
		}
		return first
	}
	elts := []Expr{first}
	for p.accept(tComma) {
		if p.at(tColon) {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	return &Tuple{Position: p.posFrom(t.line, t.col), Elts: elts}
}

func (p *parser) caseBlock() *MatchCase {
	ct := p.cur()
	if !p.isName(ct, "case") {
		p.invalidSyntax()
	}
	p.next()
	c := &MatchCase{Pattern: p.patterns()}
	if p.accept(tIf) {
		c.Guard = p.namedExpression()
	}
	p.colon(false)
	c.Body = p.block("'case' statement", ct.line)
	return c
}

func (p *parser) patterns() Pattern {
	t := p.cur()
	first := p.maybeStarPattern()
	if !p.at(tComma) {
		if _, ok := first.(*MatchStar); ok {
			p.invalidSyntax()
		}
		return first
	}
	pats := []Pattern{first}
	for p.accept(tComma) {
		if p.at(tColon) || p.at(tIf) {
			break
		}
		pats = append(pats, p.maybeStarPattern())
	}
	return &MatchSequence{Position: p.posFrom(t.line, t.col), Patterns: pats}
}

func (p *parser) maybeStarPattern() Pattern {
	if p.at(tStar) {
		t := p.next()
		n := p.cur()
		if n.kind != tName {
			p.invalidSyntax()
		}
		p.next()
		name := p.ident(n)
		if name == "_" {
			name = ""
		}
		return &MatchStar{Position: p.posFrom(t.line, t.col), Name: name}
	}
	return p.pattern()
}

func (p *parser) pattern() Pattern {
	t := p.cur()
	or := p.orPattern()
	if !p.at(tAs) {
		return or
	}
	p.next()
	n := p.cur()
	if n.kind != tName {
		p.invalidSyntax()
	}
	if p.text(n) == "_" {
		p.failTok(n, "cannot use '_' as a target")
	}
	p.next()
	if k := p.peek(); k == tDot || k == tLpar || k == tEqual {
		p.invalidSyntax()
	}
	return &MatchAs{Position: p.posFrom(t.line, t.col), Pattern: or, Name: p.ident(n)}
}

func (p *parser) orPattern() Pattern {
	t := p.cur()
	first := p.closedPattern()
	if !p.at(tVbar) {
		return first
	}
	pats := []Pattern{first}
	for p.accept(tVbar) {
		pats = append(pats, p.closedPattern())
	}
	return &MatchOr{Position: p.posFrom(t.line, t.col), Patterns: pats}
}

func (p *parser) closedPattern() Pattern {
	p.enter()
	defer p.leave()
	t := p.cur()
	switch t.kind {
	case tNumber, tMinus:
		v := p.signedNumberOrComplex()
		return &MatchValue{Position: v.Pos(), Value: v}
	case tString:
		v := p.strings()
		if _, ok := v.(*JoinedStr); ok {
			p.failNode(v, "patterns may only match literals and attribute lookups")
		}
		return &MatchValue{Position: v.Pos(), Value: v}
	case tNone:
		p.next()
		return &MatchSingleton{Position: tokPos(t), Value: nil}
	case tTrue:
		p.next()
		return &MatchSingleton{Position: tokPos(t), Value: true}
	case tFalse:
		p.next()
		return &MatchSingleton{Position: tokPos(t), Value: false}
	case tName:
		var e Expr = &Name{Position: tokPos(t), Id: p.ident(t), Ctx: Load}
		p.next()
		dotted := false
		for p.at(tDot) {
			p.next()
			attr := p.name()
			e = &Attribute{Position: p.posFrom(t.line, t.col), Value: e, Attr: attr, Ctx: Load}
			dotted = true
		}
		if p.at(tLpar) {
			return p.classPattern(e)
		}
		if dotted {
			if p.at(tEqual) {
				p.invalidSyntax()
			}
			return &MatchValue{Position: e.Pos(), Value: e}
		}
		if p.at(tEqual) {
			p.invalidSyntax()
		}
		if p.text(t) == "_" {
			return &MatchAs{Position: tokPos(t)}
		}
		return &MatchAs{Position: tokPos(t), Name: p.ident(t)}
	case tLpar:
		p.next()
		if p.accept(tRpar) {
			return &MatchSequence{Position: p.posFrom(t.line, t.col), Patterns: []Pattern{}}
		}
		first := p.maybeStarPattern()
		if p.at(tRpar) {
			if _, ok := first.(*MatchStar); !ok {
				p.next()
				return first
			}
			p.invalidSyntax()
		}
		if !p.at(tComma) {
			p.invalidSyntax()
		}
		pats := []Pattern{first}
		for p.accept(tComma) {
			if p.at(tRpar) {
				break
			}
			pats = append(pats, p.maybeStarPattern())
		}
		p.expect(tRpar)
		return &MatchSequence{Position: p.posFrom(t.line, t.col), Patterns: pats}
	case tLsqb:
		p.next()
		pats := []Pattern{}
		for !p.at(tRsqb) {
			pats = append(pats, p.maybeStarPattern())
			if !p.accept(tComma) {
				break
			}
		}
		p.expect(tRsqb)
		return &MatchSequence{Position: p.posFrom(t.line, t.col), Patterns: pats}
	case tLbrace:
		return p.mappingPattern()
	}
	p.invalidSyntax()
	return nil
}

// signedNumberOrComplex parses signed_number or complex_number.
func (p *parser) signedNumberOrComplex() Expr {
	t := p.cur()
	var real Expr
	if t.kind == tMinus {
		p.next()
		n := p.cur()
		if n.kind != tNumber {
			p.invalidSyntax()
		}
		p.next()
		c := &Constant{Position: tokPos(n), Value: p.number(n)}
		real = &UnaryOp{Position: p.posFrom(t.line, t.col), Op: USub, Operand: c}
	} else {
		p.next()
		real = &Constant{Position: tokPos(t), Value: p.number(t)}
	}
	if k := p.peek(); k != tPlus && k != tMinus {
		return real
	}
	if isImag(real) {
		p.failNode(real, "real number required in complex literal")
	}
	op := Add
	if p.next().kind == tMinus {
		op = Sub
	}
	n := p.cur()
	if n.kind != tNumber {
		p.invalidSyntax()
	}
	p.next()
	imag := &Constant{Position: tokPos(n), Value: p.number(n)}
	if !isImag(imag) {
		p.failNode(imag, "imaginary number required in complex literal")
	}
	return &BinOp{Position: p.posFrom(t.line, t.col), Left: real, Op: op, Right: imag}
}

func isImag(e Expr) bool {
	if u, ok := e.(*UnaryOp); ok {
		e = u.Operand
	}
	c, ok := e.(*Constant)
	if !ok {
		return false
	}
	_, ok = c.Value.(complex128)
	return ok
}

func (p *parser) mappingPattern() Pattern {
	t := p.next()
	m := &MatchMapping{Keys: []Expr{}, Patterns: []Pattern{}}
	for !p.at(tRbrace) {
		if p.at(tPow) {
			p.next()
			n := p.cur()
			// The rest must be a capture target: "**_" is invalid.
			if n.kind != tName || p.text(n) == "_" {
				p.invalidSyntax()
			}
			p.next()
			m.Rest = p.ident(n)
			p.accept(tComma)
			if !p.at(tRbrace) {
				p.invalidSyntax()
			}
			break
		}
		m.Keys = append(m.Keys, p.mappingKey())
		p.expect(tColon)
		m.Patterns = append(m.Patterns, p.pattern())
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(tRbrace)
	m.Position = p.posFrom(t.line, t.col)
	return m
}

func (p *parser) mappingKey() Expr {
	t := p.cur()
	switch t.kind {
	case tNumber, tMinus:
		return p.signedNumberOrComplex()
	case tString:
		v := p.strings()
		if _, ok := v.(*JoinedStr); ok {
			p.failNode(v, "patterns may only match literals and attribute lookups")
		}
		return v
	case tNone:
		p.next()
		return &Constant{Position: tokPos(t), Value: nil}
	case tTrue:
		p.next()
		return &Constant{Position: tokPos(t), Value: true}
	case tFalse:
		p.next()
		return &Constant{Position: tokPos(t), Value: false}
	case tName:
		var e Expr = &Name{Position: tokPos(t), Id: p.ident(t), Ctx: Load}
		p.next()
		if !p.at(tDot) {
			p.invalidSyntax()
		}
		for p.accept(tDot) {
			attr := p.name()
			e = &Attribute{Position: p.posFrom(t.line, t.col), Value: e, Attr: attr, Ctx: Load}
		}
		return e
	}
	p.invalidSyntax()
	return nil
}

func (p *parser) classPattern(cls Expr) Pattern {
	p.next() // (
	m := &MatchClass{Cls: cls, Patterns: []Pattern{}, KwdAttrs: []string{}, KwdPatterns: []Pattern{}}
	for !p.at(tRpar) {
		t := p.cur()
		if t.kind == tName && p.peekN(1) == tEqual {
			p.next()
			p.next()
			m.KwdAttrs = append(m.KwdAttrs, p.ident(t))
			m.KwdPatterns = append(m.KwdPatterns, p.pattern())
		} else {
			pat := p.pattern()
			if len(m.KwdAttrs) > 0 {
				p.failNode(pat, "positional patterns follow keyword patterns")
			}
			m.Patterns = append(m.Patterns, pat)
		}
		if !p.accept(tComma) {
			break
		}
	}
	p.expect(tRpar)
	m.Position = p.spanFrom(cls)
	return m
}
