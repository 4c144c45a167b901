//go:build !linux

package py

import "unsafe"

// adviseHuge is a no-op where transparent huge pages are not asked for
// with madvise (hugepage_linux.go).
func adviseHuge(p unsafe.Pointer, n uintptr) {}

// populate reports false: pages are faulted in by their first use.
func populate(p unsafe.Pointer, n uintptr) bool { return false }
