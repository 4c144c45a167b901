package pyfmt

import (
	"math"
	"math/big"
	"strconv"
)

// FormatInt is format(v, spec) for an int (int.__format__), typeName being
// the name of v's type for the messages ('int', 'bool', a subclass). It
// handles the types b c d o x X n (n is d: freepy formats numbers in the C
// locale), the float types e E f F g G % (v is converted to float first)
// and no type (d). An empty spec gives str(v).
func FormatInt(v *big.Int, spec, typeName string) (string, error) {
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	r, err := sp.resolve('d', '>')
	if err != nil {
		return "", err
	}
	switch r.Type {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
		return formatLong(v, r)
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := IntToFloat(v)
		if err != nil {
			return "", err
		}
		return formatFloat(f, r)
	}
	return "", unknownCode(r.Type, typeName)
}

// FormatInt64 is FormatInt for a value that fits an int64.
func FormatInt64(v int64, spec, typeName string) (string, error) {
	if spec == "" {
		return Int64ToString(v, 10), nil
	}
	return FormatInt(big.NewInt(v), spec, typeName)
}

// IntToFloat is float(v): correctly rounded (half-even), with CPython's
// OverflowError for ints beyond the float range.
func IntToFloat(v *big.Int) (float64, error) {
	if v.IsInt64() {
		n := v.Int64()
		if n >= -1<<53 && n <= 1<<53 {
			return float64(n), nil
		}
	}
	f, _ := new(big.Float).SetInt(v).Float64()
	if math.IsInf(f, 0) {
		return 0, overflowErr("int too large to convert to float")
	}
	return f, nil
}

// formatLong is format_long_internal.
func formatLong(v *big.Int, r resolved) (string, error) {
	if r.Precision != -1 {
		return "", valueErr("Precision not allowed in integer format specifier")
	}
	if r.NoNegZero {
		return "", valueErr("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if err := checkWidth(r.Width); err != nil {
		return "", err
	}
	if r.Type == 'c' {
		if r.Sign != 0 {
			return "", valueErr("Sign not allowed with integer format specifier 'c'")
		}
		if r.Alt {
			return "", valueErr("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		if !v.IsInt64() {
			return "", overflowErr("Python int too large to convert to C long")
		}
		x := v.Int64()
		if x < 0 || x > 0x10ffff {
			return "", overflowErr("%c arg not in range(0x110000)")
		}
		return fillNumber(numParts{remainder: string(rune(x))}, r, false), nil
	}
	base := 10
	prefix := ""
	switch r.Type {
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x', 'X':
		base, prefix = 16, "0x"
	}
	var digits string
	if base == 10 {
		s, err := decimalString(v)
		if err != nil {
			return "", err
		}
		digits = s
	} else {
		digits = v.Text(base)
	}
	p := numParts{digits: digits}
	if v.Sign() < 0 {
		p.neg = true
		p.digits = digits[1:]
	}
	if r.Alt {
		p.prefix = prefix
	}
	return fillNumber(p, r, r.Type == 'X'), nil
}

// AppendInt64Spec appends format(v, spec) for an int that fits an int64,
// when spec is one of the common integer specs this fast path knows:
// ASCII text of [[fill]align][sign][0][width][,|_][d] with a width of at
// most six digits. ok is false for anything else (other types, '#', 'z',
// a precision, grouping with zero padding, any error); FormatInt64 then
// gives the result or CPython's error. The output is ASCII.
func AppendInt64Spec(dst []byte, v int64, spec string) (out []byte, ok bool) {
	for i := 0; i < len(spec); i++ {
		if spec[i] >= 0x80 {
			return dst, false
		}
	}
	fill, align, sign := byte(' '), byte(0), byte(0)
	pos := 0
	fillGiven := false
	if len(spec) >= 2 && isAlign(rune(spec[1])) {
		fill, align, fillGiven = spec[0], spec[1], true
		pos = 2
	} else if len(spec) >= 1 && isAlign(rune(spec[0])) {
		align = spec[0]
		pos = 1
	}
	if pos < len(spec) && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ') {
		sign = spec[pos]
		pos++
	}
	if !fillGiven && pos < len(spec) && spec[pos] == '0' {
		fill = '0'
		if align == 0 {
			align = '='
		}
		pos++
	}
	width := 0
	for k := 0; pos < len(spec) && spec[pos] >= '0' && spec[pos] <= '9'; k++ {
		if k == 6 {
			return dst, false
		}
		width = width*10 + int(spec[pos]-'0')
		pos++
	}
	var group byte
	if pos < len(spec) && (spec[pos] == ',' || spec[pos] == '_') {
		group = spec[pos]
		pos++
	}
	switch len(spec) - pos {
	case 0:
	case 1:
		if spec[pos] != 'd' {
			return dst, false
		}
	default:
		return dst, false
	}
	if align == 0 {
		align = '>'
	}
	if group != 0 && fill == '0' && align == '=' {
		// the zeros are grouped too (groupDigits)
		return dst, false
	}
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	var tmp [20]byte
	digits := strconv.AppendUint(tmp[:0], u, 10)
	var signCh byte
	switch {
	case v < 0:
		signCh = '-'
	case sign == '+' || sign == ' ':
		signCh = sign
	}
	n := len(digits)
	if group != 0 {
		n += (len(digits) - 1) / 3
	}
	if signCh != 0 {
		n++
	}
	var lpad, spad, rpad int
	if pad := width - n; pad > 0 {
		switch align {
		case '<':
			rpad = pad
		case '^':
			lpad = pad / 2
			rpad = pad - lpad
		case '=':
			spad = pad
		default:
			lpad = pad
		}
	}
	dst = appendFill(dst, fill, lpad)
	if signCh != 0 {
		dst = append(dst, signCh)
	}
	dst = appendFill(dst, fill, spad)
	if group == 0 {
		dst = append(dst, digits...)
	} else {
		first := len(digits) % 3
		if first == 0 {
			first = 3
		}
		dst = append(dst, digits[:first]...)
		for i := first; i < len(digits); i += 3 {
			dst = append(dst, group)
			dst = append(dst, digits[i:i+3]...)
		}
	}
	return appendFill(dst, fill, rpad), true
}

func appendFill(dst []byte, fill byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, fill)
	}
	return dst
}
