package pyfmt

import "unicode"

// decimalValue returns the value of r as a decimal digit (Unicode category
// Nd, which is CPython's Py_UNICODE_TODECIMAL), or -1.
func decimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 128 || !unicode.Is(unicode.Nd, r) {
		return -1
	}
	// Every Nd run is made of whole 0..9 sequences, so the distance to the
	// start of the run, modulo 10, is the digit's value.
	n := 0
	for c := r - 1; unicode.Is(unicode.Nd, c); c-- {
		n++
	}
	return n % 10
}

// isPySpace reports whether r is whitespace for str.isspace().
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// isASCIISpace is CPython's Py_ISSPACE.
func isASCIISpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// transformDecimalAndSpace mirrors _PyUnicode_TransformDecimalAndSpaceToASCII:
// non-ASCII whitespace becomes ' ', non-ASCII decimal digits become ASCII
// digits, and the first other non-ASCII character becomes '?' and ends the
// result.
func transformDecimalAndSpace(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 127 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 127:
			out = append(out, byte(r))
		case isPySpace(r):
			out = append(out, ' ')
		default:
			d := decimalValue(r)
			if d < 0 {
				return string(append(out, '?'))
			}
			out = append(out, byte('0'+d))
		}
	}
	return string(out)
}

// runeLen counts code points.
func runeLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			n++
		}
	}
	return n
}
