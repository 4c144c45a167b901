package xmlparse

// The tokenizer. Each scanner looks at buf[i:] and returns a token kind
// and the index just past the token; for tokInvalid the index is the
// offending character (expat reports the error there), and tokPartial /
// tokPartialChar mean the buffer ends inside the token. Which characters
// end which token, and where an error is reported, follow expat's
// tokenizer, so that errors and the split of character data into
// handler calls come out the same.

const (
	tokNone        = iota // empty input
	tokPartial            // buffer ends inside a token
	tokPartialChar        // buffer ends inside a multi-byte character
	tokInvalid
	tokTrailingCR   // \r at the end of the buffer (content)
	tokTrailingRSqb // ] or ]] at the end of the buffer (content)

	// content
	tokDataChars
	tokDataNewline
	tokStartTag // <name ...>
	tokEmptyElement
	tokEndTag
	tokEntityRef
	tokCharRef
	tokComment
	tokPI
	tokXMLDecl
	tokCdataOpen
	tokCdataClose

	// prolog
	tokPrologS
	tokDeclOpen // <!NAME
	tokCondSectOpen
	tokCondSectClose
	tokInstanceStart
	tokParamEntityRef
	tokPercent
	tokOpenBracket
	tokCloseBracket
	tokDeclClose
	tokOpenParen
	tokCloseParen
	tokCloseParenQuestion
	tokCloseParenAsterisk
	tokCloseParenPlus
	tokOr
	tokComma
	tokLiteral
	tokPoundName
	tokName
	tokNmtoken
	tokNameQuestion
	tokNameAsterisk
	tokNamePlus
)

// extra classes for non-ASCII characters
const (
	kNmstrtHigh = 100 + iota
	kNameHigh
	kOtherHigh
	kPartialChar
)

// attRaw locates one attribute of a scanned start tag in the buffer.
type attRaw struct {
	name, nameEnd int
	val, valEnd   int // inside the quotes
	plain         bool
}

type tokenizer struct {
	ns   bool     // namespace processing: names are QNames
	atts []attRaw // attributes of the last start tag scanned
	// for a start tag: end of the element name
	nameEnd int
}

// classAt classifies the character at b[i] and returns its length.
func classAt(b []byte, i int) (uint8, int) {
	c := b[i]
	if c < 0x80 {
		return byteClass[c], 1
	}
	r, n, st := decodeAt(b[i:])
	switch st {
	case chPartial:
		return kPartialChar, n
	case chInvalid:
		return bNonXML, 1
	}
	switch {
	case isNameStartRune(r):
		return kNmstrtHigh, n
	case isNameRune(r):
		return kNameHigh, n
	}
	return kOtherHigh, n
}

func isNmstrt(k uint8) bool {
	return k == bNmstrt || k == bHex || k == kNmstrtHigh
}

func isNameChar(k uint8) bool {
	return k == bNmstrt || k == bHex || k == kNmstrtHigh || k == bDigit || k == bName ||
		k == bMinus || k == kNameHigh || k == bColon
}

// partialOr turns running out of buffer into the right partial token.
func partialOr(k uint8) int {
	if k == kPartialChar {
		return tokPartialChar
	}
	return tokPartial
}

// scanName scans a name starting at i (whose first character has already
// been checked to be a name start). It stops at the first character that is
// not a name character and returns its index, or -1 with a token kind
// when the buffer ends or an invalid QName is found.
func (z *tokenizer) scanName(b []byte, i int) (int, int) {
	colon := false
	k, n := classAt(b, i)
	if k == bColon {
		if z.ns {
			return -1, tokInvalid
		}
	}
	i += n
	for i < len(b) {
		k, n := classAt(b, i)
		if k == kPartialChar {
			return -1, tokPartialChar
		}
		if !isNameChar(k) {
			return i, 0
		}
		if k == bColon && z.ns {
			if colon {
				return i, tokInvalid
			}
			colon = true
			i++
			if i >= len(b) {
				return -1, tokPartial
			}
			k2, _ := classAt(b, i)
			if k2 == kPartialChar {
				return -1, tokPartialChar
			}
			if !isNmstrt(k2) {
				return i, tokInvalid
			}
			continue
		}
		i += n
	}
	return -1, tokPartial
}

// contentTok scans one token of element content.
func (z *tokenizer) contentTok(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokNone, i
	}
	k, n := classAt(b, i)
	switch k {
	case bLT:
		return z.scanLt(b, i+1)
	case bAmp:
		return z.scanRef(b, i+1)
	case bCR:
		i++
		if i >= end {
			return tokTrailingCR, i
		}
		if b[i] == '\n' {
			i++
		}
		return tokDataNewline, i
	case bLF:
		return tokDataNewline, i + 1
	case bRSqb:
		i++
		if i >= end {
			return tokTrailingRSqb, i
		}
		if b[i] == ']' {
			if i+1 >= end {
				return tokTrailingRSqb, i
			}
			if b[i+1] == '>' {
				return tokInvalid, i + 1
			}
		}
	case bNonXML:
		return tokInvalid, i
	case kPartialChar:
		return tokPartialChar, i
	default:
		i += n
	}
	return z.dataRun(b, i, false)
}

// dataRun extends a run of character data from i; in a CDATA section a
// run also stops at ']' but "]]>" is the section's end, not an error.
func (z *tokenizer) dataRun(b []byte, i int, cdata bool) (int, int) {
	end := len(b)
	for i < end {
		c := b[i]
		if c < 0x80 {
			switch byteClass[c] {
			case bRSqb:
				if cdata {
					return tokDataChars, i
				}
				if i+1 < end {
					if b[i+1] != ']' {
						i++
						continue
					}
					if i+2 < end {
						if b[i+2] != '>' {
							i++
							continue
						}
						return tokInvalid, i + 2
					}
				}
				return tokDataChars, i
			case bAmp, bLT, bNonXML, bCR, bLF:
				return tokDataChars, i
			}
			i++
			continue
		}
		_, n, st := decodeAt(b[i:])
		if st != chOK {
			return tokDataChars, i
		}
		i += n
	}
	return tokDataChars, i
}

// cdataTok scans one token inside a CDATA section.
func (z *tokenizer) cdataTok(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokNone, i
	}
	k, n := classAt(b, i)
	switch k {
	case bRSqb:
		i++
		if i >= end {
			return tokPartial, i
		}
		if b[i] != ']' {
			break
		}
		i++
		if i >= end {
			return tokPartial, i
		}
		if b[i] != '>' {
			i--
			break
		}
		return tokCdataClose, i + 1
	case bCR:
		i++
		if i >= end {
			return tokPartial, i
		}
		if b[i] == '\n' {
			i++
		}
		return tokDataNewline, i
	case bLF:
		return tokDataNewline, i + 1
	case bNonXML:
		return tokInvalid, i
	case kPartialChar:
		return tokPartialChar, i
	default:
		i += n
	}
	for i < end {
		c := b[i]
		if c < 0x80 {
			switch byteClass[c] {
			case bRSqb, bNonXML, bCR, bLF:
				return tokDataChars, i
			}
			i++
			continue
		}
		_, n, st := decodeAt(b[i:])
		if st != chOK {
			return tokDataChars, i
		}
		i += n
	}
	return tokDataChars, i
}

// scanLt scans after '<' in content.
func (z *tokenizer) scanLt(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokPartial, i
	}
	k, _ := classAt(b, i)
	switch {
	case k == bExcl:
		i++
		if i >= end {
			return tokPartial, i
		}
		switch b[i] {
		case '-':
			return z.scanComment(b, i+1)
		case '[':
			return z.scanCdataOpen(b, i+1)
		}
		return tokInvalid, i
	case k == bQuest:
		return z.scanPI(b, i+1)
	case k == bSol:
		return z.scanEndTag(b, i+1)
	case k == kPartialChar:
		return tokPartialChar, i
	case !isNmstrt(k):
		if k == bColon && !z.ns {
			break
		}
		return tokInvalid, i
	}
	return z.scanStartTag(b, i)
}

func (z *tokenizer) scanComment(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokPartial, i
	}
	if b[i] != '-' {
		return tokInvalid, i
	}
	i++
	for i < end {
		k, n := classAt(b, i)
		switch k {
		case bNonXML:
			return tokInvalid, i
		case kPartialChar:
			return tokPartialChar, i
		case bMinus:
			i++
			if i >= end {
				return tokPartial, i
			}
			if b[i] == '-' {
				i++
				if i >= end {
					return tokPartial, i
				}
				if b[i] != '>' {
					return tokInvalid, i
				}
				return tokComment, i + 1
			}
			continue
		}
		i += n
	}
	return tokPartial, i
}

func (z *tokenizer) scanCdataOpen(b []byte, i int) (int, int) {
	const want = "CDATA["
	for j := 0; j < len(want); j++ {
		if i >= len(b) {
			return tokPartial, i
		}
		if b[i] != want[j] {
			return tokInvalid, i
		}
		i++
	}
	return tokCdataOpen, i
}

// scanPI scans a processing instruction after "<?"; an "xml" target makes
// it an XML (or text) declaration.
func (z *tokenizer) scanPI(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokPartial, i
	}
	k, _ := classAt(b, i)
	if k == kPartialChar {
		return tokPartialChar, i
	}
	if !isNmstrt(k) && !(k == bColon && !z.ns) {
		return tokInvalid, i
	}
	start := i
	if z.ns {
		// with namespaces a target may not contain a colon at all
		for k := i; k < len(b); {
			c, n := classAt(b, k)
			if c == bColon {
				return tokInvalid, k
			}
			if !isNameChar(c) {
				break
			}
			k += n
		}
	}
	j, bad := z.scanName(b, i)
	if j < 0 {
		return bad, i
	}
	if bad == tokInvalid {
		return tokInvalid, j
	}
	tok := tokPI
	if name := b[start:j]; len(name) == 3 && (name[0]|0x20) == 'x' && (name[1]|0x20) == 'm' && (name[2]|0x20) == 'l' {
		if string(name) != "xml" {
			return tokInvalid, j
		}
		tok = tokXMLDecl
	}
	k, _ = classAt(b, j)
	switch k {
	case bS, bCR, bLF:
	case bQuest:
		j++
		if j >= end {
			return tokPartial, j
		}
		if b[j] != '>' {
			return tokInvalid, j
		}
		return tok, j + 1
	default:
		return tokInvalid, j
	}
	i = j + 1
	for i < end {
		k, n := classAt(b, i)
		switch k {
		case bNonXML:
			return tokInvalid, i
		case kPartialChar:
			return tokPartialChar, i
		case bQuest:
			i++
			if i >= end {
				return tokPartial, i
			}
			if b[i] == '>' {
				return tok, i + 1
			}
			continue
		}
		i += n
	}
	return tokPartial, i
}

func (z *tokenizer) scanEndTag(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokPartial, i
	}
	k, _ := classAt(b, i)
	if k == kPartialChar {
		return tokPartialChar, i
	}
	if !isNmstrt(k) && !(k == bColon && !z.ns) {
		return tokInvalid, i
	}
	j, bad := z.scanName(b, i)
	if j < 0 {
		return bad, i
	}
	if bad == tokInvalid {
		return tokInvalid, j
	}
	z.nameEnd = j
	for j < end {
		switch b[j] {
		case ' ', '\t', '\r', '\n':
			j++
			continue
		case '>':
			return tokEndTag, j + 1
		}
		if k, _ := classAt(b, j); k == kPartialChar {
			return tokPartialChar, j
		}
		return tokInvalid, j
	}
	return tokPartial, j
}

// scanStartTag scans a start tag from its name at i, recording the
// attributes in z.atts.
func (z *tokenizer) scanStartTag(b []byte, i int) (int, int) {
	end := len(b)
	z.atts = z.atts[:0]
	j, bad := z.scanName(b, i)
	if j < 0 {
		return bad, i
	}
	if bad == tokInvalid {
		return tokInvalid, j
	}
	z.nameEnd = j
	i = j
	for {
		// after the element name or an attribute value
		if i >= end {
			return tokPartial, i
		}
		sawSpace := false
		for i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
			i++
			sawSpace = true
		}
		if i >= end {
			return tokPartial, i
		}
		k, _ := classAt(b, i)
		switch {
		case k == bGT:
			return tokStartTag, i + 1
		case k == bSol:
			i++
			if i >= end {
				return tokPartial, i
			}
			if b[i] != '>' {
				return tokInvalid, i
			}
			return tokEmptyElement, i + 1
		case k == kPartialChar:
			return tokPartialChar, i
		case !sawSpace:
			return tokInvalid, i
		case isNmstrt(k) || k == bColon && !z.ns:
		default:
			return tokInvalid, i
		}
		// an attribute
		var a attRaw
		a.name = i
		j, bad := z.scanName(b, i)
		if j < 0 {
			return bad, i
		}
		if bad == tokInvalid {
			return tokInvalid, j
		}
		a.nameEnd = j
		i = j
		for i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
			i++
		}
		if i >= end {
			return tokPartial, i
		}
		if b[i] != '=' {
			if k, _ := classAt(b, i); k == kPartialChar {
				return tokPartialChar, i
			}
			return tokInvalid, i
		}
		i++
		for i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
			i++
		}
		if i >= end {
			return tokPartial, i
		}
		q := b[i]
		if q != '"' && q != '\'' {
			if k, _ := classAt(b, i); k == kPartialChar {
				return tokPartialChar, i
			}
			return tokInvalid, i
		}
		i++
		a.val = i
		a.plain = true
		for {
			if i >= end {
				return tokPartial, i
			}
			c := b[i]
			if c == q {
				break
			}
			if c < 0x80 {
				switch byteClass[c] {
				case bNonXML:
					return tokInvalid, i
				case bLT:
					return tokInvalid, i
				case bAmp:
					a.plain = false
					t, nx := z.scanRef(b, i+1)
					if t != tokEntityRef && t != tokCharRef {
						return t, nx
					}
					i = nx
					continue
				case bS, bCR, bLF:
					if c != ' ' {
						a.plain = false
					}
				}
				i++
				continue
			}
			_, n, st := decodeAt(b[i:])
			switch st {
			case chPartial:
				return tokPartialChar, i
			case chInvalid:
				return tokInvalid, i
			}
			i += n
		}
		a.valEnd = i
		z.atts = append(z.atts, a)
		i++
		if i >= end {
			return tokPartial, i
		}
		switch b[i] {
		case ' ', '\t', '\r', '\n', '/', '>':
		default:
			if k, _ := classAt(b, i); k == kPartialChar {
				return tokPartialChar, i
			}
			return tokInvalid, i
		}
	}
}

// scanRef scans a reference after '&'.
func (z *tokenizer) scanRef(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokPartial, i
	}
	k, _ := classAt(b, i)
	if k == bNum {
		return z.scanCharRef(b, i+1)
	}
	if k == kPartialChar {
		return tokPartialChar, i
	}
	if !isNmstrt(k) && !(k == bColon && !z.ns) {
		return tokInvalid, i
	}
	j, bad := z.scanName(b, i)
	if j < 0 {
		return bad, i
	}
	if bad == tokInvalid {
		return tokInvalid, j
	}
	if b[j] != ';' {
		return tokInvalid, j
	}
	return tokEntityRef, j + 1
}

func (z *tokenizer) scanCharRef(b []byte, i int) (int, int) {
	end := len(b)
	if i >= end {
		return tokPartial, i
	}
	hex := false
	if b[i] == 'x' {
		hex = true
		i++
		if i >= end {
			return tokPartial, i
		}
	}
	isDigit := func(c byte) bool {
		if c >= '0' && c <= '9' {
			return true
		}
		return hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
	}
	if !isDigit(b[i]) {
		return tokInvalid, i
	}
	for i++; i < end; i++ {
		c := b[i]
		if c == ';' {
			return tokCharRef, i + 1
		}
		if !isDigit(c) {
			return tokInvalid, i
		}
	}
	return tokPartial, i
}

// isSpace reports XML white space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// prologTok scans one token of the prolog, the DTD's internal subset or
// the epilog. trailing reports a token that ends at the end of the buffer
// and might go on with more input (a name, a literal, ')'): it is final
// only if the input is.
func (z *tokenizer) prologTok(b []byte, i int) (tok int, next int, trailing bool) {
	end := len(b)
	if i >= end {
		return tokNone, i, false
	}
	k, n := classAt(b, i)
	switch k {
	case bQuot, bApos:
		return z.scanLit(b, i+1, b[i])
	case bLT:
		j := i + 1
		if j >= end {
			return tokPartial, j, false
		}
		k2, _ := classAt(b, j)
		switch {
		case k2 == bExcl:
			j++
			if j >= end {
				return tokPartial, j, false
			}
			switch b[j] {
			case '-':
				t, nx := z.scanComment(b, j+1)
				return t, nx, false
			case '[':
				return tokCondSectOpen, j + 1, false
			}
			c := b[j]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return tokInvalid, j, false
			}
			for j++; j < end; j++ {
				c := b[j]
				switch {
				case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ':' && !z.ns:
					continue
				case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '%':
					return tokDeclOpen, j, false
				}
				return tokInvalid, j, false
			}
			return tokPartial, j, false
		case k2 == bQuest:
			t, nx := z.scanPI(b, j+1)
			return t, nx, false
		case k2 == kPartialChar:
			return tokPartialChar, j, false
		case isNmstrt(k2) || k2 == bColon && !z.ns:
			return tokInstanceStart, i + 1, false
		}
		return tokInvalid, j, false
	case bCR, bS, bLF:
		j := i
		for j < end {
			switch b[j] {
			case ' ', '\t', '\n':
				j++
				continue
			case '\r':
				if j+1 == end && j > i {
					return tokPrologS, j, false
				}
				if j+1 == end {
					return tokPrologS, j + 1, true
				}
				j++
				continue
			}
			break
		}
		return tokPrologS, j, false
	case bPercnt:
		j := i + 1
		if j >= end {
			return tokPartial, j, false
		}
		k2, _ := classAt(b, j)
		switch {
		case k2 == bS || k2 == bCR || k2 == bLF || k2 == bPercnt:
			return tokPercent, j, false
		case k2 == kPartialChar:
			return tokPartialChar, j, false
		case isNmstrt(k2) || k2 == bColon && !z.ns:
		default:
			return tokInvalid, j, false
		}
		e, bad := z.scanName(b, j)
		if e < 0 {
			return bad, j, false
		}
		if bad == tokInvalid {
			return tokInvalid, e, false
		}
		if b[e] != ';' {
			return tokInvalid, e, false
		}
		return tokParamEntityRef, e + 1, false
	case bLSqb:
		return tokOpenBracket, i + 1, false
	case bRSqb:
		j := i + 1
		if j >= end {
			return tokCloseBracket, j, true
		}
		if b[j] == ']' {
			if j+1 >= end {
				return tokPartial, j, false
			}
			if b[j+1] == '>' {
				return tokCondSectClose, j + 2, false
			}
		}
		return tokCloseBracket, j, false
	case bLPar:
		return tokOpenParen, i + 1, false
	case bRPar:
		j := i + 1
		if j >= end {
			return tokCloseParen, j, true
		}
		switch b[j] {
		case '*':
			return tokCloseParenAsterisk, j + 1, false
		case '?':
			return tokCloseParenQuestion, j + 1, false
		case '+':
			return tokCloseParenPlus, j + 1, false
		case ' ', '\t', '\r', '\n', '>', ',', '|', ')':
			return tokCloseParen, j, false
		}
		if k, _ := classAt(b, j); k == kPartialChar {
			return tokPartialChar, j, false
		}
		return tokInvalid, j, false
	case bVerbar:
		return tokOr, i + 1, false
	case bComma:
		return tokComma, i + 1, false
	case bGT:
		return tokDeclClose, i + 1, false
	case bNum:
		j := i + 1
		if j >= end {
			return tokPartial, j, false
		}
		k2, _ := classAt(b, j)
		if k2 == kPartialChar {
			return tokPartialChar, j, false
		}
		if !isNmstrt(k2) {
			return tokInvalid, j, false
		}
		for j < end {
			k3, n3 := classAt(b, j)
			if k3 == kPartialChar {
				return tokPartialChar, j, false
			}
			if isNameChar(k3) && !(k3 == bColon && z.ns) {
				j += n3
				continue
			}
			switch k3 {
			case bCR, bLF, bS, bRPar, bGT, bPercnt, bVerbar:
				return tokPoundName, j, false
			}
			return tokInvalid, j, false
		}
		return tokPoundName, j, true
	case kPartialChar:
		return tokPartialChar, i, false
	}
	// with namespaces a name may hold one colon, not first and followed
	// by a name character; anything else with colons is a name token
	tok = tokName
	colon := false
	if !isNmstrt(k) && k != bColon {
		switch k {
		case bDigit, bName, bMinus, kNameHigh:
			tok = tokNmtoken
		default:
			return tokInvalid, i, false
		}
	}
	if k == bColon && z.ns {
		tok = tokNmtoken
	}
	j := i + n
	for j < end {
		k3, n3 := classAt(b, j)
		if k3 == kPartialChar {
			return tokPartialChar, j, false
		}
		if k3 == bColon && z.ns {
			j++
			if tok == tokName && !colon {
				colon = true
				if j >= end {
					return tok, j, true
				}
				if k4, _ := classAt(b, j); !isNameChar(k4) || k4 == bColon {
					tok = tokNmtoken
				}
			} else {
				tok = tokNmtoken
			}
			continue
		}
		if isNameChar(k3) {
			j += n3
			continue
		}
		switch k3 {
		case bGT, bRPar, bComma, bVerbar, bLSqb, bPercnt, bS, bCR, bLF:
			return tok, j, false
		case bPlus, bAst, bQuest:
			if tok == tokNmtoken {
				return tokInvalid, j, false
			}
			switch k3 {
			case bPlus:
				return tokNamePlus, j + 1, false
			case bAst:
				return tokNameAsterisk, j + 1, false
			}
			return tokNameQuestion, j + 1, false
		}
		return tokInvalid, j, false
	}
	return tok, j, true
}

// scanLit scans a quoted literal in the prolog.
func (z *tokenizer) scanLit(b []byte, i int, q byte) (int, int, bool) {
	end := len(b)
	for i < end {
		c := b[i]
		if c == q {
			i++
			if i >= end {
				return tokLiteral, i, true
			}
			switch b[i] {
			case ' ', '\t', '\r', '\n', '>', '%', '[':
				return tokLiteral, i, false
			}
			if k, _ := classAt(b, i); k == kPartialChar {
				return tokPartialChar, i, false
			}
			return tokInvalid, i, false
		}
		if c < 0x80 {
			if byteClass[c] == bNonXML {
				return tokInvalid, i, false
			}
			i++
			continue
		}
		_, n, st := decodeAt(b[i:])
		switch st {
		case chPartial:
			return tokPartialChar, i, false
		case chInvalid:
			return tokInvalid, i, false
		}
		i += n
	}
	return tokPartial, i, false
}
