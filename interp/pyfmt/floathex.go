package pyfmt

import (
	"fmt"
	"math"
	"math/big"
)

// FloatHex is float.hex(f): "0x1.8000000000000p+1", always 13 hexadecimal
// digits after the point; subnormals as "0x0.<digits>p-1022".
func FloatHex(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return FloatRepr(f)
	}
	sign := ""
	if math.Signbit(f) {
		sign = "-"
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	bits := math.Float64bits(f)
	frac := bits & (1<<52 - 1)
	e := int(bits>>52) & 0x7ff
	lead := 1
	if e == 0 {
		lead = 0
		e = -1022
	} else {
		e -= 1023
	}
	return fmt.Sprintf("%s0x%d.%013xp%+d", sign, lead, frac, e)
}

func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// FloatFromHex is float.fromhex(s): optional whitespace, sign, "0x",
// hexadecimal digits with an optional point, an optional binary exponent
// "p[+-]digits"; or inf, infinity, nan. The result is correctly rounded
// (half to even). Errors: "invalid hexadecimal floating-point string"
// (ValueError), "hexadecimal value too large to represent as a float"
// (OverflowError).
func FloatFromHex(s string) (float64, error) {
	parseErr := valueErr("invalid hexadecimal floating-point string")
	i := 0
	at := func(k int) byte {
		if k < len(s) {
			return s[k]
		}
		return 0
	}
	for isASCIISpace(at(i)) {
		i++
	}
	var x float64
	neg := false
	if v, n := parseInfNan(s[i:]); n > 0 {
		x = v
		i += n
	} else {
		if at(i) == '-' {
			neg = true
			i++
		} else if at(i) == '+' {
			i++
		}
		if at(i) == '0' && (at(i+1) == 'x' || at(i+1) == 'X') {
			i += 2
		}
		coeff := make([]byte, 0, len(s)-i)
		for hexValue(at(i)) >= 0 {
			coeff = append(coeff, s[i])
			i++
		}
		fdigits := 0
		if at(i) == '.' {
			i++
			for hexValue(at(i)) >= 0 {
				coeff = append(coeff, s[i])
				i++
				fdigits++
			}
		}
		if len(coeff) == 0 {
			return 0, parseErr
		}
		// The exponent saturates like C's strtol; anything beyond the range
		// gives zero or overflow below anyway.
		exp := int64(0)
		if at(i) == 'p' || at(i) == 'P' {
			i++
			eneg := false
			if at(i) == '-' || at(i) == '+' {
				eneg = at(i) == '-'
				i++
			}
			if at(i) < '0' || at(i) > '9' {
				return 0, parseErr
			}
			for at(i) >= '0' && at(i) <= '9' {
				if exp < 1<<40 {
					exp = exp*10 + int64(at(i)-'0')
				}
				i++
			}
			if eneg {
				exp = -exp
			}
		}
		var err error
		x, err = hexValueOf(coeff, int64(fdigits), exp)
		if err != nil {
			return 0, err
		}
	}
	for isASCIISpace(at(i)) {
		i++
	}
	if i != len(s) {
		return 0, parseErr
	}
	if neg {
		x = -x
	}
	return x, nil
}

// hexValueOf is the value of the hexadecimal digits coeff (fdigits of them
// after the point) times 2**exp, correctly rounded.
func hexValueOf(coeff []byte, fdigits, exp int64) (float64, error) {
	k := 0
	for k < len(coeff) && coeff[k] == '0' {
		k++
	}
	coeff = coeff[k:]
	if len(coeff) == 0 {
		return 0, nil
	}
	exp -= 4 * fdigits
	// topExp: the value lies in [2**(topExp-1), 2**topExp).
	topExp := exp + 4*int64(len(coeff)-1)
	for d := hexValue(coeff[0]); d != 0; d /= 2 {
		topExp++
	}
	if topExp < -1021-53 {
		return 0, nil
	}
	if topExp > 1024 {
		return 0, overflowErr("hexadecimal value too large to represent as a float")
	}
	m, _ := new(big.Int).SetString(string(coeff), 16)
	f := new(big.Float).SetInt(m)
	f.SetMantExp(f, int(exp))
	x, _ := f.Float64()
	if math.IsInf(x, 0) {
		return 0, overflowErr("hexadecimal value too large to represent as a float")
	}
	return x, nil
}
