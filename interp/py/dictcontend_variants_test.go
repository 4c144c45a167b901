package py

import (
	"os"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// TestDictStoreVariantsAlternating (run with FREEPY_DICT_VARIANTS=rounds)
// compares ways of inserting into one dict from two threads in one
// process, phase by phase in turn, so that the host's changing speed
// (docs/benchmarks.md) falls on all of them alike: "load" reads the
// header's first word before the store, as the nil check of the call to
// a non-inlined spinMutex.Lock did; "cas" is storeFast as it is with no
// guess of the next entry; "hint" passes the goroutine's guess.
func TestDictStoreVariantsAlternating(t *testing.T) {
	rounds, _ := strconv.Atoi(os.Getenv("FREEPY_DICT_VARIANTS"))
	if rounds == 0 {
		t.Skip("set FREEPY_DICT_VARIANTS=rounds")
	}
	const per = 200000
	// private work between stores: 150 is about 180 ns here, 400 about
	// threads_shared_dict.py's loop body
	work := 400
	if w, err := strconv.Atoi(os.Getenv("FREEPY_DICT_WORK")); err == nil {
		work = w
	}
	names := []string{"load", "cas", "hint"}
	wall := map[string][]float64{}
	cpu := map[string][]float64{}
	for r := 0; r < rounds; r++ {
		for _, g := range []int{1, 2} {
			for v, name := range names {
				d := NewDict()
				var wg sync.WaitGroup
				var c atomic.Int64
				t0 := time.Now()
				for k := 0; k < g; k++ {
					wg.Add(1)
					go func(lo int) {
						defer wg.Done()
						runtime.LockOSThread()
						defer runtime.UnlockOSThread()
						c0 := threadCPU()
						var next uintptr
						s := 0
						for i := lo; i < lo+per/g; i++ {
							s += spinWork(work)
							switch v {
							case 0:
								s += int(atomic.LoadInt32((*int32)(unsafe.Pointer(d))))
								next = 0
								d.storeFast(&next, Int(i), Int(i&255))
							case 1:
								next = 0
								d.storeFast(&next, Int(i), Int(i&255))
							case 2:
								d.storeFast(&next, Int(i), Int(i&255))
							}
						}
						c.Add(int64(threadCPU() - c0 + time.Duration(s&0)))
					}(k * per / g)
				}
				wg.Wait()
				key := name + "/g" + strconv.Itoa(g)
				wall[key] = append(wall[key], time.Since(t0).Seconds()*1e9/per)
				cpu[key] = append(cpu[key], float64(c.Load())/per)
			}
		}
	}
	med := func(x []float64) float64 {
		y := append([]float64(nil), x...)
		sort.Float64s(y)
		return y[len(y)/2]
	}
	for _, name := range names {
		w1, w2 := wall[name+"/g1"], wall[name+"/g2"]
		c1, c2 := cpu[name+"/g1"], cpu[name+"/g2"]
		t.Logf("%-5s ns/store g1 med %.0f g2 med %.0f, cpu-ns g1 med %.0f g2 med %.0f, speedup med %.2f, inflation med %.2f",
			name, med(w1), med(w2), med(c1), med(c2), med(w1)/med(w2), med(c2)/med(c1))
	}
}
