package py

import (
	"math"
	"sync/atomic"
	"time"
)

// The optional global interpreter lock: PYTHON_GIL=1 or -X gil=1 runs the
// same binary with one lock that a thread holds while it runs Python code,
// as CPython does, for comparison and for code that needs it. Free-threaded
// mode (the default) never touches it: the evaluation loop tests one
// per-thread bool at backward jumps.
//
// The lock is a one-slot channel, so waiters queue in order. A waiter that
// has waited longer than the switch interval sets dropRequest; the holder
// sees it at its next backward jump and hands the lock over.
type gil struct {
	enabled     bool
	slot        chan struct{}
	dropRequest atomic.Bool
}

// EnableGIL turns the global lock on; call before any thread runs.
func (in *Interp) EnableGIL() {
	in.gil.enabled = true
	in.gil.slot = make(chan struct{}, 1)
}

// GILEnabled reports whether the global lock is in use.
func (in *Interp) GILEnabled() bool { return in.gil.enabled }

// AcquireGIL takes the global lock for t (no-op in free-threaded mode).
func (t *Thread) AcquireGIL() {
	g := &t.interp.gil
	if !g.enabled || t.gilHeld {
		return
	}
	select {
	case g.slot <- struct{}{}:
	default:
		interval := time.Duration(math.Float64frombits(switchInterval.Load()) * float64(time.Second))
		timer := time.NewTimer(interval)
		select {
		case g.slot <- struct{}{}:
		case <-timer.C:
			g.dropRequest.Store(true)
			g.slot <- struct{}{}
		}
		timer.Stop()
	}
	t.gilHeld = true
}

// ReleaseGIL gives the global lock up.
func (t *Thread) ReleaseGIL() {
	if !t.gilHeld {
		return
	}
	t.gilHeld = false
	t.interp.gil.dropRequest.Store(false)
	<-t.interp.gil.slot
}

// BeginBlocking releases the global lock around a blocking wait (a lock,
// a sleep, I/O) and returns whether it was held, for EndBlocking.
func (t *Thread) BeginBlocking() bool {
	held := t.gilHeld
	t.ReleaseGIL()
	t.park()
	return held
}

// EndBlocking re-takes the lock after a blocking wait.
func (t *Thread) EndBlocking(held bool) {
	t.unpark()
	if held {
		t.AcquireGIL()
	}
}

// gilCheck is called at backward jumps by the holder of the lock.
func (t *Thread) gilCheck() {
	if t.interp.gil.dropRequest.Load() {
		t.ReleaseGIL()
		t.AcquireGIL()
	}
}

// InstallSignalHandlers makes SIGINT raise KeyboardInterrupt in the main
// thread, as CPython arranges at start-up (mod_signal.go).
func (in *Interp) InstallSignalHandlers() { installSignals(in) }
