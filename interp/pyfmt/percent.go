package pyfmt

import (
	"fmt"
	"math"
	"math/big"
	"strings"
)

// PercentFlags are the flags of a %-directive.
type PercentFlags uint8

// The flags of a %-directive.
const (
	FlagLeft  PercentFlags = 1 << iota // '-'
	FlagSign                           // '+'
	FlagBlank                          // ' '
	FlagAlt                            // '#'
	FlagZero                           // '0'
)

// Directive is one piece of a %-format string: literal text (Conv == 0) or
// a conversion.
type Directive struct {
	Literal string // the text, for Conv == 0 ("%%" already made "%")

	HasKey        bool   // "%(key)..."
	Key           string // the mapping key
	KeyIncomplete bool   // the key's parentheses are not closed: Err is set, look nothing up

	Flags     PercentFlags
	Width     int  // -1 when not given
	WidthStar bool // '*': the width is the next argument
	Prec      int  // -1 when not given
	PrecStar  bool // '.*': the precision is the next argument
	Conv      rune // the conversion character
	Index     int  // index (in code points) of Conv in the format string

	// Err is a parse error found in this directive (always the last one).
	Err error

	keyLen int // length of Key in code points, while parsing
}

// ParsePercent splits a %-format string (str % args) into literal text and
// conversions, as CPython 3.11's PyUnicode_Format reads it.
//
// CPython interleaves parsing with argument handling, so the caller must
// process each conversion in this order to raise the same error first:
//
//  1. if HasKey: the arguments must be a mapping ("format requires a
//     mapping", TypeError); if KeyIncomplete, raise Err; else the argument
//     source becomes mapping[Key];
//  2. if WidthStar: take the next argument as the width ("* wants int"; a
//     negative width sets FlagLeft and is negated); if PrecStar: the next
//     as the precision (negative means 0);
//  3. if Err != nil: raise it;
//  4. take the next argument and convert it; an unknown Conv raises
//     UnsupportedConv(d) after the argument was taken.
//
// The last Directive carries Err when the string is malformed; nothing
// after it was parsed.
func ParsePercent(format string) []Directive {
	// Parsing works on code points (the error index counts them); the
	// literal text and keys are cut from format itself, so that bytes that
	// are not valid UTF-8 pass through unchanged.
	r := make([]rune, 0, len(format))
	offs := make([]int, 0, len(format)+1)
	for i, c := range format {
		r = append(r, c)
		offs = append(offs, i)
	}
	offs = append(offs, len(format))
	n := len(r)
	var out []Directive
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, Directive{Literal: lit.String(), Width: -1, Prec: -1})
			lit.Reset()
		}
	}
	i := 0
	for i < n {
		if r[i] != '%' {
			j := i
			for j < n && r[j] != '%' {
				j++
			}
			lit.WriteString(format[offs[i]:offs[j]])
			i = j
			continue
		}
		i++
		if i < n && r[i] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		flush()
		d, next := parseDirective(r, i)
		if d.HasKey && !d.KeyIncomplete {
			d.Key = format[offs[i+1]:offs[i+1+d.keyLen]]
		}
		out = append(out, d)
		if d.Err != nil {
			return out
		}
		i = next
	}
	flush()
	return out
}

// parseDirective parses one conversion starting just after its '%'.
func parseDirective(r []rune, i int) (Directive, int) {
	n := len(r)
	d := Directive{Width: -1, Prec: -1}
	incomplete := func() (Directive, int) {
		d.Err = valueErr("incomplete format")
		return d, n
	}
	if i < n && r[i] == '(' {
		d.HasKey = true
		i++
		start := i
		depth := 1
		for depth > 0 && i < n {
			switch r[i] {
			case ')':
				depth--
			case '(':
				depth++
			}
			i++
		}
		if depth > 0 {
			d.KeyIncomplete = true
			d.Err = valueErr("incomplete format key")
			return d, n
		}
		d.keyLen = i - 1 - start
	}
	// ch is the character under consideration; ok says whether one was
	// read (CPython's fmtcnt >= 0).
	var ch rune
	ok := false
	next := func() {
		if i < n {
			ch = r[i]
			i++
			ok = true
		} else {
			ok = false
		}
	}
flags:
	for {
		next()
		if !ok {
			return incomplete()
		}
		switch ch {
		case '-':
			d.Flags |= FlagLeft
		case '+':
			d.Flags |= FlagSign
		case ' ':
			d.Flags |= FlagBlank
		case '#':
			d.Flags |= FlagAlt
		case '0':
			d.Flags |= FlagZero
		default:
			break flags
		}
	}
	if ch == '*' {
		d.WidthStar = true
		next()
	} else if ch >= '0' && ch <= '9' {
		d.Width = int(ch - '0')
		for {
			next()
			if !ok || ch < '0' || ch > '9' {
				break
			}
			dv := int(ch - '0')
			if d.Width > (math.MaxInt64-dv)/10 {
				d.Err = valueErr("width too big")
				return d, n
			}
			d.Width = d.Width*10 + dv
		}
	}
	if ok && ch == '.' {
		d.Prec = 0
		next()
		if ok && ch == '*' {
			d.PrecStar = true
			next()
		} else if ok && ch >= '0' && ch <= '9' {
			d.Prec = int(ch - '0')
			for {
				next()
				if !ok || ch < '0' || ch > '9' {
					break
				}
				dv := int(ch - '0')
				if d.Prec > (math.MaxInt32-dv)/10 {
					d.Err = valueErr("precision too big")
					return d, n
				}
				d.Prec = d.Prec*10 + dv
			}
		}
	}
	if ok && (ch == 'h' || ch == 'l' || ch == 'L') {
		next()
	}
	if !ok {
		return incomplete()
	}
	d.Conv = ch
	d.Index = i - 1
	return d, i
}

// UnsupportedConv is the error for a conversion character CPython does not
// know.
func UnsupportedConv(d Directive) error {
	c := '?'
	if d.Conv >= 31 && d.Conv <= 126 {
		c = d.Conv
	}
	return valueErr(fmt.Sprintf("unsupported format character '%c' (0x%x) at index %d", c, d.Conv, d.Index))
}

// PercentInt formats an int for the conversions d i u o x X, and c (the
// code point v). Width and Prec must be resolved (no stars).
func PercentInt(v *big.Int, d Directive) (string, error) {
	if d.Conv == 'c' {
		if !v.IsInt64() || v.Int64() < 0 || v.Int64() > 0x10ffff {
			return "", overflowErr("%c arg not in range(0x110000)")
		}
		return PercentStr(string(rune(v.Int64())), d)
	}
	if d.Prec > math.MaxInt32-3 {
		return "", overflowErr("precision too large")
	}
	if d.Prec >= maxAlloc-1000 {
		return "", memoryErr()
	}
	var s string
	var err error
	nonDigits := 0
	switch d.Conv {
	case 'o':
		s, err = IntToString(v, 8)
		nonDigits = 2
	case 'x', 'X':
		s, err = IntToString(v, 16)
		nonDigits = 2
	default:
		s, err = IntToString(v, 10)
	}
	if err != nil {
		return "", err
	}
	sign := ""
	if s[0] == '-' {
		sign = "-"
		s = s[1:]
	}
	prefix := s[:nonDigits]
	digits := s[nonDigits:]
	if d.Flags&FlagAlt == 0 {
		prefix = ""
	}
	if d.Prec > len(digits) {
		digits = strings.Repeat("0", d.Prec-len(digits)) + digits
	}
	s = sign + prefix + digits
	if d.Conv == 'X' {
		s = strings.ToUpper(s)
	}
	return percentOutput(s, d, true)
}

// PercentFloat formats a float for the conversions e E f F g G.
func PercentFloat(f float64, d Directive) (string, error) {
	prec := d.Prec
	if prec < 0 {
		prec = 6
	}
	if prec >= maxAlloc-1000 {
		return "", memoryErr()
	}
	var flags dtsFlags
	if d.Flags&FlagAlt != 0 {
		flags |= dtsAlt
	}
	return percentOutput(doubleToString(f, byte(d.Conv), prec, flags), d, true)
}

// PercentStr pads (and for s, r and a truncates to Prec code points) the
// text of the conversions s r a c, already converted by the caller.
func PercentStr(s string, d Directive) (string, error) {
	return percentOutput(s, d, false)
}

// percentOutput is unicode_format_arg_output: sign, '#' prefix, padding.
// numeric is CPython's arg->sign (true for the numeric conversions).
func percentOutput(str string, d Directive, numeric bool) (string, error) {
	if d.Width >= maxAlloc {
		return "", memoryErr()
	}
	fill := byte(' ')
	if numeric && d.Flags&FlagZero != 0 {
		fill = '0'
	}
	length := runeLen(str)
	width := d.Width
	if (width == -1 || width <= length) && (d.Prec == -1 || d.Prec >= length) && d.Flags&(FlagSign|FlagBlank) == 0 {
		return str, nil
	}
	if d.Conv == 's' || d.Conv == 'r' || d.Conv == 'a' {
		if d.Prec >= 0 && length > d.Prec {
			str = truncRunes(str, d.Prec)
			length = d.Prec
		}
	}
	var signch string
	if numeric {
		switch {
		case str != "" && (str[0] == '-' || str[0] == '+'):
			signch = str[:1]
			str = str[1:]
			length--
		case d.Flags&FlagSign != 0:
			signch = "+"
		case d.Flags&FlagBlank != 0:
			signch = " "
		default:
			numeric = false
		}
	}
	if width < length {
		width = length
	}
	var b strings.Builder
	if numeric {
		if fill != ' ' {
			b.WriteString(signch)
		}
		if width > length {
			width--
		}
	}
	alt := d.Flags&FlagAlt != 0 && (d.Conv == 'x' || d.Conv == 'X' || d.Conv == 'o')
	if alt {
		if fill != ' ' {
			b.WriteString(str[:2])
			str = str[2:]
		}
		width = max(width-2, 0)
		length -= 2
	}
	if width > length && d.Flags&FlagLeft == 0 {
		b.WriteString(strings.Repeat(string(fill), width-length))
		width = length
	}
	if fill == ' ' {
		if numeric {
			b.WriteString(signch)
		}
		if alt {
			b.WriteString(str[:2])
			str = str[2:]
		}
	}
	b.WriteString(str)
	if width > length {
		b.WriteString(strings.Repeat(" ", width-length))
	}
	return b.String(), nil
}
