package py

import (
	"syscall"
	"unsafe"
)

// hugePageSize is the size of a transparent huge page on x86-64 and
// arm64 (with 4 KB base pages).
const hugePageSize = 2 << 20

// adviseHuge asks the kernel to back the whole 2 MB pages inside
// [p, p+n) with transparent huge pages when they are first touched
// (MADV_HUGEPAGE). Hosts often enable them only where asked ("madvise" in
// /sys/kernel/mm/transparent_hugepage/enabled), and Go's heap does not
// ask. A big dict table was faulted in 4 KB at a time: 64 MB of the last
// table of bench/threads_shared_dict.py's results dict cost 12,000 page
// faults, taken by the one thread that grows the table while the others
// insert (growEarly). Errors are ignored: this is only advice, and memory
// it does not apply to works as before.
func adviseHuge(p unsafe.Pointer, n uintptr) {
	start := (uintptr(p) + hugePageSize - 1) &^ (hugePageSize - 1)
	end := (uintptr(p) + n) &^ (hugePageSize - 1)
	if start >= end {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_HUGEPAGE)
}

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14), which the
// syscall package does not name.
const madvPopulateWrite = 23

// populate faults in the pages of [p, p+n) for writing, without writing
// them (MADV_POPULATE_WRITE): one system call instead of a fault per page,
// and no store that could race with another thread's. It reports false if
// the kernel does not support it.
func populate(p unsafe.Pointer, n uintptr) bool {
	start := uintptr(p) &^ 4095
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, uintptr(p)+n-start, madvPopulateWrite)
	return errno == 0
}
