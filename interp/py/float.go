package py

import (
	"math"
	"math/big"
)

// Float is a Python float.
type Float float64

// Complex is a Python complex.
type Complex complex128

func (Float) Type() *Type   { return FloatType }
func (Complex) Type() *Type { return ComplexType }

// asFloat converts a float or int operand to float64; ok is false for
// other types (the operator then returns NotImplemented).
func asFloat(o Object) (float64, bool, error) {
	switch x := o.(type) {
	case Float:
		return float64(x), true, nil
	case Int:
		return float64(x), true, nil
	case Bool:
		return float64(boolToInt(x)), true, nil
	case *BigInt:
		f, err := bigToFloat(&x.v)
		return f, true, err
	case *Instance:
		if x.Base != nil {
			switch x.Base.(type) {
			case Float, Int, Bool, *BigInt:
				return asFloat(x.Base)
			}
		}
	}
	return 0, false, nil
}

func isFloatLike(o Object) bool {
	switch u := unwrap(o).(type) {
	case Float:
		return true
	default:
		_ = u
	}
	return false
}

// floatBinary implements float operators; one operand is a float.
func floatBinary(op int, a, b Object) (Object, error) {
	if !isFloatLike(a) && !isFloatLike(b) {
		return NotImplemented, nil
	}
	x, okx, err := asFloat(a)
	if err != nil {
		return nil, err
	}
	y, oky, err := asFloat(b)
	if err != nil {
		return nil, err
	}
	if !okx || !oky {
		return NotImplemented, nil
	}
	switch op {
	case NbAdd:
		return Float(x + y), nil
	case NbSub:
		return Float(x - y), nil
	case NbMul:
		return Float(x * y), nil
	case NbTrueDiv:
		if y == 0 {
			return nil, NewError(ZeroDivisionErrorType, "float division by zero")
		}
		return Float(x / y), nil
	case NbFloorDiv:
		if y == 0 {
			return nil, NewError(ZeroDivisionErrorType, "float floor division by zero")
		}
		q, _ := floatDivMod(x, y)
		return Float(q), nil
	case NbMod:
		if y == 0 {
			return nil, NewError(ZeroDivisionErrorType, "float modulo")
		}
		_, m := floatDivMod(x, y)
		return Float(m), nil
	case NbPow:
		return floatPow(x, y)
	}
	return NotImplemented, nil
}

// floatDivMod is CPython's float_divmod.
func floatDivMod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

// floatPow is CPython's float_pow for the cases that differ from math.Pow.
func floatPow(x, y float64) (Object, error) {
	if y == 0 {
		return Float(1), nil
	}
	if math.IsNaN(x) {
		if y == 0 {
			return Float(1), nil
		}
		return Float(x), nil
	}
	if math.IsNaN(y) {
		if x == 1 {
			return Float(1), nil
		}
		return Float(y), nil
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		// C99's pow has CPython's answers for infinities
		return Float(math.Pow(x, y)), nil
	}
	if x == 0 && y < 0 {
		return nil, NewError(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
	}
	if x < 0 && y != math.Floor(y) {
		// a negative number to a fractional power is complex
		return complexPow(complex(x, 0), complex(y, 0))
	}
	r := fastPow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return nil, NewError(OverflowErrorType, "(34, 'Numerical result out of range')")
	}
	return Float(r), nil
}

func complexPow(a, b complex128) (Object, error) {
	if b == 0 {
		return Complex(1), nil
	}
	if a == 0 {
		if imag(b) != 0 || real(b) < 0 {
			return nil, NewError(ZeroDivisionErrorType, "0.0 to a negative or complex power")
		}
		return Complex(0), nil
	}
	return complexPowCPython(a, b) // complex_methods.go
}

// hashFloat is CPython's _Py_HashDouble (without the pointer-based NaN
// hash: NaN hashes by identity in CPython; here all NaNs hash to 0 as in
// CPython 3.9 and earlier, which is allowed since NaN != NaN).
func hashFloat(v float64) int64 {
	if math.IsInf(v, 0) {
		if v > 0 {
			return 314159
		}
		return -314159
	}
	if math.IsNaN(v) {
		return 0
	}
	if v == math.Trunc(v) && math.Abs(v) < 1<<63 {
		return hashInt(int64(v))
	}
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

// floatCompare compares a float with a float or an int exactly.
func floatCompare(a, b Object, op CompareOp) (Object, bool) {
	x, okx := floatOrIntExact(a)
	y, oky := floatOrIntExact(b)
	if !okx || !oky {
		return nil, false
	}
	if fx, ok := x.(float64); ok {
		if fy, ok := y.(float64); ok {
			switch op {
			case LT:
				return NewBool(fx < fy), true
			case LE:
				return NewBool(fx <= fy), true
			case EQ:
				return NewBool(fx == fy), true
			case NE:
				return NewBool(fx != fy), true
			case GT:
				return NewBool(fx > fy), true
			}
			return NewBool(fx >= fy), true
		}
	}
	// mixed float/int: compare exactly via big.Float (NaN never equal)
	toBig := func(v any) (*big.Float, bool) {
		switch z := v.(type) {
		case float64:
			if math.IsNaN(z) {
				return nil, false
			}
			if math.IsInf(z, 0) {
				return new(big.Float).SetInf(z < 0), true
			}
			return new(big.Float).SetFloat64(z), true
		case *big.Int:
			return new(big.Float).SetPrec(uint(max(z.BitLen(), 64))).SetInt(z), true
		}
		return nil, false
	}
	bx, ok1 := toBig(x)
	by, ok2 := toBig(y)
	if !ok1 || !ok2 {
		return NewBool(op == NE), true
	}
	return NewBool(cmpResult(bx.Cmp(by), op)), true
}

// floatOrIntExact returns float64 for floats and *big.Int for ints.
func floatOrIntExact(o Object) (any, bool) {
	switch x := unwrap(o).(type) {
	case Float:
		return float64(x), true
	case Int, Bool, *BigInt:
		b, _ := asBig(x)
		return b, true
	}
	return nil, false
}
