package py

import (
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// BenchmarkDictStoreVariants compares ways of inserting into one dict
// from one and two threads in one process, phase by phase in turn, so
// that the host's changing speed (docs/benchmarks.md, "branch dict13")
// falls on all of them alike. Each b.N iteration is one round: a phase of
// 200,000 stores with some private work between them (spinWork) for
// each variant with one thread, then with two. The variants: "load"
// reads the header's first word before the store, as the nil check in
// front of the call to a non-inlined spinMutex.Lock did; "cas" is
// storeFast without a guess of the next entry; "hint" passes the
// goroutine's guess (Thread.dictNext). It reports the median over the
// rounds of the two-thread phases' wall time per store, the speedup and
// the CPU inflation (two threads' CPU over one's) of each variant. Run
// with -benchtime 10x or so.
func BenchmarkDictStoreVariants(b *testing.B) {
	const per, work = 200000, 300
	names := []string{"load", "cas", "hint"}
	wall := map[string][]float64{}
	cpu := map[string][]float64{}
	for r := 0; r < b.N; r++ {
		for _, g := range []int{1, 2} {
			for v, name := range names {
				w, c := storeVariantPhase(v, g, per, work)
				key := name + map[int]string{1: "/g1", 2: "/g2"}[g]
				wall[key] = append(wall[key], w)
				cpu[key] = append(cpu[key], c)
			}
		}
	}
	med := func(x []float64) float64 {
		y := append([]float64(nil), x...)
		sort.Float64s(y)
		return y[len(y)/2]
	}
	for _, name := range names {
		w1, w2 := med(wall[name+"/g1"]), med(wall[name+"/g2"])
		c1, c2 := med(cpu[name+"/g1"]), med(cpu[name+"/g2"])
		b.ReportMetric(w2, name+"-g2-ns/store")
		b.ReportMetric(w1/w2, name+"-speedup")
		b.ReportMetric(c2/c1, name+"-inflation")
	}
}

// storeVariantPhase stores per distinct int keys into a new dict from g
// goroutines locked to OS threads, the way variant v says (see
// BenchmarkDictStoreVariants); it returns the wall time and the CPU time
// of the goroutines per store, in ns.
func storeVariantPhase(v, g, per, work int) (wall, cpu float64) {
	d := NewDict()
	var wg sync.WaitGroup
	var total atomic.Int64
	t0 := time.Now()
	for k := 0; k < g; k++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			c0 := threadCPU()
			var next uintptr // the goroutine's Thread.dictNext
			s := 0
			for i := lo; i < hi; i++ {
				s += spinWork(work)
				switch v {
				case 0:
					s += int(atomic.LoadInt32((*int32)(unsafe.Pointer(d))))
					next = 0
				case 1:
					next = 0
				}
				d.storeFast(&next, Int(i), Int(i&255))
			}
			total.Add(int64(threadCPU()-c0) + int64(s&0))
		}(k*per/g, (k+1)*per/g)
	}
	wg.Wait()
	return time.Since(t0).Seconds() * 1e9 / float64(per), float64(total.Load()) / float64(per)
}

// TestDictStoreFastNextGuess checks the guess storeFast keeps for the
// storing thread: after an append to a big table, the address of the
// next entry; after a replacement, or an append to a small table, none.
// A stale guess (another dict's, a table since replaced) must not change
// what a store does.
func TestDictStoreFastNextGuess(t *testing.T) {
	d := NewDict()
	var next uintptr
	for i := 0; i < 5000; i++ {
		if !d.storeFast(&next, Int(i), Int(i)) {
			t.Fatalf("storeFast refused int key %d", i)
		}
	}
	tab := d.tab.Load()
	if len(tab.index) < bigTableIndex {
		t.Fatalf("index of %d slots: not a big table", len(tab.index))
	}
	if want := uintptr(unsafe.Pointer(&tab.entries[d.n()])); next != want {
		t.Fatalf("guess %#x after an append, want entry %d at %#x", next, d.n(), want)
	}
	stale := next
	d.storeFast(&next, Int(7), Int(70))
	if next != 0 {
		t.Fatalf("guess %#x after a replacement, want 0", next)
	}
	small := NewDict()
	next = stale
	small.storeFast(&next, Int(1), Int(1))
	if next != 0 {
		t.Fatalf("guess %#x after an append to a small table, want 0", next)
	}
	// a guess into a table that was replaced meanwhile, and one into
	// another dict: the stores land where their keys say
	d.Clear()
	other := NewDict()
	for i := 0; i < 100; i++ {
		next = stale
		d.storeFast(&next, Int(i), Int(-i))
		next = stale
		other.storeFast(&next, Int(i), Int(i))
	}
	for i := 0; i < 100; i++ {
		if v, _ := d.GetItem(nil, Int(i)); v != Int(-i) {
			t.Fatalf("d[%d] = %v", i, v)
		}
		if v, _ := other.GetItem(nil, Int(i)); v != Int(i) {
			t.Fatalf("other[%d] = %v", i, v)
		}
	}
	if d.Len() != 100 || other.Len() != 100 || small.Len() != 1 {
		t.Fatalf("lengths %d, %d, %d", d.Len(), other.Len(), small.Len())
	}
}
