package py

import "math"

// gamma and lgamma by the Lanczos approximation that CPython's math
// module uses (so results agree to the last bit), with its special cases.

const (
	lanczosN          = 13
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	nGammaIntegral    = 23
)

var lanczosNum = [lanczosN]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

// lanczosDen are the coefficients of x(x+1)...(x+11).
var lanczosDen = [lanczosN]float64{
	0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
}

func lanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5.0 {
		for i := lanczosN - 1; i >= 0; i-- {
			num = num*x + lanczosNum[i]
			den = den*x + lanczosDen[i]
		}
	} else {
		for i := 0; i < lanczosN; i++ {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// sinPi is sin(pi*x), accurate for large x.
func sinPi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2.0)
	var r float64
	switch int(math.Round(2.0 * y)) {
	case 0:
		r = libmSin(math.Pi * y)
	case 1:
		r = libmCos(math.Pi * (y - 0.5))
	case 2:
		r = libmSin(math.Pi * (1.0 - y))
	case 3:
		r = -libmCos(math.Pi * (y - 1.5))
	case 4:
		r = libmSin(math.Pi * (y - 2.0))
	}
	return math.Copysign(1.0, x) * r
}

// mathGamma returns NaN for a domain error and an infinity for overflow
// (math1 turns them into ValueError and OverflowError).
func mathGamma(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		if math.IsNaN(x) || x > 0 {
			return x
		}
		return math.NaN()
	}
	if x == math.Floor(x) {
		if x <= 0 {
			return math.NaN()
		}
		if x <= nGammaIntegral {
			f := 1.0
			for i := 2.0; i < x; i++ {
				f *= i
			}
			return f
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return 1.0 / x
	}
	if absx > 200.0 {
		if x < 0.0 {
			return 0.0 / sinPi(x)
		}
		return math.Inf(1)
	}
	y := absx + lanczosGMinusHalf
	var q, z float64
	if absx > lanczosGMinusHalf {
		q = y - absx
		z = q - lanczosGMinusHalf
	} else {
		q = y - lanczosGMinusHalf
		z = q - absx
	}
	z = z * lanczosG / y
	var r float64
	if x < 0.0 {
		r = -math.Pi / sinPi(absx) / absx * libmExp(y) / lanczosSum(absx)
		r -= z * r
		if absx < 140.0 {
			r /= fastPow(y, absx-0.5)
		} else {
			sqrtpow := fastPow(y, absx/2.0-0.25)
			r /= sqrtpow
			r /= sqrtpow
		}
	} else {
		r = lanczosSum(absx) / libmExp(y)
		r += z * r
		if absx < 140.0 {
			r *= fastPow(y, absx-0.5)
		} else {
			sqrtpow := fastPow(y, absx/2.0-0.25)
			r *= sqrtpow
			r *= sqrtpow
		}
	}
	return r
}

// mathLgamma is log(abs(gamma(x))); poles give NaN (a domain error).
func mathLgamma(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if math.IsInf(x, 0) {
		return math.Inf(1)
	}
	if x == math.Floor(x) && x <= 2.0 {
		if x <= 0.0 {
			return math.NaN()
		}
		return 0.0
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -libmLog(absx)
	}
	r := libmLog(lanczosSum(absx)) - lanczosG
	r += (absx - 0.5) * (libmLog(absx+lanczosG-0.5) - 1)
	if x < 0.0 {
		r = libmLog(math.Pi) - libmLog(math.Abs(sinPi(absx))) - libmLog(absx) - r
	}
	return r
}
