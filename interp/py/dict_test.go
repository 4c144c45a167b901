package py

import (
	"fmt"
	"sync"
	"testing"
	"unsafe"
)

// TestDictOrderAndDeletion checks insertion order across resizes,
// deletions and re-insertions against a reference slice.
func TestDictOrderAndDeletion(t *testing.T) {
	finishTypes() // NewInterp does this for programs
	d := NewDict()
	var want []string
	for i := 0; i < 1000; i++ {
		k := fmt.Sprintf("k%d", i)
		if err := d.SetItem(nil, NewStr(k), Int(i)); err != nil {
			t.Fatal(err)
		}
		want = append(want, k)
	}
	// delete every third key, then re-insert some: re-inserted keys go last
	for i := 0; i < 1000; i += 3 {
		found, err := d.DelItem(nil, NewStr(fmt.Sprintf("k%d", i)))
		if err != nil || !found {
			t.Fatalf("delete k%d: found=%v err=%v", i, found, err)
		}
	}
	var kept []string
	for i, k := range want {
		if i%3 != 0 {
			kept = append(kept, k)
		}
	}
	for i := 0; i < 30; i += 3 {
		k := fmt.Sprintf("k%d", i)
		d.SetItem(nil, NewStr(k), Int(-i))
		kept = append(kept, k)
	}
	keys := d.Keys()
	if len(keys) != len(kept) || d.Len() != len(kept) {
		t.Fatalf("len = %d/%d, want %d", len(keys), d.Len(), len(kept))
	}
	for i, k := range keys {
		if k.(*Str).s != kept[i] {
			t.Fatalf("key %d = %s, want %s", i, k.(*Str).s, kept[i])
		}
	}
	if v := d.GetStr("k33"); v != nil {
		t.Fatalf("deleted key still present: %v", v)
	}
	if v := d.GetStr("k6"); v != Int(-6) {
		t.Fatalf("k6 = %v, want -6", v)
	}
	k, v, ok := d.PopItem(nil)
	if !ok || k.(*Str).s != "k27" || v != Int(-27) {
		t.Fatalf("popitem = %v %v %v", k, v, ok)
	}
}

// TestDictNumericKeys checks that equal numbers of different types are
// one key, as in Python (1 == 1.0 == True).
func TestDictNumericKeys(t *testing.T) {
	finishTypes() // NewInterp does this for programs
	d := NewDict()
	d.SetItem(nil, Int(1), NewStr("int"))
	d.SetItem(nil, Float(1.0), NewStr("float"))
	d.SetItem(nil, True, NewStr("bool"))
	if d.Len() != 1 {
		t.Fatalf("len = %d, want 1", d.Len())
	}
	v, _ := d.GetItem(nil, Int(1))
	if v.(*Str).s != "bool" {
		t.Fatalf("d[1] = %v", v)
	}
	if k := d.Keys()[0]; k != Object(Int(1)) {
		t.Fatalf("the first key object is kept, got %#v", k)
	}
}

// TestDictConcurrentWriters hammers one dict from several goroutines: no
// lost insertions, no crash, no race (go test -race).
func TestDictConcurrentWriters(t *testing.T) {
	finishTypes() // NewInterp does this for programs
	d := NewDict()
	const workers, per = 4, 2000
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < per; i++ {
				k := NewStr(fmt.Sprintf("w%d-%d", w, i))
				d.SetItem(nil, k, Int(i))
				if i%2 == 0 {
					d.DelItem(nil, k)
				}
				_ = d.GetStr("w0-1")
			}
		}(w)
	}
	wg.Wait()
	if got, want := d.Len(), workers*per/2; got != want {
		t.Fatalf("len = %d, want %d", got, want)
	}
}

// TestDictPopItemAfterAppends: popitem skips the dead entries earlier
// popitems left at the end, and still finds the entries appended after
// them (the table's dead range, tail..tailEnd, is not moved by
// insertions).
func TestDictPopItemAfterAppends(t *testing.T) {
	d := NewDict()
	for i := 0; i < 5; i++ {
		d.SetItem(nil, Int(i), Int(i))
	}
	pop := func(want int) {
		t.Helper()
		k, _, ok := d.PopItem(nil)
		if !ok || k != Int(want) {
			t.Fatalf("popitem gave %v %v, want %d", k, ok, want)
		}
	}
	pop(4)
	pop(3)
	d.SetItem(nil, Int(10), Int(10)) // appended past the dead range
	pop(10)
	pop(2)
	d.DelItem(nil, Int(0))
	pop(1)
	if _, _, ok := d.PopItem(nil); ok || d.Len() != 0 {
		t.Fatalf("popitem of an empty dict: ok %v, len %d", ok, d.Len())
	}
	d.SetItem(nil, Int(7), Int(7))
	pop(7)
}

// TestDictReaderNOfReplacedTable: a lock-free reader still on a table
// that a resize or a clear replaced reads the header's counts of the
// newer table; readerN keeps its scan inside the old table, whose entries
// past its own count were never written and read as deleted.
func TestDictReaderNOfReplacedTable(t *testing.T) {
	d := NewDictSize(20)
	for i := 0; i < 5; i++ {
		d.SetItem(nil, Int(i), Int(i))
	}
	old := d.tab.Load()
	if n := d.readerN(old); n != 5 || len(old.entries) <= 5 {
		t.Fatalf("current table: readerN %d of %d entries, want 5 of more", n, len(old.entries))
	}
	d.Clear()
	if d.readerN(old) != 0 || d.Len() != 0 {
		t.Errorf("cleared: readerN %d, len %d", d.readerN(old), d.Len())
	}
	for i := 0; i < 100; i++ { // a new table, resized several times
		d.SetItem(nil, Int(i), Int(i))
	}
	n := d.readerN(old)
	if n != len(old.entries) {
		t.Fatalf("readerN %d, want the old table's %d entries", n, len(old.entries))
	}
	for i := 0; i < n; i++ {
		_, kd := old.entries[i].key.load()
		if (kd != nil) != (i < 5) {
			t.Errorf("old table's entry %d: key data %v", i, kd)
		}
	}
	if got := d.readerN(d.tab.Load()); got != 100 {
		t.Errorf("new table: readerN %d, want 100", got)
	}
}

// A small dict and its table share one allocation whose size class
// (384 bytes) starts its objects at multiples of 64, so the header keeps
// its cache line to itself; 352, the class below, would not.
func TestSmallDictLayout(t *testing.T) {
	if n := unsafe.Sizeof(smallDict{}); n <= 352 || n > 384 {
		t.Fatalf("smallDict is %d bytes: not in the 384-byte size class", n)
	}
	if unsafe.Sizeof(Dict{}) != 64 {
		t.Fatalf("Dict header is %d bytes, not one cache line", unsafe.Sizeof(Dict{}))
	}
	finishTypes()
	d := NewDictSize(2)
	if d.tab.Load() != &(*smallDict)(unsafe.Pointer(d)).st.tab {
		t.Fatal("NewDictSize(2) did not use the combined allocation")
	}
	for i := 0; i < 20; i++ { // grows past the embedded table
		if err := d.SetItem(nil, Int(i), Int(i*i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 20; i++ {
		v, err := d.GetItem(nil, Int(i))
		if err != nil || v != Int(i*i) {
			t.Fatalf("d[%d] = %v, %v", i, v, err)
		}
	}
}
