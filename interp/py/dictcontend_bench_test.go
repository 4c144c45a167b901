package py

import (
	"sync"
	"testing"
)

// BenchmarkDictStoreContended: two goroutines store distinct int keys into
// one dict (threads_shared_dict.py's results dict without the rest of
// the loop). ns/op is per store, both goroutines together.
func BenchmarkDictStoreContended(b *testing.B) {
	for _, g := range []int{1, 2} {
		b.Run(map[int]string{1: "g1", 2: "g2"}[g], func(b *testing.B) {
			d := NewDict()
			per := b.N / g
			var wg sync.WaitGroup
			b.ResetTimer()
			for k := 0; k < g; k++ {
				wg.Add(1)
				go func(lo int) {
					defer wg.Done()
					for i := lo; i < lo+per; i++ {
						d.storeFast(Int(i), Int(i&255))
					}
				}(k * per)
			}
			wg.Wait()
		})
	}
}
