package capi

import (
	"sync"
	"time"

	"freepy/interp/py"
)

// extModule is a loaded C extension.
type extModule struct {
	name, path string
	// legacy modules run their C code under their own pseudo-GIL
	// (DESIGN.md, "The legacy pseudo-GIL").
	legacy bool
	lock   *legacyLock
	// pendingFree: the module called PyUnstable_Module_SetGIL(m,
	// Py_MOD_GIL_NOT_USED) during init; it runs free after init returns.
	pendingFree bool
}

// legacyLock is a pseudo-GIL: re-entrant for the thread that holds it.
type legacyLock struct {
	name  string
	mu    sync.Mutex
	owner int64 // py.Thread.ID of the holder; guarded by mu's holder
	depth int

	statsMu     sync.Mutex
	acquires    int64
	contended   int64
	holdTotal   time.Duration
	holdMax     time.Duration
	acquiredAt  time.Time
	holdBuckets [8]int64 // <1us, <10us, <100us, <1ms, <4ms, <16ms, <100ms, >=100ms
}

// legacyHold records one level of a thread's hold on a lock.
type legacyHold struct {
	l *legacyLock
}

var (
	locksMu sync.Mutex
	locks   = map[string]*legacyLock{}
)

func lockFor(name string) *legacyLock {
	locksMu.Lock()
	defer locksMu.Unlock()
	l := locks[name]
	if l == nil {
		l = &legacyLock{name: name}
		locks[name] = l
	}
	return l
}

// enter takes the module's pseudo-GIL before running its C code; it
// returns whether leave must release it.
func (e *extModule) enter(s *tstate) bool {
	if e == nil || !e.legacy {
		return false
	}
	l := e.lock
	for _, h := range s.legacy {
		if h.l == l {
			l.depth++
			s.legacy = append(s.legacy, &legacyHold{l: l})
			s.t.LegacyHeld = int32(len(s.legacy))
			return true
		}
	}
	held := s.t.BeginBlocking()
	contended := !l.mu.TryLock()
	if contended {
		l.mu.Lock()
	}
	s.t.EndBlocking(held)
	l.owner = s.t.ID
	l.depth = 1
	l.acquiredAt = time.Now()
	l.statsMu.Lock()
	l.acquires++
	if contended {
		l.contended++
	}
	l.statsMu.Unlock()
	s.legacy = append(s.legacy, &legacyHold{l: l})
	s.t.LegacyHeld = int32(len(s.legacy))
	return true
}

// leave undoes enter.
func (e *extModule) leave(s *tstate, took bool) {
	if !took {
		return
	}
	h := s.legacy[len(s.legacy)-1]
	s.legacy = s.legacy[:len(s.legacy)-1]
	s.t.LegacyHeld = int32(len(s.legacy))
	l := h.l
	l.depth--
	if l.depth == 0 {
		l.unlockRecord()
	}
}

func (l *legacyLock) unlockRecord() {
	d := time.Since(l.acquiredAt)
	l.statsMu.Lock()
	l.holdTotal += d
	l.holdMax = max(l.holdMax, d)
	b := 0
	for lim := time.Microsecond; b < 7 && d >= lim; b++ {
		switch b {
		case 3:
			lim = 4 * time.Millisecond
		case 4:
			lim = 16 * time.Millisecond
		case 5:
			lim = 100 * time.Millisecond
		default:
			lim *= 10
		}
	}
	l.holdBuckets[b]++
	l.statsMu.Unlock()
	l.owner = 0
	l.mu.Unlock()
}

func init() {
	py.LegacyRelease = func(t *py.Thread) func() { return stateOf(t).suspend() }
}

// suspend releases every pseudo-GIL the thread holds, before C code calls
// back into Python (where CPython's GIL could switch threads too); the
// returned function takes them back.
func (s *tstate) suspend() func() {
	if len(s.legacy) == 0 {
		return func() {}
	}
	type saved struct {
		l     *legacyLock
		depth int
	}
	var held []saved
	seen := map[*legacyLock]bool{}
	for _, h := range s.legacy {
		if !seen[h.l] {
			seen[h.l] = true
			held = append(held, saved{h.l, h.l.depth})
		}
	}
	for i := len(held) - 1; i >= 0; i-- {
		held[i].l.unlockRecord()
	}
	stack := s.legacy
	s.legacy = nil
	s.t.LegacyHeld = 0
	return func() {
		s.legacy = stack
		s.t.LegacyHeld = int32(len(stack))
		blocking := s.t.BeginBlocking()
		for _, sv := range held {
			contended := !sv.l.mu.TryLock()
			if contended {
				sv.l.mu.Lock()
			}
			sv.l.owner = s.t.ID
			sv.l.depth = sv.depth
			sv.l.acquiredAt = time.Now()
			sv.l.statsMu.Lock()
			sv.l.acquires++
			if contended {
				sv.l.contended++
			}
			sv.l.statsMu.Unlock()
		}
		s.t.EndBlocking(blocking)
	}
}

// legacyStats is sys._freepy_legacy_locks(): per lock, its statistics.
func legacyStats(t *py.Thread) py.Object {
	locksMu.Lock()
	defer locksMu.Unlock()
	d := py.NewDict()
	for name, l := range locks {
		l.statsMu.Lock()
		hist := py.NewList()
		for _, n := range l.holdBuckets {
			hist.Append(py.Int(n))
		}
		st := py.NewDictFromPairs(t,
			"acquisitions", py.Int(l.acquires),
			"contended", py.Int(l.contended),
			"hold_total_ns", py.Int(l.holdTotal.Nanoseconds()),
			"hold_max_ns", py.Int(l.holdMax.Nanoseconds()),
			"hold_histogram", hist)
		l.statsMu.Unlock()
		d.SetStr(name, st)
	}
	return d
}
