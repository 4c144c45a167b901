//go:build cgo

package py

/*
#cgo LDFLAGS: -lm
#include <math.h>
*/
import "C"

// libmPow is the C library's pow: CPython's float.__pow__ and math.pow
// call it, so calling the same function gives the same last bit on every
// host. One cgo call (tens of nanoseconds) is far cheaper than the
// double-double crPow it replaces (about 900 ns in nbody's x ** -1.5).
func libmPow(x, y float64) float64 {
	return float64(C.pow(C.double(x), C.double(y)))
}

const haveLibm = true
