package capi

import (
	"runtime"

	"freepy/interp/py"
)

// Lazy weakening of links (docs/capi.md, "Calls into C").
//
// A Go object passed to C gets a strong link for as long as C holds a
// reference; when the call's pool drops the last one the link used to be
// weakened at once, under its mutex, and the next crossing of the same
// object (a callback function, a dict and its key passed on every call)
// made it strong again under the mutex, after a lookup of its weak
// pointer. Instead, the pool's release puts the link on a short
// per-thread list and leaves it strong: an object that crosses again
// finds its link strong (liveLink and acquire take no lock), and stays
// on the list without further work (the link's lazy flag). The list is
// weakened (maybeWeaken: only links whose count is still zero) when it
// is full, at gc.collect() before the collection, and once per cycle of
// Go's collector, so an object outlives its last use in C by at most
// one collection cycle (two for gc.collect's own: none) and at most
// lazyMax of them per thread are held meanwhile.

// lazyMax bounds the links one thread keeps strong past their use.
const lazyMax = 32

// weakenLater is maybeWeaken for a link of a Go-owned object whose count
// this thread's pool brought to zero.
func (s *tstate) weakenLater(l *link) {
	if l.static || l.lazy.Load() || !l.lazy.CompareAndSwap(false, true) {
		// static links never weaken; a lazy one is on some thread's
		// list already, whose flush weakens it if its count is zero then
		return
	}
	s.lazyMu.Lock()
	if len(s.lazy) == lazyMax {
		s.flushLazyLocked()
	}
	s.lazy = append(s.lazy, l)
	s.lazyMu.Unlock()
}

// flushLazyLocked weakens the links of s's list (s.lazyMu held). The
// flag is cleared first: a count that reaches zero after that queues the
// link again, one that reached zero before is seen by maybeWeaken.
func (s *tstate) flushLazyLocked() {
	for i, l := range s.lazy {
		l.lazy.Store(false)
		l.maybeWeaken()
		s.lazy[i] = nil
	}
	s.lazy = s.lazy[:0]
}

// flushAllLazy weakens every thread's list: before gc.collect()'s
// collection, and after each cycle of Go's collector.
func flushAllLazy() {
	p := tstates.Load()
	if p == nil {
		return
	}
	for _, s := range *p {
		s.lazyMu.Lock()
		s.flushLazyLocked()
		s.lazyMu.Unlock()
	}
}

// gcTick arms a cleanup that runs after the next collection cycle; it
// flushes the lists and arms the next one.
func gcTick() {
	sentinel := new([16]byte) // not from the tiny allocator: its own cleanup
	runtime.AddCleanup(sentinel, func(int) {
		flushAllLazy()
		gcTick()
	}, 0)
}

func init() {
	py.BeforeCollect = flushAllLazy
	gcTick()
}
