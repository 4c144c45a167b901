package py

import (
	"math"
	"math/cmplx"
)

// The cmath module. sqrt, exp, log, phase, polar and rect follow CPython's
// algorithms (and so its results); the trigonometric and hyperbolic
// functions use Go's math/cmplx, which may differ in the last bit and in
// some special values. Errors are CPython's "math domain error" and
// "math range error".

// cmathArg converts an argument as PyComplex_AsCComplex does.
func cmathArg(t *Thread, o Object) (complex128, error) {
	switch x := unwrap(o).(type) {
	case Complex:
		return complex128(x), nil
	case Float:
		return complex(float64(x), 0), nil
	}
	if r, found, err := callSpecial(t, o, "__complex__"); found {
		if err != nil {
			return 0, err
		}
		c, ok := unwrap(r).(Complex)
		if !ok {
			return 0, TypeErrorf("__complex__ returned non-complex (type %s)", typeName(r))
		}
		return complex128(c), nil
	}
	f, err := mathFloat(t, o)
	return complex(f, 0), err
}

func isFiniteF(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// cmath1 wraps a complex function: a NaN or infinite result from finite
// input is an error (overflow when overflows is set, else a domain error).
func cmath1(name string, f func(complex128) (complex128, error), overflows bool) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := mathArgs(name, args, kw, 1); err != nil {
			return nil, err
		}
		z, err := cmathArg(t, args[0])
		if err != nil {
			return nil, err
		}
		r, err := f(z)
		if err != nil {
			return nil, err
		}
		if isFiniteF(real(z)) && isFiniteF(imag(z)) && (!isFiniteF(real(r)) || !isFiniteF(imag(r))) {
			if overflows && !math.IsNaN(real(r)) && !math.IsNaN(imag(r)) {
				return nil, errMathRange()
			}
			return nil, errMathDomain()
		}
		return Complex(r), nil
	}
}

func plain(f func(complex128) complex128) func(complex128) (complex128, error) {
	return func(z complex128) (complex128, error) { return f(z), nil }
}

func init() {
	RegisterNativeModule("cmath", func(t *Thread) (*Module, error) {
		m := NewModule("cmath")
		d := m.Dict()
		d.SetStr("pi", Float(math.Pi))
		d.SetStr("e", Float(math.E))
		d.SetStr("tau", Float(2*math.Pi))
		d.SetStr("inf", Float(math.Inf(1)))
		d.SetStr("nan", Float(math.NaN()))
		d.SetStr("infj", Complex(complex(0, math.Inf(1))))
		d.SetStr("nanj", Complex(complex(0, math.NaN())))
		m.AddFunc("sqrt", cmath1("sqrt", plain(cSqrt), false))
		m.AddFunc("exp", cmath1("exp", plain(cExp), true))
		for name, f := range map[string]func(complex128) complex128{
			"sinh": finiteOr(cSinh, cmplx.Sinh), "cosh": finiteOr(cCosh, cmplx.Cosh), "tanh": finiteOr(cTanh, cmplx.Tanh),
			"sin": finiteOr(viaI(cSinh), cmplx.Sin), "cos": finiteOr(func(z complex128) complex128 { return cCosh(complex(-imag(z), real(z))) }, cmplx.Cos),
			"tan": finiteOr(viaI(cTanh), cmplx.Tan), "asinh": finiteOr(cAsinh, cmplx.Asinh), "asin": finiteOr(viaI(cAsinh), cmplx.Asin),
			"acos": finiteOr(cAcos, cmplx.Acos), "acosh": finiteOr(cAcosh, cmplx.Acosh),
		} {
			overflow := name == "sinh" || name == "cosh" || name == "sin" || name == "cos"
			m.AddFunc(name, cmath1(name, plain(f), overflow))
		}
		m.AddFunc("atanh", cmath1("atanh", cAtanh, false))
		m.AddFunc("atan", cmath1("atan", func(z complex128) (complex128, error) {
			s, err := cAtanh(complex(-imag(z), real(z)))
			return complex(imag(s), -real(s)), err
		}, false))
		m.AddFunc("log10", cmath1("log10", func(z complex128) (complex128, error) {
			r, err := cLog(z)
			return complex(real(r)/math.Ln10, imag(r)/math.Ln10), err
		}, false))
		m.AddFunc("log", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var x, base Object
			if err := ParseArgs("log", args, kw, []string{"", ""}, 1, &x, &base); err != nil {
				return nil, err
			}
			z, err := cmathArg(t, x)
			if err != nil {
				return nil, err
			}
			r, err := cLog(z)
			if err != nil {
				return nil, err
			}
			if base != nil {
				b, err := cmathArg(t, base)
				if err != nil {
					return nil, err
				}
				lb, err := cLog(b)
				if err != nil {
					return nil, err
				}
				if lb == 0 {
					return nil, errMathDomain()
				}
				r = cQuot(r, lb)
			}
			return Complex(r), nil
		})
		m.AddFunc("phase", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := mathArgs("phase", args, kw, 1); err != nil {
				return nil, err
			}
			z, err := cmathArg(t, args[0])
			if err != nil {
				return nil, err
			}
			return Float(libmAtan2(imag(z), real(z))), nil
		})
		m.AddFunc("polar", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := mathArgs("polar", args, kw, 1); err != nil {
				return nil, err
			}
			z, err := cmathArg(t, args[0])
			if err != nil {
				return nil, err
			}
			r := libmHypot(real(z), imag(z))
			if math.IsInf(r, 0) && isFiniteF(real(z)) && isFiniteF(imag(z)) {
				return nil, errMathRange()
			}
			return NewTuple(Float(r), Float(libmAtan2(imag(z), real(z)))), nil
		})
		m.AddFunc("rect", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := mathArgs("rect", args, kw, 2); err != nil {
				return nil, err
			}
			r, err := mathFloat(t, args[0])
			if err != nil {
				return nil, err
			}
			phi, err := mathFloat(t, args[1])
			if err != nil {
				return nil, err
			}
			if isFiniteF(r) && isFiniteF(phi) {
				if phi == 0 {
					return Complex(complex(r, r*phi)), nil
				}
				return Complex(complex(r*libmCos(phi), r*libmSin(phi))), nil
			}
			if math.IsInf(r, 0) && isFiniteF(phi) && phi != 0 {
				return Complex(complex(r*libmCos(phi), r*libmSin(phi))), nil
			}
			if isFiniteF(r) && math.IsInf(phi, 0) {
				if r == 0 {
					return Complex(0), nil
				}
				return nil, errMathDomain()
			}
			return Complex(cmplx.Rect(r, phi)), nil
		})
		pred := func(name string, f func(z complex128) bool) {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				if err := mathArgs(name, args, kw, 1); err != nil {
					return nil, err
				}
				z, err := cmathArg(t, args[0])
				if err != nil {
					return nil, err
				}
				return Bool(f(z)), nil
			})
		}
		pred("isfinite", func(z complex128) bool { return isFiniteF(real(z)) && isFiniteF(imag(z)) })
		pred("isnan", func(z complex128) bool { return math.IsNaN(real(z)) || math.IsNaN(imag(z)) })
		pred("isinf", func(z complex128) bool { return math.IsInf(real(z), 0) || math.IsInf(imag(z), 0) })
		m.AddFunc("isclose", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var a, b, rt, at Object
			if err := ParseArgs("isclose", args, kw, []string{"a", "b", "rel_tol", "abs_tol"}, 2, &a, &b, &rt, &at); err != nil {
				return nil, err
			}
			x, err := cmathArg(t, a)
			if err != nil {
				return nil, err
			}
			y, err := cmathArg(t, b)
			if err != nil {
				return nil, err
			}
			rel, abs := 1e-9, 0.0
			if rt != nil {
				if rel, err = mathFloat(t, rt); err != nil {
					return nil, err
				}
			}
			if at != nil {
				if abs, err = mathFloat(t, at); err != nil {
					return nil, err
				}
			}
			if rel < 0 || abs < 0 {
				return nil, ValueErrorf("tolerances must be non-negative")
			}
			if x == y {
				return True, nil
			}
			if cmplx.IsInf(x) || cmplx.IsInf(y) {
				return False, nil
			}
			diff := cmplx.Abs(x - y)
			return Bool(diff <= rel*cmplx.Abs(y) || diff <= rel*cmplx.Abs(x) || diff <= abs), nil
		})
		return m, nil
	})
}

// cSqrt is CPython's cmath_sqrt for finite input (Go's for the rest).
func cSqrt(z complex128) complex128 {
	re, im := real(z), imag(z)
	if !isFiniteF(re) || !isFiniteF(im) {
		return cmplx.Sqrt(z)
	}
	if re == 0 && im == 0 {
		return complex(0, im)
	}
	ax, ay := math.Abs(re), math.Abs(im)
	var s float64
	if ax < 0x1p-1022 && ay < 0x1p-1022 {
		ax = math.Ldexp(ax, 53)
		s = math.Ldexp(math.Sqrt(ax+hyp(ax, math.Ldexp(ay, 53))), -27)
	} else {
		ax /= 8
		s = 2 * math.Sqrt(ax+hyp(ax, ay/8))
	}
	d := ay / (2 * s)
	if re >= 0 {
		return complex(s, math.Copysign(d, im))
	}
	return complex(d, math.Copysign(s, im))
}

// cExp is CPython's cmath_exp for finite input.
func cExp(z complex128) complex128 {
	re, im := real(z), imag(z)
	if !isFiniteF(re) || !isFiniteF(im) {
		return cmplx.Exp(z)
	}
	if im == 0 {
		return complex(libmExp(re), im)
	}
	if re > 708 {
		l := libmExp(re - 1)
		return complex(l*libmCos(im)*math.E, l*libmSin(im)*math.E)
	}
	l := libmExp(re)
	return complex(l*libmCos(im), l*libmSin(im))
}

// cLog is CPython's c_log: log(|z|) computed without overflow, and with
// log1p near the unit circle.
func cLog(z complex128) (complex128, error) {
	re, im := real(z), imag(z)
	if !isFiniteF(re) || !isFiniteF(im) {
		return cmplx.Log(z), nil
	}
	ax, ay := math.Abs(re), math.Abs(im)
	var l float64
	const large = math.MaxFloat64 / 4
	switch {
	case ax > large || ay > large:
		l = libmLog(hyp(ax/2, ay/2)) + math.Ln2
	case ax < 0x1p-1022 && ay < 0x1p-1022:
		if ax == 0 && ay == 0 {
			return 0, errMathDomain()
		}
		l = libmLog(hyp(math.Ldexp(ax, 53), math.Ldexp(ay, 53))) - 53*math.Ln2
	default:
		h := hyp(ax, ay)
		if h >= 0.71 && h <= 1.73 {
			am, an := math.Max(ax, ay), math.Min(ax, ay)
			l = libmLog1p((am-1)*(am+1)+an*an) / 2
		} else {
			l = libmLog(h)
		}
	}
	return complex(l, libmAtan2(im, re)), nil
}

// CPython's thresholds for switching to overflow-free formulas.
var (
	cmLargeDouble     = math.MaxFloat64 / 4
	cmSqrtLargeDouble = math.Sqrt(cmLargeDouble)
	cmLogLargeDouble  = libmLog(cmLargeDouble)
	cmSqrtDblMin      = math.Sqrt(0x1p-1022)
)

// hyp is the C library's hypot, which CPython's cmath and abs(complex) use.
func hyp(x, y float64) float64 { return libmHypot(x, y) }

// finiteOr applies f to finite input and Go's function otherwise.
func finiteOr(f, gof func(complex128) complex128) func(complex128) complex128 {
	return func(z complex128) complex128 {
		if isFiniteF(real(z)) && isFiniteF(imag(z)) {
			return f(z)
		}
		return gof(z)
	}
}

// viaI applies f to i*z and returns -i times the result, the way the
// circular functions derive from the hyperbolic ones.
func viaI(f func(complex128) complex128) func(complex128) complex128 {
	return func(z complex128) complex128 {
		s := f(complex(-imag(z), real(z)))
		return complex(imag(s), -real(s))
	}
}

func cSinh(z complex128) complex128 {
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLogLargeDouble {
		x1 := re - math.Copysign(1, re)
		return complex(libmCos(im)*libmSinh(x1)*math.E, libmSin(im)*libmCosh(x1)*math.E)
	}
	return complex(libmCos(im)*libmSinh(re), libmSin(im)*libmCosh(re))
}

func cCosh(z complex128) complex128 {
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLogLargeDouble {
		x1 := re - math.Copysign(1, re)
		return complex(libmCos(im)*libmCosh(x1)*math.E, libmSin(im)*libmSinh(x1)*math.E)
	}
	return complex(libmCos(im)*libmCosh(re), libmSin(im)*libmSinh(re))
}

func cTanh(z complex128) complex128 {
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLogLargeDouble {
		return complex(math.Copysign(1, re), 4*libmSin(im)*libmCos(im)*libmExp(-2*math.Abs(re)))
	}
	tx, ty := libmTanh(re), libmTan(im)
	cx := 1 / libmCosh(re)
	txty := tx * ty
	denom := 1 + txty*txty
	return complex(tx*(1+ty*ty)/denom, ((ty/denom)*cx)*cx)
}

func cAsinh(z complex128) complex128 {
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLargeDouble || math.Abs(im) > cmLargeDouble {
		l := libmLog(hyp(re/2, im/2)) + math.Ln2*2
		var r float64
		if im >= 0 {
			r = math.Copysign(l, re)
		} else {
			r = -math.Copysign(l, -re)
		}
		return complex(r, libmAtan2(im, math.Abs(re)))
	}
	s1 := cSqrt(complex(1+im, -re))
	s2 := cSqrt(complex(1-im, re))
	return complex(libmAsinh(real(s1)*imag(s2)-real(s2)*imag(s1)), libmAtan2(im, real(s1)*real(s2)-imag(s1)*imag(s2)))
}

func cAcos(z complex128) complex128 {
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLargeDouble || math.Abs(im) > cmLargeDouble {
		l := libmLog(hyp(re/2, im/2)) + math.Ln2*2
		r := libmAtan2(math.Abs(im), re)
		if re < 0 {
			return complex(r, -math.Copysign(l, im))
		}
		return complex(r, math.Copysign(l, -im))
	}
	s1 := cSqrt(complex(1-re, -im))
	s2 := cSqrt(complex(1+re, im))
	return complex(2*libmAtan2(real(s1), real(s2)), libmAsinh(real(s2)*imag(s1)-imag(s2)*real(s1)))
}

func cAcosh(z complex128) complex128 {
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLargeDouble || math.Abs(im) > cmLargeDouble {
		return complex(libmLog(hyp(re/2, im/2))+math.Ln2*2, libmAtan2(im, re))
	}
	s1 := cSqrt(complex(re-1, im))
	s2 := cSqrt(complex(re+1, im))
	return complex(libmAsinh(real(s1)*real(s2)+imag(s1)*imag(s2)), 2*libmAtan2(imag(s1), real(s2)))
}

// cAtanh reports a domain error (atanh(±1)) through its error result.
func cAtanh(z complex128) (complex128, error) {
	re, im := real(z), imag(z)
	if !isFiniteF(re) || !isFiniteF(im) {
		return cmplx.Atanh(z), nil
	}
	if re < 0 {
		r, err := cAtanh(-z)
		return -r, err
	}
	ay := math.Abs(im)
	switch {
	case re > cmSqrtLargeDouble || ay > cmSqrtLargeDouble:
		h := hyp(re/2, im/2)
		return complex(re/4/h/h, -math.Copysign(math.Pi/2, -im)), nil
	case re == 1 && ay < cmSqrtDblMin:
		if ay == 0 {
			return 0, errMathDomain()
		}
		return complex(-libmLog(math.Sqrt(ay)/math.Sqrt(hyp(ay, 2))), math.Copysign(libmAtan2(2, -ay)/2, im)), nil
	}
	return complex(libmLog1p(4*re/((1-re)*(1-re)+ay*ay))/4, -libmAtan2(-2*im, (1-re)*(1+re)-ay*ay)/2), nil
}
