package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"freepy/interp/py"
)

// Pacing Go's collector for an interpreter.
//
// A Python program allocates a box for nearly every value it computes
// (ints outside the small-int cache, floats, strs, frames that escape)
// while its live heap often stays at the few MB the interpreter itself
// needs. GOGC sets the next collection at live*(1+GOGC/100): with a
// live heap of 4 MB even GOGC=400 collects after every 20 MB of boxes,
// six times in one run of bench/threads_cpu.py. Each collection costs
// little CPU, but the CPU it costs is only free while a core is idle:
// with one Python thread the mark workers run on the second core, with a
// thread per core they take time from the Python threads, and the write
// barriers stay on for the whole (then longer) mark phase. That is part of
// why two threads were not twice as fast as one (docs/benchmarks.md,
// "Thread scaling").
//
// So the heap is allowed to grow to at least minHeapGoal before a
// collection, whatever the live heap; above that, GOGC=gcPercent applies
// as before. After each collection the pacer picks the percentage that
// puts the next goal at minHeapGoal while the live heap is small. The
// cost is memory: a program that allocates a lot keeps up to
// minHeapGoal of heap (measured in docs/benchmarks.md); one that
// allocates little never reaches it.
//
// A big dict table (py.BigAlloc, 4 MB and up) raises the goal before it is
// allocated, to the heap in use plus the table plus bigAllocSlack, so that
// the table alone does not start a collection. Such a collection finds
// little garbage (the table is live, and the one it replaces is a quarter
// of its size) and costs a mark of everything, the table included: in
// bench/threads_shared_dict.py the results dict's last table (64 MB, at
// 262,000 of 700,000 items) started the run's only collection, whose
// mark workers took 25-50 ms from the two Python threads. The memory
// cost is the garbage not collected meanwhile, at most bigAllocSlack
// plus the tables the big one replaced (a third of its size); the next
// collection sets the goal from the live heap again.
const (
	gcPercent   = 400
	minHeapGoal = 64 << 20
	// goHeapMinimum is the runtime's heap minimum at GOGC=100; it scales
	// with GOGC and bounds the first goal, before any live heap is known.
	goHeapMinimum = 4 << 20
	// bigAllocSlack is what may be allocated after a big table before
	// the collection that its allocation would have started.
	bigAllocSlack = minHeapGoal / 2
)

// startGCPacing sets the collector's percentage and keeps adjusting it
// after every collection. An explicit GOGC (or GOGC=off) in the
// environment wins and turns the pacing off.
func startGCPacing(gogcSet bool) {
	if gogcSet {
		return
	}
	// until the first collection says how large the live heap is, the
	// runtime's heap minimum (4 MB × percent/100) is the goal
	setPercent(minHeapGoal * 100 / goHeapMinimum)
	armGCPacer()
	py.BigAlloc = bigAlloc
}

var (
	// paceMu guards lastPercent: the cleanup goroutine (paceAfterGC) and
	// Python threads (bigAlloc) both set it.
	paceMu      sync.Mutex
	lastPercent int
	liveSample  = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	bigSample   = []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/goal:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
)

// bigAlloc raises the collector's goal, if needed, so that allocating n
// more bytes leaves bigAllocSlack before the next collection.
func bigAlloc(n uint64) {
	paceMu.Lock()
	defer paceMu.Unlock()
	metrics.Read(bigSample)
	inUse, goal, live := bigSample[0].Value.Uint64(), bigSample[1].Value.Uint64(), bigSample[2].Value.Uint64()
	want := inUse + n + bigAllocSlack
	if want <= goal {
		return
	}
	// the goal is live*(1+p/100), or before the first collection (no
	// live heap measured yet) the runtime's minimum scaled by p/100
	p := int(want * 100 / goHeapMinimum)
	if live > 0 {
		p = int((want - live) * 100 / live)
	}
	if p > lastPercent {
		setPercent(p)
	}
}

func setPercent(p int) {
	lastPercent = p
	debug.SetGCPercent(p)
}

// gcSentinel is an object nobody keeps: its cleanup runs after the
// collection that found it unreachable, once per cycle.
type gcSentinel struct{ _ [16]byte }

func armGCPacer() {
	s := new(gcSentinel)
	runtime.AddCleanup(s, func(struct{}) { paceAfterGC() }, struct{}{})
}

// paceAfterGC runs on the runtime's cleanup goroutine, once per cycle.
func paceAfterGC() {
	paceMu.Lock()
	defer paceMu.Unlock()
	metrics.Read(liveSample)
	live := liveSample[0].Value.Uint64()
	p := gcPercent
	if live > 0 && live < minHeapGoal/(1+gcPercent/100) {
		p = int((minHeapGoal - live) * 100 / live)
	}
	// SetGCPercent takes the heap lock and recomputes the pacer: skip
	// changes under 10%, which move the goal by less than that
	if d := p - lastPercent; d > lastPercent/10 || -d > lastPercent/10 {
		setPercent(p)
	}
	armGCPacer()
}
