package pyfmt

import (
	"math"
	"math/big"
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
