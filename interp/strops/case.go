package strops

import "strings"

// Full case mappings of one code point (Unicode SpecialCasing included).

func toLowerFull(r rune) string {
	if c := caseOf(r); c != nil {
		return c.lower
	}
	return ""
}

// appendMapped appends the mapping m of r, or r itself when m is "".
func appendMapped(b []byte, r rune, m string) []byte {
	if m == "" {
		return AppendRune(b, r)
	}
	return append(b, m...)
}

func mapUpper(r rune) string {
	if c := caseOf(r); c != nil {
		return c.upper
	}
	return ""
}

func mapTitle(r rune) string {
	if c := caseOf(r); c != nil {
		return c.title
	}
	return ""
}

func mapFold(r rune) string {
	if c := caseOf(r); c != nil {
		return c.fold
	}
	return ""
}

// appendLower appends the lowercase of the code point r found at byte
// offset i of s; capital sigma becomes final sigma at the end of a word.
func appendLower(b []byte, s string, i int, r rune) []byte {
	if r == 0x3A3 {
		return AppendRune(b, sigmaAt(s, i))
	}
	return appendMapped(b, r, toLowerFull(r))
}

// sigmaAt decides between σ and ς for the capital sigma at byte offset i
// of s: ς when a cased letter precedes it and none follows it, skipping
// case-ignorable characters both ways (CPython's handle_capital_sigma).
func sigmaAt(s string, i int) rune {
	j := i
	var c rune
	found := false
	for j > 0 {
		r, n := decodeLastRune(s[:j])
		j -= n
		if !IsCaseIgnorableRune(r) {
			c, found = r, true
			break
		}
	}
	if !found || !IsCasedRune(c) {
		return 0x3C3
	}
	j = i + 2 // U+03A3 is two bytes
	for j < len(s) {
		r, n := decodeRune(s[j:])
		j += n
		if !IsCaseIgnorableRune(r) {
			if IsCasedRune(r) {
				return 0x3C3
			}
			break
		}
	}
	return 0x3C2
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if c := b[k]; c >= 'A' && c <= 'Z' {
					b[k] = c + 32
				}
			}
			return string(b)
		}
	}
	return s
}

func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if c := b[k]; c >= 'a' && c <= 'z' {
					b[k] = c - 32
				}
			}
			return string(b)
		}
	}
	return s
}

// Lower is str.lower.
func Lower(s string) string {
	if IsASCII(s) {
		return asciiLower(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < 0x80 {
			b = append(b, toLowerByte(c))
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		b = appendLower(b, s, i, r)
		i += n
	}
	return string(b)
}

// Upper is str.upper ('ß' becomes 'SS').
func Upper(s string) string {
	if IsASCII(s) {
		return asciiUpper(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < 0x80 {
			b = append(b, toUpperByte(c))
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		b = appendMapped(b, r, mapUpper(r))
		i += n
	}
	return string(b)
}

// Casefold is str.casefold.
func Casefold(s string) string {
	if IsASCII(s) {
		return asciiLower(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < 0x80 {
			b = append(b, toLowerByte(c))
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		b = appendMapped(b, r, mapFold(r))
		i += n
	}
	return string(b)
}

// Capitalize is str.capitalize: since 3.8 the first character is
// titlecased (not uppercased) and the rest lowercased.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	b := make([]byte, 0, len(s))
	r, n := decodeRune(s)
	b = appendMapped(b, r, mapTitle(r))
	for i := n; i < len(s); {
		r, n := decodeRune(s[i:])
		b = appendLower(b, s, i, r)
		i += n
	}
	return string(b)
}

// Title is str.title: a character following a cased one is lowercased,
// any other is titlecased.
func Title(s string) string {
	b := make([]byte, 0, len(s))
	prevCased := false
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		if prevCased {
			b = appendLower(b, s, i, r)
		} else {
			b = appendMapped(b, r, mapTitle(r))
		}
		prevCased = IsCasedRune(r)
		i += n
	}
	return string(b)
}

// Swapcase is str.swapcase: Uppercase characters are lowercased and
// Lowercase ones uppercased.
func Swapcase(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		switch f := flagsOf(r); {
		case f&fUpper != 0:
			b = appendLower(b, s, i, r)
		case f&fLower != 0:
			b = appendMapped(b, r, mapUpper(r))
		default:
			b = AppendRune(b, r)
		}
		i += n
	}
	return string(b)
}

// Join concatenates parts with sep between them (str.join once the runtime
// has checked that every item is a str).
func Join(sep string, parts []string) string { return strings.Join(parts, sep) }
