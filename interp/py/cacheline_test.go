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

// TestDictInsertWritesHeaderLine: an insertion's shared writes (the
// lock, the version, the counts) are on the header's one line, and an
// insertion into a big table leaves the table struct as it was (its line
// stays shared in the caches of every inserting thread).
func TestDictInsertWritesHeaderLine(t *testing.T) {
	var d Dict
	base := uintptr(unsafe.Pointer(&d))
	for _, f := range []uintptr{
		uintptr(unsafe.Pointer(&d.mu)), uintptr(unsafe.Pointer(&d.tab)),
		uintptr(unsafe.Pointer(&d.version)), uintptr(unsafe.Pointer(&d.counts)) + 7,
	} {
		if f-base >= 64 {
			t.Errorf("Dict field at offset %d, past the header's line", f-base)
		}
	}
	dd := NewDictSize(bigTableIndex)
	tab := dd.tab.Load()
	if len(tab.index) < bigTableIndex {
		t.Fatalf("table of %d slots, want %d or more", len(tab.index), bigTableIndex)
	}
	before := *tab
	for i := 0; i < 100; i++ {
		if err := dd.SetItem(nil, Int(i), Int(i)); err != nil {
			t.Fatal(err)
		}
	}
	if dd.tab.Load() != tab || tab.tail != before.tail || tab.tailEnd != before.tailEnd ||
		tab.faulted != before.faulted {
		t.Errorf("insertions wrote the table struct: %+v -> %+v", before, *tab)
	}
	if dd.Len() != 100 || dd.readerN(tab) != 100 {
		t.Errorf("Len %d, readerN %d", dd.Len(), dd.readerN(tab))
	}
}
