package xmlparse

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// The input encodings. expat itself knows UTF-8, UTF-16 (both orders),
// ISO-8859-1 and US-ASCII; any other declared encoding goes to the
// UnknownEncoding callback, which may supply a single-byte table (pyexpat
// builds one from Python's codecs).
type encKind int

const (
	encUndecided encKind = iota
	encUTF8
	encLatin1
	encASCII
	encUTF16BE
	encUTF16LE
	encTable
	encUTF16 // declared or protocol "UTF-16": byte order from the BOM
	encOther
	encPending // declared but not yet looked up: input waits in p.raw
)

// invalidByte stands for input that does not decode: it is never valid
// UTF-8, so the tokenizer reports it as an invalid token.
const invalidByte = 0xFF

func knownEncoding(name string) encKind {
	switch strings.ToUpper(name) {
	case "UTF-8":
		return encUTF8
	case "ISO-8859-1":
		return encLatin1
	case "US-ASCII":
		return encASCII
	case "UTF-16":
		return encUTF16
	case "UTF-16BE":
		return encUTF16BE
	case "UTF-16LE":
		return encUTF16LE
	}
	return encOther
}

// width is how many input bytes a character that takes n bytes of UTF-8
// took in the input encoding.
func (p *Parser) width(n int) int {
	switch p.enc {
	case encUTF16BE, encUTF16LE:
		if n == 4 {
			return 4
		}
		return 2
	case encLatin1, encASCII, encTable:
		return 1
	}
	return n
}

// feed decodes input into p.buf (an error code, or ErrNone).
func (p *Parser) feed(data []byte, final bool) int {
	if p.enc == encPending {
		p.raw = append(p.raw, data...)
		return ErrNone
	}
	if p.enc == encUndecided {
		p.raw = append(p.raw, data...)
		ok, code := p.decide(final)
		if code != ErrNone {
			return code
		}
		if !ok {
			return ErrNone
		}
		data = p.raw
		p.raw = nil
	} else if len(p.raw) > 0 {
		data = append(p.raw, data...)
		p.raw = nil
	}
	p.transcode(data, final)
	return ErrNone
}

// decide chooses the input encoding once enough bytes are there. As in
// expat, the first bytes are looked at even when the encoding was given:
// a byte order mark, or a zero byte in the first two, means UTF-16; then
// the protocol encoding, else UTF-8 or what the XML declaration says.
func (p *Parser) decide(final bool) (bool, int) {
	raw := p.raw
	prot := encUndecided
	if p.protocolEnc != "" {
		prot = knownEncoding(p.protocolEnc)
		if prot == encOther {
			// an encoding only Python knows is used as it is
			if !p.useTable(p.protocolEnc) {
				p.enc = encUTF8
				return true, ErrUnknownEncoding
			}
			return true, ErrNone
		}
	}
	utf16 := prot == encUTF16 || prot == encUTF16BE || prot == encUTF16LE
	if !final {
		switch {
		case len(raw) == 0:
			return false, ErrNone
		case len(raw) == 1:
			if utf16 {
				return false, ErrNone
			}
			switch raw[0] {
			case 0xFE, 0xFF, 0xEF, 0x00, '<':
				return false, ErrNone
			}
		case len(raw) == 2 && raw[0] == 0xEF && raw[1] == 0xBB && p.bomBytes == 0:
			return false, ErrNone
		}
	}
	if len(raw) >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF && p.bomBytes == 0 {
		// the mark counts in positions at once, even while the
		// declaration is still awaited
		p.enc = encUTF8
		p.skipBOM()
		p.enc = encUndecided
		raw = p.raw
		if len(raw) == 0 && !final {
			return false, ErrNone
		}
		if prot != encUndecided {
			p.enc = encUTF8
			return true, ErrNone
		}
	}
	if len(raw) >= 2 && p.bomBytes == 0 {
		switch {
		case raw[0] == 0xFE && raw[1] == 0xFF:
			p.enc = encUTF16BE
			p.skipBOM()
			return true, ErrNone
		case raw[0] == 0xFF && raw[1] == 0xFE:
			p.enc = encUTF16LE
			p.skipBOM()
			return true, ErrNone
		case raw[0] == 0:
			p.enc = encUTF16BE
			return true, ErrNone
		case raw[1] == 0:
			p.enc = encUTF16LE
			return true, ErrNone
		}
	}
	switch prot {
	case encUndecided:
	case encUTF16:
		p.enc = encUTF16BE
		return true, ErrNone
	default:
		p.enc = prot
		return true, ErrNone
	}
	p.enc = encUTF8
	rest := raw
	const decl = "<?xml"
	if len(rest) < len(decl)+1 {
		if !final && strings.HasPrefix(decl+" ", string(rest)) {
			p.enc = encUndecided
			return false, ErrNone
		}
		p.skipBOM()
		return true, ErrNone
	}
	if !bytes.HasPrefix(rest, []byte(decl)) || !isSpace(rest[len(decl)]) {
		p.skipBOM()
		return true, ErrNone
	}
	end := bytes.Index(rest, []byte("?>"))
	if end < 0 && !final && len(rest) < 4096 {
		p.enc = encUndecided
		return false, ErrNone
	}
	if end < 0 {
		end = len(rest)
	}
	name := declaredEncoding(rest[:end])
	p.skipBOM()
	if name == "" {
		return true, ErrNone
	}
	switch k := knownEncoding(name); k {
	case encUTF8, encLatin1, encASCII:
		p.enc = k
	case encUTF16, encUTF16BE, encUTF16LE:
		p.declEncErr = ErrIncorrectEncoding
	default:
		// pyexpat's codec lookup happens when the declaration is
		// processed, after its handler: until then only the declaration
		// itself (ASCII) is decoded
		end += len("?>")
		if end > len(rest) {
			end = len(rest)
		}
		p.enc = encPending
		p.pendingEnc = name
		p.buf = append(p.buf, rest[:end]...)
		p.raw = append([]byte(nil), rest[end:]...)
		return false, ErrNone
	}
	return true, ErrNone
}

// resolvePending settles an encoding declared but unknown to expat, once
// its declaration has been reported.
func (p *Parser) resolvePending() int {
	name := p.pendingEnc
	p.pendingEnc = ""
	if !p.useTable(name) {
		p.enc = encUTF8
		p.raw = nil
		return ErrUnknownEncoding
	}
	raw := p.raw
	p.raw = nil
	p.transcode(raw, p.final)
	return ErrNone
}

func (p *Parser) useTable(name string) bool {
	if p.UnknownEncoding == nil {
		return false
	}
	t, ok, err := p.UnknownEncoding(name)
	if err != nil {
		p.encErr = err
		return false
	}
	if !ok {
		return false
	}
	p.enc = encTable
	p.table = t
	return true
}

// skipBOM drops a byte order mark matching the chosen encoding.
func (p *Parser) skipBOM() {
	if p.bomBytes > 0 {
		return
	}
	r := p.raw
	switch p.enc {
	case encUTF8:
		if len(r) >= 3 && r[0] == 0xEF && r[1] == 0xBB && r[2] == 0xBF {
			p.raw = r[3:]
			p.bomBytes = 3
			p.col = 1 // expat counts the mark as a column
		}
	case encUTF16:
		if len(r) >= 2 && r[0] == 0xFF && r[1] == 0xFE {
			p.enc = encUTF16LE
		}
		fallthrough
	case encUTF16BE, encUTF16LE:
		if len(r) >= 2 && (r[0] == 0xFE && r[1] == 0xFF || r[0] == 0xFF && r[1] == 0xFE) {
			if r[0] == 0xFF {
				p.enc = encUTF16LE
			} else {
				p.enc = encUTF16BE
			}
			p.raw = r[2:]
			p.bomBytes = 2
			p.col = 1
		}
	}
}

// declaredEncoding finds encoding="..." in an XML declaration, leniently:
// the declaration is checked properly when it is parsed.
func declaredEncoding(d []byte) string {
	i := bytes.Index(d, []byte("encoding"))
	if i < 0 {
		return ""
	}
	i += len("encoding")
	for i < len(d) && isSpace(d[i]) {
		i++
	}
	if i >= len(d) || d[i] != '=' {
		return ""
	}
	i++
	for i < len(d) && isSpace(d[i]) {
		i++
	}
	if i >= len(d) || d[i] != '"' && d[i] != '\'' {
		return ""
	}
	q := d[i]
	j := bytes.IndexByte(d[i+1:], q)
	if j < 0 {
		return ""
	}
	return string(d[i+1 : i+1+j])
}

// transcode appends decoded input to p.buf, keeping an incomplete
// trailing sequence in p.raw until more input comes.
func (p *Parser) transcode(data []byte, final bool) {
	switch p.enc {
	case encUTF8:
		p.buf = append(p.buf, data...)
	case encLatin1:
		for _, c := range data {
			p.buf = utf8.AppendRune(p.buf, rune(c))
		}
	case encASCII:
		for _, c := range data {
			if c >= 0x80 {
				p.buf = append(p.buf, invalidByte)
			} else {
				p.buf = append(p.buf, c)
			}
		}
	case encTable:
		for _, c := range data {
			r := p.table[c]
			if r < 0 {
				p.buf = append(p.buf, invalidByte)
			} else {
				p.buf = utf8.AppendRune(p.buf, r)
			}
		}
	case encUTF16BE, encUTF16LE:
		i := 0
		unit := func(j int) rune {
			if p.enc == encUTF16BE {
				return rune(data[j])<<8 | rune(data[j+1])
			}
			return rune(data[j+1])<<8 | rune(data[j])
		}
		for i+1 < len(data) {
			u := unit(i)
			switch {
			case u >= 0xD800 && u < 0xDC00:
				if i+3 >= len(data) {
					if !final {
						p.raw = append(p.raw[:0], data[i:]...)
						return
					}
					p.buf = append(p.buf, invalidByte)
					i += 2
					continue
				}
				lo := unit(i + 2)
				if lo < 0xDC00 || lo > 0xDFFF {
					p.buf = append(p.buf, invalidByte)
					i += 2
					continue
				}
				p.buf = utf8.AppendRune(p.buf, 0x10000+(u-0xD800)<<10+(lo-0xDC00))
				i += 4
			case u >= 0xDC00 && u <= 0xDFFF:
				p.buf = append(p.buf, invalidByte)
				i += 2
			default:
				p.buf = utf8.AppendRune(p.buf, u)
				i += 2
			}
		}
		if i < len(data) {
			if !final {
				p.raw = append(p.raw[:0], data[i:]...)
			} else {
				p.buf = append(p.buf, invalidByte)
			}
		}
	}
}
