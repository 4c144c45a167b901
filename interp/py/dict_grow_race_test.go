package py

import (
	"fmt"
	"sync"
	"testing"
)

// TestDictGrowEarlyStress races the early growth of a large dict (built
// and copied outside the dict's lock, growEarly) against every other kind
// of mutation. One goroutine appends new keys, which makes the dict grow
// again and again; the others own a set of keys each and keep replacing
// their values (also by values of another type), deleting and
// re-inserting them. Each goroutine writes only its own keys, so the
// final contents are known: a growth that published a table copied before
// a replacement or deletion (a lost update) fails the check at the end.
// Run with -race.
func TestDictGrowEarlyStress(t *testing.T) {
	finishTypes()
	const (
		appends  = 150_000
		mutators = 3
		owned    = 300 // keys per mutator
	)
	for round := 0; round < 3; round++ {
		d := NewDict()
		// the mutators' keys are negative, the appender's 0..appends-1
		key := func(m, k int) Object { return Int(-1 - m*owned - k) }
		var wg sync.WaitGroup
		done := make(chan struct{})
		final := make([]map[int]Object, mutators) // nil value: deleted
		for m := 0; m < mutators; m++ {
			final[m] = map[int]Object{}
			wg.Add(1)
			go func(m int) {
				defer wg.Done()
				mine := final[m]
				for x := 0; ; x++ {
					if x%64 == 0 {
						select {
						case <-done:
							return
						default:
						}
					}
					k := (x * 7) % owned
					switch x % 5 {
					case 0, 1:
						v := Object(Int(x))
						d.SetItem(nil, key(m, k), v)
						mine[k] = v
					case 2, 3:
						v := Object(NewStr(fmt.Sprint("s", x)))
						d.SetItem(nil, key(m, k), v)
						mine[k] = v
					case 4:
						d.DelItem(nil, key(m, k))
						mine[k] = nil
					}
				}
			}(m)
		}
		for i := 0; i < appends; i++ {
			d.SetItem(nil, Int(i), Int(i))
		}
		close(done)
		wg.Wait()

		live := appends
		for i := 0; i < appends; i++ {
			v, _ := d.GetItem(nil, Int(i))
			if v != Int(i) {
				t.Fatalf("round %d: key %d holds %v, want %d", round, i, v, i)
			}
		}
		for m := 0; m < mutators; m++ {
			for k, want := range final[m] {
				got, _ := d.GetItem(nil, key(m, k))
				if want != nil {
					live++
				}
				if !sameValue(got, want) {
					t.Fatalf("round %d: mutator %d key %d holds %v, want %v (an update lost by a growth)", round, m, k, got, want)
				}
			}
		}
		if d.Len() != live {
			t.Fatalf("round %d: len %d, want %d", round, d.Len(), live)
		}
	}
}

func sameValue(a, b Object) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if s, ok := a.(*Str); ok {
		u, ok := b.(*Str)
		return ok && s.s == u.s
	}
	return a == b
}
