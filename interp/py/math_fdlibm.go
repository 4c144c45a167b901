package py

import "math"

// log10, sinh, cosh, tanh, asinh and acosh as the C library computes them
// (the classic fdlibm formulas over exp, expm1, log and log1p), so that
// results agree with CPython's to the last bit. Go's versions use other
// formulas. expm1 and log1p are Go's, which follow the same fdlibm code.

var (
	ivln10   = math.Float64frombits(0x3FDBCB7B1526E50E)
	log102hi = math.Float64frombits(0x3FD34413509F6000)
	log102lo = math.Float64frombits(0x3D59FEF311F12B36)
	fdLn2    = math.Float64frombits(0x3FE62E42FEFA39EF)
)

// highWord is the upper 32 bits of x's representation.
func highWord(x float64) uint32 { return uint32(math.Float64bits(x) >> 32) }

// crLog10 is log10 of a positive finite x: the exponent and the scaled
// mantissa's natural logarithm combined in fdlibm's order.
func crLog10(x float64) float64 {
	k := 0
	if x < 0x1p-1022 {
		k -= 54
		x *= 0x1p54
	}
	bits := math.Float64bits(x)
	hx := uint32(bits >> 32)
	k += int(hx>>20) - 1023
	i := 0
	if k < 0 {
		i = 1
	}
	hx = (hx & 0x000fffff) | uint32(0x3ff-i)<<20
	y := float64(k + i)
	x = math.Float64frombits(uint64(hx)<<32 | bits&0xffffffff)
	z := float64(y*log102lo) + float64(ivln10*crLog(x))
	return z + float64(y*log102hi)
}

func fdSinh(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x + x
	}
	ix := highWord(x) & 0x7fffffff
	h := 0.5
	if x < 0 {
		h = -h
	}
	ax := math.Abs(x)
	if ix < 0x40360000 { // |x| < 22
		if ix < 0x3e300000 { // |x| < 2**-28
			return x
		}
		t := math.Expm1(ax)
		if ix < 0x3ff00000 {
			return h * (2.0*t - t*t/(t+1))
		}
		return h * (t + t/(t+1))
	}
	if ix < 0x40862E42 {
		return h * crExp(ax)
	}
	if ax <= math.Float64frombits(0x408633CE8FB9F87D) {
		w := crExp(0.5 * ax)
		t := h * w
		return t * w
	}
	return x * 1e307 * 1e307 // overflow
}

func fdCosh(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x * x
	}
	ix := highWord(x) & 0x7fffffff
	ax := math.Abs(x)
	if ix < 0x40360000 {
		if ix < 0x3fd62e43 {
			if ix < 0x3c800000 {
				return 1
			}
			t := math.Expm1(ax)
			w := 1 + t
			return 1 + (t*t)/(w+w)
		}
		t := crExp(ax)
		return 0.5*t + 0.5/t
	}
	if ix < 0x40862E42 {
		return 0.5 * crExp(ax)
	}
	if ax <= math.Float64frombits(0x408633CE8FB9F87D) {
		w := crExp(0.5 * ax)
		t := 0.5 * w
		return t * w
	}
	return math.Inf(1)
}

func fdTanh(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if math.IsInf(x, 0) {
		return math.Copysign(1, x)
	}
	ix := highWord(x) & 0x7fffffff
	ax := math.Abs(x)
	var z float64
	if ix < 0x40360000 {
		if x == 0 {
			return x
		}
		if ix < 0x3c800000 {
			return x * (1 + x)
		}
		if ix >= 0x3ff00000 {
			t := math.Expm1(2 * ax)
			z = 1 - 2/(t+2)
		} else {
			t := math.Expm1(-2 * ax)
			z = -t / (t + 2)
		}
	} else {
		z = 1
	}
	if x < 0 {
		return -z
	}
	return z
}

func fdAsinh(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x + x
	}
	ix := highWord(x) & 0x7fffffff
	if ix < 0x3e300000 {
		return x
	}
	var w float64
	t := math.Abs(x)
	switch {
	case ix > 0x41b00000:
		w = crLog(t) + fdLn2
	case ix > 0x40000000:
		w = crLog(2.0*t + 1/(math.Sqrt(x*x+1)+t))
	default:
		t2 := x * x
		w = math.Log1p(t + t2/(1+math.Sqrt(1+t2)))
	}
	if x < 0 {
		return -w
	}
	return w
}

func fdAcosh(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x < 1:
		return math.NaN()
	case x >= 0x1p28:
		if math.IsInf(x, 1) {
			return x
		}
		return crLog(x) + fdLn2
	case x == 1:
		return 0
	case x > 2:
		t := x * x
		return crLog(2.0*x - 1/(x+math.Sqrt(t-1)))
	}
	t := x - 1
	return math.Log1p(t + math.Sqrt(2.0*t+t*t))
}
