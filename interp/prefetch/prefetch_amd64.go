// Package prefetch asks the CPU to fetch cache lines ahead of use. It
// has no cgo, so that it may hold Go assembly (interp/py uses cgo).
package prefetch

import "unsafe"

// W2 asks the CPU to fetch the cache lines of p and q for writing,
// without waiting for them (PREFETCHW: a hint, it never faults). One
// call for two lines: a call makes the caller spill its live registers.
//
//go:noescape
func W2(p, q unsafe.Pointer)

// W2Addr is W2 for addresses kept as integers: a hint that may outlive
// the memory it points into (a guess of the next line to be written,
// kept without keeping that memory alive). Prefetching an address that is
// no longer mapped does nothing.
func W2Addr(p, q uintptr)
