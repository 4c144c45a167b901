package py

import (
	"math"
	"runtime"
	"sync"
	"testing"
)

// TestLibmPowConcurrent calls libmPow (through asmcgocall when cgo is on)
// from several goroutines while the collector keeps stopping the world,
// and checks results whose exact value is representable (so C's pow and
// the nocgo crPow must both give it bit for bit).
func TestLibmPowConcurrent(t *testing.T) {
	cases := []struct{ x, y, want float64 }{
		{2, 10, 1024},
		{2, -3, 0.125},
		{16, 0.25, 2},
		{0.25, -1.5, 8},
		{9, 0.5, 3},
		{10, 3, 1000},
		{1.5, 2, 2.25},
		{4, 1.5, 8},
		{1, 1e300, 1},
		{0.5, -1074, math.Inf(1)},
		{2, -1074, math.SmallestNonzeroFloat64},
	}
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20000; i++ {
				c := cases[i%len(cases)]
				if got := libmPow(c.x, c.y); got != c.want {
					errs <- "wrong result"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	for _, c := range cases {
		if got := libmPow(c.x, c.y); got != c.want {
			t.Errorf("libmPow(%v, %v) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}
