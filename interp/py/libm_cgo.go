//go:build cgo

package py

/*
#cgo LDFLAGS: -lm
#include <math.h>

// fpy_pow_call is pow for a call through asmcgocall: one pointer
// argument, the result written back (not static: Go takes its address).
struct fpy_pow_args { double x, y, r; };

void fpy_pow_call(void *p) {
	struct fpy_pow_args *a = p;
	a->r = pow(a->x, a->y);
}
*/
import "C"

import "unsafe"

// asmcgocall is the runtime's switch to the system stack and back around
// a C function (the part of a cgo call that runs the C code). Without
// runtime.cgocall around it the goroutine does not enter the system-call
// state: the thread keeps its P, so the collector waits for the C code to
// return before it can stop the world, the C code must not call back into
// Go, and signals may interrupt a blocking call (docs/benchmarks.md,
// "Calling C without runtime.cgocall"). pow is none of that: a leaf
// function that returns in tens of nanoseconds.
//
//go:linkname asmcgocall runtime.asmcgocall
//go:noescape
func asmcgocall(fn, arg unsafe.Pointer) int32

// libmPow is the C library's pow: CPython's float.__pow__ and math.pow
// call it, so calling the same function gives the same last bit on every
// host. It runs through asmcgocall rather than a cgo call: about 25 ns
// instead of about 95 (nbody computes x ** -1.5 ten times per step).
func libmPow(x, y float64) float64 {
	a := C.struct_fpy_pow_args{x: C.double(x), y: C.double(y)}
	asmcgocall(unsafe.Pointer(C.fpy_pow_call), unsafe.Pointer(&a))
	return float64(a.r)
}

const haveLibm = true
