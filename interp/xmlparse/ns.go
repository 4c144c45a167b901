package xmlparse

import "strings"

const (
	xmlNamespace   = "http://www.w3.org/XML/1998/namespace"
	xmlnsNamespace = "http://www.w3.org/2000/xmlns/"
)

type nsBinding struct {
	prefix string // "" for the default namespace
	uri    string // "" undeclares the default namespace
}

// lookupPrefix finds the URI bound to prefix ("" if unbound).
func (p *Parser) lookupPrefix(prefix string) (string, bool) {
	if prefix == "xml" {
		return xmlNamespace, true
	}
	for k := len(p.bindings) - 1; k >= 0; k-- {
		if p.bindings[k].prefix == prefix {
			return p.bindings[k].uri, p.bindings[k].uri != "" || prefix == ""
		}
	}
	return "", prefix == ""
}

// expandName turns a QName into expat's "uri<sep>local[<sep>prefix]";
// elem says whether the default namespace applies.
func (p *Parser) expandName(qname string, elem bool) (string, error) {
	prefix, local := "", qname
	if k := strings.IndexByte(qname, ':'); k >= 0 {
		prefix, local = qname[:k], qname[k+1:]
	} else if !elem {
		return qname, nil
	}
	uri, ok := p.lookupPrefix(prefix)
	if !ok {
		return "", &SyntaxError{Code: ErrUnboundPrefix}
	}
	if uri == "" {
		return local, nil
	}
	nb := append(p.nameBuf[:0], uri...)
	nb = append(nb, p.nsSep...)
	nb = append(nb, local...)
	// (with an empty separator expat's C string ends before the prefix)
	if p.nsTriplets && prefix != "" && p.nsSep != "" {
		nb = append(nb, p.nsSep...)
		nb = append(nb, prefix...)
	}
	p.nameBuf = nb
	return p.intern(nb), nil
}

// nsStartTag does namespace processing for a start tag whose attributes
// are in p.attrs: it takes out the xmlns attributes (binding their
// prefixes), expands the names and checks for duplicates after expansion.
// It returns the element's expanded name, the number of bindings made and
// the new count of specified attributes.
func (p *Parser) nsStartTag(raw string, at int, nSpec int) (string, int, int, error) {
	nb := 0
	out := p.attrs[:0]
	spec := nSpec
	for j, a := range p.attrs {
		var prefix string
		switch {
		case a.Name == "xmlns":
		case strings.HasPrefix(a.Name, "xmlns:"):
			prefix = a.Name[6:]
		default:
			out = append(out, a)
			continue
		}
		if j < nSpec {
			spec--
		}
		uri := string(a.Value)
		switch {
		case prefix == "xmlns":
			return "", 0, 0, p.errAt(ErrReservedPrefixXMLNS, at)
		case prefix == "xml" && uri != xmlNamespace:
			return "", 0, 0, p.errAt(ErrReservedPrefixXML, at)
		case prefix != "xml" && (uri == xmlNamespace || uri == xmlnsNamespace):
			return "", 0, 0, p.errAt(ErrReservedNamespaceURI, at)
		case prefix != "" && uri == "":
			return "", 0, 0, p.errAt(ErrUndeclaringPrefix, at)
		}
		p.bindings = append(p.bindings, nsBinding{prefix: prefix, uri: uri})
		nb++
		if p.H.StartNamespaceDecl != nil {
			var pre, u *string
			if prefix != "" {
				pre = strp(prefix)
			}
			if uri != "" {
				u = strp(uri)
			}
			if err := p.H.StartNamespaceDecl(pre, u); err != nil {
				return "", 0, 0, err
			}
		}
	}
	p.attrs = out
	// the tag is pushed by the caller; until then, undo bindings on error
	fail := func(code int) (string, int, int, error) {
		p.bindings = p.bindings[:len(p.bindings)-nb]
		return "", 0, 0, p.errAt(code, at)
	}
	for j := range p.attrs {
		if strings.IndexByte(p.attrs[j].Name, ':') < 0 {
			continue
		}
		n, err := p.expandName(p.attrs[j].Name, false)
		if err != nil {
			return fail(ErrUnboundPrefix)
		}
		p.attrs[j].Name = n
	}
	for j := 1; j < len(p.attrs); j++ {
		for k := 0; k < j; k++ {
			if sameExpanded(p.attrs[j].Name, p.attrs[k].Name, p.nsSep, p.nsTriplets) {
				return fail(ErrDuplicateAttribute)
			}
		}
	}
	name, err := p.expandName(raw, true)
	if err != nil {
		return fail(ErrUnboundPrefix)
	}
	return name, nb, spec, nil
}

// sameExpanded compares expanded names ignoring the prefix of a triplet.
func sameExpanded(a, b, sep string, triplets bool) bool {
	if !triplets || sep == "" {
		return a == b
	}
	strip := func(s string) string {
		if i := strings.Index(s, sep); i >= 0 {
			if k := strings.Index(s[i+len(sep):], sep); k >= 0 {
				return s[:i+len(sep)+k]
			}
		}
		return s
	}
	return strip(a) == strip(b)
}
