package prefetch

import (
	"testing"
	"unsafe"
)

// TestW2 prefetches lines of a live object, of the end of a slice and
// nil: a prefetch is a hint and must never fault or change memory.
func TestW2(t *testing.T) {
	buf := make([]uint64, 64)
	for i := range buf {
		buf[i] = uint64(i)
	}
	W2(unsafe.Pointer(&buf[0]), unsafe.Pointer(&buf[63]))
	W2(nil, unsafe.Pointer(&buf[8]))
	for i, v := range buf {
		if v != uint64(i) {
			t.Fatalf("buf[%d] = %d after a prefetch", i, v)
		}
	}
}

// TestW2Addr prefetches a live address, nil and addresses nothing is
// mapped at (a stale guess): no fault, no change.
func TestW2Addr(t *testing.T) {
	buf := make([]uint64, 16)
	for i := range buf {
		buf[i] = uint64(i)
	}
	W2Addr(uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&buf[8])))
	W2Addr(0, 1<<47-64)
	W2Addr(^uintptr(63), 4096)
	for i, v := range buf {
		if v != uint64(i) {
			t.Fatalf("buf[%d] = %d after a prefetch", i, v)
		}
	}
}
