package strops

import "strings"

const hexDigits = "0123456789abcdef"

// quoteFor picks repr's quote: single, unless the text holds a single quote
// and no double quote.
func quoteFor(hasSingle, hasDouble bool) byte {
	if hasSingle && !hasDouble {
		return '"'
	}
	return '\''
}

// Repr is repr() of a str: printable characters (str.isprintable) are kept,
// others escaped as \t \n \r \xhh \uhhhh or \Uhhhhhhhh.
func Repr(s string) string { return repr(s, false) }

// ASCII is ascii() of a str: Repr with every non-ASCII character escaped.
func ASCII(s string) string { return repr(s, true) }

func repr(s string, asciiOnly bool) string {
	q := quoteFor(strings.IndexByte(s, '\'') >= 0, strings.IndexByte(s, '"') >= 0)
	b := make([]byte, 0, len(s)+2)
	b = append(b, q)
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		switch {
		case r == rune(q) || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < ' ' || r == 0x7f:
			b = append(b, '\\', 'x', hexDigits[r>>4], hexDigits[r&15])
		case r < 0x7f:
			b = append(b, byte(r))
		case !asciiOnly && IsPrintableRune(r):
			b = append(b, s[i:i+n]...)
		default:
			b = appendEscape(b, r)
		}
		i += n
	}
	b = append(b, q)
	return string(b)
}

// appendEscape appends \xhh, \uhhhh or \Uhhhhhhhh for r.
func appendEscape(b []byte, r rune) []byte {
	switch {
	case r <= 0xff:
		return append(b, '\\', 'x', hexDigits[r>>4], hexDigits[r&15])
	case r <= 0xffff:
		return append(b, '\\', 'u', hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
	}
	b = append(b, '\\', 'U')
	for sh := 28; sh >= 0; sh -= 4 {
		b = append(b, hexDigits[r>>uint(sh)&15])
	}
	return b
}

// BytesRepr is repr() of a bytes object: b'...' with \t \n \r \\ and \xhh
// for bytes outside 0x20..0x7e. (bytearray's repr wraps it.)
func BytesRepr(p []byte) string {
	q := quoteFor(indexByte(p, '\'') >= 0, indexByte(p, '"') >= 0)
	b := make([]byte, 0, len(p)+3)
	b = append(b, 'b', q)
	for _, c := range p {
		switch {
		case c == q || c == '\\':
			b = append(b, '\\', c)
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < ' ' || c >= 0x7f:
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		default:
			b = append(b, c)
		}
	}
	b = append(b, q)
	return string(b)
}

func indexByte(p []byte, c byte) int {
	for i, x := range p {
		if x == c {
			return i
		}
	}
	return -1
}
