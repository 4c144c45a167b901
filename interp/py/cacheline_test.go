package py

import (
	"testing"
	"unsafe"
)

// TestHotStructsFillCacheLines keeps the structs that one thread writes
// all the time, and that are allocated next to other threads' copies, a
// whole number of 64-byte cache lines: Go's size classes for multiples of
// 64 are multiples of 64, so each object then starts a line of its own
// and two threads never write one line (false sharing). Frame itself
// (288 bytes) is not padded: padding it to 320 together with the frame
// memory's rounding made one thread of bench/threads_cpu.py 25% slower
// on 2026-12-07 (not understood; either change alone did not).
func TestHotStructsFillCacheLines(t *testing.T) {
	for name, size := range map[string]uintptr{
		"Thread":    unsafe.Sizeof(Thread{}),
		"Dict":      unsafe.Sizeof(Dict{}),
		"rangeIter": unsafe.Sizeof(rangeIter{}),
		"listIter":  unsafe.Sizeof(listIter{}),
	} {
		if size%64 != 0 {
			t.Errorf("%s is %d bytes, not a multiple of 64: adjust its padding", name, size)
		}
	}
	for need := 1; need < 40; need++ {
		if m := newFrameMem(need); len(m) != need || cap(m)*int(unsafe.Sizeof(Object(nil)))%64 != 0 {
			t.Errorf("newFrameMem(%d): len %d cap %d", need, len(m), cap(m))
		}
	}
}
