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
