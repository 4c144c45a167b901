package pyfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// StrRepr returns repr(s) for a str holding the code points of s, as
// CPython's unicode_repr: single quotes unless s contains ' and no ", the
// escapes \\ \t \n \r, \xhh for other control characters, and \xhh, \uhhhh
// or \Uhhhhhhhh for non-printable code points. Bytes of s that are not
// valid UTF-8 are shown as the code points U+DC80..U+DCFF (as surrogate
// escapes would be): \udc80...
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+2)
	b = append(b, quote)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			r = 0xDC00 + rune(s[i])
		}
		i += size
		switch {
		case r == rune(quote) || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < ' ' || r == 0x7f:
			b = append(b, '\\', 'x', hex[r>>4], hex[r&15])
		case r < 0x7f:
			b = append(b, byte(r))
		case unicode.IsPrint(r) && !(r >= 0xD800 && r < 0xE000):
			b = utf8.AppendRune(b, r)
		case r <= 0xff:
			b = append(b, '\\', 'x', hex[r>>4], hex[r&15])
		case r <= 0xffff:
			b = append(b, '\\', 'u', hex[r>>12], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			b = append(b, '\\', 'U')
			for sh := 28; sh >= 0; sh -= 4 {
				b = append(b, hex[r>>sh&15])
			}
		}
	}
	return string(append(b, quote))
}
