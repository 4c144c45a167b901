package py

import (
	"sync"
	"testing"
)

// TestSpinMutexFastPath checks what lockFast assumes of sync.Mutex: its
// compare-and-swap takes a free lock, fails on a held one, and leaves
// the mutex in a state its own methods agree with.
func TestSpinMutexFastPath(t *testing.T) {
	var m spinMutex
	if !m.lockFast() {
		t.Fatal("lockFast failed on a free mutex")
	}
	if m.mu.TryLock() {
		t.Fatal("TryLock succeeded on a mutex lockFast took")
	}
	if m.lockFast() {
		t.Fatal("lockFast succeeded on a held mutex")
	}
	m.Unlock()
	if !m.mu.TryLock() {
		t.Fatal("TryLock failed after Unlock")
	}
	if m.lockFast() {
		t.Fatal("lockFast succeeded on a mutex TryLock took")
	}
	m.mu.Unlock()
}

// TestSpinMutexExcludes counts with several goroutines under the lock:
// no increment may be lost.
func TestSpinMutexExcludes(t *testing.T) {
	var m spinMutex
	n := 0
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20000; i++ {
				m.Lock()
				n++
				m.Unlock()
			}
		}()
	}
	wg.Wait()
	if n != 8*20000 {
		t.Fatalf("count %d, want %d", n, 8*20000)
	}
}
