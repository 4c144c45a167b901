package pyfmt

import (
	"math"
	"strconv"
	"strings"
)

// This file reproduces CPython's PyOS_double_to_string (Python/pystrtod.c,
// format_float_short): a digit string with a decimal-point position, as
// David Gay's dtoa returns it, laid out by the same rules. Go's strconv
// supplies the digits: it rounds correctly (half-even on the exact binary
// value), as dtoa does, so the two agree digit for digit.

// dtsFlags are PyOS_double_to_string's Py_DTSF_* flags.
type dtsFlags uint8

const (
	dtsSign    dtsFlags = 1 << iota // always add a sign
	dtsAddDot0                      // "1" becomes "1.0"
	dtsAlt                          // alternate form: keep the point and trailing zeros
	dtsNoNeg0                       // 'z': negative zero after rounding loses its sign
)

// digitsOf splits the mantissa of strconv's 'e' output "d.ddde±XX" into the
// digit string without trailing zeros and dtoa's decpt (value = 0.DIGITS *
// 10**decpt).
func digitsOf(e string) (string, int) {
	i := strings.IndexByte(e, 'e')
	mant, exp := e[:i], e[i+1:]
	x, _ := strconv.Atoi(exp)
	d := strings.Replace(mant, ".", "", 1)
	d = strings.TrimRight(d, "0")
	if d == "" {
		return "0", 1
	}
	return d, x + 1
}

// shortestDigits is dtoa mode 0: the shortest digits that round-trip.
func shortestDigits(a float64) (string, int) {
	if a == 0 {
		return "0", 1
	}
	return digitsOf(strconv.FormatFloat(a, 'e', -1, 64))
}

// sigDigits is dtoa mode 2: n significant digits, trailing zeros removed.
func sigDigits(a float64, n int) (string, int) {
	if a == 0 {
		return "0", 1
	}
	return digitsOf(strconv.FormatFloat(a, 'e', n-1, 64))
}

// fixedDigits is dtoa mode 3: rounded to n digits after the point, trailing
// zeros removed; a value that rounds to zero gives "" with decpt -n.
func fixedDigits(a float64, n int) (string, int) {
	if a == 0 {
		return "0", 1
	}
	s := strconv.FormatFloat(a, 'f', n, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	d := intPart + frac
	decpt := len(intPart)
	t := strings.TrimLeft(d, "0")
	decpt -= len(d) - len(t)
	t = strings.TrimRight(t, "0")
	if t == "" {
		return "", -n
	}
	return t, decpt
}

// doubleToString is PyOS_double_to_string. code is one of e E f F g G r;
// for 'r' prec must be 0.
func doubleToString(val float64, code byte, prec int, flags dtsFlags) string {
	upper := false
	switch code {
	case 'E', 'F', 'G':
		upper = true
		code += 'a' - 'A'
	}
	var b strings.Builder
	neg := math.Signbit(val)
	if math.IsNaN(val) {
		// dtoa reports NaN without a sign.
		if flags&dtsSign != 0 {
			b.WriteByte('+')
		}
		if upper {
			b.WriteString("NAN")
		} else {
			b.WriteString("nan")
		}
		return b.String()
	}
	if math.IsInf(val, 0) {
		if neg {
			b.WriteByte('-')
		} else if flags&dtsSign != 0 {
			b.WriteByte('+')
		}
		if upper {
			b.WriteString("INF")
		} else {
			b.WriteString("inf")
		}
		return b.String()
	}
	a := math.Abs(val)
	var digits string
	var decpt int
	switch code {
	case 'e':
		prec++
		digits, decpt = sigDigits(a, prec)
	case 'f':
		digits, decpt = fixedDigits(a, prec)
	case 'g':
		if prec == 0 {
			prec = 1
		}
		digits, decpt = sigDigits(a, prec)
	default: // 'r'
		digits, decpt = shortestDigits(a)
	}
	if flags&dtsNoNeg0 != 0 && neg && (digits == "" || digits == "0") {
		neg = false
	}
	addDot0 := flags&dtsAddDot0 != 0
	alt := flags&dtsAlt != 0
	nd := len(digits)
	vEnd := nd
	useExp := false
	switch code {
	case 'e':
		useExp = true
		vEnd = prec
	case 'f':
		vEnd = decpt + prec
	case 'g':
		limit := prec
		if addDot0 {
			limit = prec - 1
		}
		if decpt <= -4 || decpt > limit {
			useExp = true
		}
		if alt {
			vEnd = prec
		}
	default:
		if decpt <= -4 || decpt > 16 {
			useExp = true
		}
	}
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	vStart := 0
	if decpt <= 0 {
		vStart = decpt - 1
	}
	if !useExp && addDot0 {
		vEnd = max(vEnd, decpt+1)
	} else {
		vEnd = max(vEnd, decpt)
	}

	if neg {
		b.WriteByte('-')
	} else if flags&dtsSign != 0 {
		b.WriteByte('+')
	}
	zeros := func(n int) {
		for ; n > 0; n-- {
			b.WriteByte('0')
		}
	}
	if decpt <= 0 {
		zeros(decpt - vStart)
		b.WriteByte('.')
		zeros(-decpt)
	} else {
		zeros(-vStart)
	}
	if 0 < decpt && decpt <= nd {
		b.WriteString(digits[:decpt])
		b.WriteByte('.')
		b.WriteString(digits[decpt:])
	} else {
		b.WriteString(digits)
	}
	if nd < decpt {
		zeros(decpt - nd)
		b.WriteByte('.')
		zeros(vEnd - decpt)
	} else {
		zeros(vEnd - nd)
	}
	s := b.String()
	if strings.HasSuffix(s, ".") && !alt {
		s = s[:len(s)-1]
	}
	if useExp {
		e := byte('e')
		if upper {
			e = 'E'
		}
		sign := byte('+')
		if exp < 0 {
			sign = '-'
			exp = -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		s += string([]byte{e, sign}) + es
	}
	return s
}

// FloatRepr returns repr(f) (and str(f)): the shortest digits that round
// trip, in exponent form when the exponent is < -4 or >= 16.
func FloatRepr(f float64) string {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return doubleToString(f, 'r', 0, dtsAddDot0)
	}
	// The hot path of str(float) and repr(float): the same layout as
	// doubleToString's 'r' mode, built in one buffer.
	var ebuf [32]byte
	e := strconv.AppendFloat(ebuf[:0], math.Abs(f), 'e', -1, 64)
	i := 0
	for e[i] != 'e' {
		i++
	}
	x := 0
	for _, c := range e[i+2:] {
		x = x*10 + int(c-'0')
	}
	if e[i+1] == '-' {
		x = -x
	}
	// The digits without the point; shortest digits have no trailing zeros.
	var dbuf [20]byte
	digits := append(dbuf[:0], e[0])
	if i > 1 {
		digits = append(digits, e[2:i]...)
	}
	nd := len(digits)
	decpt := x + 1
	var obuf [40]byte
	out := obuf[:0]
	if f < 0 {
		out = append(out, '-')
	}
	switch {
	case decpt <= -4 || decpt > 16:
		out = append(out, digits[0])
		if nd > 1 {
			out = append(out, '.')
			out = append(out, digits[1:]...)
		}
		out = append(out, 'e', '+')
		if x < 0 {
			out[len(out)-1] = '-'
			x = -x
		}
		if x < 10 {
			out = append(out, '0')
		}
		out = strconv.AppendInt(out, int64(x), 10)
	case decpt <= 0:
		out = append(out, '0', '.')
		for k := decpt; k < 0; k++ {
			out = append(out, '0')
		}
		out = append(out, digits...)
	case decpt >= nd:
		out = append(out, digits...)
		for k := nd; k < decpt; k++ {
			out = append(out, '0')
		}
		out = append(out, '.', '0')
	default:
		out = append(out, digits[:decpt]...)
		out = append(out, '.')
		out = append(out, digits[decpt:]...)
	}
	return string(out)
}

// ComplexRepr returns repr(complex(re, im)).
func ComplexRepr(re, im float64) string {
	if re == 0 && !math.Signbit(re) {
		return doubleToString(im, 'r', 0, 0) + "j"
	}
	return "(" + doubleToString(re, 'r', 0, 0) + doubleToString(im, 'r', 0, dtsSign) + "j)"
}
