package py

import "sync"

// spinMutex is a mutual-exclusion lock for short critical sections that
// several threads may contend, such as one dict taking inserts from every
// thread. sync.Mutex parks a waiter on a semaphore after a few spins, and
// the wake-up costs microseconds, many times a dict insert: two threads
// inserting into one dict ran no faster than one. A waiter here first
// retries for a bounded while (reading the lock word, which costs no
// cache-line traffic while the lock is held) and only then blocks in
// sync.Mutex, so a holder that is descheduled or slow is waited for
// without burning a processor.
type spinMutex struct {
	mu sync.Mutex
}

// spinTries bounds the spinning: about as long as a short critical section.
const spinTries = 200

func (m *spinMutex) Lock() {
	if m.mu.TryLock() {
		return
	}
	for i := 0; i < spinTries; i++ {
		if m.mu.TryLock() {
			return
		}
	}
	m.mu.Lock()
}

func (m *spinMutex) Unlock() { m.mu.Unlock() }
