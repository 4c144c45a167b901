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

// fpy_libm_call runs the C library function numbered op (libmOp) on x
// (and y), for a call through asmcgocall like fpy_pow_call.
struct fpy_libm_args { int op; double x, y, r; };

void fpy_libm_call(void *p) {
	struct fpy_libm_args *a = p;
	switch (a->op) {
	case 0: a->r = sin(a->x); break;
	case 1: a->r = cos(a->x); break;
	case 2: a->r = tan(a->x); break;
	case 3: a->r = asin(a->x); break;
	case 4: a->r = acos(a->x); break;
	case 5: a->r = atan(a->x); break;
	case 6: a->r = sinh(a->x); break;
	case 7: a->r = cosh(a->x); break;
	case 8: a->r = tanh(a->x); break;
	case 9: a->r = asinh(a->x); break;
	case 10: a->r = acosh(a->x); break;
	case 11: a->r = atanh(a->x); break;
	case 12: a->r = exp(a->x); break;
	case 13: a->r = exp2(a->x); break;
	case 14: a->r = expm1(a->x); break;
	case 15: a->r = log(a->x); break;
	case 16: a->r = log2(a->x); break;
	case 17: a->r = log10(a->x); break;
	case 18: a->r = log1p(a->x); break;
	case 19: a->r = cbrt(a->x); break;
	case 20: a->r = erf(a->x); break;
	case 21: a->r = erfc(a->x); break;
	case 22: a->r = atan2(a->x, a->y); break;
	case 23: a->r = hypot(a->x, a->y); break;
	}
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

// The functions fpy_libm_call runs, by number.
const (
	libmOpSin = iota
	libmOpCos
	libmOpTan
	libmOpAsin
	libmOpAcos
	libmOpAtan
	libmOpSinh
	libmOpCosh
	libmOpTanh
	libmOpAsinh
	libmOpAcosh
	libmOpAtanh
	libmOpExp
	libmOpExp2
	libmOpExpm1
	libmOpLog
	libmOpLog2
	libmOpLog10
	libmOpLog1p
	libmOpCbrt
	libmOpErf
	libmOpErfc
	libmOpAtan2
	libmOpHypot
)

// libmCall runs the C library function op through asmcgocall: the math
// module's functions give CPython's last bit because they are the same C
// library's (CPython's math.sin is libm's sin), and the call costs about
// 25 ns, not a cgo call's 95.
func libmCall(op int, x, y float64) float64 {
	a := C.struct_fpy_libm_args{op: C.int(op), x: C.double(x), y: C.double(y)}
	asmcgocall(unsafe.Pointer(C.fpy_libm_call), unsafe.Pointer(&a))
	return float64(a.r)
}

func libmSin(x float64) float64      { return libmCall(libmOpSin, x, 0) }
func libmCos(x float64) float64      { return libmCall(libmOpCos, x, 0) }
func libmTan(x float64) float64      { return libmCall(libmOpTan, x, 0) }
func libmAsin(x float64) float64     { return libmCall(libmOpAsin, x, 0) }
func libmAcos(x float64) float64     { return libmCall(libmOpAcos, x, 0) }
func libmAtan(x float64) float64     { return libmCall(libmOpAtan, x, 0) }
func libmSinh(x float64) float64     { return libmCall(libmOpSinh, x, 0) }
func libmCosh(x float64) float64     { return libmCall(libmOpCosh, x, 0) }
func libmTanh(x float64) float64     { return libmCall(libmOpTanh, x, 0) }
func libmAsinh(x float64) float64    { return libmCall(libmOpAsinh, x, 0) }
func libmAcosh(x float64) float64    { return libmCall(libmOpAcosh, x, 0) }
func libmAtanh(x float64) float64    { return libmCall(libmOpAtanh, x, 0) }
func libmExp(x float64) float64      { return libmCall(libmOpExp, x, 0) }
func libmExp2(x float64) float64     { return libmCall(libmOpExp2, x, 0) }
func libmExpm1(x float64) float64    { return libmCall(libmOpExpm1, x, 0) }
func libmLog(x float64) float64      { return libmCall(libmOpLog, x, 0) }
func libmLog2(x float64) float64     { return libmCall(libmOpLog2, x, 0) }
func libmLog10(x float64) float64    { return libmCall(libmOpLog10, x, 0) }
func libmLog1p(x float64) float64    { return libmCall(libmOpLog1p, x, 0) }
func libmCbrt(x float64) float64     { return libmCall(libmOpCbrt, x, 0) }
func libmErf(x float64) float64      { return libmCall(libmOpErf, x, 0) }
func libmErfc(x float64) float64     { return libmCall(libmOpErfc, x, 0) }
func libmAtan2(x, y float64) float64 { return libmCall(libmOpAtan2, x, y) }
func libmHypot(x, y float64) float64 { return libmCall(libmOpHypot, x, y) }
