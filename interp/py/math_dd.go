package py

import (
	"math"
	"math/big"
	"sync"
)

// Nearly correctly rounded exp, log, pow, sin, cos and tan.
//
// CPython calls the C library, whose exp/log/pow/sin/cos (glibc) are
// within about 0.52 ulp: in practice the correctly rounded result. Go's
// math package is only within 1 ulp (math.Log(3) differs from glibc in the
// last bit), which repr() shows. These functions evaluate in double-double
// arithmetic (about 106 bits) and round once, so they agree with glibc
// except in the rare cases where glibc itself is not correctly rounded.

// dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) (float64, float64) {
	s := float64(a + b)
	bb := float64(s - a)
	return s, float64(a-float64(s-bb)) + float64(b-bb)
}

func quickTwoSum(a, b float64) dd {
	s := float64(a + b)
	return dd{s, float64(b - float64(s-a))}
}

func twoProd(a, b float64) (float64, float64) {
	p := float64(a * b)
	return p, math.FMA(a, b, -p)
}

func ddAdd(a, b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	r := quickTwoSum(s, e)
	r.lo += f
	return quickTwoSum(r.hi, r.lo)
}

func ddNeg(a dd) dd { return dd{-a.hi, -a.lo} }

func ddSub(a, b dd) dd { return ddAdd(a, ddNeg(b)) }

func ddMul(a, b dd) dd {
	p, e := twoProd(a.hi, b.hi)
	e += a.hi*b.lo + a.lo*b.hi
	return quickTwoSum(p, e)
}

func ddMulF(a dd, b float64) dd {
	p, e := twoProd(a.hi, b)
	e += a.lo * b
	return quickTwoSum(p, e)
}

func ddDiv(a, b dd) dd {
	q1 := a.hi / b.hi
	r := ddSub(a, ddMulF(b, q1))
	q2 := r.hi / b.hi
	r = ddSub(r, ddMulF(b, q2))
	q3 := r.hi / b.hi
	return ddAdd(quickTwoSum(q1, q2), dd{q3, 0})
}

// Constants in double-double (and a third part for pi/2), computed once
// from series in big.Float rather than typed in.
var (
	ddLn2, ddLn10, ddInvLn2, ddPio2 dd
	pio2Third                       float64
)

func init() {
	const prec = 320
	// The series' terms shrink geometrically: stop once they no longer
	// change a sum near 1 at this precision (a fixed 400 terms took a
	// quarter of the interpreter's start-up time).
	negligible := func(term *big.Float) bool { return term.Sign() == 0 || term.MantExp(nil) < -prec-16 }
	atanhInv := func(n int64) *big.Float { // atanh(1/n)
		x := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), new(big.Float).SetPrec(prec).SetInt64(n))
		x2 := new(big.Float).SetPrec(prec).Mul(x, x)
		sum := new(big.Float).SetPrec(prec)
		term := new(big.Float).SetPrec(prec).Set(x)
		for k := int64(0); !negligible(term); k++ {
			sum.Add(sum, new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetPrec(prec).SetInt64(2*k+1)))
			term.Mul(term, x2)
		}
		return sum
	}
	atanInv := func(n int64) *big.Float { // atan(1/n)
		x := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), new(big.Float).SetPrec(prec).SetInt64(n))
		x2 := new(big.Float).SetPrec(prec).Mul(x, x)
		sum := new(big.Float).SetPrec(prec)
		term := new(big.Float).SetPrec(prec).Set(x)
		for k := int64(0); !negligible(term); k++ {
			t := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetPrec(prec).SetInt64(2*k+1))
			if k%2 == 0 {
				sum.Add(sum, t)
			} else {
				sum.Sub(sum, t)
			}
			term.Mul(term, x2)
		}
		return sum
	}
	split := func(v *big.Float) (dd, float64) {
		hi, _ := v.Float64()
		rest := new(big.Float).SetPrec(prec).Sub(v, big.NewFloat(hi))
		lo, _ := rest.Float64()
		rest.Sub(rest, big.NewFloat(lo))
		third, _ := rest.Float64()
		return dd{hi, lo}, third
	}
	ln2 := new(big.Float).SetPrec(prec).Mul(big.NewFloat(2), atanhInv(3))
	ln10 := new(big.Float).SetPrec(prec).Mul(big.NewFloat(3), ln2)
	ln10.Add(ln10, new(big.Float).SetPrec(prec).Mul(big.NewFloat(2), atanhInv(9)))
	// pi/2 = 8 atan(1/5) - 2 atan(1/239) (Machin)
	pio2 := new(big.Float).SetPrec(prec).Mul(big.NewFloat(8), atanInv(5))
	pio2.Sub(pio2, new(big.Float).SetPrec(prec).Mul(big.NewFloat(2), atanInv(239)))
	one := big.NewFloat(1).SetPrec(prec)
	ddLn2, _ = split(ln2)
	ddLn10, _ = split(ln10)
	ddInvLn2, _ = split(new(big.Float).SetPrec(prec).Quo(one, ln2))
	ddPio2, pio2Third = split(pio2)
}

// invFact[n] is 1/n! in double-double, for the exp series.
var invFact [14]dd

func init() {
	f := new(big.Float).SetPrec(200).SetInt64(1)
	for n := 1; n < len(invFact); n++ {
		f.Mul(f, new(big.Float).SetPrec(200).SetInt64(int64(n)))
		inv := new(big.Float).SetPrec(200).Quo(new(big.Float).SetPrec(200).SetInt64(1), f)
		hi, _ := inv.Float64()
		lo, _ := new(big.Float).SetPrec(200).Sub(inv, big.NewFloat(hi)).Float64()
		invFact[n] = dd{hi, lo}
	}
}

// ddDivF divides a double-double by a float64.
func ddDivF(a dd, b float64) dd {
	q1 := a.hi / b
	p, e := twoProd(q1, b)
	r := (float64(float64(a.hi-p)-e) + a.lo) / b
	return quickTwoSum(q1, r)
}

// ddExp is e**a for |a| below the overflow threshold, as hi*2**k.
func ddExp(a dd) (dd, int) {
	k := math.Round(a.hi / ddLn2.hi)
	r := ddSub(a, ddMulF(ddLn2, k))
	// exp(r) = (1 + expm1(r/64))**64, expm1 by its Taylor series (Horner)
	r = dd{r.hi / 64, r.lo / 64}
	s := invFact[13]
	for n := 12; n >= 1; n-- {
		s = ddAdd(ddMul(s, r), invFact[n])
	}
	s = ddMul(s, r)
	for i := 0; i < 6; i++ { // (1+s)**2 - 1 = s*(s+2)
		s = ddMul(s, ddAdd(s, dd{2, 0}))
	}
	return ddAdd(s, dd{1, 0}), int(k)
}

// crExp is exp(x).
func crExp(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.Exp(x)
	case x > 709.8:
		return math.Inf(1)
	case x < -745.2:
		return 0
	case x == 0:
		return 1
	}
	r, k := ddExp(dd{x, 0})
	return ddLdexp(r, k)
}

// ddLdexp rounds r*2**k to a float64.
func ddLdexp(r dd, k int) float64 {
	v := math.Ldexp(r.hi, k)
	if v != 0 && math.Abs(v) < 0x1p-1022 {
		// subnormal: round the full sum once
		return math.Ldexp(r.hi, k) + math.Ldexp(r.lo, k)
	}
	return v
}

// ddLog is the natural logarithm of a positive finite x.
func ddLog(x float64) dd {
	adj := 0.0
	if x < 0x1p-1022 { // subnormal: scale into the normal range
		x *= 0x1p54
		adj = -54
	}
	var y dd
	if x >= 0.5 && x <= 2 {
		// log(x) = 2 atanh(f / (2+f)) with f = x-1 exact (Sterbenz)
		f := x - 1
		s, e := twoSum(2, f)
		u := ddDiv(dd{f, 0}, dd{s, e})
		u2 := ddMul(u, u)
		sum := u
		pw := u
		for k := 3.0; k < 200; k += 2 {
			pw = ddMul(pw, u2)
			t := ddDivF(pw, k)
			sum = ddAdd(sum, t)
			if math.Abs(t.hi) < 1e-34*math.Abs(sum.hi) {
				break
			}
		}
		y = dd{2 * sum.hi, 2 * sum.lo}
	} else {
		// one Newton step from Go's estimate: y + x*exp(-y) - 1
		y0 := math.Log(x)
		e, k := ddExp(dd{-y0, 0})
		e = dd{math.Ldexp(e.hi, k), math.Ldexp(e.lo, k)}
		t := ddSub(ddMulF(e, x), dd{1, 0})
		y = ddAdd(dd{y0, 0}, t)
	}
	if adj != 0 {
		y = ddAdd(y, ddMulF(ddLn2, adj))
	}
	return y
}

// crLog, crLog2 and crLog10 are for positive finite x.
func crLog(x float64) float64 {
	if x == 1 {
		return 0
	}
	return ddLog(x).hi
}

func crLog2(x float64) float64 {
	if fr, e := math.Frexp(x); fr == 0.5 {
		return float64(e - 1)
	}
	return ddMul(ddLog(x), ddInvLn2).hi
}

// fastPow is x**y as C computes it: exact cases inline, the rest from the
// C library when there is one (libm_cgo.go), else crPow.
func fastPow(x, y float64) float64 {
	switch y {
	case 1:
		return x
	case 2:
		return x * x
	}
	if haveLibm {
		return libmPow(x, y)
	}
	return crPow(x, y)
}

// crPow is x**y with C99's special cases (those come from math.Pow).
func crPow(x, y float64) float64 {
	if x == 0 || y == 0 || x == 1 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Pow(x, y)
	}
	// exact or correctly rounded without logarithms
	switch y {
	case 1:
		return x
	case 2:
		return x * x
	case -1:
		return 1 / x
	case 0.5:
		if x > 0 {
			return math.Sqrt(x)
		}
	}
	neg := false
	if x < 0 {
		if y != math.Trunc(y) {
			return math.NaN()
		}
		x = -x
		neg = math.Abs(y) < 1<<53 && int64(y)%2 != 0
	}
	p := ddMulF(ddLog(x), y)
	var r float64
	switch {
	case p.hi > 709.8:
		r = math.Inf(1)
	case p.hi < -745.2:
		r = 0
	default:
		e, k := ddExp(p)
		r = ddLdexp(e, k)
	}
	if neg {
		return -r
	}
	return r
}

// ddSinCos returns sin and cos of a reduced argument |r| <= pi/4.
func ddSinCos(r dd) (dd, dd) {
	r2 := ddMul(r, r)
	s, c := r, dd{1, 0}
	ts, tc := r, dd{1, 0}
	for n := 1.0; n < 15; n++ {
		ts = ddDiv(ddMul(ts, r2), dd{-(2 * n) * (2*n + 1), 0})
		tc = ddDiv(ddMul(tc, r2), dd{-(2*n - 1) * (2 * n), 0})
		s = ddAdd(s, ts)
		c = ddAdd(c, tc)
	}
	return s, c
}

// trigReduce returns x - k*pi/2 and k mod 4; ok is false when |x| is too
// large for the three-part pi/2 (Go's reduction is used then).
func trigReduce(x float64) (dd, int, bool) {
	if math.Abs(x) > 1e9 {
		return bigTrigReduce(x)
	}
	k := math.Round(x / ddPio2.hi)
	p1, e1 := twoProd(k, ddPio2.hi)
	r := ddSub(dd{x, 0}, dd{p1, e1})
	p2, e2 := twoProd(k, ddPio2.lo)
	r = ddSub(r, dd{p2, e2})
	r = ddSub(r, dd{k * pio2Third, 0})
	return r, int(int64(k) & 3), true
}

func crSin(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Sin(x)
	}
	r, q, ok := trigReduce(x)
	if !ok {
		return math.Sin(x)
	}
	s, c := ddSinCos(r)
	switch q {
	case 0:
		return s.hi
	case 1:
		return c.hi
	case 2:
		return -s.hi
	}
	return -c.hi
}

func crCos(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Cos(x)
	}
	r, q, ok := trigReduce(x)
	if !ok {
		return math.Cos(x)
	}
	s, c := ddSinCos(r)
	switch q {
	case 0:
		return c.hi
	case 1:
		return -s.hi
	case 2:
		return -c.hi
	}
	return s.hi
}

func crTan(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Tan(x)
	}
	r, q, ok := trigReduce(x)
	if !ok {
		return math.Tan(x)
	}
	s, c := ddSinCos(r)
	if q&1 == 0 {
		return ddDiv(s, c).hi
	}
	return ddNeg(ddDiv(c, s)).hi
}

// ddSinCosAny is sin and cos of any moderate x in double-double.
func ddSinCosAny(x float64) (dd, dd) {
	r, q, _ := trigReduce(x)
	s, c := ddSinCos(r)
	switch q {
	case 1:
		return c, ddNeg(s)
	case 2:
		return ddNeg(s), ddNeg(c)
	case 3:
		return ddNeg(c), s
	}
	return s, c
}

// ddAtan is atan(q) by one Newton step on tan from Go's estimate:
// y - cos(y) * (sin(y) - q*cos(y)).
func ddAtan(q dd) dd {
	y0 := math.Atan(q.hi)
	if y0 == 0 {
		return q
	}
	s, c := ddSinCosAny(y0)
	f := ddSub(s, ddMul(q, c))
	return ddSub(dd{y0, 0}, ddMul(c, f))
}

func crAtan(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) < 1e-300 {
		return math.Atan(x)
	}
	if math.Abs(x) > 1 {
		// atan(x) = ±pi/2 - atan(1/x), keeping the Newton step well scaled
		a := ddSub(ddPio2, ddAtan(ddDiv(dd{1, 0}, dd{math.Abs(x), 0})))
		return math.Copysign(a.hi, x)
	}
	return ddAtan(dd{x, 0}).hi
}

func crAtan2(y, x float64) float64 {
	if x == 0 || y == 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Atan2(y, x)
	}
	q := ddDiv(dd{y, 0}, dd{x, 0})
	if math.IsInf(q.hi, 0) || q.hi == 0 || math.Abs(q.hi) > 1e300 || math.Abs(q.hi) < 1e-300 {
		return math.Atan2(y, x)
	}
	a := ddAtan(q)
	if x < 0 {
		pi := ddAdd(dd{2 * ddPio2.hi, 2 * ddPio2.lo}, dd{2 * pio2Third, 0})
		if y >= 0 {
			a = ddAdd(a, pi)
		} else {
			a = ddSub(a, pi)
		}
	}
	return a.hi
}

// bigPio2 is pi/2 to 1500 bits, for reducing huge arguments exactly.
var (
	bigPio2     *big.Float
	bigPio2Once sync.Once
)

const bigTrigPrec = 1500

// bigTrigReduce reduces a huge x (up to the float64 maximum) modulo pi/2
// in big.Float arithmetic wide enough to keep ~100 bits of the remainder.
func bigTrigReduce(x float64) (dd, int, bool) {
	bigPio2Once.Do(func() {
		atanInv := func(n int64) *big.Float {
			one := big.NewFloat(1).SetPrec(bigTrigPrec)
			xv := new(big.Float).SetPrec(bigTrigPrec).Quo(one, new(big.Float).SetPrec(bigTrigPrec).SetInt64(n))
			x2 := new(big.Float).SetPrec(bigTrigPrec).Mul(xv, xv)
			sum := new(big.Float).SetPrec(bigTrigPrec)
			term := new(big.Float).SetPrec(bigTrigPrec).Set(xv)
			for k := int64(0); k < 700; k++ {
				t := new(big.Float).SetPrec(bigTrigPrec).Quo(term, new(big.Float).SetPrec(bigTrigPrec).SetInt64(2*k+1))
				if k%2 == 0 {
					sum.Add(sum, t)
				} else {
					sum.Sub(sum, t)
				}
				term.Mul(term, x2)
			}
			return sum
		}
		p := new(big.Float).SetPrec(bigTrigPrec).Mul(big.NewFloat(8), atanInv(5))
		bigPio2 = p.Sub(p, new(big.Float).SetPrec(bigTrigPrec).Mul(big.NewFloat(2), atanInv(239)))
	})
	bx := new(big.Float).SetPrec(bigTrigPrec).SetFloat64(x)
	q := new(big.Float).SetPrec(bigTrigPrec).Quo(bx, bigPio2)
	// k = round(q), half away from zero
	half := big.NewFloat(0.5)
	if q.Sign() < 0 {
		q.Sub(q, half)
	} else {
		q.Add(q, half)
	}
	k, _ := q.Int(nil)
	kf := new(big.Float).SetPrec(bigTrigPrec).SetInt(k)
	r := new(big.Float).SetPrec(bigTrigPrec).Sub(bx, kf.Mul(kf, bigPio2))
	hi, _ := r.Float64()
	lo, _ := new(big.Float).SetPrec(bigTrigPrec).Sub(r, big.NewFloat(hi)).Float64()
	quad := new(big.Int).And(k, big.NewInt(3)).Int64()
	return dd{hi, lo}, int(quad), true
}
