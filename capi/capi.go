// Package capi is the Go side of freepy's C API (DESIGN.md, "The C API"):
// it loads C extension modules, mirrors Go objects into C memory and back
// (link.go, convert.go), implements the C-API functions that need the
// interpreter (exported to C as fpyGo_NAME and given their real names by
// the generated shim/zwrappers.c), and calls C code through the trampolines
// of package shim.
//
// Crossing cgo costs far more than a C call, so the hot and simple API
// functions live in C (shim/) and Go reads and writes mirror memory
// directly instead of calling C for it.
package capi

/*
#cgo CFLAGS: -I${SRCDIR}/../include -I${SRCDIR}/../shim -Wall -Wno-unused-parameter
#cgo LDFLAGS: -rdynamic -ldl -lm
#include "shim.h"
#include <dlfcn.h>
#include <stdlib.h>
void fpy_init_static(void);
void fpy_init_capsule_type(void);
*/
import "C"

import (
	"os"
	"sync"
	"unsafe"

	_ "freepy/include" // rebuild when a header changes
	"freepy/interp/py"
	_ "freepy/shim"
)

//go:generate go run ./gen

func init() {
	py.ExtensionLoader = loadExtension
	py.SysExtras["_freepy_legacy_locks"] = func(t *py.Thread, _ py.Object, args []py.Object, kw []string) (py.Object, error) {
		if len(args) > 0 {
			return nil, py.TypeErrorf("_freepy_legacy_locks() takes no arguments")
		}
		return legacyStats(t), nil
	}
}

var initOnce sync.Once

// setup runs once, before the first extension loads: it gives the static
// objects their types and binds the static type objects to Go types.
func setup(t *py.Thread) {
	initOnce.Do(func() {
		if os.Getenv("FREEPY_CAPI_DEBUG") != "" {
			C.fpy_debug = 1
		}
		C.fpy_init_static()
		initSharedStrs()
		initStaticTypes(t)
		C.fpy_init_capsule_type()
		startFinalizer(t)
	})
}

// Small helpers over C memory.

func refcnt(op *C.PyObject) int64 {
	return atomicLoad64(unsafe.Pointer(&op.ob_refcnt))
}

func immortal(op *C.PyObject) bool {
	return int32(refcnt(op)) < 0
}

// incref and decref are Py_INCREF/Py_DECREF done from Go on C memory.
func incref(op *C.PyObject) {
	if op == nil || immortal(op) {
		return
	}
	atomicAdd64(unsafe.Pointer(&op.ob_refcnt), 1)
}

// decrefNoDealloc drops a reference and reports the new count (the caller
// handles zero).
func decrefCount(op *C.PyObject) int64 {
	if immortal(op) {
		return 1
	}
	return atomicAdd64(unsafe.Pointer(&op.ob_refcnt), -1)
}

func cstr(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}
