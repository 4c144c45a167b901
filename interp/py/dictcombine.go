package py

import (
	"runtime"
	"sync/atomic"
)

// Combining contended stores into one dict.
//
// Two threads inserting into one dict (bench/threads_shared_dict.py's
// results) each write the dict's header line (lock, version), the
// table's counts line and the line of the new entry, and the other
// thread wrote all three last: each insertion moves three cache lines
// between the cores, one after the other, inside the critical section,
// so an insertion costs about 20 times an uncontended one and the lock
// is held long enough that the threads queue for it (docs/benchmarks.md,
// "Shared read-mostly dict"). A waiter spinning on the lock word makes
// it worse: each of its loads takes the header line back from the
// holder, which then fetches it again for its version bump and unlock.
//
// So a store that finds the lock taken does not wait for it: it writes
// its key, hash and value into a request slot of the dict and waits on
// that slot, and the holder applies the pending requests before it
// releases the lock (flat combining). The header, counts and entry
// lines stay in the holder's cache for the whole batch; a request costs
// the transfers of its own slot's line. Each request is still one
// insertion done under the lock and complete when its thread goes on:
// atomic and immediately visible, and the dict's order is the order in
// which the holder applied them (docs/threading.md).
//
// No request is forgotten: a requester publishes its slot (an atomic
// store) and then tries the lock once more, and a holder releases the
// lock (an atomic add) and then looks at the slots once more. Go's
// atomics are sequentially consistent, so either the requester gets the
// lock (and applies its own request) or the releasing holder sees the
// request and takes the lock again to apply it, or whoever took the lock
// in between sees it before it releases. A requester that waits too long
// (the holder was descheduled, or the lock is held by a path that does
// not combine) withdraws its request, if no holder has taken it yet, and
// waits for the lock as before.

// combineSlots is the number of request slots per dict: threads beyond
// that many waiting at once wait for the lock.
const combineSlots = 4

// combineWait bounds the loads of its slot a requester makes before it
// withdraws the request: about as long as spinMutex spins.
const combineWait = 2000

// combineSlot states. Only the requester moves a slot from free to
// filling to pending, from pending back to filling (withdrawing it) and
// from filling, stored or declined to free; only a lock holder moves it
// from pending to taken to stored or declined.
const (
	slotFree uint32 = iota
	slotFilling
	slotPending
	slotTaken
	slotStored
	slotDeclined // needs the general path (storeLocked said no)
)

// combineSlot is one request, on a cache line of its own so that two
// requesters never write one line.
type combineSlot struct {
	state atomic.Uint32
	hash  int64
	key   Object
	val   Object
	_     [16]byte
}

// dictCombine is a dict's request slots (256 bytes: a size class whose
// objects start at multiples of 256, so each slot fills one line).
type dictCombine struct {
	slots [combineSlots]combineSlot
}

// storeCombined hands d[key] = v to the holder of d's lock. done is false
// when it did not (no free slot, or the request was withdrawn): the
// caller then takes the lock itself. Otherwise stored is storeLocked's
// answer.
func (d *Dict) storeCombined(key Object, hash int64, v Object) (stored, done bool) {
	c := d.comb.Load()
	if c == nil {
		d.comb.CompareAndSwap(nil, new(dictCombine))
		c = d.comb.Load()
	}
	s := c.claim()
	if s == nil {
		return false, false
	}
	s.hash, s.key, s.val = hash, key, v
	s.state.Store(slotPending)
	if d.mu.lockFast() {
		// the holder left meanwhile, perhaps without seeing the request:
		// apply it (and any other) as the holder
		d.unlockStore()
		return s.finish(), true
	}
	for i := 0; ; i++ {
		if st := s.state.Load(); st >= slotStored {
			return s.finish(), true
		}
		if i == combineWait {
			// back to filling (still ours) before it is cleared and freed
			if s.state.CompareAndSwap(slotPending, slotFilling) {
				s.key, s.val = nil, nil
				s.state.Store(slotFree)
				return false, false
			}
			// a holder is applying it right now
		}
		if i > combineWait {
			runtime.Gosched()
		}
	}
}

// claim returns a free slot, marked filling, or nil.
func (c *dictCombine) claim() *combineSlot {
	for i := range c.slots {
		s := &c.slots[i]
		if s.state.Load() == slotFree && s.state.CompareAndSwap(slotFree, slotFilling) {
			return s
		}
	}
	return nil
}

// finish frees the requester's slot once a holder has applied it, and
// reports whether the store was done.
func (s *combineSlot) finish() bool {
	stored := s.state.Load() == slotStored
	s.key, s.val = nil, nil
	s.state.Store(slotFree)
	return stored
}

// serve applies the pending requests. Called with mu held.
func (c *dictCombine) serve(d *Dict) {
	for i := range c.slots {
		s := &c.slots[i]
		if s.state.Load() != slotPending || !s.state.CompareAndSwap(slotPending, slotTaken) {
			continue
		}
		if stored, _ := d.storeLocked(s.key, s.hash, s.val); stored {
			s.state.Store(slotStored)
		} else {
			s.state.Store(slotDeclined)
		}
	}
}

// pending reports whether a request waits.
func (c *dictCombine) pending() bool {
	for i := range c.slots {
		if c.slots[i].state.Load() == slotPending {
			return true
		}
	}
	return false
}

// unlockStore releases mu after a store: it applies the pending
// requests first, grows the table early when due (outside the lock, as
// SetItem does), and after releasing looks at the slots once more (see
// the comment at the top), taking the lock again while requests wait.
// Called with mu held.
//
// A dict that never had a request (comb nil) skips all that. The first
// requester of a dict makes comb while the holder may already have
// passed that check: its request waits until the holder's next store
// or until the requester withdraws it (combineWait), once per dict.
func (d *Dict) unlockStore() {
	if d.comb.Load() != nil {
		d.unlockCombining()
		return
	}
	grow := d.earlyGrowthDue()
	d.mu.Unlock()
	if grow != nil {
		d.growEarly(grow)
	}
}

// unlockCombining is unlockStore for a dict with request slots.
func (d *Dict) unlockCombining() {
	c := d.comb.Load()
	for {
		c.serve(d)
		grow := d.earlyGrowthDue()
		d.mu.Unlock()
		if grow != nil {
			d.growEarly(grow)
		}
		if !c.pending() || !d.mu.lockFast() {
			return
		}
	}
}
