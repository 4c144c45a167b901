package pyfmt

import (
	"math"
	"math/big"
	"strconv"
)

// RoundFloat is round(x, ndigits) for a float: x rounded, half to even, on
// its exact decimal value, to ndigits decimal places (ndigits may be
// negative), as CPython's double_round. NaN and infinities round to
// themselves; an ndigits beyond the float range returns x or a zero with
// x's sign. A result too large to represent is an OverflowError.
func RoundFloat(x float64, ndigits int) (float64, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x, nil
	}
	// CPython's NDIGITS_MAX and NDIGITS_MIN: (53+1021)*log10(2) and
	// -(1024+1)*log10(2), truncated.
	const ndigitsMax, ndigitsMin = 323, -308
	if ndigits > ndigitsMax {
		return x, nil
	}
	if ndigits < ndigitsMin {
		return math.Copysign(0, x), nil
	}
	// x = num / den exactly; scale by 10**ndigits and round to an integer.
	mant, exp := math.Frexp(math.Abs(x))
	num := new(big.Int).SetUint64(uint64(math.Ldexp(mant, 53)))
	exp -= 53
	den := big.NewInt(1)
	if exp >= 0 {
		num.Lsh(num, uint(exp))
	} else {
		den.Lsh(den, uint(-exp))
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(ndigits))), nil)
	if ndigits >= 0 {
		num.Mul(num, p)
	} else {
		den.Mul(den, p)
	}
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	rem.Lsh(rem, 1)
	if c := rem.Cmp(den); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	s := q.String() + "e" + strconv.Itoa(-ndigits)
	if math.Signbit(x) {
		s = "-" + s
	}
	r, err := strconv.ParseFloat(s, 64)
	if math.IsInf(r, 0) {
		return 0, overflowErr("rounded value too large to represent")
	}
	if err != nil && math.Abs(r) >= 1 {
		return 0, overflowErr("rounded value too large to represent")
	}
	return r, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// RoundFloatToInt is round(x) for a float: the nearest integer, half to
// even. NaN is a ValueError and infinities an OverflowError, as CPython's
// int conversion reports them.
func RoundFloatToInt(x float64) (*big.Int, error) {
	return FloatToInt(math.RoundToEven(x))
}

// FloatToInt is int(x) for a float: truncation toward zero.
func FloatToInt(x float64) (*big.Int, error) {
	if math.IsNaN(x) {
		return nil, valueErr("cannot convert float NaN to integer")
	}
	if math.IsInf(x, 0) {
		return nil, overflowErr("cannot convert float infinity to integer")
	}
	x = math.Trunc(x)
	if x >= -(1<<63) && x < 1<<63 {
		return big.NewInt(int64(x)), nil
	}
	v, _ := new(big.Float).SetFloat64(x).Int(nil)
	return v, nil
}
