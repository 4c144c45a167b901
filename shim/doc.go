// Package shim is the C side of freepy's C API: the functions extensions
// call that are variadic (argument parsing and building, formatting) or
// hot and simple enough to work on object mirrors directly in C (reference
// counting, ints, floats, tuples, type checks), the allocator, the static
// objects (None, type objects, exception types) and the trampolines through
// which Go calls C function pointers. The Go side is package capi; shim.h
// is the contract between the two.
package shim

/*
#cgo CFLAGS: -I${SRCDIR}/../include -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
#cgo LDFLAGS: -rdynamic -ldl -lm
*/
import "C"

import _ "freepy/include" // rebuild when a header changes
