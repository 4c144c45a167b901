//go:build race

package py

// lockFast is TryLock in race-detector builds (see spinlock_cas.go).
func (m *spinMutex) lockFast() bool { return m.mu.TryLock() }
