package xmlparse

import (
	"strings"
	"unicode/utf8"
)

// Prolog states: where we are in the prolog and the document type
// declaration. Each complete token moves the state on, as expat's role
// machine does, so that declaration handlers fire on the token that
// completes them and the tokens no handler takes go to the default
// handler one by one.
const (
	psInit     = iota // document start: an XML declaration may come
	psMisc0           // before the document type declaration
	psMisc1           // after it
	psDoctype0        // <!DOCTYPE: name
	psDoctype1        // after the name
	psDoctype2        // after PUBLIC: public id
	psDoctype3        // after SYSTEM or the public id: system id
	psDoctype4        // after the external id
	psDoctype5        // after the internal subset: >
	psSubset
	psEntity0 // <!ENTITY: % or name
	psEntity1 // after %: name
	psEntity2 // after a general entity's name
	psEntity3 // public id
	psEntity4 // system id
	psEntity5 // after a general entity's external id: > or NDATA
	psEntity6 // after NDATA: notation name
	psDeclClose
	psAttlist0 // element name
	psAttlist1 // attribute name or >
	psAttlist2 // attribute type
	psAttlist3 // enumeration: value
	psAttlist4 // enumeration: | or )
	psAttlist5 // after NOTATION: (
	psAttlist6 // notation enumeration: name
	psAttlist7 // notation enumeration: | or )
	psAttlist8 // default
	psAttlist9 // after #FIXED: literal
	psElement0 // name
	psElement1 // EMPTY, ANY or (
	psElement2 // after the first (: #PCDATA, ( or a name
	psElement3 // after #PCDATA: ) )* or |
	psElement4 // mixed: name
	psElement5 // mixed: | or )*
	psElement6 // children: ( or a name
	psElement7 // children: after a particle
	psNotation0
	psNotation1 // SYSTEM or PUBLIC
	psNotation2 // public id
	psNotation3 // system id after SYSTEM
	psNotation4 // after the public id: system id or >
)

// kinds of declaration, for default reporting
const (
	dkNone = iota
	dkDoctype
	dkEntity
	dkAttlist
	dkElement
	dkNotation
)

type declState struct {
	kind int

	doctypeName    string
	doctypeSys     *string
	doctypePub     *string
	doctypeStarted bool

	entName string
	entPE   bool
	entPub  *string
	entSys  *string
	ent     *entity // nil when the declaration is ignored

	attElem string
	attName string
	attType []byte
	isCdata bool

	elemName string
	groups   []*Content // open groups of a content model
	seps     []byte     // each group's separator (0, '|' or ',')
	mixed    *Content

	notName string
	notPub  *string
}

func (p *Parser) doProlog() error {
	for {
		b := p.buf
		i := p.pos
		tok, next, trailing := p.z.prologTok(b, i)
		p.event(i, next)
		if trailing && !p.final {
			return nil
		}
		switch tok {
		case tokNone:
			if !p.final {
				return nil
			}
			if p.extSubset && p.ps == psSubset {
				return nil
			}
			return p.errAt(ErrNoElements, i)
		case tokPartial:
			if !p.final {
				return nil
			}
			return p.errAt(ErrUnclosedToken, i)
		case tokPartialChar:
			if !p.final {
				return nil
			}
			return p.errAt(ErrPartialChar, i)
		case tokInvalid:
			return p.errAt(ErrInvalidToken, next)
		}
		p.direct += int64(next - i)
		if tok == tokXMLDecl && p.extSubset && p.bufOff+int64(i) == 0 {
			if err := p.xmlDecl(b, i, next); err != nil {
				return err
			}
			p.pos = next
			continue
		}
		if tok == tokInstanceStart {
			if p.ps != psInit && p.ps != psMisc0 && p.ps != psMisc1 {
				return p.errAt(ErrSyntax, i)
			}
			p.ps = psMisc1
			p.setState(p.contentState())
			return nil
		}
		if err := p.prologToken(b, i, tok, next); err != nil {
			return err
		}
		p.pos = next
	}
}

func (p *Parser) doEpilog() error {
	for {
		b := p.buf
		i := p.pos
		tok, next, trailing := p.z.prologTok(b, i)
		p.event(i, next)
		switch tok {
		case tokNone:
			return nil
		case tokPartial:
			if !p.final {
				return nil
			}
			return p.errAt(ErrUnclosedToken, i)
		case tokPartialChar:
			if !p.final {
				return nil
			}
			return p.errAt(ErrPartialChar, i)
		case tokInvalid:
			return p.errAt(ErrInvalidToken, next)
		case tokPrologS:
			if err := p.reportDefault(b[i:next]); err != nil {
				return err
			}
			if trailing {
				// a \r at the end of the input is taken at once (it may be
				// the last character), and expat leaves its position
				// before it
				p.pos = next
				return nil
			}
		case tokComment:
			if err := p.comment(b, i, next); err != nil {
				return err
			}
		case tokPI:
			if err := p.pi(b, i, next); err != nil {
				return err
			}
		default:
			return p.errAt(ErrJunkAfterDocElement, i)
		}
		p.direct += int64(next - i)
		p.pos = next
	}
}

func (p *Parser) comment(b []byte, i, next int) error {
	if p.H.Comment != nil {
		return p.H.Comment(p.normalizeLines(b[i+4 : next-3]))
	}
	return p.reportDefault(b[i:next])
}

// declHandled reports whether the current declaration's handler is set
// (its tokens then do not go to the default handler).
func (p *Parser) declHandled() bool {
	switch p.decl.kind {
	case dkDoctype:
		return p.H.StartDoctypeDecl != nil
	case dkEntity:
		return p.keepProc && (p.H.EntityDecl != nil || p.H.UnparsedEntityDecl != nil)
	case dkAttlist:
		return p.keepProc && p.H.AttlistDecl != nil
	case dkElement:
		return p.H.ElementDecl != nil
	case dkNotation:
		return p.H.NotationDecl != nil
	}
	return false
}

// literal returns a literal token's text without its quotes.
func literal(b []byte, i, next int) []byte { return b[i+1 : next-1] }

func isKeyword(b []byte, kw string) bool { return string(b) == kw }

// prologToken advances the prolog's state machine by one token.
func (p *Parser) prologToken(b []byte, i, tok, next int) error {
	d := &p.decl
	text := b[i:next]
	handled := false
	syntax := func() error { return p.errAt(ErrSyntax, i) }
	if tok == tokPrologS {
		if d.kind != dkNone && p.ps != psMisc0 && p.ps != psMisc1 && p.ps != psSubset && p.ps != psInit {
			handled = p.declHandled()
		}
		if p.ps == psInit {
			p.ps = psMisc0
		}
		if !handled {
			return p.reportDefault(text)
		}
		return nil
	}
	if tok == tokXMLDecl {
		if p.ps != psInit {
			return p.errAt(ErrMisplacedXMLPI, i)
		}
		p.ps = psMisc0
		return p.xmlDecl(b, i, next)
	}
	switch p.ps {
	case psInit, psMisc0, psMisc1:
		if p.ps == psInit {
			p.ps = psMisc0
		}
		switch tok {
		case tokComment:
			return p.comment(b, i, next)
		case tokPI:
			return p.pi(b, i, next)
		case tokDeclOpen:
			if p.ps == psMisc0 && isKeyword(text[2:], "DOCTYPE") {
				p.ps = psDoctype0
				*d = declState{kind: dkDoctype}
				handled = p.declHandled()
				break
			}
			return syntax()
		default:
			return syntax()
		}
	case psDoctype0:
		if tok != tokName {
			return syntax()
		}
		d.doctypeName = string(text)
		p.sawDoctype = true
		p.ps = psDoctype1
		handled = p.declHandled()
	case psDoctype1, psDoctype4:
		switch {
		case tok == tokOpenBracket:
			if err := p.startDoctype(true); err != nil {
				return err
			}
			p.ps = psSubset
			handled = p.H.StartDoctypeDecl != nil
		case tok == tokDeclClose:
			return p.endDoctype(b, i, next)
		case p.ps == psDoctype1 && tok == tokName && isKeyword(text, "SYSTEM"):
			p.ps = psDoctype3
			handled = p.declHandled()
		case p.ps == psDoctype1 && tok == tokName && isKeyword(text, "PUBLIC"):
			p.ps = psDoctype2
			handled = p.declHandled()
		default:
			return syntax()
		}
	case psDoctype2:
		if tok != tokLiteral {
			return syntax()
		}
		pub, bad := publicID(literal(b, i, next))
		if bad >= 0 {
			return p.errAt(ErrPublicID, i+1+bad)
		}
		d.doctypePub = &pub
		p.ps = psDoctype3
		handled = p.declHandled()
	case psDoctype3:
		if tok != tokLiteral {
			return syntax()
		}
		d.doctypeSys = strp(string(literal(b, i, next)))
		p.doctypeSysid = true
		p.hasPERefs = true
		p.ps = psDoctype4
		handled = p.declHandled()
		if !p.standalone && p.peParsing == ParamEntityParsingNever && p.H.NotStandalone != nil {
			ok, err := p.H.NotStandalone()
			if err != nil {
				return err
			}
			if !ok {
				return p.errAt(ErrNotStandalone, i)
			}
		}
	case psDoctype5:
		if tok != tokDeclClose {
			return syntax()
		}
		return p.endDoctype(b, i, next)
	case psSubset:
		d.kind = dkNone
		switch tok {
		case tokComment:
			return p.comment(b, i, next)
		case tokPI:
			return p.pi(b, i, next)
		case tokCloseBracket:
			p.ps = psDoctype5
			d.kind = dkDoctype
			handled = p.H.StartDoctypeDecl != nil
		case tokParamEntityRef:
			p.hasPERefs = true
			if !p.standalone {
				p.keepProc = false
			}
			if e := p.params[string(text[1:len(text)-1])]; e == nil || !e.internal || p.peParsing == ParamEntityParsingNever {
				if p.H.SkippedEntity != nil && p.peParsing != ParamEntityParsingNever {
					if err := p.H.SkippedEntity(string(text[1:len(text)-1]), true); err != nil {
						return err
					}
					handled = true
				}
			}
			if !p.standalone && p.H.NotStandalone != nil {
				ok, err := p.H.NotStandalone()
				if err != nil {
					return err
				}
				if !ok {
					return p.errAt(ErrNotStandalone, i)
				}
			}
		case tokDeclOpen:
			switch string(text[2:]) {
			case "ENTITY":
				p.ps = psEntity0
				*d = declState{kind: dkEntity, doctypeName: d.doctypeName, doctypeStarted: d.doctypeStarted}
			case "ATTLIST":
				p.ps = psAttlist0
				*d = declState{kind: dkAttlist, doctypeName: d.doctypeName, doctypeStarted: d.doctypeStarted}
			case "ELEMENT":
				p.ps = psElement0
				*d = declState{kind: dkElement, doctypeName: d.doctypeName, doctypeStarted: d.doctypeStarted}
			case "NOTATION":
				p.ps = psNotation0
				*d = declState{kind: dkNotation, doctypeName: d.doctypeName, doctypeStarted: d.doctypeStarted}
			default:
				return syntax()
			}
			handled = p.declHandled()
		default:
			return syntax()
		}
	case psEntity0:
		switch tok {
		case tokPercent:
			d.entPE = true
			p.ps = psEntity1
		case tokName:
			d.entName = string(text)
			p.declareEntity()
			p.ps = psEntity2
		default:
			return syntax()
		}
		handled = p.declHandled()
	case psEntity1:
		if tok != tokName {
			return syntax()
		}
		d.entName = string(text)
		p.declareEntity()
		p.ps = psEntity2
		handled = p.declHandled()
	case psEntity2:
		switch {
		case tok == tokLiteral:
			// on an error expat still declares the entity with the value
			// up to the error (and reports it there) before failing
			val, code, at := p.entityValue(b, i+1, next-1)
			if code != ErrNone {
				p.event(at, at)
			}
			handled = p.declHandled()
			if d.ent != nil {
				d.ent.text = val
				d.ent.internal = true
				if p.H.EntityDecl != nil {
					if err := p.H.EntityDecl(d.entName, d.entPE, strp(val), p.base, nil, nil, nil); err != nil {
						return err
					}
				} else {
					handled = false
				}
			}
			if code != ErrNone {
				return p.errAt(code, at)
			}
			p.ps = psDeclClose
		case tok == tokName && isKeyword(text, "SYSTEM"):
			p.ps = psEntity4
			handled = p.declHandled()
		case tok == tokName && isKeyword(text, "PUBLIC"):
			p.ps = psEntity3
			handled = p.declHandled()
		default:
			return syntax()
		}
	case psEntity3:
		if tok != tokLiteral {
			return syntax()
		}
		pub, bad := publicID(literal(b, i, next))
		if bad >= 0 {
			return p.errAt(ErrPublicID, i+1+bad)
		}
		d.entPub = &pub
		p.ps = psEntity4
		handled = p.declHandled()
	case psEntity4:
		if tok != tokLiteral {
			return syntax()
		}
		d.entSys = strp(string(literal(b, i, next)))
		if d.ent != nil {
			d.ent.sysid = d.entSys
			d.ent.pubid = d.entPub
			d.ent.base = p.base
		}
		p.ps = psEntity5
		handled = p.declHandled()
	case psEntity5:
		switch {
		case tok == tokDeclClose:
			p.ps = psSubset
			handled = p.declHandled()
			if d.ent != nil && p.H.EntityDecl != nil {
				if err := p.H.EntityDecl(d.entName, d.entPE, nil, p.base, d.entSys, d.entPub, nil); err != nil {
					return err
				}
			} else {
				handled = false
			}
			d.kind = dkNone
		case tok == tokName && isKeyword(text, "NDATA") && !d.entPE:
			p.ps = psEntity6
			handled = p.declHandled()
		default:
			return syntax()
		}
	case psEntity6:
		if tok != tokName {
			return syntax()
		}
		notation := string(text)
		p.ps = psDeclClose
		handled = p.declHandled()
		if d.ent != nil {
			d.ent.notation = notation
			switch {
			case p.H.UnparsedEntityDecl != nil:
				if err := p.H.UnparsedEntityDecl(d.entName, p.base, d.entSys, d.entPub, notation); err != nil {
					return err
				}
			case p.H.EntityDecl != nil:
				if err := p.H.EntityDecl(d.entName, false, nil, p.base, d.entSys, d.entPub, &notation); err != nil {
					return err
				}
			default:
				handled = false
			}
		}
	case psDeclClose:
		if tok != tokDeclClose {
			return syntax()
		}
		handled = p.declHandled()
		if d.kind == dkElement && p.H.ElementDecl == nil {
			handled = false
		}
		p.ps = psSubset
		d.kind = dkNone
	case psAttlist0:
		if tok != tokName {
			return syntax()
		}
		d.attElem = string(text)
		p.ps = psAttlist1
		handled = p.declHandled()
	case psAttlist1:
		switch tok {
		case tokDeclClose:
			handled = p.declHandled()
			p.ps = psSubset
			d.kind = dkNone
		case tokName:
			d.attName = string(text)
			d.attType = d.attType[:0]
			p.ps = psAttlist2
			handled = p.declHandled()
		default:
			return syntax()
		}
	case psAttlist2:
		switch {
		case tok == tokName:
			switch string(text) {
			case "CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS":
				d.attType = append(d.attType[:0], text...)
				d.isCdata = string(text) == "CDATA"
				p.ps = psAttlist8
			case "NOTATION":
				d.attType = append(d.attType[:0], text...)
				d.isCdata = false
				p.ps = psAttlist5
			default:
				return syntax()
			}
		case tok == tokOpenParen:
			d.attType = append(d.attType[:0], '(')
			d.isCdata = false
			p.ps = psAttlist3
		default:
			return syntax()
		}
		handled = p.declHandled()
	case psAttlist3, psAttlist6:
		if tok != tokName && (tok != tokNmtoken || p.ps == psAttlist6) {
			return syntax()
		}
		d.attType = append(d.attType, text...)
		p.ps++
		handled = p.declHandled()
	case psAttlist4, psAttlist7:
		switch tok {
		case tokOr:
			d.attType = append(d.attType, '|')
			p.ps--
		case tokCloseParen:
			d.attType = append(d.attType, ')')
			p.ps = psAttlist8
		default:
			return syntax()
		}
		handled = p.declHandled()
	case psAttlist5:
		if tok != tokOpenParen {
			return syntax()
		}
		d.attType = append(d.attType, '(')
		p.ps = psAttlist6
		handled = p.declHandled()
	case psAttlist8, psAttlist9:
		var dflt *string
		required := false
		switch {
		case p.ps == psAttlist8 && tok == tokPoundName && (isKeyword(text, "#IMPLIED") || isKeyword(text, "#REQUIRED")):
			required = isKeyword(text, "#REQUIRED")
		case p.ps == psAttlist8 && tok == tokPoundName && isKeyword(text, "#FIXED"):
			p.ps = psAttlist9
			return p.defaultIfUnhandled(text, p.declHandled())
		case tok == tokLiteral:
			v, err := p.appendAttValue(nil, literal(b, i, next), d.isCdata, -1, 0)
			if err != nil {
				return err
			}
			if !d.isCdata && len(v) > 0 && v[len(v)-1] == ' ' {
				v = v[:len(v)-1]
			}
			s := string(v)
			dflt = &s
			required = p.ps == psAttlist9
		default:
			return syntax()
		}
		p.ps = psAttlist1
		handled = p.declHandled()
		if p.keepProc {
			p.defineAttribute(d.attElem, d.attName, d.isCdata, dflt)
			if p.H.AttlistDecl != nil {
				if err := p.H.AttlistDecl(d.attElem, d.attName, string(d.attType), dflt, required); err != nil {
					return err
				}
			}
		}
	case psElement0:
		if tok != tokName {
			return syntax()
		}
		d.elemName = string(text)
		p.ps = psElement1
		handled = p.declHandled()
	case psElement1:
		switch {
		case tok == tokName && (isKeyword(text, "EMPTY") || isKeyword(text, "ANY")):
			typ := CTypeEmpty
			if isKeyword(text, "ANY") {
				typ = CTypeAny
			}
			handled = p.declHandled()
			if err := p.elementDecl(&Content{Type: typ}); err != nil {
				return err
			}
			p.ps = psDeclClose
		case tok == tokOpenParen:
			d.groups = append(d.groups[:0], &Content{})
			d.seps = append(d.seps[:0], 0)
			p.ps = psElement2
			handled = p.declHandled()
		default:
			return syntax()
		}
	case psElement2:
		switch {
		case tok == tokPoundName && isKeyword(text, "#PCDATA"):
			d.groups[0].Type = CTypeMixed
			p.ps = psElement3
			handled = p.declHandled()
		default:
			p.ps = psElement6
			return p.prologToken(b, i, tok, next)
		}
	case psElement3, psElement5:
		switch tok {
		case tokOr:
			p.ps = psElement4
			handled = p.declHandled()
		case tokCloseParenAsterisk, tokCloseParen:
			if tok == tokCloseParen && len(d.groups[0].Children) > 0 {
				return syntax()
			}
			g := d.groups[0]
			if tok == tokCloseParenAsterisk {
				g.Quant = CQuantRep
			}
			handled = p.declHandled()
			if err := p.elementDecl(g); err != nil {
				return err
			}
			p.ps = psDeclClose
		default:
			return syntax()
		}
	case psElement4:
		if tok != tokName {
			return syntax()
		}
		g := d.groups[0]
		g.Children = append(g.Children, &Content{Type: CTypeName, Name: string(text)})
		p.ps = psElement5
		handled = p.declHandled()
	case psElement6:
		top := d.groups[len(d.groups)-1]
		switch tok {
		case tokOpenParen:
			g := &Content{}
			top.Children = append(top.Children, g)
			d.groups = append(d.groups, g)
			d.seps = append(d.seps, 0)
		case tokName, tokNameQuestion, tokNameAsterisk, tokNamePlus:
			c := &Content{Type: CTypeName}
			name := text
			switch tok {
			case tokNameQuestion:
				c.Quant = CQuantOpt
				name = text[:len(text)-1]
			case tokNameAsterisk:
				c.Quant = CQuantRep
				name = text[:len(text)-1]
			case tokNamePlus:
				c.Quant = CQuantPlus
				name = text[:len(text)-1]
			}
			c.Name = string(name)
			top.Children = append(top.Children, c)
			p.ps = psElement7
		default:
			return syntax()
		}
		handled = p.declHandled()
	case psElement7:
		k := len(d.groups) - 1
		switch tok {
		case tokOr, tokComma:
			sep := byte('|')
			if tok == tokComma {
				sep = ','
			}
			if d.seps[k] != 0 && d.seps[k] != sep {
				return syntax()
			}
			d.seps[k] = sep
			p.ps = psElement6
		case tokCloseParen, tokCloseParenAsterisk, tokCloseParenQuestion, tokCloseParenPlus:
			g := d.groups[k]
			g.Type = CTypeSeq
			if d.seps[k] == '|' {
				g.Type = CTypeChoice
			}
			switch tok {
			case tokCloseParenAsterisk:
				g.Quant = CQuantRep
			case tokCloseParenQuestion:
				g.Quant = CQuantOpt
			case tokCloseParenPlus:
				g.Quant = CQuantPlus
			}
			d.groups = d.groups[:k]
			d.seps = d.seps[:k]
			handled = p.declHandled()
			if k == 0 {
				if err := p.elementDecl(g); err != nil {
					return err
				}
				p.ps = psDeclClose
				return p.defaultIfUnhandled(text, handled)
			}
		default:
			return syntax()
		}
		handled = p.declHandled()
	case psNotation0:
		if tok != tokName {
			return syntax()
		}
		d.notName = string(text)
		p.ps = psNotation1
		handled = p.declHandled()
	case psNotation1:
		switch {
		case tok == tokName && isKeyword(text, "SYSTEM"):
			p.ps = psNotation3
		case tok == tokName && isKeyword(text, "PUBLIC"):
			p.ps = psNotation2
		default:
			return syntax()
		}
		handled = p.declHandled()
	case psNotation2:
		if tok != tokLiteral {
			return syntax()
		}
		pub, bad := publicID(literal(b, i, next))
		if bad >= 0 {
			return p.errAt(ErrPublicID, i+1+bad)
		}
		d.notPub = &pub
		p.ps = psNotation4
		handled = p.declHandled()
	case psNotation3, psNotation4:
		switch {
		case tok == tokLiteral:
			sys := string(literal(b, i, next))
			handled = p.declHandled()
			if err := p.notationDecl(&sys); err != nil {
				return err
			}
			p.ps = psDeclClose
		case tok == tokDeclClose && p.ps == psNotation4:
			handled = p.declHandled()
			if err := p.notationDecl(nil); err != nil {
				return err
			}
			p.ps = psSubset
			d.kind = dkNone
		default:
			return syntax()
		}
	default:
		return syntax()
	}
	return p.defaultIfUnhandled(text, handled)
}

func (p *Parser) defaultIfUnhandled(text []byte, handled bool) error {
	if handled {
		return nil
	}
	return p.reportDefault(text)
}

// elementDecl and notationDecl report declarations even after an unread
// parameter entity (unlike entity and attribute declarations), as expat
// does.
func (p *Parser) elementDecl(model *Content) error {
	if p.H.ElementDecl != nil {
		return p.H.ElementDecl(p.decl.elemName, model)
	}
	return nil
}

func (p *Parser) notationDecl(sys *string) error {
	d := &p.decl
	p.notations[d.notName] = true
	if p.H.NotationDecl != nil {
		return p.H.NotationDecl(d.notName, p.base, sys, d.notPub)
	}
	return nil
}

// declareEntity creates the entity being declared, unless it exists (the
// first declaration binds) or declarations are being skipped.
func (p *Parser) declareEntity() {
	d := &p.decl
	d.ent = nil
	if !p.keepProc {
		return
	}
	m := p.gen
	if d.entPE {
		m = p.params
	}
	if _, dup := m[d.entName]; dup {
		return
	}
	e := &entity{name: d.entName, isParam: d.entPE}
	m[d.entName] = e
	d.ent = e
}

// defineAttribute records an attribute's type and default for an element
// (the first definition of an attribute counts).
func (p *Parser) defineAttribute(elem, att string, isCdata bool, dflt *string) {
	et := p.elems[elem]
	if et == nil {
		et = &elemType{}
		p.elems[elem] = et
	}
	for _, a := range et.atts {
		if a.name == att {
			return
		}
	}
	et.atts = append(et.atts, attDef{name: att, isCdata: isCdata, dflt: dflt})
}

func (p *Parser) startDoctype(hasSubset bool) error {
	d := &p.decl
	if d.doctypeStarted {
		return nil
	}
	d.doctypeStarted = true
	if p.H.StartDoctypeDecl != nil {
		return p.H.StartDoctypeDecl(d.doctypeName, d.doctypeSys, d.doctypePub, hasSubset)
	}
	return nil
}

func (p *Parser) endDoctype(b []byte, i, next int) error {
	handled := p.H.StartDoctypeDecl != nil
	if err := p.startDoctype(false); err != nil {
		return err
	}
	if p.doctypeSysid || p.foreign {
		p.hasPERefs = true
		p.foreign = false
	}
	p.ps = psMisc1
	p.decl.kind = dkNone
	if p.H.EndDoctypeDecl != nil {
		handled = true
		if err := p.H.EndDoctypeDecl(); err != nil {
			return err
		}
	}
	return p.defaultIfUnhandled(b[i:next], handled)
}

// publicID checks and normalises a public identifier; bad is the index
// of a character not allowed in one.
func publicID(v []byte) (s string, bad int) {
	for k, c := range v {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte(" \r\n-'()+,./:=?;!*#@$_%", c) >= 0:
		default:
			return "", k
		}
	}
	return strings.Join(strings.Fields(string(v)), " "), -1
}

// entityValue processes an entity value literal b[s:e]: character
// references are replaced, general entity references kept, newlines
// normalised; a parameter entity reference is not allowed in the
// internal subset.
func (p *Parser) entityValue(b []byte, s, e int) (string, int, int) {
	var out []byte
	for j := s; j < e; {
		c := b[j]
		switch c {
		case '%':
			if j+1 < e && (isNmstrtByte(b[j+1]) || b[j+1] >= 0x80) {
				return string(out), ErrParamEntityRef, j
			}
			return string(out), ErrInvalidToken, j + 1
		case '&':
			if j+1 < e && b[j+1] == '#' {
				tok, nx := p.z.scanCharRef(b[:e], j+2)
				if tok != tokCharRef {
					if tok == tokInvalid {
						return string(out), ErrInvalidToken, nx
					}
					return string(out), ErrInvalidToken, j
				}
				r, ok := charRefValue(b[j+2 : nx-1])
				if !ok {
					return string(out), ErrBadCharRef, j
				}
				out = utf8.AppendRune(out, r)
				j = nx
				continue
			}
			tok, nx := p.z.scanRef(b[:e], j+1)
			if tok != tokEntityRef {
				if tok == tokInvalid {
					return string(out), ErrInvalidToken, nx
				}
				return string(out), ErrInvalidToken, j
			}
			out = append(out, b[j:nx]...)
			j = nx
			continue
		case '\r':
			out = append(out, '\n')
			j++
			if j < e && b[j] == '\n' {
				j++
			}
			continue
		}
		out = append(out, c)
		j++
	}
	return string(out), ErrNone, 0
}

func isNmstrtByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
}

// pseudoAttr parses one pseudo-attribute of an XML or text declaration
// from d[j:], as expat does: white space, a name, '=', a quoted value of
// [A-Za-z0-9._-]. ok false means malformed at bad; name "" means the end.
func pseudoAttr(d []byte, j int) (name string, nameAt int, val string, valAt, next int, bad int, ok bool) {
	if j == len(d) {
		return "", 0, "", 0, j, 0, true
	}
	if !isSpace(d[j]) {
		return "", 0, "", 0, 0, j, false
	}
	for j < len(d) && isSpace(d[j]) {
		j++
	}
	if j == len(d) {
		return "", 0, "", 0, j, 0, true
	}
	ns := j
	for {
		if j >= len(d) || d[j] >= 0x80 {
			return "", 0, "", 0, 0, j, false
		}
		if d[j] == '=' {
			name = string(d[ns:j])
			break
		}
		if isSpace(d[j]) {
			name = string(d[ns:j])
			for j < len(d) && isSpace(d[j]) {
				j++
			}
			if j >= len(d) || d[j] != '=' {
				return "", 0, "", 0, 0, j, false
			}
			break
		}
		j++
	}
	if j == ns {
		return "", 0, "", 0, 0, j, false
	}
	j++
	for j < len(d) && isSpace(d[j]) {
		j++
	}
	if j >= len(d) || d[j] != '"' && d[j] != '\'' {
		return "", 0, "", 0, 0, j, false
	}
	q := d[j]
	j++
	vs := j
	for ; ; j++ {
		if j >= len(d) {
			return "", 0, "", 0, 0, j, false
		}
		c := d[j]
		if c == q {
			break
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return "", 0, "", 0, 0, j, false
		}
	}
	return name, ns, string(d[vs:j]), vs, j + 1, 0, true
}

// xmlDecl checks an XML (or an external entity's text) declaration and
// reports it.
func (p *Parser) xmlDecl(b []byte, i, next int) error {
	d := b[i+5 : next-2]
	base := i + 5
	text := p.extEntity
	var version, encoding *string
	standalone := -1
	bad := func(at int) error {
		code := ErrXMLDecl
		if text {
			code = ErrTextDecl
		}
		return p.errAt(code, base+at)
	}
	name, nameAt, val, valAt, j, badAt, ok := pseudoAttr(d, 0)
	if !ok || name == "" {
		if ok {
			badAt = j
		}
		return bad(badAt)
	}
	if name != "version" {
		if !text {
			return bad(nameAt)
		}
	} else {
		v := val
		version = &v
		name, nameAt, val, valAt, j, badAt, ok = pseudoAttr(d, j)
		if !ok {
			return bad(badAt)
		}
		if name == "" {
			if text {
				return bad(j)
			}
			return p.finishXMLDecl(b, i, next, version, nil, -1, 0)
		}
	}
	encAt := 0
	if name == "encoding" {
		if c := val; c == "" || !(c[0] >= 'a' && c[0] <= 'z' || c[0] >= 'A' && c[0] <= 'Z') {
			return bad(valAt)
		}
		v := val
		encoding = &v
		encAt = base + valAt
		name, nameAt, val, valAt, j, badAt, ok = pseudoAttr(d, j)
		if !ok {
			return bad(badAt)
		}
		if name == "" {
			return p.finishXMLDecl(b, i, next, version, encoding, -1, encAt)
		}
	}
	if name != "standalone" || text {
		return bad(nameAt)
	}
	switch val {
	case "yes":
		standalone = 1
	case "no":
		standalone = 0
	default:
		return bad(valAt)
	}
	for j < len(d) && isSpace(d[j]) {
		j++
	}
	if j != len(d) {
		return bad(j)
	}
	return p.finishXMLDecl(b, i, next, version, encoding, standalone, encAt)
}

func (p *Parser) finishXMLDecl(b []byte, i, next int, version, encoding *string, standalone int, encAt int) error {
	if standalone == 1 {
		p.standalone = true
	}
	var err error
	if p.H.XMLDecl != nil {
		err = p.H.XMLDecl(version, encoding, standalone)
	} else {
		err = p.reportDefault(b[i:next])
	}
	if err != nil {
		return err
	}
	if encoding == nil || p.protocolEnc != "" {
		return nil
	}
	switch p.enc {
	case encUTF16BE, encUTF16LE:
		if k := knownEncoding(*encoding); k != encUTF16 && k != encUTF16BE && k != encUTF16LE {
			return p.errAt(ErrIncorrectEncoding, encAt)
		}
	case encPending:
		code := p.resolvePending()
		if p.encErr != nil {
			err := p.encErr
			p.encErr = nil
			p.fail(ErrUnknownEncoding, p.bufOff+int64(encAt))
			p.err = err
			return err
		}
		if code != ErrNone {
			return p.errAt(code, encAt)
		}
	default:
		if p.declEncErr != ErrNone {
			return p.errAt(p.declEncErr, encAt)
		}
	}
	return nil
}

func validEncName(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for k := 1; k < len(s); k++ {
		c := s[k]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
