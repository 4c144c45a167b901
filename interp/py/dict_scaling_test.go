package py

import (
	"strconv"
	"sync"
	"testing"
)

// BenchmarkDictSharedInsert measures how inserts into one shared dict
// scale: the same n int keys go into one dict from 1 or 2 goroutines (each
// a contiguous half, as bench/threads_shared_dict.py's threads do), with
// some private work between inserts standing in for the loop body. With
// perfect scaling the 2-goroutine run takes half the time.
func BenchmarkDictSharedInsert(b *testing.B) {
	finishTypes()
	const n = 400_000
	for _, pre := range []bool{false, true} {
		for _, g := range []int{1, 2} {
			name := strconv.Itoa(g)
			if pre {
				name = "presized-" + name
			}
			b.Run(name, func(b *testing.B) {
				for it := 0; it < b.N; it++ {
					d := NewDict()
					if pre {
						d = NewDictSize(n)
					}
					var wg sync.WaitGroup
					chunk := n / g
					for k := 0; k < g; k++ {
						wg.Add(1)
						go func(lo, hi int) {
							defer wg.Done()
							x := uint64(lo)
							for i := lo; i < hi; i++ {
								for j := 0; j < 60; j++ { // the loop body's work
									x = x*6364136223846793005 + 1442695040888963407
								}
								_ = d.SetItem(nil, Int(i), Int(x>>40))
							}
						}(k*chunk, (k+1)*chunk)
					}
					wg.Wait()
				}
			})
		}
	}
}
