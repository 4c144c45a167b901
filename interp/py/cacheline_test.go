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

// TestPaddedDictTableLayout: a big table's slice headers (read by every
// insertion's probe, never written) and its counts and tail (written by
// every insertion) are on different 64-byte lines of a 128-byte object.
func TestPaddedDictTableLayout(t *testing.T) {
	var p paddedDictTable
	base := uintptr(unsafe.Pointer(&p))
	hdrEnd := uintptr(unsafe.Pointer(&p.tab.entries)) + unsafe.Sizeof(p.tab.entries) - base
	counts := uintptr(unsafe.Pointer(&p.tab.counts)) - base
	tail := uintptr(unsafe.Pointer(&p.tab.tail)) + unsafe.Sizeof(p.tab.tail) - base
	if unsafe.Sizeof(p) != 128 || hdrEnd > 64 || counts < 64 || tail > 128 {
		t.Errorf("paddedDictTable: size %d, headers end at %d, counts at %d, tail ends at %d",
			unsafe.Sizeof(p), hdrEnd, counts, tail)
	}
	if tab := newDictTable(bigTableIndex); len(tab.index) != bigTableIndex || len(tab.entries) != bigTableIndex*2/3 || tab.index[0] != ixEmpty {
		t.Error("newDictTable(bigTableIndex) is not a table of that size")
	}
}
