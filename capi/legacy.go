package capi

import (
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"freepy/interp/py"
)

// extModule is a loaded C extension.
type extModule struct {
	name, path string
	// legacy modules run their C code under their own pseudo-GIL
	// (DESIGN.md, "The legacy pseudo-GIL"; docs/legacy-gil.md).
	legacy bool
	lock   *legacyLock
	// pendingFree: the module called PyUnstable_Module_SetGIL(m,
	// Py_MOD_GIL_NOT_USED) during init; it runs free after init returns.
	pendingFree bool
}

// legacyLock is a pseudo-GIL: re-entrant for the thread that holds it.
//
// When one legacy module's C code calls into another's (CPython's GIL is
// not released there), the two join one lock group from then on (merge:
// merged points at the group's lock), so that a thread never holds two
// different pseudo-GILs once the modules' relation is known. Before that
// is known, two threads may call across two modules in opposite orders at
// the same moment: before blocking, a thread looks for a cycle in the
// waits-for graph; if it finds one, the locks of the cycle are merged and
// the thread hands its locks of the cycle over to the group: it releases
// them, waits for the group, and then holds the group at the depth it held
// them. That hand-over, once per pair of modules at most, is the only time
// a module's code can be entered by another thread while a call of its own
// into the API is in progress; the worst case is CPython's single GIL,
// never a hang (docs/legacy-gil.md).
type legacyLock struct {
	name   string
	mu     sync.Mutex
	owner  atomic.Int64 // py.Thread.ID of the holder, 0 if none
	merged atomic.Pointer[legacyLock]
	// guarded by mu's holder:
	depth      int
	acquiredAt time.Duration // monoNow() when taken
	entry      string        // the function whose call took the lock
	// lastEntry and lastFuncs cache the funcs entry of the last release
	// (a loop calling one function finds its statistics without a map
	// lookup); guarded by mu's holder.
	lastEntry string
	lastFuncs *funcStats

	acquires  atomic.Int64
	contended atomic.Int64

	statsMu sync.Mutex
	merges  int64
	// written by the holder only (atomics, read by legacyStats):
	holdTotal   atomic.Int64    // ns
	holdMax     atomic.Int64    // ns
	holdBuckets [8]atomic.Int64 // <1us <10us <100us <1ms <4ms <16ms <100ms >=100ms
	funcs       map[string]*funcStats
}

// funcStats: written by the lock's holder only, read by legacyStats at
// any time (atomics: no lock on the call path).
type funcStats struct {
	calls    atomic.Int64
	holdMax  atomic.Int64 // ns
	over16ms atomic.Int64
}

// legacyHold is one level of a thread's hold.
type legacyHold struct {
	l *legacyLock
}

var (
	locksMu sync.Mutex
	locks   = map[string]*legacyLock{}

	// graphMu guards the waits-for graph and merging.
	graphMu sync.Mutex
	waiting = map[int64]*legacyLock{} // thread -> lock it is blocked on
)

func lockFor(name string) *legacyLock {
	locksMu.Lock()
	defer locksMu.Unlock()
	l := locks[name]
	if l == nil {
		l = &legacyLock{name: name, funcs: map[string]*funcStats{}}
		locks[name] = l
	}
	return l
}

// root follows merges to the lock that now guards l's modules.
func (l *legacyLock) root() *legacyLock {
	for {
		m := l.merged.Load()
		if m == nil {
			return l
		}
		l = m
	}
}

func init() {
	py.LegacyRelease = func(t *py.Thread) func() { return stateOf(t).suspend() }
}

// holds reports whether the thread holds l.
func (s *tstate) holds(l *legacyLock) bool {
	for i := len(s.legacy) - 1; i >= 0; i-- {
		if s.legacy[i].l == l {
			return true
		}
	}
	return false
}

// enter takes the module's pseudo-GIL before running its C code (what
// names the function, for the statistics); it returns whether leave must
// undo it.
func (e *extModule) enter(s *tstate, what string) bool {
	if e == nil || !e.legacy {
		return false
	}
	e.enterLegacy(s, what)
	return true
}

// enterLegacy is enter's work for a legacy module (out of line, so that
// enter inlines into every call site).
func (e *extModule) enterLegacy(s *tstate, what string) {
	l := e.lock.root()
	if n := len(s.legacy); n > 0 {
		if held := s.legacy[n-1].l; held != l {
			// C code of one legacy module calls into another: from now on
			// they share one lock, as they would share CPython's GIL
			l = merge(held, l)
		}
	}
	l = s.acquire(l, what)
	l.depth++
	var h *legacyHold
	if n := len(s.freeHolds); n > 0 {
		h = s.freeHolds[n-1]
		s.freeHolds = s.freeHolds[:n-1]
		h.l = l
	} else {
		h = &legacyHold{l: l}
	}
	s.legacy = append(s.legacy, h)
	s.t.LegacyHeld = int32(len(s.legacy))
}

// acquire makes the thread hold l's group (re-entrantly) and returns the
// lock it holds; the caller adds a depth level.
func (s *tstate) acquire(l *legacyLock, what string) *legacyLock {
	for {
		if s.holds(l) {
			return l
		}
		if l.mu.TryLock() {
			if m := l.merged.Load(); m != nil {
				l.mu.Unlock()
				l = m.root()
				continue
			}
			l.took(s, what, false)
			return l
		}
		graphMu.Lock()
		if cycle := s.findCycle(l); cycle != nil {
			for _, c := range cycle {
				if c != l {
					c.merged.Store(l)
				}
			}
			graphMu.Unlock()
			l.statsMu.Lock()
			l.merges++
			l.statsMu.Unlock()
			s.handOver(l, what)
			return l
		}
		waiting[s.t.ID] = l
		graphMu.Unlock()
		held := s.t.BeginBlocking()
		l.mu.Lock()
		s.t.EndBlocking(held)
		graphMu.Lock()
		delete(waiting, s.t.ID)
		graphMu.Unlock()
		if m := l.merged.Load(); m != nil {
			l.mu.Unlock()
			l = m.root()
			continue
		}
		l.took(s, what, true)
		return l
	}
}

// merge makes b's group part of a's (a is held by the caller) and returns
// the group's lock.
func merge(a, b *legacyLock) *legacyLock {
	graphMu.Lock()
	defer graphMu.Unlock()
	a, b = a.root(), b.root()
	if a != b {
		b.merged.Store(a)
		a.statsMu.Lock()
		a.merges++
		a.statsMu.Unlock()
	}
	return a
}

// findCycle follows the waits-for graph from l (which s is about to wait
// for); it returns the locks of a cycle that leads back to s, or nil.
// graphMu is held.
func (s *tstate) findCycle(l *legacyLock) []*legacyLock {
	path := []*legacyLock{l}
	cur := l
	for range 64 {
		o := cur.owner.Load()
		if o == 0 {
			return nil
		}
		if o == s.t.ID {
			return path
		}
		next := waiting[o]
		if next == nil {
			return nil
		}
		cur = next.root()
		path = append(path, cur)
	}
	return nil
}

// handOver resolves a cycle: the thread releases the locks it holds that
// were just merged into l, waits for l, and then holds l at their depth.
func (s *tstate) handOver(l *legacyLock, what string) {
	moved := map[*legacyLock]int{}
	for _, h := range s.legacy {
		if h.l != l && h.l.root() == l {
			moved[h.l]++
		}
	}
	for old := range moved {
		old.depth = 0
		old.release()
	}
	held := s.t.BeginBlocking()
	l.mu.Lock()
	s.t.EndBlocking(held)
	l.took(s, what, true)
	for _, h := range s.legacy {
		if moved[h.l] > 0 {
			h.l = l
			l.depth++
		}
	}
}

// took records that s now holds l.
func (l *legacyLock) took(s *tstate, what string, contended bool) {
	l.owner.Store(s.t.ID)
	l.depth = 0
	l.entry = what
	l.acquiredAt = monoNow()
	l.acquires.Add(1)
	if contended {
		l.contended.Add(1)
	}
}

// leave undoes enter.
func (e *extModule) leave(s *tstate, took bool) {
	if took {
		s.leaveLevel()
	}
}

// leaveLevel pops the thread's innermost pseudo-GIL level (out of line,
// so that leave inlines into every call site).
func (s *tstate) leaveLevel() {
	h := s.legacy[len(s.legacy)-1]
	s.legacy = s.legacy[:len(s.legacy)-1]
	s.t.LegacyHeld = int32(len(s.legacy))
	h.l.depth--
	if h.l.depth == 0 {
		h.l.release()
	}
	// nothing else refers to a popped level (suspend restores its stack
	// before the levels it saved are left)
	h.l = nil
	s.freeHolds = append(s.freeHolds, h)
}

// release unlocks l and records the hold.
func (l *legacyLock) release() {
	d := monoNow() - l.acquiredAt
	l.holdTotal.Add(int64(d))
	if int64(d) > l.holdMax.Load() {
		l.holdMax.Store(int64(d))
	}
	l.holdBuckets[bucket(d)].Add(1)
	if l.entry != "" {
		fs := l.lastFuncs
		if fs == nil || l.entry != l.lastEntry {
			l.statsMu.Lock()
			fs = l.funcs[l.entry]
			if fs == nil {
				fs = &funcStats{}
				l.funcs[l.entry] = fs
			}
			l.statsMu.Unlock()
			l.lastEntry, l.lastFuncs = l.entry, fs
		}
		fs.calls.Add(1)
		if int64(d) > fs.holdMax.Load() {
			fs.holdMax.Store(int64(d))
		}
		if d >= 16*time.Millisecond {
			fs.over16ms.Add(1)
		}
	}
	l.owner.Store(0)
	l.mu.Unlock()
}

// procStart anchors monoNow.
var procStart = time.Now()

// monoNow reads the monotonic clock only (time.Now reads the wall clock
// too, which hold times do not need: two clock reads per call).
func monoNow() time.Duration { return time.Since(procStart) }

var bucketLimits = [7]time.Duration{time.Microsecond, 10 * time.Microsecond, 100 * time.Microsecond,
	time.Millisecond, 4 * time.Millisecond, 16 * time.Millisecond, 100 * time.Millisecond}

func bucket(d time.Duration) int {
	for i, lim := range bucketLimits {
		if d < lim {
			return i
		}
	}
	return len(bucketLimits)
}

// suspend releases every pseudo-GIL the thread holds: before Python
// bytecode runs and in PyEval_SaveThread (where CPython's GIL can change
// hands). The returned function takes them back, in the order they were
// first taken, with deadlock detection as in acquire.
func (s *tstate) suspend() func() {
	if len(s.legacy) == 0 {
		return func() {}
	}
	stack := s.legacy
	type saved struct {
		l     *legacyLock
		depth int
		entry string
	}
	var order []saved
	seen := map[*legacyLock]bool{}
	for _, h := range stack {
		if !seen[h.l] {
			seen[h.l] = true
			order = append(order, saved{h.l, h.l.depth, h.l.entry})
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		order[i].l.depth = 0
		order[i].l.release()
	}
	s.legacy = nil
	s.t.LegacyHeld = 0
	return func() {
		// s.legacy grows with what is held again, so that acquire's
		// re-entrancy check sees only locks really re-taken
		restored := map[*legacyLock]bool{}
		for _, sv := range order {
			l := s.acquire(sv.l.root(), sv.entry)
			l.depth += sv.depth
			for _, h := range stack {
				if h.l == sv.l {
					h.l = l
				}
			}
			restored[l] = true
			s.legacy = s.legacy[:0]
			for _, h := range stack {
				if restored[h.l] {
					s.legacy = append(s.legacy, h)
				}
			}
		}
		s.legacy = stack
		s.t.LegacyHeld = int32(len(stack))
	}
}

// legacyStats is sys._freepy_legacy_locks(): per lock group, its
// statistics, and per function the calls that took it.
func legacyStats(t *py.Thread) py.Object {
	locksMu.Lock()
	names := make([]string, 0, len(locks))
	for n := range locks {
		names = append(names, n)
	}
	locksMu.Unlock()
	sort.Strings(names)
	d := py.NewDict()
	for _, name := range names {
		l := lockFor(name)
		l.statsMu.Lock()
		hist := py.NewList()
		for i := range l.holdBuckets {
			hist.Append(py.Int(l.holdBuckets[i].Load()))
		}
		funcs := py.NewDict()
		fnames := make([]string, 0, len(l.funcs))
		for fn := range l.funcs {
			fnames = append(fnames, fn)
		}
		sort.Strings(fnames)
		for _, fn := range fnames {
			fs := l.funcs[fn]
			funcs.SetStr(fn, py.NewDictFromPairs(t, "calls", py.Int(fs.calls.Load()),
				"hold_max_ns", py.Int(fs.holdMax.Load()), "over_16ms", py.Int(fs.over16ms.Load())))
		}
		st := py.NewDictFromPairs(t,
			"acquisitions", py.Int(l.acquires.Load()),
			"contended", py.Int(l.contended.Load()),
			"hold_total_ns", py.Int(l.holdTotal.Load()),
			"hold_max_ns", py.Int(l.holdMax.Load()),
			"hold_histogram", hist,
			"merges", py.Int(l.merges),
			"functions", funcs)
		l.statsMu.Unlock()
		d.SetStr(name, st)
	}
	return d
}
