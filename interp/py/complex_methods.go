package py

import (
	"math"
	"strconv"
	"strings"
)

// complex(): the constructor with CPython's string syntax and its
// two-argument arithmetic, and the attributes real, imag, conjugate.

func complexSelf(self Object) complex128 {
	c, _ := unwrap(self).(Complex)
	return complex128(c)
}

func init() {
	ct := ComplexType
	ct.New = complexNew
	ct.AddGetSet("real", func(t *Thread, self Object) (Object, error) { return Float(real(complexSelf(self))), nil }, nil)
	ct.AddGetSet("imag", func(t *Thread, self Object) (Object, error) { return Float(imag(complexSelf(self))), nil }, nil)
	ct.AddMethod("conjugate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := noArgs("complex.conjugate", args); err != nil {
			return nil, err
		}
		c := complexSelf(self)
		return Complex(complex(real(c), -imag(c))), nil
	})
	ct.AddMethod("__complex__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("complex.__complex__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Complex(complexSelf(self)), nil
	})
	ct.AddMethod("__getnewargs__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("complex.__getnewargs__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		c := complexSelf(self)
		return NewTuple(Float(real(c)), Float(imag(c))), nil
	})
	ct.Pow3 = func(t *Thread, a, b, c Object) (Object, error) {
		_, oka := asComplex(a)
		_, okb := asComplex(b)
		if !oka || !okb {
			return NotImplemented, nil
		}
		return nil, ValueErrorf("complex modulo")
	}
}

// complexNew is complex(real=0, imag=0).
func complexNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	var r, i Object
	if err := ParseArgs("complex", args, kw, []string{"real", "imag"}, 0, &r, &i); err != nil {
		return nil, err
	}
	v, err := complexFromArgs(t, r, i)
	if err != nil || typ == ComplexType || typ == nil {
		return v, err
	}
	return newSubclassInstance(typ, v), nil
}

func complexFromArgs(t *Thread, r, i Object) (Object, error) {
	if r == nil {
		r = Int(0)
	}
	if s, ok := unwrap(r).(*Str); ok {
		if i != nil {
			return nil, TypeErrorf("complex() can't take second arg if first is a string")
		}
		c, ok, badUnderscore := parseComplex(s.s)
		if badUnderscore {
			return nil, ValueErrorf("could not convert string to complex: %s", strRepr(s.s))
		}
		if !ok {
			return nil, ValueErrorf("complex() arg is a malformed string")
		}
		return Complex(c), nil
	}
	if i != nil {
		if _, ok := unwrap(i).(*Str); ok {
			return nil, TypeErrorf("complex() second arg can't be a string")
		}
	}
	if i == nil {
		if c, ok := r.(Complex); ok {
			return c, nil
		}
	}
	// the first argument: __complex__, or a real number
	var cr complex128
	crIsComplex := false
	if c, found, err := callSpecial(t, r, "__complex__"); found {
		if err != nil {
			return nil, err
		}
		cv, ok := unwrap(c).(Complex)
		if !ok {
			return nil, TypeErrorf("__complex__ returned non-complex (type %s)", typeName(c))
		}
		cr, crIsComplex = complex128(cv), true
	} else if c, ok := unwrap(r).(Complex); ok {
		cr, crIsComplex = complex128(c), true
	} else {
		f, err := complexPart(t, r)
		if err != nil {
			return nil, err
		}
		if f == nil {
			return nil, TypeErrorf("complex() first argument must be a string or a number, not '%s'", typeName(r))
		}
		cr = complex(*f, 0)
	}
	if i == nil {
		return Complex(cr), nil
	}
	var ciRe, ciIm float64
	ciIsComplex := false
	if c, ok := unwrap(i).(Complex); ok {
		ciRe, ciIm, ciIsComplex = real(c), imag(c), true
	} else {
		f, err := complexPart(t, i)
		if err != nil {
			return nil, err
		}
		if f == nil {
			return nil, TypeErrorf("complex() second argument must be a number, not '%s'", typeName(i))
		}
		ciRe = *f
	}
	// r + i*1j, computed as CPython does so that signed zeros agree
	re, im := real(cr), ciRe
	if ciIsComplex {
		re -= ciIm
	}
	if crIsComplex {
		im += imag(cr)
	}
	return Complex(complex(re, im)), nil
}

// complexPart converts a real number argument (float, int, __float__,
// __index__); nil when the object is not a number.
func complexPart(t *Thread, o Object) (*float64, error) {
	if f, ok, err := asFloat(o); ok || err != nil {
		return &f, err
	}
	if LoadPtr(&o.Type().Float) != nil || LoadPtr(&o.Type().Index) != nil {
		v, err := floatFromArg(t, o)
		if err != nil {
			return nil, err
		}
		f := float64(v.(Float))
		return &f, nil
	}
	return nil, nil
}

// parseComplex parses complex()'s string syntax: optional parentheses and
// whitespace around "<real>", "<imag>j", "<real><signed imag>j", with
// "j" alone meaning 1j; underscores only between digits.
func parseComplex(s string) (c complex128, ok, badUnderscore bool) {
	s = strings.TrimSpace(normalizeDigits(s))
	if strings.Contains(s, "_") {
		for k := 0; k < len(s); k++ {
			if s[k] == '_' && (k == 0 || k == len(s)-1 || !isDigitByte(s[k-1]) || !isDigitByte(s[k+1])) {
				return 0, false, true
			}
		}
		s = strings.ReplaceAll(s, "_", "")
	}
	bracket := false
	if strings.HasPrefix(s, "(") {
		if !strings.HasSuffix(s, ")") {
			return 0, false, false
		}
		bracket = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	_ = bracket
	at := func(k int) byte {
		if k < len(s) {
			return s[k]
		}
		return 0
	}
	var x, y float64
	i := 0
	z, end := scanFloat(s, i)
	if end != i {
		i = end
		switch c := at(i); {
		case c == '+' || c == '-':
			x = z
			v, e2 := scanFloat(s, i)
			if e2 != i {
				y, i = v, e2
			} else {
				y = 1
				if c == '-' {
					y = -1
				}
				i++
			}
			if at(i) != 'j' && at(i) != 'J' {
				return 0, false, false
			}
			i++
		case c == 'j' || c == 'J':
			i++
			y = z
		default:
			x = z
		}
	} else {
		y = 1
		if c := at(i); c == '+' || c == '-' {
			if c == '-' {
				y = -1
			}
			i++
		}
		if at(i) != 'j' && at(i) != 'J' {
			return 0, false, false
		}
		i++
	}
	if i != len(s) {
		return 0, false, false
	}
	return complex(x, y), true, false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// scanFloat parses the longest float prefix of s[i:] (as C's strtod
// does): it returns the value and the end offset, end == i when there is
// none.
func scanFloat(s string, i int) (float64, int) {
	j := i
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	low := strings.ToLower(s[j:])
	for _, w := range []string{"infinity", "inf", "nan"} {
		if strings.HasPrefix(low, w) {
			f := math.Inf(1)
			if w == "nan" {
				f = math.NaN()
			}
			if s[i] == '-' {
				f = -f
			}
			return f, j + len(w)
		}
	}
	k := j
	digits := 0
	for k < len(s) && isDigitByte(s[k]) {
		k++
		digits++
	}
	if k < len(s) && s[k] == '.' {
		k++
		for k < len(s) && isDigitByte(s[k]) {
			k++
			digits++
		}
	}
	if digits == 0 {
		return 0, i
	}
	if k < len(s) && (s[k] == 'e' || s[k] == 'E') {
		e := k + 1
		if e < len(s) && (s[e] == '+' || s[e] == '-') {
			e++
		}
		if e < len(s) && isDigitByte(s[e]) {
			for e < len(s) && isDigitByte(s[e]) {
				e++
			}
			k = e
		}
	}
	f, _ := strconv.ParseFloat(s[i:k], 64)
	return f, k
}

// complexPowCPython is CPython's complex_pow for a != 0, b != 0: small
// integral exponents by repeated multiplication (so (3+4j)**2 is exact),
// others through polar form; an infinite result is an OverflowError.
func complexPowCPython(a, b complex128) (Object, error) {
	var p complex128
	if imag(b) == 0 && real(b) == math.Floor(real(b)) && math.Abs(real(b)) <= 100 {
		n := int64(real(b))
		if n > 0 {
			p = cPowU(a, n)
		} else {
			d := cPowU(a, -n)
			if d == 0 {
				return nil, NewError(ZeroDivisionErrorType, "0.0 to a negative or complex power")
			}
			p = cQuot(1, d)
		}
	} else {
		vabs := hyp(real(a), imag(a))
		length := fastPow(vabs, real(b))
		at := libmAtan2(imag(a), real(a))
		phase := at * real(b)
		if imag(b) != 0 {
			length /= libmExp(at * imag(b))
			phase += imag(b) * libmLog(vabs)
		}
		p = complex(length*libmCos(phase), length*libmSin(phase))
	}
	if math.IsInf(real(p), 0) || math.IsInf(imag(p), 0) {
		return nil, NewError(OverflowErrorType, "complex exponentiation")
	}
	return Complex(p), nil
}

// cProd is the plain complex product (no special handling of infinities).
func cProd(a, b complex128) complex128 {
	return complex(real(a)*real(b)-imag(a)*imag(b), real(a)*imag(b)+imag(a)*real(b))
}

// cPowU is a**n for n >= 1 by binary exponentiation, as CPython's c_powu.
func cPowU(x complex128, n int64) complex128 {
	r, p := complex128(1), x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = cProd(r, p)
		}
		p = cProd(p, p)
	}
	return r
}

// cQuot is complex division by Smith's method, as CPython's _Py_c_quot
// (b != 0).
func cQuot(a, b complex128) complex128 {
	br, bi := real(b), imag(b)
	absR, absI := math.Abs(br), math.Abs(bi)
	switch {
	case absR >= absI:
		if absR == 0 {
			return 0
		}
		ratio := bi / br
		denom := br + bi*ratio
		return complex((real(a)+imag(a)*ratio)/denom, (imag(a)-real(a)*ratio)/denom)
	case absI >= absR:
		ratio := br / bi
		denom := br*ratio + bi
		return complex((real(a)*ratio+imag(a))/denom, (imag(a)*ratio-real(a))/denom)
	}
	return complex(math.NaN(), math.NaN())
}
