package pyfmt

import (
	"math"
	"strconv"
	"strings"
)

// ParseFloat is float(s) for a str argument: surrounding whitespace, a
// sign, decimal digits with an optional point and exponent, single
// underscores between digits, Unicode decimal digits, and "inf",
// "infinity", "nan" in any case. Values out of range become infinities or
// zeros. The error is "could not convert string to float: 'repr'".
func ParseFloat(s string) (float64, error) {
	f, ok := parseFloatASCII(transformDecimalAndSpace(s))
	if !ok {
		return 0, valueErr("could not convert string to float: " + StrRepr(s))
	}
	return f, nil
}

// ParseFloatBytes is float(b) for bytes-like arguments; the message shows
// bytesRepr, the repr of the argument.
func ParseFloatBytes(b []byte, bytesRepr string) (float64, error) {
	f, ok := parseFloatASCII(string(b))
	if !ok {
		return 0, valueErr("could not convert string to float: " + bytesRepr)
	}
	return f, nil
}

// parseFloatASCII is PyFloat_FromString after the Unicode transformation.
func parseFloatASCII(s string) (float64, bool) {
	i, j := 0, len(s)
	for i < j && isASCIISpace(s[i]) {
		i++
	}
	for j > i && isASCIISpace(s[j-1]) {
		j--
	}
	s = s[i:j]
	if s == "" {
		return 0, false
	}
	if strings.IndexByte(s, '_') >= 0 {
		var b strings.Builder
		var prev byte
		for k := 0; k < len(s); k++ {
			c := s[k]
			if c == '_' {
				if prev < '0' || prev > '9' {
					return 0, false
				}
			} else {
				if prev == '_' && (c < '0' || c > '9') {
					return 0, false
				}
				b.WriteByte(c)
			}
			prev = c
		}
		if prev == '_' {
			return 0, false
		}
		s = b.String()
	}
	if f, n := parseInfNan(s); n > 0 {
		return f, n == len(s)
	}
	// Check the syntax strtod accepts: [sign] digits [. digits] [e [sign] digits],
	// with at least one digit in the mantissa.
	k := 0
	if k < len(s) && (s[k] == '+' || s[k] == '-') {
		k++
	}
	nd := 0
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
		nd++
	}
	if k < len(s) && s[k] == '.' {
		k++
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
			nd++
		}
	}
	if nd == 0 {
		return 0, false
	}
	if k < len(s) && (s[k] == 'e' || s[k] == 'E') {
		k++
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		ne := 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
			ne++
		}
		if ne == 0 {
			return 0, false
		}
	}
	if k != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

// parseInfNan is _Py_parse_inf_or_nan: it returns the value and the number
// of bytes used, 0 when s does not start with an infinity or a NaN.
func parseInfNan(s string) (float64, int) {
	k := 0
	neg := false
	if k < len(s) && (s[k] == '+' || s[k] == '-') {
		neg = s[k] == '-'
		k++
	}
	rest := strings.ToLower(s[k:min(len(s), k+8)])
	sign := 1.0
	if neg {
		sign = -1
	}
	switch {
	case strings.HasPrefix(rest, "infinity"):
		return math.Inf(int(sign)), k + 8
	case strings.HasPrefix(rest, "inf"):
		return math.Inf(int(sign)), k + 3
	case strings.HasPrefix(rest, "nan"):
		return math.Copysign(math.NaN(), sign), k + 3
	}
	return 0, 0
}
