package py

import (
	"fmt"
	"sync"
	"testing"
)

// TestDictCombinedStoresStress has more goroutines than request slots
// (dictcombine.go) store into one dict through storeFast, so that stores
// are handed to lock holders, applied by them, withdrawn after waiting
// and done under the lock directly, while another goroutine takes the
// general path (SetItem, DelItem, Pop) of the same dict and readers look
// up keys lock-free. It checks the contract a combined store keeps:
// every store is done exactly once and visible when storeFast returns
// (the goroutine reads its own key back at once), one goroutine's
// insertions keep its program order in the dict, and a store that needs
// the general path (a key of equal hash that needs __eq__) is declined
// without changing anything. Run with -race.
func TestDictCombinedStoresStress(t *testing.T) {
	finishTypes()
	const (
		storers = 2*combineSlots + 1
		per     = 3000
	)
	for round := 0; round < 3; round++ {
		d := NewDict()
		// a tuple key whose hash equals the int key collide: storeFast of
		// that int must be declined (fastEq cannot compare the two)
		var tup *Tuple
		var collide Int
		for j := round; ; j += 3 {
			tup = NewTuple(Int(j), NewStr("collide"))
			th, err := Hash(nil, tup)
			if err != nil {
				t.Fatal(err)
			}
			if hashInt(th) == th {
				collide = Int(th)
				break
			}
		}
		if err := d.SetItem(nil, tup, None); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan string, storers+2)
		key := func(g, i int) Object {
			if i%4 == 0 {
				return NewStr(fmt.Sprintf("g%d_%d", g, i))
			}
			return Int(1_000_000 + g*per + i)
		}
		for g := 0; g < storers; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := 0; i < per; i++ {
					k := key(g, i)
					if !d.storeFast(k, Int(i)) {
						errs <- fmt.Sprintf("storeFast(%v) declined", k)
						return
					}
					if v, _ := d.GetItem(nil, k); v != Int(i) {
						errs <- fmt.Sprintf("key %v read back %v right after storing %d", k, v, i)
						return
					}
					// replace it: a store to an existing entry
					if i%5 == 0 && !d.storeFast(k, Int(-i)) {
						errs <- fmt.Sprintf("storeFast(%v) replacement declined", k)
						return
					}
					if i%97 == 0 && d.storeFast(collide, None) {
						errs <- "storeFast of a key colliding with a tuple key was not declined"
						return
					}
				}
			}(g)
		}
		// the general path on keys of its own
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				k := NewTuple(Int(i), Int(round))
				if err := d.SetItem(nil, k, Int(i)); err != nil {
					errs <- err.Error()
					return
				}
				if i%3 == 0 {
					d.DelItem(nil, k)
				} else if i%3 == 1 {
					d.Pop(nil, k)
				}
			}
		}()
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Fatalf("round %d: %s", round, e)
		}
		if v, _ := d.GetItem(nil, collide); v != nil {
			t.Fatalf("round %d: the declined key was stored (%v)", round, v)
		}
		// every store once, with its last value, in each goroutine's order
		last := make([]int, storers)
		for g := range last {
			last[g] = -1
		}
		seen := 0
		for _, e := range d.Items() {
			var g, i int
			switch k := e.key.(type) {
			case *Str:
				if _, err := fmt.Sscanf(k.s, "g%d_%d", &g, &i); err != nil {
					t.Fatalf("round %d: stray key %q", round, k.s)
				}
			case Int:
				g, i = (int(k)-1_000_000)/per, (int(k)-1_000_000)%per
			default:
				continue
			}
			want := Int(i)
			if i%5 == 0 {
				want = Int(-i)
			}
			if e.value != want {
				t.Fatalf("round %d: key %v holds %v, want %v", round, e.key, e.value, want)
			}
			if i <= last[g] {
				t.Fatalf("round %d: goroutine %d's item %d comes after its item %d", round, g, i, last[g])
			}
			last[g] = i
			seen++
		}
		if seen != storers*per {
			t.Fatalf("round %d: %d items stored, want %d", round, seen, storers*per)
		}
	}
}
