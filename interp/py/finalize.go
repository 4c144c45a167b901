package py

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
	"weak"
)

// Finalization (DESIGN.md: like PyPy, __del__ runs when the collector
// finds the object, not at once). Two kinds of work come here:
//
//   - __del__ of an instance whose class defines it: NewInstance gives
//     such an instance a Go finalizer (runtime.SetFinalizer, because
//     __del__ needs the object itself, which runtime.AddCleanup cannot
//     give back);
//   - weak reference callbacks (mod_weakref.go).
//
//   - close() of a suspended generator or coroutine whose code has a
//     try or with block (the only ones for which close() runs Python
//     code), so its finally blocks run once it is abandoned.
//
// Go never finalizes an object that is reachable from itself through
// another object (runtime.SetFinalizer: a cycle with a finalizer has no
// order to run it in; a pointer to itself is fine). So an instance with
// __del__ in a cycle (self.cb = self.method: the instance, its __dict__,
// the bound method) is not collected while the program runs, where
// CPython's collector would collect it; its __del__ runs at exit. A
// generator's frame points back to it, so a generator with a finalizer
// always has its frame inside its own allocation (newGenFrame); one whose
// locals refer back to it is kept until exit, and is not closed then.
//
// The runtime runs finalizers one at a time on its own goroutine, which
// must never run Python code (it could block on a lock and stall every
// other finalizer), so they only queue the work here; one worker
// goroutine with its own Thread runs the queue. gc.collect() runs a
// collection and then waits (boundedly) until the queue is empty, so
// `del x; gc.collect()` has run x.__del__ when it returns, as in CPython.
// At exit (Shutdown) every finalizable object still alive is finalized in the order it was made, which is the
// order CPython's teardown of __main__'s globals usually gives.

var finq struct {
	mu      sync.Mutex
	cond    *sync.Cond // signalled when the queue empties
	work    []func(t *Thread)
	running bool // the worker goroutine exists
	busy    bool // the worker is running an item
	worker  *Thread
	in      *Interp
	live    []finEntry // finalizable objects, oldest first (pruned)
	prune   int        // len(live) at which dead entries are next dropped
	atExit  bool       // Shutdown has finalized everything
}

// finEntry is one finalizable object.
type finEntry struct {
	inst weak.Pointer[Instance]
}

func init() {
	finq.cond = sync.NewCond(&finq.mu)
	finq.prune = 256
}

// rememberFinalizeInterp records the interpreter finalizers run in (the
// first one made; freepy runs one).
func rememberFinalizeInterp(in *Interp) {
	finq.mu.Lock()
	if finq.in == nil {
		finq.in = in
	}
	finq.mu.Unlock()
}

// track adds a finalizable object to the exit-time list.
func (e finEntry) track() {
	finq.mu.Lock()
	if len(finq.live) >= finq.prune {
		kept := finq.live[:0]
		for _, x := range finq.live {
			if x.alive() {
				kept = append(kept, x)
			}
		}
		clear(finq.live[len(kept):])
		finq.live = kept
		finq.prune = max(256, 2*len(kept))
	}
	finq.live = append(finq.live, e)
	finq.mu.Unlock()
}

func (e finEntry) alive() bool { return e.inst.Value() != nil }

// registerGenClose makes an abandoned suspended generator be closed.
// Generators are not tracked for exit: CPython closes the ones still
// alive at exit, but tracking every generator with a try block would
// cost every such generator a registry entry.
func registerGenClose(g *Generator) {
	runtime.SetFinalizer(g, func(g *Generator) {
		queueFinalizer(func(t *Thread) { closeAbandoned(t, g) })
	})
}

// closeAbandoned closes a generator nobody can resume any more.
func closeAbandoned(t *Thread, g *Generator) {
	if !g.started || g.running.Load() != genIdle {
		return
	}
	if f := g.frame; f == nil || f.finished {
		return
	}
	if err := g.Close(t); err != nil {
		WriteUnraisable(t, err, "", g)
	}
}

// registerDel gives an instance of a class with __del__ its finalizer.
func registerDel(o *Instance) {
	runtime.SetFinalizer(o, func(o *Instance) {
		queueFinalizer(func(t *Thread) { runDel(t, o) })
	})
	finEntry{inst: weak.Make(o)}.track()
}

// runDel calls o.__del__, reporting an exception as CPython does
// ("Exception ignored in: <function C.__del__ at ...>").
func runDel(t *Thread, o *Instance) {
	descr := LoadPtr(&o.typ).Lookup(Intern("__del__"))
	if descr == nil {
		return // __del__ was removed from the class meanwhile
	}
	m, err := lookupSpecial(t, o, "__del__")
	if err == nil && m != nil {
		_, err = Call(t, m, nil, nil)
	}
	if err != nil {
		reportUnraisable(t, err, descr)
	}
}

// queueFinalizer hands work to the worker goroutine, starting it when
// needed. It runs on the runtime's finalizer goroutine: it must not block
// for long, and it never runs Python code.
func queueFinalizer(fn func(t *Thread)) {
	finq.mu.Lock()
	defer finq.mu.Unlock()
	if finq.in == nil || finq.atExit {
		return
	}
	finq.work = append(finq.work, fn)
	if !finq.running {
		finq.running = true
		if finq.worker == nil {
			finq.worker = finq.in.NewThread()
		}
		go finalizerWorker(finq.worker)
	}
}

// finalizerWorker runs queued work until the queue is empty.
func finalizerWorker(t *Thread) {
	t.AcquireGIL() // PYTHON_GIL=1 mode only (gil.go)
	defer t.ReleaseGIL()
	for {
		finq.mu.Lock()
		if len(finq.work) == 0 {
			finq.running = false
			finq.busy = false
			finq.cond.Broadcast()
			finq.mu.Unlock()
			return
		}
		fn := finq.work[0]
		finq.work[0] = nil
		finq.work = finq.work[1:]
		finq.busy = true
		finq.mu.Unlock()
		runFinalizer(t, fn)
	}
}

// runFinalizer runs one item; a Go panic in it becomes a report, never a
// crash of the process.
func runFinalizer(t *Thread, fn func(t *Thread)) {
	defer func() {
		if p := recover(); p != nil {
			writeErr(t, fmt.Sprintf("Exception ignored in a finalizer: SystemError: internal error: %v\n", p))
		}
	}()
	fn(t)
}

// BeforeCollect, when set (by the C-API runtime), runs at the start of
// gc.collect(): it lets go of what it holds only lazily, so that the
// collection can find it.
var BeforeCollect func()

// collectAndFinalize is gc.collect(): a collection, then the finalizers
// it made runnable, repeated while that found more (an object with a
// finalizer reachable only from another one is found a cycle later). It
// waits at most about a second in all, so a finalizer that blocks cannot
// hang the caller.
func collectAndFinalize(t *Thread) {
	if BeforeCollect != nil {
		BeforeCollect()
	}
	if t == finq.worker {
		runtime.GC() // called from a finalizer: the queue cannot drain now
		return
	}
	t.ReleaseGIL()
	defer t.AcquireGIL()
	deadline := time.Now().Add(time.Second)
	for range 4 {
		runtime.GC()
		if !waitRuntimeQueues(deadline) {
			return
		}
		ran := waitFinalizers(deadline)
		if !ran || time.Now().After(deadline) {
			return
		}
	}
}

// runtimeQueueNames are the runtime's counts of the finalizers and
// cleanups it queued and ran (cumulative; executed is counted per batch,
// after the whole batch ran).
var runtimeQueueNames = [4]string{
	"/gc/finalizers/queued:finalizers", "/gc/finalizers/executed:finalizers",
	"/gc/cleanups/queued:cleanups", "/gc/cleanups/executed:cleanups",
}

// waitRuntimeQueues waits until the runtime has run every finalizer and
// cleanup queued so far. runtime.GC returns after the sweep, which is
// when a cycle's finalizers and cleanups are all queued, so after it
// this means the cycle's Go finalizers have handed their Python work to
// finq. Without the counters (an older runtime) it falls back to two
// sentinel finalizers, which cost two more collections.
func waitRuntimeQueues(deadline time.Time) bool {
	var s [4]metrics.Sample
	for i, n := range runtimeQueueNames {
		s[i].Name = n
	}
	metrics.Read(s[:])
	for i := range s {
		if s[i].Value.Kind() != metrics.KindUint64 {
			// The runtime queues finalizers during the collection and
			// runs them in batches on its goroutine; two sentinels, each
			// queued after the previous one ran, mean every batch before
			// them ran.
			return finalizerBarrier(deadline) && finalizerBarrier(deadline)
		}
	}
	finQueued, cleanQueued := s[0].Value.Uint64(), s[2].Value.Uint64()
	for pause := time.Microsecond; ; pause = min(2*pause, time.Millisecond) {
		if s[1].Value.Uint64() >= finQueued && s[3].Value.Uint64() >= cleanQueued {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(pause)
		metrics.Read(s[:])
	}
}

// finalizerBarrier waits until a sentinel's finalizer has run.
func finalizerBarrier(deadline time.Time) bool {
	done := make(chan struct{})
	s := new(finSentinel)
	runtime.SetFinalizer(s, func(*finSentinel) { close(done) })
	s = nil
	runtime.GC()
	select {
	case <-done:
		return true
	case <-time.After(time.Until(deadline)):
		return false
	}
}

// finSentinel is big enough not to come from the tiny allocator, whose
// blocks hold several objects and may never be finalized.
type finSentinel struct{ _ [2]*int }

// waitFinalizers waits for the queue to empty and reports whether there
// was anything to run.
func waitFinalizers(deadline time.Time) bool {
	finq.mu.Lock()
	defer finq.mu.Unlock()
	had := len(finq.work) > 0 || finq.busy
	if !had {
		return false
	}
	stop := time.AfterFunc(time.Until(deadline), func() {
		finq.mu.Lock()
		finq.cond.Broadcast()
		finq.mu.Unlock()
	})
	defer stop.Stop()
	for (len(finq.work) > 0 || finq.busy) && time.Now().Before(deadline) {
		finq.cond.Wait()
	}
	return true
}

// finalizeAtExit runs, on the exiting thread, what is queued and then the
// finalizers of every finalizable object still alive, oldest first; later
// ones are not run (the process is ending).
func finalizeAtExit(t *Thread) {
	if t == finq.worker {
		return
	}
	t.ReleaseGIL()
	waitFinalizers(time.Now().Add(time.Second))
	t.AcquireGIL()
	finq.mu.Lock()
	finq.atExit = true
	live := finq.live
	finq.live = nil
	work := finq.work
	finq.work = nil
	finq.mu.Unlock()
	for _, fn := range work {
		runFinalizer(t, fn)
	}
	for _, e := range live {
		if o := e.inst.Value(); o != nil {
			runtime.SetFinalizer(o, nil)
			runFinalizer(t, func(t *Thread) { runDel(t, o) })
		}
	}
}
