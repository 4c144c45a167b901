// Package xmlparse is a streaming, non-validating XML 1.0 parser that
// behaves like expat 2.5 (the parser behind CPython's pyexpat): the same
// events in the same pieces, the same well-formedness errors reported at
// the same positions, incremental input split anywhere (inside tags,
// inside multi-byte characters), internal DTD subsets with entity
// declarations, attribute defaults, namespaces, and expat's limit on
// entity amplification.
//
// The parser works on UTF-8. Input in another encoding is transcoded as
// it arrives (encoding.go); invalid input bytes become bytes that are
// never valid UTF-8, so that the tokenizer reports them where expat
// would. Positions are counted as expat counts them: lines, columns in
// characters, and byte offsets in the input's own encoding.
//
// A Parser is not safe for concurrent use; its owner serialises calls.
package xmlparse

import (
	"unicode"
	"unicode/utf8"
)

// Byte classes of ASCII characters, after expat's tokenizer tables (the
// facts are XML's grammar; the names are ours).
const (
	bNonXML = iota // not allowed in XML documents
	bOther         // allowed data character with no special meaning
	bLT            // <
	bAmp           // &
	bRSqb          // ]
	bCR            // \r
	bLF            // \n
	bS             // space, tab
	bGT            // >
	bQuot          // "
	bApos          // '
	bEquals        // =
	bQuest         // ?
	bExcl          // !
	bSol           // /
	bSemi          // ;
	bNum           // #
	bLSqb          // [
	bPercnt        // %
	bLPar          // (
	bRPar          // )
	bAst           // *
	bPlus          // +
	bComma         // ,
	bVerbar        // |
	bNmstrt        // letters and _
	bColon         // :
	bHex           // a-f A-F (name start, hex digit)
	bDigit         // 0-9
	bName          // . and -
	bMinus         // -
	bHigh          // >= 0x80: look at the decoded rune
)

var byteClass [256]uint8

func init() {
	for i := 0; i < 256; i++ {
		c := byte(i)
		var k uint8
		switch {
		case c >= 0x80:
			k = bHigh
		case c == '\t' || c == ' ':
			k = bS
		case c == '\n':
			k = bLF
		case c == '\r':
			k = bCR
		case c < 0x20:
			k = bNonXML
		case c == '<':
			k = bLT
		case c == '&':
			k = bAmp
		case c == ']':
			k = bRSqb
		case c == '>':
			k = bGT
		case c == '"':
			k = bQuot
		case c == '\'':
			k = bApos
		case c == '=':
			k = bEquals
		case c == '?':
			k = bQuest
		case c == '!':
			k = bExcl
		case c == '/':
			k = bSol
		case c == ';':
			k = bSemi
		case c == '#':
			k = bNum
		case c == '[':
			k = bLSqb
		case c == '%':
			k = bPercnt
		case c == '(':
			k = bLPar
		case c == ')':
			k = bRPar
		case c == '*':
			k = bAst
		case c == '+':
			k = bPlus
		case c == ',':
			k = bComma
		case c == '|':
			k = bVerbar
		case c == ':':
			k = bColon
		case c >= '0' && c <= '9':
			k = bDigit
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
			k = bHex
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
			k = bNmstrt
		case c == '.':
			k = bName
		case c == '-':
			k = bMinus
		default:
			k = bOther
		}
		byteClass[i] = k
	}
}

// Results of decoding the character at a position.
const (
	chOK      = iota
	chPartial // the buffer ends inside the character
	chInvalid // malformed UTF-8 or not an XML character
)

// decodeAt decodes the (non-ASCII) character at b[0]. A truncated but so
// far valid sequence is chPartial; anything else that is not an XML Char
// (overlong forms, surrogates, U+FFFE, U+FFFF, bytes that never start a
// character) is chInvalid.
func decodeAt(b []byte) (rune, int, int) {
	// expat takes the sequence length from the lead byte alone (C0 and
	// C1 lead two-byte sequences, F0 to F7 four-byte ones) and checks a
	// sequence only once all of it is there
	c := b[0]
	var n int
	switch {
	case c >= 0xC0 && c <= 0xDF:
		n = 2
	case c >= 0xE0 && c <= 0xEF:
		n = 3
	case c >= 0xF0 && c <= 0xF7:
		n = 4
	default:
		return 0, 1, chInvalid
	}
	if len(b) < n {
		return 0, len(b), chPartial
	}
	r, size := utf8.DecodeRune(b[:n])
	if r == utf8.RuneError && size <= 1 || size != n {
		return 0, 1, chInvalid
	}
	if r == 0xFFFE || r == 0xFFFF {
		return r, n, chInvalid
	}
	return r, n, chOK
}

// isNameStartRune and isNameRune classify non-ASCII characters. expat uses
// XML 1.0's Appendix B classes (Unicode 2.0 letters, digits, combining
// marks and extenders) and allows no character outside the BMP in names;
// the current Unicode categories approximate those classes.
func isNameStartRune(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	return unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r) || r == 0x3007 || r >= 0x3021 && r <= 0x3029
}

func isNameRune(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	return isNameStartRune(r) || unicode.Is(unicode.Lm, r) || unicode.Is(unicode.Mn, r) ||
		unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Nd, r) ||
		r == 0xB7 || r == 0x387
}

// isXMLRune is XML 1.0's Char production.
func isXMLRune(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}
