package py

import (
	"math"
	"math/big"

	"freepy/interp/pyfmt"
)

// Methods and attributes of float: is_integer, as_integer_ratio, hex,
// fromhex, the numbers.Real attributes, rounding dunders, __getformat__.

func floatSelf(self Object) float64 {
	f, _, _ := asFloat(unwrap(self))
	return f
}

func init() {
	ft := FloatType
	ft.AddMethod("is_integer", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.is_integer", args, kw, 0, 0); err != nil {
			return nil, err
		}
		f := floatSelf(self)
		return Bool(!math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f)), nil
	})
	ft.AddMethod("as_integer_ratio", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.as_integer_ratio", args, kw, 0, 0); err != nil {
			return nil, err
		}
		n, d, err := floatRatio(floatSelf(self))
		if err != nil {
			return nil, err
		}
		return NewTuple(intFromBig(n), intFromBig(d)), nil
	})
	ft.AddMethod("hex", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.hex", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return newASCIIStr(pyfmt.FloatHex(floatSelf(self))), nil
	})
	ft.AddClassMethod("fromhex", func(t *Thread, cls Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("float.fromhex() takes no keyword arguments")
		}
		if len(args) != 1 {
			return nil, TypeErrorf("float.fromhex() takes exactly one argument (%d given)", len(args))
		}
		s, ok := unwrap(args[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("fromhex() argument must be str, not %s", typeName(args[0]))
		}
		f, err := pyfmt.FloatFromHex(s.s)
		if err != nil {
			return nil, fromPyfmt(err)
		}
		if typ, ok := cls.(*Type); ok && typ != FloatType {
			return Call1(t, typ, Float(f))
		}
		return Float(f), nil
	})
	ft.AddMethod("conjugate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.conjugate", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Float(floatSelf(self)), nil
	})
	ft.AddMethod("__trunc__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.__trunc__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return floatToInt(floatSelf(self))
	})
	ft.AddMethod("__floor__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.__floor__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return floatToInt(math.Floor(floatSelf(self)))
	})
	ft.AddMethod("__ceil__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.__ceil__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return floatToInt(math.Ceil(floatSelf(self)))
	})
	ft.AddMethod("__round__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var nd Object
		if err := argCount("float.__round__", args, kw, 0, 1); err != nil {
			return nil, err
		}
		nd = optArg(args, 0)
		if nd == None {
			nd = nil
		}
		return floatRound(t, floatSelf(self), nd)
	})
	ft.AddMethod("__getnewargs__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("float.__getnewargs__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewTuple(Float(floatSelf(self))), nil
	})
	ft.AddClassMethod("__getformat__", func(t *Thread, cls Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("float.__getformat__() takes exactly one argument (%d given)", len(args))
		}
		s, ok := args[0].(*Str)
		if !ok {
			return nil, TypeErrorf("__getformat__() argument must be str, not %s", typeName(args[0]))
		}
		if s.s != "double" && s.s != "float" {
			return nil, ValueErrorf("__getformat__() argument 1 must be 'double' or 'float'")
		}
		return NewStr("IEEE, little-endian"), nil
	})
	divmodMethods(ft)
	ft.AddGetSet("real", func(t *Thread, self Object) (Object, error) { return Float(floatSelf(self)), nil }, nil)
	ft.AddGetSet("imag", func(t *Thread, self Object) (Object, error) { return Float(0), nil }, nil)
	ft.Pow3 = func(t *Thread, a, b, c Object) (Object, error) {
		_, oka, _ := asFloat(a)
		_, okb, _ := asFloat(b)
		if !oka || !okb {
			return NotImplemented, nil
		}
		return nil, TypeErrorf("pow() 3rd argument not allowed unless all arguments are integers")
	}
}

// floatRatio is float.as_integer_ratio: the exact fraction in lowest
// terms with a positive denominator.
func floatRatio(f float64) (*big.Int, *big.Int, error) {
	if math.IsNaN(f) {
		return nil, nil, ValueErrorf("cannot convert NaN to integer ratio")
	}
	if math.IsInf(f, 0) {
		return nil, nil, NewError(OverflowErrorType, "cannot convert Infinity to integer ratio")
	}
	r, _ := new(big.Rat).SetString("0")
	r.SetFloat64(f)
	return new(big.Int).Set(r.Num()), new(big.Int).Set(r.Denom()), nil
}

// sameFloat reports whether a and b are floats with the same bits: the
// closest freepy gets to CPython's identity for floats, which are values
// here (as in PyPy). It makes `nan is nan` and [nan] == [nan] true for
// one NaN object, as in CPython.
func sameFloat(a, b Object) bool {
	x, ok1 := a.(Float)
	y, ok2 := b.(Float)
	return ok1 && ok2 && math.Float64bits(float64(x)) == math.Float64bits(float64(y))
}
