package pyfmt

import "strings"

// numParts is a number split the way CPython's calc_number_widths and
// fill_number see it:
//
//	<lpad> <sign> <prefix> <spad> <grouped digits> <decimal> <remainder> <rpad>
type numParts struct {
	neg       bool   // the number is negative
	prefix    string // "0x" and friends
	digits    string // ASCII digits that grouping applies to
	decimal   bool   // a decimal point follows the digits
	remainder string // everything after the digits (and the point)
}

// splitNumber is parse_number applied to a formatted float: the leading
// '-' is the sign, then the run of digits, then an optional point, then the
// remainder.
func splitNumber(s string) numParts {
	var p numParts
	if strings.HasPrefix(s, "-") {
		p.neg = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	p.digits = s[:i]
	s = s[i:]
	if strings.HasPrefix(s, ".") {
		p.decimal = true
		s = s[1:]
	}
	p.remainder = s
	return p
}

// groupDigits is _PyUnicode_InsertThousandsGrouping: it inserts sep every
// size digits from the right (size 0: no grouping) and, when minWidth asks
// for it, pads on the left with zeros that are grouped too.
func groupDigits(digits string, minWidth int, sep string, size int) string {
	minWidth = max(minWidth, 0)
	var chunks []string // right to left
	remaining := len(digits)
	pos := len(digits)
	take := func(l int) {
		nZeros := max(0, l-remaining)
		nChars := max(0, min(remaining, l))
		chunks = append(chunks, strings.Repeat("0", nZeros)+digits[pos-nChars:pos])
		pos -= nChars
		remaining -= nChars
	}
	broken := false
	if size > 0 {
		for {
			l := min(size, max(remaining, minWidth, 1))
			take(l)
			minWidth -= l
			if remaining <= 0 && minWidth <= 0 {
				broken = true
				break
			}
			minWidth -= len(sep)
		}
	}
	if !broken {
		take(max(remaining, minWidth, 1))
	}
	var b strings.Builder
	for i := len(chunks) - 1; i >= 0; i-- {
		b.WriteString(chunks[i])
		if i > 0 {
			b.WriteString(sep)
		}
	}
	return b.String()
}

// fillNumber lays out a number by calc_number_widths and fill_number.
// upper upper-cases the prefix and digits (the 'X' type).
func fillNumber(p numParts, r resolved, upper bool) string {
	sign := ""
	switch r.Sign {
	case '+':
		sign = "+"
		if p.neg {
			sign = "-"
		}
	case ' ':
		sign = " "
		if p.neg {
			sign = "-"
		}
	default:
		if p.neg {
			sign = "-"
		}
	}
	nonDigits := len(sign) + len(p.prefix) + runeLen(p.remainder)
	if p.decimal {
		nonDigits++
	}
	minWidth := 0
	if r.Fill == '0' && r.Align == '=' {
		minWidth = r.Width - nonDigits
	}
	grouped := ""
	if p.digits != "" {
		grouped = groupDigits(p.digits, minWidth, r.sep, r.group)
	}
	var lpad, spad, rpad int
	if n := r.Width - (nonDigits + len(grouped)); n > 0 {
		switch r.Align {
		case '<':
			rpad = n
		case '^':
			lpad = n / 2
			rpad = n - lpad
		case '=':
			spad = n
		default:
			lpad = n
		}
	}
	prefix := p.prefix
	if upper {
		prefix = strings.ToUpper(prefix)
		grouped = strings.ToUpper(grouped)
	}
	var b strings.Builder
	b.WriteString(fillString(r.Fill, lpad))
	b.WriteString(sign)
	b.WriteString(prefix)
	b.WriteString(fillString(r.Fill, spad))
	b.WriteString(grouped)
	if p.decimal {
		b.WriteByte('.')
	}
	b.WriteString(p.remainder)
	b.WriteString(fillString(r.Fill, rpad))
	return b.String()
}

// calcPadding is calc_padding: left and right padding for nchars characters
// in a field of width (-1: none) with the given alignment.
func calcPadding(nchars, width int, align rune) (lpad, rpad int) {
	total := nchars
	if width > nchars {
		total = width
	}
	switch align {
	case '>':
		lpad = total - nchars
	case '^':
		lpad = (total - nchars) / 2
	}
	return lpad, total - nchars - lpad
}

// checkWidth refuses widths whose result could not be allocated.
func checkWidth(width int) error {
	if width >= maxAlloc {
		return memoryErr()
	}
	return nil
}
