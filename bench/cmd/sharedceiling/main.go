// Command sharedceiling does natively, in Go, the memory work of
// bench/threads_shared_dict.py, to say how far two threads can scale it on
// this hardware: each step reads two entries of a read-only 5,000-entry map
// of small structs (through a shared list of keys), computes a score, and
// inserts it under an int key into one shared, mutex-protected hash table.
// The steps are split over 1 or 2 goroutines, each locked to an OS thread.
//
// One process alternates 1- and 2-thread phases (so that both see the same
// host load) and prints, per phase, the wall time and the CPU time of the
// workers (RUSAGE_THREAD), then the best and median 2-vs-1 ratios. The
// "private" variant leaves out the shared insert (each thread writes its
// own table), which separates what the shared table costs from what the
// host's two cores allow at all.
//
// usage: go run ./bench/cmd/sharedceiling [-n 700000] [-rounds 7] [-table map|boxed|append|hot|pydict|counter] [-variant shared|private|none] [-work rounds] [-lock spin|mutex] [-presize]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"freepy/interp/py"
)

type entity struct {
	ident, x, y int
	tags        []string
}

// table is the shared results table: Go's map under a mutex ("map"), or a
// map of interfaces, whose int values above 255 are boxed on every store
// as freepy's dict does ("boxed").
type table interface {
	store(k, v int)
	size() int
}

// lock is sync.Mutex, or with -lock spin that mutex preceded by a bounded
// spin of TryLock (freepy's spinMutex, interp/py/spinlock.go): a waiter
// parked by sync.Mutex costs microseconds to wake.
type lock struct{ mu sync.Mutex }

var spin bool

func (l *lock) Lock() {
	if spin {
		for i := 0; i < 200; i++ {
			if l.mu.TryLock() {
				return
			}
		}
	}
	l.mu.Lock()
}

func (l *lock) Unlock() { l.mu.Unlock() }

type intMap struct {
	mu lock
	m  map[int]int
}

func (t *intMap) store(k, v int) { t.mu.Lock(); t.m[k] = v; t.mu.Unlock() }
func (t *intMap) size() int      { return len(t.m) }

type boxedMap struct {
	mu lock
	m  map[any]any
}

func (t *boxedMap) store(k, v int) {
	var kb, vb any = k, v // convT64 allocates above 255, as Int boxes do
	t.mu.Lock()
	t.m[kb] = vb
	t.mu.Unlock()
}
func (t *boxedMap) size() int { return len(t.m) }

// appendTable is the shape of freepy's dict reduced to what an insert of
// a new int key needs: an entry array filled in insertion order and an
// open-addressing index of entry numbers, both allocated for all items
// (no growth), under a spinning lock. An insert writes the lock's line,
// the count's line, one entry line and one index line: the fewest shared
// lines an insertion-ordered table can write.
type appendTable struct {
	mu      lock
	_       [56]byte
	n       int
	_       [56]byte
	entries []appendEntry
	index   []int32
}

type appendEntry struct{ key, value int }

func newAppendTable(n int) *appendTable {
	size := 8
	for size*2 < n*3 {
		size <<= 1
	}
	t := &appendTable{entries: make([]appendEntry, n), index: make([]int32, size)}
	for i := range t.index {
		t.index[i] = -1
	}
	return t
}

func (t *appendTable) store(k, v int) { appendInsert(&t.mu, &t.n, t.entries, t.index, k, v) }

// appendInsert is the insertion of appendTable and hotTable, which differ
// only in where the count lives.
func appendInsert(mu *lock, n *int, entries []appendEntry, index []int32, k, v int) {
	h := uint64(k) * 0x9E3779B97F4A7C15
	mask := uint64(len(index) - 1)
	mu.Lock()
	i := h & mask
	for index[i] >= 0 {
		i = (i + 1) & mask
	}
	j := *n
	entries[j] = appendEntry{k, v}
	index[i] = int32(j)
	*n = j + 1
	mu.Unlock()
}

func (t *appendTable) size() int { return t.n }

// hotTable is appendTable with the count on the lock's cache line: an
// insert writes three lines (lock and count, entry, index) instead of
// four, the layout freepy's dict header aims at.
type hotTable struct {
	mu      lock
	n       int
	_       [48]byte
	entries []appendEntry
	index   []int32
}

func newHotTable(n int) *hotTable {
	a := newAppendTable(n)
	return &hotTable{entries: a.entries, index: a.index}
}

func (t *hotTable) store(k, v int) { appendInsert(&t.mu, &t.n, t.entries, t.index, k, v) }

func (t *hotTable) size() int { return t.n }

// pyDict is freepy's own dict, driven from Go (SetItem with boxed int
// keys): the interpreter's table without the interpreter.
type pyDict struct{ d *py.Dict }

func (t pyDict) store(k, v int) { t.d.SetItem(nil, py.Int(k), py.Int(v)) }
func (t pyDict) size() int      { return t.d.Len() }

// counter is the least a step can share: one atomic add on one line.
type counter struct{ n atomic.Int64 }

func (c *counter) store(k, v int) { c.n.Add(1) }
func (c *counter) size() int      { return int(c.n.Load()) }

var presize, items int

func newTable(kind string) table {
	switch kind {
	case "append":
		return newAppendTable(items)
	case "hot":
		return newHotTable(items)
	case "counter":
		return &counter{}
	case "pydict":
		return pyDict{py.NewDictSize(presize)}
	}
	if kind == "boxed" {
		return &boxedMap{m: make(map[any]any, presize)}
	}
	return &intMap{m: make(map[int]int, presize)}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1, &ru); err != nil { // RUSAGE_THREAD
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// private stands in for the rest of an interpreted loop iteration:
// arithmetic on registers only, about 1 ns per round.
//
//go:noinline
func private(n int) int {
	x := 1
	for i := 0; i < n; i++ {
		x = x*1103515245 + 12345
	}
	return x
}

func worker(world map[string]*entity, keys []string, out table, lo, hi, work int) int {
	nkeys := len(keys)
	sum := 0
	for i := lo; i < hi; i++ {
		sum += private(work)
		e := world[keys[i%nkeys]]
		n := world[keys[(i*7+3)%nkeys]]
		score := abs(e.x-n.x) + abs(e.y-n.y) + len(e.tags)*len(n.tags)
		if out != nil {
			out.store(i, score)
		} else {
			sum += score
		}
	}
	return sum
}

// phase runs size steps over nthreads threads and returns the wall time
// and the workers' CPU time.
func phase(world map[string]*entity, keys []string, nthreads, size, work int, kind, variant string) (time.Duration, time.Duration) {
	shared := newTable(kind)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var cpu time.Duration
	chunk := (size + nthreads - 1) / nthreads
	t0 := time.Now()
	for k := 0; k < nthreads; k++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			c0 := threadCPU()
			var out table
			switch variant {
			case "shared":
				out = shared
			case "private":
				out = newTable(kind)
			}
			worker(world, keys, out, lo, hi, work)
			c := threadCPU() - c0
			mu.Lock()
			cpu += c
			mu.Unlock()
		}(k*chunk, min(size, (k+1)*chunk))
	}
	wg.Wait()
	wall := time.Since(t0)
	if variant == "shared" && shared.size() != size {
		fmt.Fprintln(os.Stderr, "lost inserts:", shared.size(), size)
		os.Exit(1)
	}
	return wall, cpu
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func main() {
	size := flag.Int("n", 700000, "steps (inserts) per phase")
	rounds := flag.Int("rounds", 7, "alternating 1- and 2-thread phases")
	kind := flag.String("table", "boxed", "map (map[int]int), boxed (map[any]any, values boxed), append (freepy's dict shape, no growth), hot (append with the count on the lock's line), pydict (freepy's dict itself) or counter (one shared atomic add per step)")
	variant := flag.String("variant", "shared", "shared (one table), private (a table per thread) or none (no store)")
	work := flag.Int("work", 0, "rounds of private arithmetic per step (freepy's interpretation overhead; 300 is about 700 ns)")
	lockKind := flag.String("lock", "spin", "spin (bounded spin, then sync.Mutex) or mutex (sync.Mutex)")
	pre := flag.Bool("presize", false, "make the table with room for all items (no growth)")
	flag.Parse()
	spin = *lockKind == "spin"
	items = *size
	if *pre {
		presize = *size
	}

	world := map[string]*entity{}
	var keys []string
	tagset := []string{"a", "b", "c"}
	for i := 0; i < 5000; i++ {
		k := fmt.Sprintf("e%d", i)
		world[k] = &entity{i, i * 37 % 1000, i * 91 % 1000, tagset[:i%3+1]}
		keys = append(keys, k)
	}
	var w1, w2, c1, c2 []time.Duration
	for r := 0; r < *rounds; r++ {
		runtime.GC()
		a, ca := phase(world, keys, 1, *size, *work, *kind, *variant)
		runtime.GC()
		b, cb := phase(world, keys, 2, *size, *work, *kind, *variant)
		fmt.Printf("round %d: 1 thread %.3f s (cpu %.3f), 2 threads %.3f s (cpu %.3f): %.2fx\n",
			r, a.Seconds(), ca.Seconds(), b.Seconds(), cb.Seconds(), a.Seconds()/b.Seconds())
		w1, w2 = append(w1, a), append(w2, b)
		c1, c2 = append(c1, ca), append(c2, cb)
	}
	b1, b2 := w1[0], w2[0]
	for i := range w1 {
		b1, b2 = min(b1, w1[i]), min(b2, w2[i])
	}
	m1, m2 := median(w1), median(w2)
	fmt.Printf("best %.3f / %.3f s: %.2fx; median %.3f / %.3f s: %.2fx\n",
		b1.Seconds(), b2.Seconds(), b1.Seconds()/b2.Seconds(),
		m1.Seconds(), m2.Seconds(), m1.Seconds()/m2.Seconds())
	// CPU inflation: the CPU two threads burn for the work of one; 1.00
	// is perfect, and 2/inflation bounds the wall-clock speedup
	fmt.Printf("cpu median 1 thread %.3f s, 2 threads %.3f s: inflation %.2f\n",
		median(c1).Seconds(), median(c2).Seconds(), median(c2).Seconds()/median(c1).Seconds())
}
