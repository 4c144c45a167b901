package py

import (
	"math"
	"math/big"
)

// The math module, with CPython 3.11's functions, constants and errors:
// ValueError "math domain error" when a finite argument gives NaN (or an
// infinity where there is no overflow), OverflowError "math range error"
// when a finite argument overflows.

var (
	errMathDomain = func() error { return ValueErrorf("math domain error") }
	errMathRange  = func() error { return NewError(OverflowErrorType, "math range error") }
)

// mathFloat converts an argument as PyFloat_AsDouble does.
func mathFloat(t *Thread, o Object) (float64, error) {
	switch x := o.(type) {
	case Float:
		return float64(x), nil
	case Int:
		return float64(x), nil
	}
	if f, ok, err := asFloat(o); ok || err != nil {
		return f, err
	}
	if LoadPtr(&o.Type().Float) != nil {
		r, err := LoadPtr(&o.Type().Float)(t, o)
		if err != nil {
			return 0, err
		}
		f, ok := unwrap(r).(Float)
		if !ok {
			return 0, TypeErrorf("%s.__float__ returned non-float (type %s)", typeName(o), typeName(r))
		}
		return float64(f), nil
	}
	if LoadPtr(&o.Type().Index) != nil {
		v, err := Index(t, o)
		if err != nil {
			return 0, err
		}
		return intToFloat(v)
	}
	return 0, TypeErrorf("must be real number, not %s", typeName(o))
}

// math1 wraps a one-argument libm function with CPython's math_1 error
// rules; canOverflow selects OverflowError for an infinite result.
func math1(name string, f func(float64) float64, canOverflow bool) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := mathArgs(name, args, kw, 1); err != nil {
			return nil, err
		}
		x, err := mathFloat(t, args[0])
		if err != nil {
			return nil, err
		}
		r := f(x)
		if math.IsNaN(r) && !math.IsNaN(x) {
			return nil, errMathDomain()
		}
		if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
			if canOverflow {
				return nil, errMathRange()
			}
			return nil, errMathDomain()
		}
		return Float(r), nil
	}
}

// math2 is math_2 for two-argument functions (atan2, copysign, fmod, ...).
func math2(name string, f func(x, y float64) float64) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := mathArgs(name, args, kw, 2); err != nil {
			return nil, err
		}
		x, err := mathFloat(t, args[0])
		if err != nil {
			return nil, err
		}
		y, err := mathFloat(t, args[1])
		if err != nil {
			return nil, err
		}
		r := f(x, y)
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return nil, errMathDomain()
		}
		if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) && !math.IsNaN(x) && !math.IsNaN(y) {
			return nil, errMathRange()
		}
		return Float(r), nil
	}
}

// mathArgs checks a fixed number of positional-only arguments.
func mathArgs(name string, args []Object, kw []string, n int) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != n {
		if n == 1 {
			return TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
		}
		return TypeErrorf("%s expected %d arguments, got %d", name, n, len(args))
	}
	return nil
}

func init() {
	RegisterNativeModule("math", func(t *Thread) (*Module, error) {
		m := NewModule("math")
		d := m.Dict()
		d.SetStr("pi", Float(math.Pi))
		d.SetStr("e", Float(math.E))
		d.SetStr("tau", Float(2*math.Pi))
		d.SetStr("inf", Float(math.Inf(1)))
		d.SetStr("nan", Float(math.NaN()))
		d.SetStr("__doc__", NewStr("This module provides access to the mathematical functions\ndefined by the C standard."))
		one := map[string]struct {
			f           func(float64) float64
			canOverflow bool
		}{
			"acos": {libmAcos, false}, "acosh": {libmAcosh, false}, "asin": {libmAsin, false},
			"asinh": {libmAsinh, false}, "atan": {libmAtan, false}, "atanh": {libmAtanh, false},
			"cbrt": {libmCbrt, false}, "cos": {libmCos, false}, "cosh": {libmCosh, true},
			"erf": {libmErf, false}, "erfc": {libmErfc, false}, "exp": {libmExp, true},
			"exp2": {libmExp2, true}, "expm1": {libmExpm1, true}, "fabs": {math.Abs, false},
			"sin": {libmSin, false}, "sinh": {libmSinh, true}, "sqrt": {math.Sqrt, false},
			"tan": {libmTan, false}, "tanh": {libmTanh, false}, "log1p": {libmLog1p, false},
		}
		for name, e := range one {
			m.AddFunc(name, math1(name, e.f, e.canOverflow))
		}
		m.AddFunc("atan2", math2("atan2", libmAtan2))
		m.AddFunc("copysign", math2("copysign", math.Copysign))
		m.AddFunc("fmod", math2("fmod", func(x, y float64) float64 {
			if math.IsInf(y, 0) && !math.IsInf(x, 0) {
				return x
			}
			return math.Mod(x, y)
		}))
		m.AddFunc("remainder", math2("remainder", math.Remainder))
		m.AddFunc("pow", mathPow)
		m.AddFunc("gamma", math1("gamma", mathGamma, true))
		m.AddFunc("lgamma", math1("lgamma", mathLgamma, true))
		m.AddFunc("degrees", math1("degrees", func(x float64) float64 { return x * (180 / math.Pi) }, true))
		m.AddFunc("radians", math1("radians", func(x float64) float64 { return x * (math.Pi / 180) }, true))
		m.AddFunc("isfinite", mathPred("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }))
		m.AddFunc("isinf", mathPred("isinf", func(x float64) bool { return math.IsInf(x, 0) }))
		m.AddFunc("isnan", mathPred("isnan", math.IsNaN))
		m.AddFunc("floor", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			return mathRound(t, a, kw, "floor", "__floor__", math.Floor)
		})
		m.AddFunc("ceil", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			return mathRound(t, a, kw, "ceil", "__ceil__", math.Ceil)
		})
		m.AddFunc("trunc", mathTrunc)
		m.AddFunc("log", mathLog)
		m.AddFunc("log2", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			if err := mathArgs("log2", a, kw, 1); err != nil {
				return nil, err
			}
			return logHelper(t, a[0], libmLog2)
		})
		m.AddFunc("log10", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			if err := mathArgs("log10", a, kw, 1); err != nil {
				return nil, err
			}
			return logHelper(t, a[0], libmLog10)
		})
		m.AddFunc("frexp", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			if err := mathArgs("frexp", a, kw, 1); err != nil {
				return nil, err
			}
			x, err := mathFloat(t, a[0])
			if err != nil {
				return nil, err
			}
			if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
				return NewTuple(Float(x), Int(0)), nil
			}
			fr, e := math.Frexp(x)
			return NewTuple(Float(fr), Int(e)), nil
		})
		m.AddFunc("ldexp", mathLdexp)
		m.AddFunc("modf", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			if err := mathArgs("modf", a, kw, 1); err != nil {
				return nil, err
			}
			x, err := mathFloat(t, a[0])
			if err != nil {
				return nil, err
			}
			if math.IsInf(x, 0) {
				return NewTuple(Float(math.Copysign(0, x)), Float(x)), nil
			}
			ip, fp := math.Modf(x)
			return NewTuple(Float(fp), Float(ip)), nil
		})
		// Equal arguments give y, as C's nextafter does (Go's gives x:
		// nextafter(-0.0, 0.0) must be 0.0).
		m.AddFunc("nextafter", math2("nextafter", func(x, y float64) float64 {
			if x == y {
				return y
			}
			return math.Nextafter(x, y)
		}))
		m.AddFunc("ulp", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			if err := mathArgs("ulp", a, kw, 1); err != nil {
				return nil, err
			}
			x, err := mathFloat(t, a[0])
			if err != nil {
				return nil, err
			}
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return Float(math.Abs(x)), nil
			}
			x = math.Abs(x)
			if x == math.MaxFloat64 {
				return Float(x - math.Nextafter(x, 0)), nil
			}
			return Float(math.Nextafter(x, math.Inf(1)) - x), nil
		})
		m.AddFunc("factorial", mathFactorial)
		m.AddFunc("gcd", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			return gcdLcm(t, a, kw, "gcd", false)
		})
		m.AddFunc("lcm", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			return gcdLcm(t, a, kw, "lcm", true)
		})
		m.AddFunc("isqrt", mathIsqrt)
		m.AddFunc("comb", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			return combPerm(t, a, kw, "comb")
		})
		m.AddFunc("perm", func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
			return combPerm(t, a, kw, "perm")
		})
		m.AddFunc("prod", mathProd)
		m.AddFunc("fsum", mathFsum)
		m.AddFunc("isclose", mathIsclose)
		m.AddFunc("hypot", mathHypot)
		m.AddFunc("dist", mathDist)
		return m, nil
	})
}

func mathPred(name string, f func(float64) bool) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := mathArgs(name, args, kw, 1); err != nil {
			return nil, err
		}
		x, err := mathFloat(t, args[0])
		if err != nil {
			return nil, err
		}
		return Bool(f(x)), nil
	}
}

// mathRound is floor() and ceil(): ints as they are, floats directly,
// otherwise the __floor__ / __ceil__ method, then a float conversion.
func mathRound(t *Thread, args []Object, kw []string, name, dunder string, f func(float64) float64) (Object, error) {
	if err := mathArgs(name, args, kw, 1); err != nil {
		return nil, err
	}
	x := args[0]
	switch v := x.(type) {
	case Float:
		return floatToInt(f(float64(v)))
	case Int, *BigInt:
		return v, nil
	}
	if r, found, err := callSpecial(t, x, dunder); found {
		return r, err
	}
	v, err := mathFloat(t, x)
	if err != nil {
		return nil, err
	}
	return floatToInt(f(v))
}

func mathTrunc(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := mathArgs("trunc", args, kw, 1); err != nil {
		return nil, err
	}
	x := args[0]
	if v, ok := x.(Float); ok {
		return floatToInt(float64(v))
	}
	r, found, err := callSpecial(t, x, "__trunc__")
	if !found {
		return nil, TypeErrorf("type %s doesn't define __trunc__ method", typeName(x))
	}
	return r, err
}

// logHelper applies a logarithm to a float or to an int of any size
// (ints too large for a float are split into mantissa and exponent).
func logHelper(t *Thread, o Object, f func(float64) float64) (Object, error) {
	if isIntLike(o) {
		b, _ := asBig(unwrap(o))
		if b.Sign() <= 0 {
			return nil, errMathDomain()
		}
		if b.BitLen() > 1000 {
			// x = m * 2**e with m in [0.5, 1)
			e := b.BitLen()
			m, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(b), -e).Float64()
			return Float(f(m) + float64(e)*f(2)), nil
		}
	}
	x, err := mathFloat(t, o)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(x) || math.IsInf(x, 1) {
		return Float(x), nil
	}
	if x <= 0 {
		return nil, errMathDomain()
	}
	return Float(f(x)), nil
}

func mathLog(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("log() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 2 {
		if len(args) < 1 {
			return nil, TypeErrorf("log expected at least 1 argument, got %d", len(args))
		}
		return nil, TypeErrorf("log expected at most 2 arguments, got %d", len(args))
	}
	num, err := logHelper(t, args[0], libmLog)
	if err != nil || len(args) == 1 {
		return num, err
	}
	den, err := logHelper(t, args[1], libmLog)
	if err != nil {
		return nil, err
	}
	if den.(Float) == 0 {
		return nil, NewError(ZeroDivisionErrorType, "float division by zero")
	}
	return num.(Float) / den.(Float), nil
}

// mathPow is math.pow with C99's special cases and CPython's errors.
func mathPow(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := mathArgs("pow", args, kw, 2); err != nil {
		return nil, err
	}
	x, err := mathFloat(t, args[0])
	if err != nil {
		return nil, err
	}
	y, err := mathFloat(t, args[1])
	if err != nil {
		return nil, err
	}
	finite := func(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }
	if !finite(x) || !finite(y) {
		switch {
		case math.IsNaN(x):
			if y == 0 {
				return Float(1), nil
			}
			return Float(x), nil
		case math.IsNaN(y):
			if x == 1 {
				return Float(1), nil
			}
			return Float(y), nil
		}
		return Float(math.Pow(x, y)), nil
	}
	r := fastPow(x, y)
	if math.IsNaN(r) {
		return nil, errMathDomain()
	}
	if math.IsInf(r, 0) {
		if x == 0 {
			return nil, errMathDomain()
		}
		return nil, errMathRange()
	}
	return Float(r), nil
}

func mathLdexp(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := mathArgs("ldexp", args, kw, 2); err != nil {
		return nil, err
	}
	x, err := mathFloat(t, args[0])
	if err != nil {
		return nil, err
	}
	if !isIntLike(args[1]) {
		return nil, TypeErrorf("Expected an int as second argument to ldexp.")
	}
	eb, _ := asBig(unwrap(args[1]))
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return Float(x), nil
	}
	var e int
	switch {
	case eb.Cmp(big.NewInt(100000)) > 0:
		e = 100000
	case eb.Cmp(big.NewInt(-100000)) < 0:
		e = -100000
	default:
		e = int(eb.Int64())
	}
	r := math.Ldexp(x, e)
	if math.IsInf(r, 0) {
		return nil, errMathRange()
	}
	return Float(r), nil
}

// mathIntArg is an integer argument via __index__ (floats are refused).
func mathIntArg(t *Thread, o Object) (*big.Int, error) {
	v, err := Index(t, o)
	if err != nil {
		return nil, err
	}
	b, _ := asBig(v)
	return new(big.Int).Set(b), nil
}

func mathFactorial(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := mathArgs("factorial", args, kw, 1); err != nil {
		return nil, err
	}
	n, err := mathIntArg(t, args[0])
	if err != nil {
		return nil, err
	}
	if !n.IsInt64() {
		if n.Sign() < 0 {
			return nil, ValueErrorf("factorial() not defined for negative values")
		}
		return nil, NewError(OverflowErrorType, "factorial() argument should not exceed 9223372036854775807")
	}
	v := n.Int64()
	if v < 0 {
		return nil, ValueErrorf("factorial() not defined for negative values")
	}
	if v < 2 {
		return Int(1), nil
	}
	return intFromBig(new(big.Int).MulRange(1, v)), nil
}

func gcdLcm(t *Thread, args []Object, kw []string, name string, lcm bool) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) == 0 {
		if lcm {
			return Int(1), nil
		}
		return Int(0), nil
	}
	acc, err := mathIntArg(t, args[0])
	if err != nil {
		return nil, err
	}
	acc.Abs(acc)
	for _, a := range args[1:] {
		b, err := mathIntArg(t, a)
		if err != nil {
			return nil, err
		}
		b.Abs(b)
		if lcm {
			if acc.Sign() == 0 || b.Sign() == 0 {
				acc.SetInt64(0)
				continue
			}
			g := new(big.Int).GCD(nil, nil, acc, b)
			acc.Mul(acc, new(big.Int).Quo(b, g))
		} else {
			acc.GCD(nil, nil, acc, b)
		}
	}
	return intFromBig(acc), nil
}

func mathIsqrt(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := mathArgs("isqrt", args, kw, 1); err != nil {
		return nil, err
	}
	n, err := mathIntArg(t, args[0])
	if err != nil {
		return nil, err
	}
	if n.Sign() < 0 {
		return nil, ValueErrorf("isqrt() argument must be nonnegative")
	}
	return intFromBig(n.Sqrt(n)), nil
}

// combPerm is comb(n, k) and perm(n, k=None).
func combPerm(t *Thread, args []Object, kw []string, name string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("%s() takes no keyword arguments", name)
	}
	if name == "comb" && len(args) != 2 {
		return nil, TypeErrorf("comb expected 2 arguments, got %d", len(args))
	}
	if name == "perm" && (len(args) < 1 || len(args) > 2) {
		if len(args) < 1 {
			return nil, TypeErrorf("perm expected at least 1 argument, got %d", len(args))
		}
		return nil, TypeErrorf("perm expected at most 2 arguments, got %d", len(args))
	}
	n, err := mathIntArg(t, args[0])
	if err != nil {
		return nil, err
	}
	if name == "perm" && (len(args) == 1 || args[1] == None) {
		if n.Sign() < 0 {
			return nil, ValueErrorf("n must be a non-negative integer")
		}
		return mathFactorial(t, nil, []Object{intFromBig(n)}, nil)
	}
	k, err := mathIntArg(t, args[1])
	if err != nil {
		return nil, err
	}
	if n.Sign() < 0 {
		return nil, ValueErrorf("n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return nil, ValueErrorf("k must be a non-negative integer")
	}
	if k.Cmp(n) > 0 {
		return Int(0), nil
	}
	if name == "comb" {
		// comb(n, k) == comb(n, n-k): use the smaller
		nk := new(big.Int).Sub(n, k)
		if nk.Cmp(k) < 0 {
			k = nk
		}
	}
	if !k.IsInt64() || k.Int64() > 1<<24 {
		return nil, NewError(OverflowErrorType, "min(n - k, k) must not exceed 9223372036854775807")
	}
	kk := k.Int64()
	r := big.NewInt(1)
	for i := int64(0); i < kk; i++ {
		r.Mul(r, new(big.Int).Sub(n, big.NewInt(i)))
		if name == "comb" {
			r.Quo(r, big.NewInt(i+1))
		}
	}
	return intFromBig(r), nil
}

func mathProd(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var it, start Object
	if err := ParseArgs("prod", args, kw, []string{"", "start"}, 1, &it, &start); err != nil {
		return nil, err
	}
	if len(args)-len(kw) > 1 {
		return nil, TypeErrorf("prod() takes exactly 1 positional argument (%d given)", len(args)-len(kw))
	}
	acc := start
	if acc == nil {
		acc = Int(1)
	}
	err := Iterate(t, it, func(v Object) (bool, error) {
		if x, ok := acc.(Int); ok {
			if y, ok := v.(Int); ok {
				acc = intMul(int64(x), int64(y))
				return true, nil
			}
		}
		r, err := BinaryOp(t, acc, v, NbMul)
		if err != nil {
			return false, err
		}
		acc = r
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return acc, nil
}

// mathFsum is fsum(iterable): the correctly rounded sum, by Shewchuk's
// exact partial sums, with CPython's handling of infinities and overflow.
func mathFsum(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := mathArgs("fsum", args, kw, 1); err != nil {
		return nil, err
	}
	var partials []float64
	specialSum, infSum := 0.0, 0.0
	err := Iterate(t, args[0], func(o Object) (bool, error) {
		x, err := mathFloat(t, o)
		if err != nil {
			return false, err
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				// a non-finite x is an intermediate overflow, or comes
				// from an inf or nan among the summands
				if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
					return false, NewError(OverflowErrorType, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				specialSum += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	if specialSum != 0 || math.IsNaN(specialSum) {
		if math.IsNaN(infSum) {
			return nil, ValueErrorf("-inf + inf in fsum")
		}
		return Float(specialSum), nil
	}
	hi := 0.0
	n := len(partials)
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			yr := hi - x
			lo = y - yr
			if lo != 0 {
				break
			}
		}
		// half-even correction across the remaining partials
		if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
			y := lo * 2
			x := hi + y
			yr := x - hi
			if y == yr {
				hi = x
			}
		}
	}
	return Float(hi), nil
}

func mathIsclose(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var a, b, rt, at Object
	if err := ParseArgs("isclose", args, kw, []string{"a", "b", "rel_tol", "abs_tol"}, 2, &a, &b, &rt, &at); err != nil {
		return nil, err
	}
	x, err := mathFloat(t, a)
	if err != nil {
		return nil, err
	}
	y, err := mathFloat(t, b)
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
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return False, nil
	}
	diff := math.Abs(y - x)
	return Bool((diff <= math.Abs(rel*y)) || (diff <= math.Abs(rel*x)) || diff <= abs), nil
}

// vectorNorm is the Euclidean norm, correctly rounded in practice: the
// squares are summed exactly in a wide big.Float and rounded once.
func vectorNorm(xs []float64) float64 {
	inf, nan := false, false
	for _, x := range xs {
		if math.IsInf(x, 0) {
			inf = true
		}
		if math.IsNaN(x) {
			nan = true
		}
	}
	if inf {
		return math.Inf(1)
	}
	if nan {
		return math.NaN()
	}
	const prec = 2300 // exact for squares of any doubles, summed
	sum := new(big.Float).SetPrec(prec)
	for _, x := range xs {
		v := new(big.Float).SetPrec(prec).SetFloat64(x)
		sum.Add(sum, v.Mul(v, v))
	}
	r, _ := new(big.Float).SetPrec(prec).Sqrt(sum).Float64()
	if sum.Sign() == 0 {
		return 0
	}
	return r
}

func mathHypot(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("hypot() takes no keyword arguments")
	}
	xs := make([]float64, len(args))
	for i, a := range args {
		x, err := mathFloat(t, a)
		if err != nil {
			return nil, err
		}
		xs[i] = x
	}
	return Float(vectorNorm(xs)), nil
}

func mathDist(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := mathArgs("dist", args, kw, 2); err != nil {
		return nil, err
	}
	p, err := ToSlice(t, args[0])
	if err != nil {
		return nil, err
	}
	q, err := ToSlice(t, args[1])
	if err != nil {
		return nil, err
	}
	if len(p) != len(q) {
		return nil, ValueErrorf("both points must have the same number of dimensions")
	}
	xs := make([]float64, len(p))
	for i := range p {
		a, err := mathFloat(t, p[i])
		if err != nil {
			return nil, err
		}
		b, err := mathFloat(t, q[i])
		if err != nil {
			return nil, err
		}
		xs[i] = math.Abs(a - b)
	}
	return Float(vectorNorm(xs)), nil
}
