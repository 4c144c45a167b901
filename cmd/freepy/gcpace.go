package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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
const (
	gcPercent   = 400
	minHeapGoal = 64 << 20
	// goHeapMinimum is the runtime's heap minimum at GOGC=100; it scales
	// with GOGC and bounds the first goal, before any live heap is known.
	goHeapMinimum = 4 << 20
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
}

var (
	lastPercent int
	liveSample  = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
)

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

// paceAfterGC runs on the runtime's cleanup goroutine (one at a time, so
// lastPercent needs no lock).
func paceAfterGC() {
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
