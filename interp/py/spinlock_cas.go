//go:build !race

package py

import (
	"sync/atomic"
	"unsafe"
)

// lockFast takes the lock if it is free with one compare-and-swap of
// sync.Mutex's state word (its first field, 0 when unlocked and no
// thread waits, 1 = locked), as sync.Mutex.Lock's own fast path does;
// TryLock loads the word first. TestSpinMutexFastPath checks the layout
// this relies on. Race-detector builds use TryLock (spinlock_race.go):
// the detector learns about sync.Mutex acquisitions only through its
// methods.
func (m *spinMutex) lockFast() bool {
	return atomic.CompareAndSwapInt32((*int32)(unsafe.Pointer(&m.mu)), 0, 1)
}
