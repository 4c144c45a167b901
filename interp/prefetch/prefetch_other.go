//go:build !amd64

package prefetch

import "unsafe"

// W2 is a no-op where no prefetch instruction is wired up.
func W2(p, q unsafe.Pointer) {}

// W2Addr is a no-op where no prefetch instruction is wired up.
func W2Addr(p, q uintptr) {}
