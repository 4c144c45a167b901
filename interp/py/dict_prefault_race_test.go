package py

import (
	"sync"
	"testing"
)

// TestDictPrefaultShared has several goroutines insert distinct int keys
// into one dict, through both insertion paths, until it holds several
// tables big enough to be prefaulted chunk by chunk (prefaultDue), while
// other goroutines read keys already inserted. Every key must end up
// present with its value, and the final table must be prefaulted at least
// a chunk past its last insertion, whichever goroutine claimed the
// chunks. Run with -race: the prefaulting runs without the dict's lock.
func TestDictPrefaultShared(t *testing.T) {
	finishTypes()
	const (
		writers = 3
		per     = 120_000
	)
	d := NewDict()
	var wg sync.WaitGroup
	done := make(chan struct{})
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := 0; ; x++ {
				select {
				case <-done:
					return
				default:
				}
				// key 0 of each writer is inserted first: it may be
				// missing only at the very start
				if v, _ := d.GetItem(nil, Int(x%writers*per)); v != nil && v != Int(x%writers*per) {
					t.Errorf("key %d holds %v", x%writers*per, v)
					return
				}
			}
		}()
	}
	var ww sync.WaitGroup
	for w := 0; w < writers; w++ {
		ww.Add(1)
		go func(w int) {
			defer ww.Done()
			var next uintptr // the goroutine's Thread.dictNext
			for i := w * per; i < (w+1)*per; i++ {
				if i%2 == 0 {
					if !d.storeFast(&next, Int(i), Int(i)) {
						t.Errorf("storeFast refused int key %d", i)
						return
					}
				} else if err := d.SetItem(nil, Int(i), Int(i)); err != nil {
					t.Error(err)
					return
				}
			}
		}(w)
	}
	ww.Wait()
	close(done)
	wg.Wait()
	for i := 0; i < writers*per; i++ {
		if v, _ := d.GetItem(nil, Int(i)); v != Int(i) {
			t.Fatalf("key %d holds %v", i, v)
		}
	}
	if d.Len() != writers*per {
		t.Fatalf("len %d, want %d", d.Len(), writers*per)
	}
	d.mu.Lock()
	tab := d.tab.Load()
	n, faulted := d.n(), tab.faulted
	d.mu.Unlock()
	if len(tab.index) < bigTableIndex {
		t.Fatalf("final table of %d slots: too small to test prefaulting", len(tab.index))
	}
	if want := min(n+prefaultChunk, len(tab.entries)); faulted < want || faulted > len(tab.entries) {
		t.Fatalf("final table prefaulted to entry %d, want %d..%d (%d entries handed out)", faulted, want, len(tab.entries), n)
	}
}

// TestDictBigAllocHook: a table of bigAllocIndex slots or more is
// announced to BigAlloc with its size before it is allocated; smaller
// ones are not.
func TestDictBigAllocHook(t *testing.T) {
	var mu sync.Mutex
	var sizes []uint64
	old := BigAlloc
	BigAlloc = func(n uint64) {
		mu.Lock()
		sizes = append(sizes, n)
		mu.Unlock()
	}
	defer func() { BigAlloc = old }()
	NewDictSize(1000)
	if len(sizes) != 0 {
		t.Fatalf("a small table was announced: %v", sizes)
	}
	NewDictSize(bigAllocIndex) // an index of 2*bigAllocIndex slots
	if len(sizes) != 1 {
		t.Fatalf("announced %d times, want once", len(sizes))
	}
	slots := uint64(2 * bigAllocIndex)
	if want := slots*4 + slots*2/3*40; sizes[0] != want {
		t.Fatalf("announced %d bytes, want %d", sizes[0], want)
	}
}
