package py

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

// TestDictSetStrHintStress runs STORE_ATTR's hinted store (setStrHint)
// from several goroutines on one dict, each with its own hint as each
// instruction has, while other goroutines delete and re-add the same
// keys, clear the dict (the hinted entries die or move to a new table)
// and read it lock-free with getStrHint. A store must land on its key,
// never on the entry of another key that a stale hint points to: every
// value read must be one stored for its key, and after the writers stop
// each key holds its writer's last value. Run with -race.
func TestDictSetStrHintStress(t *testing.T) {
	finishTypes()
	const keys, rounds = 8, 3000
	names := make([]*Str, keys)
	for k := range names {
		names[k] = Intern(fmt.Sprintf("attr%d", k))
	}
	d := NewDict()
	var stop atomic.Bool
	var bad atomic.Value
	var writers, others sync.WaitGroup
	last := make([]Object, keys)
	for k := 0; k < keys; k++ {
		writers.Add(1)
		go func(k int) {
			defer writers.Done()
			var hint atomic.Int32
			for x := 0; x < rounds; x++ {
				v := dictValueFor(k, x)
				_ = d.setStrHint(nil, names[k], v, &hint)
				last[k] = v
			}
		}(k)
	}
	// deleters and a clearer: the entries the hints point to die, and
	// re-insertions append the keys elsewhere
	others.Add(3)
	go func() {
		defer others.Done()
		for i := 0; !stop.Load(); i++ {
			_, _ = d.DelItem(nil, names[i%keys])
		}
	}()
	go func() {
		defer others.Done()
		for i := 0; !stop.Load(); i++ {
			if i%64 == 0 {
				d.Clear()
			}
		}
	}()
	go func() {
		defer others.Done()
		hints := make([]atomic.Int32, keys)
		for i := 0; !stop.Load(); i++ {
			k := i % keys
			if v := d.getStrHint(names[k], &hints[k]); v != nil {
				if why := checkDictValue(k, v); why != "" {
					bad.Store(why)
				}
			}
		}
	}()
	writers.Wait()
	stop.Store(true)
	others.Wait()
	if why := bad.Load(); why != nil {
		t.Fatal(why)
	}
	// quiet now: one more hinted store per key must be seen by both
	// kinds of read, at the key it was made for
	for k := 0; k < keys; k++ {
		var hint atomic.Int32
		hint.Store(int32(keys - 1 - k)) // another key's entry, or none
		_ = d.setStrHint(nil, names[k], last[k], &hint)
	}
	for k := 0; k < keys; k++ {
		var hint atomic.Int32
		if v := d.getStrHint(names[k], &hint); v != last[k] {
			t.Errorf("key %d holds %v after the stores, want %v", k, v, last[k])
		}
		if v := d.getStr(names[k]); v != last[k] {
			t.Errorf("key %d: getStr %v, want %v", k, v, last[k])
		}
	}
	if n := d.Len(); n != keys {
		t.Errorf("%d keys after the stores, want %d", n, keys)
	}
}
