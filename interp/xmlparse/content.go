package xmlparse

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

var newline = []byte{'\n'}

// doMainContent processes the document's element content (and CDATA
// sections) from p.pos.
func (p *Parser) doMainContent() error {
	for {
		b := p.buf
		i := p.pos
		end := len(b)
		if p.state == stCdata {
			tok, next := p.z.cdataTok(b, i)
			p.event(i, next)
			switch tok {
			case tokNone, tokPartial:
				if !p.final {
					return nil
				}
				return p.errAt(ErrUnclosedCdataSection, i)
			case tokPartialChar:
				if !p.final {
					return nil
				}
				return p.errAt(ErrPartialChar, i)
			case tokInvalid:
				return p.errAt(ErrInvalidToken, next)
			}
			p.direct += int64(next - i)
			if err := p.cdataToken(b, i, tok, next); err != nil {
				return err
			}
			p.pos = next
			if tok == tokCdataClose {
				p.state = p.contentState()
			}
			continue
		}
		tok, next := p.z.contentTok(b, i)
		p.event(i, next)
		switch tok {
		case tokNone:
			if !p.final {
				return nil
			}
			if p.state == stExtEntity {
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
		case tokTrailingCR:
			if !p.final {
				return nil
			}
			if err := p.charData(newline, b[i:end]); err != nil {
				return err
			}
			p.pos = end
			if p.state == stExtEntity {
				return nil
			}
			return p.errAt(ErrNoElements, end)
		case tokTrailingRSqb:
			if !p.final {
				return nil
			}
			if err := p.charData(b[i:end], b[i:end]); err != nil {
				return err
			}
			p.pos = end
			if p.state == stExtEntity {
				return nil
			}
			return p.errAt(ErrNoElements, end)
		}
		p.direct += int64(next - i)
		if err := p.checkAmplification(); err != nil {
			return err
		}
		if tok == tokXMLDecl && p.extEntity && p.bufOff+int64(i) == 0 {
			// an external entity's text declaration
			if err := p.xmlDecl(b, i, next); err != nil {
				return err
			}
			p.pos = next
			continue
		}
		if err := p.contentToken(b, i, tok, next, 0); err != nil {
			return err
		}
		p.pos = next
		switch {
		case tok == tokCdataOpen:
			p.state = stCdata
		case len(p.tags) == 0 && p.state == stContent && (tok == tokEndTag || tok == tokEmptyElement):
			p.setState(stEpilog)
			return nil
		}
	}
}

func (p *Parser) contentState() int {
	if p.extEntity {
		return stExtEntity
	}
	return stContent
}

// charData reports character data (text) whose document form is raw.
func (p *Parser) charData(text, raw []byte) error {
	if p.H.CharacterData != nil {
		return p.H.CharacterData(text)
	}
	return p.reportDefault(raw)
}

func (p *Parser) cdataToken(b []byte, i, tok, next int) error {
	switch tok {
	case tokDataChars:
		return p.charData(b[i:next], b[i:next])
	case tokDataNewline:
		return p.charData(newline, b[i:next])
	case tokCdataClose:
		if p.H.EndCdataSection != nil {
			return p.H.EndCdataSection()
		}
		return p.reportDefault(b[i:next])
	}
	return nil
}

// contentToken handles one complete token of content, in the document or
// (base >= 0 open tags below which it may not close) an entity's text.
func (p *Parser) contentToken(b []byte, i, tok, next int, base int) error {
	switch tok {
	case tokDataChars:
		return p.charData(b[i:next], b[i:next])
	case tokDataNewline:
		return p.charData(newline, b[i:next])
	case tokCharRef:
		r, ok := charRefValue(b[i+2 : next-1])
		if !ok {
			return p.errAt(ErrBadCharRef, i)
		}
		var tmp [4]byte
		n := utf8.EncodeRune(tmp[:], r)
		return p.charData(tmp[:n], b[i:next])
	case tokEntityRef:
		return p.entityRef(b, i, next, base)
	case tokStartTag, tokEmptyElement:
		return p.startTag(b, i, next, tok == tokEmptyElement)
	case tokEndTag:
		return p.endTag(b, i, next, base)
	case tokComment:
		if p.H.Comment != nil {
			return p.H.Comment(p.normalizeLines(b[i+4 : next-3]))
		}
		return p.reportDefault(b[i:next])
	case tokPI:
		return p.pi(b, i, next)
	case tokXMLDecl:
		return p.errAt(ErrMisplacedXMLPI, i)
	case tokCdataOpen:
		if p.H.StartCdataSection != nil {
			return p.H.StartCdataSection()
		}
		return p.reportDefault(b[i:next])
	}
	return p.errAt(ErrUnexpectedState, i)
}

// normalizeLines turns \r\n and \r into \n (comments and PI data are
// reported with normalised newlines).
func (p *Parser) normalizeLines(d []byte) []byte {
	if bytes.IndexByte(d, '\r') < 0 {
		return d
	}
	out := p.dataBuf[:0]
	for j := 0; j < len(d); j++ {
		c := d[j]
		if c == '\r' {
			out = append(out, '\n')
			if j+1 < len(d) && d[j+1] == '\n' {
				j++
			}
			continue
		}
		out = append(out, c)
	}
	p.dataBuf = out
	return out
}

func (p *Parser) pi(b []byte, i, next int) error {
	if p.H.ProcessingInstruction == nil {
		return p.reportDefault(b[i:next])
	}
	j := i + 2
	for j < next && !isSpace(b[j]) && b[j] != '?' {
		j++
	}
	target := p.intern(b[i+2 : j])
	for j < next-2 && isSpace(b[j]) {
		j++
	}
	data := b[j : next-2]
	if j >= next-2 {
		data = nil
	}
	return p.H.ProcessingInstruction(target, p.normalizeLines(data))
}

// charRefValue evaluates a character reference's digits (after "&#").
func charRefValue(d []byte) (rune, bool) {
	var v rune
	if len(d) > 0 && d[0] == 'x' {
		for _, c := range d[1:] {
			switch {
			case c >= '0' && c <= '9':
				v = v<<4 | rune(c-'0')
			case c >= 'a' && c <= 'f':
				v = v<<4 | rune(c-'a'+10)
			default:
				v = v<<4 | rune(c-'A'+10)
			}
			if v > 0x10FFFF {
				return 0, false
			}
		}
	} else {
		for _, c := range d {
			v = v*10 + rune(c-'0')
			if v > 0x10FFFF {
				return 0, false
			}
		}
	}
	return v, isXMLRune(v)
}

// predefined returns the character of a predefined entity (0 if none).
func predefined(name []byte) byte {
	switch string(name) {
	case "lt":
		return '<'
	case "gt":
		return '>'
	case "amp":
		return '&'
	case "quot":
		return '"'
	case "apos":
		return '\''
	}
	return 0
}

// entityRef handles &name; in content.
func (p *Parser) entityRef(b []byte, i, next, base int) error {
	nameB := b[i+1 : next-1]
	if c := predefined(nameB); c != 0 {
		return p.charData([]byte{c}, b[i:next])
	}
	name := string(nameB)
	e := p.gen[name]
	if !p.hasPERefs || p.standalone {
		if e == nil {
			return p.errAt(ErrUndefinedEntity, i)
		}
		if e.inExternal {
			return p.errAt(ErrEntityDeclaredInPE, i)
		}
	} else if e == nil {
		if p.H.SkippedEntity != nil {
			return p.H.SkippedEntity(name, false)
		}
		return p.reportDefault(b[i:next])
	}
	if e.open {
		return p.errAt(ErrRecursiveEntityRef, i)
	}
	if e.notation != "" {
		return p.errAt(ErrBinaryEntityRef, i)
	}
	if e.internal {
		if p.H.Default != nil && !p.H.DefaultExpand {
			if p.H.SkippedEntity != nil {
				return p.H.SkippedEntity(name, false)
			}
			return p.reportDefault(b[i:next])
		}
		return p.expandInternal(e, i)
	}
	if p.H.ExternalEntityRef != nil {
		e.open = true
		ok, err := p.H.ExternalEntityRef(p.context(name), e.base, e.sysid, e.pubid)
		e.open = false
		if err != nil {
			return err
		}
		if !ok {
			return p.errAt(ErrExternalEntityHandling, i)
		}
		return nil
	}
	return p.reportDefault(b[i:next])
}

// checkAmplification enforces expat's limit on entity expansion.
func (p *Parser) checkAmplification() error {
	total := p.direct + p.indir
	if total < AmplificationThreshold || p.indir == 0 {
		return nil
	}
	direct := p.direct
	if direct < 1 {
		direct = 1
	}
	if float64(total)/float64(direct) > MaxAmplification {
		return p.fail(ErrAmplificationLimitBreach, p.eventAbs)
	}
	return nil
}

// expandInternal parses an internal entity's replacement text as content.
func (p *Parser) expandInternal(e *entity, at int) error {
	p.indir += int64(len(e.text))
	if err := p.checkAmplification(); err != nil {
		return err
	}
	e.open = true
	p.entDepth++
	defer func() {
		e.open = false
		p.entDepth--
	}()
	b := []byte(e.text)
	base := len(p.tags)
	z := p.z
	i := 0
	cdata := false
	for {
		var tok, next int
		if cdata {
			tok, next = p.z.cdataTok(b, i)
		} else {
			tok, next = p.z.contentTok(b, i)
		}
		switch tok {
		case tokNone:
			if cdata {
				return p.errAt(ErrUnclosedCdataSection, i)
			}
			if len(p.tags) != base {
				return p.errAt(ErrAsyncEntity, i)
			}
			p.z = z
			return nil
		case tokPartial:
			if cdata {
				return p.errAt(ErrUnclosedCdataSection, i)
			}
			return p.errAt(ErrUnclosedToken, i)
		case tokPartialChar:
			return p.errAt(ErrPartialChar, i)
		case tokInvalid:
			return p.errAt(ErrInvalidToken, next)
		case tokTrailingCR:
			tok, next = tokDataNewline, len(b)
		case tokTrailingRSqb:
			tok, next = tokDataChars, len(b)
		}
		if cdata {
			if err := p.cdataToken(b, i, tok, next); err != nil {
				return err
			}
			if tok == tokCdataClose {
				cdata = false
			}
		} else {
			if err := p.contentToken(b, i, tok, next, base); err != nil {
				return err
			}
			if tok == tokCdataOpen {
				cdata = true
			}
		}
		i = next
	}
}

// endTag handles </name>.
func (p *Parser) endTag(b []byte, i, next, base int) error {
	if len(p.tags) == base {
		if p.entDepth > 0 {
			return p.errAt(ErrAsyncEntity, i)
		}
		return p.errAt(ErrTagMismatch, i+2)
	}
	raw := b[i+2 : p.z.nameEnd]
	top := p.tags[len(p.tags)-1]
	if string(raw) != top.raw {
		return p.errAt(ErrTagMismatch, i+2)
	}
	p.tags = p.tags[:len(p.tags)-1]
	return p.finishElement(top, b[i:next])
}

// finishElement reports the end of an element and of its namespace
// bindings.
func (p *Parser) finishElement(t openTag, raw []byte) error {
	if p.H.EndElement != nil {
		name := t.raw
		if p.ns {
			n, err := p.expandName(t.raw, true)
			if err != nil {
				return err
			}
			name = n
		}
		if err := p.H.EndElement(name); err != nil {
			return err
		}
	} else if raw != nil {
		if err := p.reportDefault(raw); err != nil {
			return err
		}
	}
	for k := 0; k < t.bindings; k++ {
		bd := p.bindings[len(p.bindings)-1]
		p.bindings = p.bindings[:len(p.bindings)-1]
		if p.H.EndNamespaceDecl != nil {
			var pre *string
			if bd.prefix != "" {
				pre = strp(bd.prefix)
			}
			if err := p.H.EndNamespaceDecl(pre); err != nil {
				return err
			}
		}
	}
	return nil
}

// startTag handles <name ...> and <name .../>.
func (p *Parser) startTag(b []byte, i, next int, empty bool) error {
	raw := p.intern(b[i+1 : p.z.nameEnd])
	atts := p.z.atts
	et := p.elems[raw]
	p.attrBuf = p.attrBuf[:0]
	p.attrs = p.attrs[:0]
	type span struct{ s, e int }
	var spans [16]span
	vals := spans[:0]
	for j := range atts {
		a := &atts[j]
		nb := b[a.name:a.nameEnd]
		for k := 0; k < j; k++ {
			if bytes.Equal(b[atts[k].name:atts[k].nameEnd], nb) {
				return p.errAt(ErrDuplicateAttribute, a.name)
			}
		}
		isCdata := true
		if et != nil {
			for _, d := range et.atts {
				if d.name == string(nb) {
					isCdata = d.isCdata
					break
				}
			}
		}
		name := p.intern(nb)
		p.attrs = append(p.attrs, Attr{Name: name})
		if a.plain && isCdata {
			vals = append(vals, span{-1 - a.val, -1 - a.valEnd})
			continue
		}
		s := len(p.attrBuf)
		var err error
		p.attrBuf, err = p.appendAttValue(p.attrBuf, b[a.val:a.valEnd], isCdata, a.val, s)
		if err != nil {
			return err
		}
		if !isCdata && len(p.attrBuf) > s && p.attrBuf[len(p.attrBuf)-1] == ' ' {
			p.attrBuf = p.attrBuf[:len(p.attrBuf)-1]
		}
		vals = append(vals, span{s, len(p.attrBuf)})
	}
	nSpec := len(p.attrs)
	if et != nil {
		for _, d := range et.atts {
			if d.dflt == nil {
				continue
			}
			found := false
			for _, a := range p.attrs[:nSpec] {
				if a.Name == d.name {
					found = true
					break
				}
			}
			if found {
				continue
			}
			s := len(p.attrBuf)
			p.attrBuf = append(p.attrBuf, *d.dflt...)
			p.attrs = append(p.attrs, Attr{Name: d.name})
			vals = append(vals, span{s, len(p.attrBuf)})
		}
	}
	for j := range p.attrs {
		v := vals[j]
		if v.s < 0 {
			p.attrs[j].Value = b[-1-v.s : -1-v.e]
		} else {
			p.attrs[j].Value = p.attrBuf[v.s:v.e]
		}
	}
	name := raw
	nb := 0
	if p.ns {
		var err error
		name, nb, nSpec, err = p.nsStartTag(raw, i, nSpec)
		if err != nil {
			return err
		}
	}
	p.tags = append(p.tags, openTag{raw: raw, bindings: nb})
	if p.H.StartElement != nil {
		if err := p.H.StartElement(name, p.attrs, nSpec); err != nil {
			return err
		}
	} else if err := p.reportDefault(b[i:next]); err != nil {
		return err
	}
	if empty {
		if p.H.StartElement != nil && p.entDepth == 0 {
			// expat moves the event to the tag's end for the end event
			p.eventAbs = p.eventEnd
		}
		t := p.tags[len(p.tags)-1]
		p.tags = p.tags[:len(p.tags)-1]
		return p.finishElement(t, nil)
	}
	return nil
}

// appendAttValue normalises an attribute value (white space to spaces,
// references replaced, and for non-CDATA attributes spaces collapsed).
// off is the value's index in the document buffer (-1 inside an entity),
// start where the value began in dst.
func (p *Parser) appendAttValue(dst, v []byte, isCdata bool, off, start int) ([]byte, error) {
	space := func(dst []byte) []byte {
		if !isCdata && (len(dst) == start || dst[len(dst)-1] == ' ') {
			return dst
		}
		return append(dst, ' ')
	}
	for j := 0; j < len(v); {
		c := v[j]
		switch c {
		case '\r':
			dst = space(dst)
			j++
			if j < len(v) && v[j] == '\n' {
				j++
			}
			continue
		case '\n', '\t', ' ':
			dst = space(dst)
			j++
			continue
		case '<':
			return dst, p.attErr(ErrInvalidToken, off, j)
		case '&':
			k := bytes.IndexByte(v[j:], ';')
			if k < 0 {
				return dst, p.attErr(ErrInvalidToken, off, j)
			}
			ref := v[j+1 : j+k]
			if len(ref) > 0 && ref[0] == '#' {
				r, ok := charRefValue(ref[1:])
				if !ok || len(ref) < 2 {
					return dst, p.attErr(ErrBadCharRef, off, j)
				}
				if !(r == ' ' && !isCdata && (len(dst) == start || dst[len(dst)-1] == ' ')) {
					dst = utf8.AppendRune(dst, r)
				}
				j += k + 1
				continue
			}
			if ch := predefined(ref); ch != 0 {
				dst = append(dst, ch)
				j += k + 1
				continue
			}
			e := p.gen[string(ref)]
			if !p.hasPERefs || p.standalone {
				if e == nil {
					return dst, p.attErr(ErrUndefinedEntity, -1, 0)
				}
				if e.inExternal {
					return dst, p.attErr(ErrEntityDeclaredInPE, -1, 0)
				}
			} else if e == nil {
				j += k + 1
				continue
			}
			if e.open {
				return dst, p.attErr(ErrRecursiveEntityRef, off, j)
			}
			if e.notation != "" {
				return dst, p.attErr(ErrBinaryEntityRef, off, j)
			}
			if !e.internal {
				return dst, p.attErr(ErrAttributeExternalEntityRef, off, j)
			}
			p.indir += int64(len(e.text))
			if err := p.checkAmplification(); err != nil {
				return dst, err
			}
			e.open = true
			var err error
			dst, err = p.appendAttValue(dst, []byte(e.text), isCdata, -1, start)
			e.open = false
			if err != nil {
				return dst, err
			}
			j += k + 1
			continue
		}
		if c < 0x80 && byteClass[c] == bNonXML {
			return dst, p.attErr(ErrInvalidToken, off, j)
		}
		dst = append(dst, c)
		j++
	}
	return dst, nil
}

// attErr reports an error in an attribute value: at the offending place
// when it is in the document, else at the current event (the start tag,
// or the reference that led into an entity).
func (p *Parser) attErr(code int, off, j int) error {
	if off >= 0 && p.entDepth == 0 {
		return p.fail(code, p.bufOff+int64(off+j))
	}
	return p.fail(code, p.eventAbs)
}

// context is expat's description of the parsing context passed to the
// external entity handler: with namespace processing the bindings in
// force ("=uri" for the default namespace, "prefix=uri"), then the names
// of the open entities, separated by form feeds.
func (p *Parser) context(entity string) string {
	var parts []string
	if p.ns {
		// (expat lists prefixes in its hash table's order; here the
		// innermost binding first and xml last)
		if uri, _ := p.lookupPrefix(""); uri != "" {
			parts = append(parts, "="+uri)
		}
		seen := map[string]bool{"": true, "xml": true}
		for k := len(p.bindings) - 1; k >= 0; k-- {
			bd := p.bindings[k]
			if seen[bd.prefix] {
				continue
			}
			seen[bd.prefix] = true
			if bd.uri != "" {
				parts = append(parts, bd.prefix+"="+bd.uri)
			}
		}
		parts = append(parts, "xml="+xmlNamespace)
	}
	parts = append(parts, entity)
	return strings.Join(parts, "\f")
}
