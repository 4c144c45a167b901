//go:build !cgo

package py

// Without cgo there is no C library to call; crPow computes the correctly
// rounded result itself (slower, but glibc's pow agrees with it).
func libmPow(x, y float64) float64 { return crPow(x, y) }

const haveLibm = false
