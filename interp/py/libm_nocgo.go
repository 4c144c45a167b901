//go:build !cgo

package py

import "math"

// Without cgo there is no C library to call; crPow computes the correctly
// rounded result itself (slower, but glibc's pow agrees with it).
func libmPow(x, y float64) float64 { return crPow(x, y) }

const haveLibm = false

// Without a C library the math functions are freepy's own: correctly
// rounded (cr*), fdlibm's algorithms (fd*) or Go's.
var (
	libmSin   = crSin
	libmCos   = crCos
	libmTan   = crTan
	libmAsin  = math.Asin
	libmAcos  = math.Acos
	libmAtan  = crAtan
	libmSinh  = fdSinh
	libmCosh  = fdCosh
	libmTanh  = fdTanh
	libmAsinh = fdAsinh
	libmAcosh = fdAcosh
	libmAtanh = math.Atanh
	libmExp   = crExp
	libmExp2  = math.Exp2
	libmExpm1 = math.Expm1
	libmLog   = crLog
	libmLog2  = crLog2
	libmLog10 = crLog10
	libmLog1p = math.Log1p
	libmCbrt  = math.Cbrt
	libmErf   = math.Erf
	libmErfc  = math.Erfc
	libmAtan2 = crAtan2
	libmHypot = func(x, y float64) float64 { return vectorNorm([]float64{x, y}) }
)
