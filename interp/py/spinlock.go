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
//
// The first attempt is a compare-and-swap without a load before it
// (lockFast): when the other core wrote the lock word last, a load
// followed by a compare-and-swap moves its cache line twice (once to
// read it, once to own it), a compare-and-swap alone once.
type spinMutex struct {
	mu sync.Mutex
}

// spinTries bounds the spinning: about as long as a short critical section.
const spinTries = 200

// Lock is small enough to be inlined, so that in a caller such as
// Dict.storeFast the compare-and-swap is the first access to the lock's
// line: behind a call, the caller's nil check of the receiver loaded
// the line first (a read, then the compare-and-swap's write: two
// transfers between the cores when the other one wrote it last; in
// threads_shared_dict.py with two threads, 80% of storeFast's samples
// sat on that nil check).
func (m *spinMutex) Lock() {
	if !m.lockFast() {
		m.lockSlow()
	}
}

// lockSlow spins, then blocks; see spinMutex.
func (m *spinMutex) lockSlow() {
	for i := 0; i < spinTries; i++ {
		if m.mu.TryLock() {
			return
		}
	}
	m.mu.Lock()
}

func (m *spinMutex) Unlock() { m.mu.Unlock() }
