package py

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	c "freepy/interp/compile"
)

// These tests hammer one dict and one list from goroutines that read
// without locks (Dict and List read optimistically) while others write
// them: replacing values by values of the same and of other types,
// deleting, re-inserting, growing, clearing, moving items. Every value a
// reader gets must be one that was really stored for that key (or at some
// position of the list); a torn interface (the type of one value with the
// data of another) would fail these checks or crash. Run with -race.

const stressKeys = 64

// dictValueFor makes a value that names its key k, of one of three types
// chosen by x, so that replacing it changes the type word about half the
// time.
func dictValueFor(k, x int) Object {
	switch x % 3 {
	case 0:
		return Int(k*1_000_000 + x%1_000_000)
	case 1:
		return NewStr(fmt.Sprintf("v%d_%d", k, x))
	}
	return NewTuple(Int(k), Int(x))
}

// checkDictValue reports why v cannot have been stored for key k.
func checkDictValue(k int, v Object) string {
	switch x := v.(type) {
	case Int:
		if int(x)/1_000_000 != k {
			return fmt.Sprintf("int %d stored for key %d", int64(x), k)
		}
	case *Str:
		if !strings.HasPrefix(x.s, fmt.Sprintf("v%d_", k)) {
			return fmt.Sprintf("str %.40q stored for key %d", x.s, k)
		}
	case *Tuple:
		if len(x.items) != 2 || x.items[0] != Int(k) {
			return fmt.Sprintf("tuple of %d items stored for key %d", len(x.items), k)
		}
	default:
		return fmt.Sprintf("a %T stored for key %d", v, k)
	}
	return ""
}

func TestDictLockFreeReadersStress(t *testing.T) {
	finishTypes()
	d := NewDict()
	strKeys := make([]*Str, stressKeys)
	for k := range strKeys {
		strKeys[k] = Intern(fmt.Sprintf("k%d", k))
	}
	var stop atomic.Bool
	var failed atomic.Value
	fail := func(msg string) {
		failed.CompareAndSwap(nil, msg)
		stop.Store(true)
	}
	var wg sync.WaitGroup
	// writers: str keys and int keys, all kinds of mutation
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for x := w; !stop.Load(); x += 2 {
				k := x % stressKeys
				switch x % 11 {
				case 0, 1, 2, 3:
					d.SetItem(nil, strKeys[k], dictValueFor(k, x))
				case 4, 5:
					d.SetItem(nil, Int(k), dictValueFor(k, x))
				case 6:
					d.DelItem(nil, strKeys[k])
				case 7:
					d.DelItem(nil, Int(k))
				case 8:
					// grow the table: a resize under the readers
					for j := 0; j < 40; j++ {
						d.SetItem(nil, Int(stressKeys+x%5000+j), Int((stressKeys+x%5000+j)*1_000_000))
					}
				case 9:
					if x%97 == 9 {
						d.Clear()
					} else {
						d.SetDefault(nil, strKeys[k], dictValueFor(k, x))
					}
				case 10:
					if _, _, ok := d.PopItem(nil); !ok {
						d.SetItem(nil, strKeys[k], dictValueFor(k, x))
					}
				}
			}
		}(w)
	}
	// readers
	var hints [stressKeys]atomic.Int32
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			th := &Thread{}
			for x := r; !stop.Load(); x++ {
				k := x % stressKeys
				switch x % 5 {
				case 0:
					if v := d.getStr(strKeys[k]); v != nil {
						if msg := checkDictValue(k, v); msg != "" {
							fail("getStr: " + msg)
						}
					}
				case 1:
					// the readers share one hint per key, as threads
					// running one LOAD_ATTR share its cache entry
					if v := d.getStrHint(strKeys[k], &hints[k]); v != nil {
						if msg := checkDictValue(k, v); msg != "" {
							fail("getStrHint: " + msg)
						}
					}
				case 2:
					v, err := d.GetItem(th, Int(k))
					if err != nil {
						fail(err.Error())
					} else if v != nil {
						if msg := checkDictValue(k, v); msg != "" {
							fail("GetItem: " + msg)
						}
					}
				case 3:
					for _, e := range d.Items() {
						if msg := checkEntry(e.key, e.value); msg != "" {
							fail("Items: " + msg)
						}
					}
					if n := d.Len(); n < 0 {
						fail(fmt.Sprintf("Len = %d", n))
					}
				case 4:
					it := newDictIter(d, 2)
					for i := 0; i < 50; i++ {
						item, err := it.nextEntry()
						if err != nil || item == nil {
							break // changed size or keys: allowed
						}
						kv := item.(*Tuple).items
						if msg := checkEntry(kv[0], kv[1]); msg != "" {
							fail("iteration: " + msg)
						}
					}
				}
			}
		}(r)
	}
	time.Sleep(stressDuration())
	stop.Store(true)
	wg.Wait()
	if msg := failed.Load(); msg != nil {
		t.Fatal(msg)
	}
}

// checkEntry checks an item of the stressed dict: "kN" or N for small N
// map to values naming N; larger int keys to N*1e6.
func checkEntry(key, v Object) string {
	switch k := key.(type) {
	case *Str:
		n, err := strconv.Atoi(strings.TrimPrefix(k.s, "k"))
		if err != nil {
			return fmt.Sprintf("key %q", k.s)
		}
		return checkDictValue(n, v)
	case Int:
		if int(k) >= stressKeys {
			if v != Int(int(k)*1_000_000) {
				return fmt.Sprintf("key %d holds %v", int64(k), v)
			}
			return ""
		}
		return checkDictValue(int(k), v)
	}
	return fmt.Sprintf("key of type %T", key)
}

func stressDuration() time.Duration {
	if testing.Short() {
		return 200 * time.Millisecond
	}
	return time.Second
}

// listValue is item x of the stressed list: an int or a str, so that
// replacing an item often changes its type word.
func listValue(x int) Object {
	if x%2 == 0 {
		return Int(x)
	}
	return NewStr("s" + strconv.Itoa(x))
}

func checkListValue(v Object) string {
	switch x := v.(type) {
	case Int:
		if x < 0 || x%2 != 0 {
			return fmt.Sprintf("int %d was never stored", int64(x))
		}
	case *Str:
		n, err := strconv.Atoi(strings.TrimPrefix(x.s, "s"))
		if err != nil || n%2 != 1 {
			return fmt.Sprintf("str %.40q was never stored", x.s)
		}
	default:
		return fmt.Sprintf("a %T was never stored", v)
	}
	return ""
}

func TestListLockFreeReadersStress(t *testing.T) {
	finishTypes()
	l := NewList()
	for i := 0; i < 100; i++ {
		l.Append(listValue(i))
	}
	var stop atomic.Bool
	var failed atomic.Value
	fail := func(msg string) {
		failed.CompareAndSwap(nil, msg)
		stop.Store(true)
	}
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for x := w; !stop.Load(); x += 2 {
				n := l.Len()
				switch x % 10 {
				case 0, 1:
					l.Append(listValue(x))
				case 2:
					l.mu.Lock()
					if len(l.items) > 0 {
						l.truncate(len(l.items) - 1) // pop()
					}
					l.mu.Unlock()
				case 3, 4:
					if n > 0 {
						l.SetItemAt(x%n, listValue(x))
					}
				case 5:
					l.Insert(x%(n+1), listValue(x))
				case 6:
					l.mu.Lock()
					if len(l.items) > 1 {
						l.deleteLocked(0, 1) // del l[0]
					}
					l.mu.Unlock()
				case 7:
					l.mu.Lock()
					rev := make([]Object, len(l.items))
					for i, v := range l.items {
						rev[len(rev)-1-i] = v
					}
					l.publish(rev) // reverse()
					l.mu.Unlock()
				case 8:
					l.mu.Lock()
					l.push(listValue(x), listValue(x+1), listValue(x+2)) // extend
					l.mu.Unlock()
				case 9:
					if n > 400 {
						l.mu.Lock()
						l.truncate(50)
						l.mu.Unlock()
					}
				}
			}
		}(w)
	}
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for x := r; !stop.Load(); x++ {
				switch x % 4 {
				case 0, 1:
					if v, ok := l.loadIndex(x%300 - 150); ok {
						if msg := checkListValue(v); msg != "" {
							fail("l[i]: " + msg)
						}
					}
				case 2:
					for _, v := range l.snapshot() {
						if msg := checkListValue(v); msg != "" {
							fail("snapshot: " + msg)
						}
					}
				case 3:
					it := &listIter{l: l}
					for i := 0; i < 100; i++ {
						v := it.nextItem()
						if v == nil {
							break
						}
						if msg := checkListValue(v); msg != "" {
							fail("iteration: " + msg)
						}
					}
				}
			}
		}(r)
	}
	time.Sleep(stressDuration())
	stop.Store(true)
	wg.Wait()
	if msg := failed.Load(); msg != nil {
		t.Fatal(msg)
	}
}

// TestDictTornValueStress focuses on the one two-word change readers must
// never see half done: one key whose value keeps changing type, and one
// reader of it.
func TestDictTornValueStress(t *testing.T) {
	finishTypes()
	d := NewDict()
	key := Intern("k7")
	d.SetItem(nil, key, dictValueFor(7, 0))
	l := NewList(listValue(0))
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for x := 0; !stop.Load(); x++ {
			d.SetItem(nil, key, dictValueFor(7, x))
			l.SetItemAt(0, listValue(x))
		}
	}()
	var msg string
	deadline := time.Now().Add(stressDuration())
	for n := 0; msg == "" && (n&1023 != 0 || time.Now().Before(deadline)); n++ {
		if v := d.getStr(key); v == nil {
			msg = "key vanished"
		} else {
			msg = checkDictValue(7, v)
		}
		if v, ok := l.loadAt(0); !ok {
			msg = "item vanished"
		} else if m := checkListValue(v); m != "" {
			msg = m
		}
	}
	stop.Store(true)
	wg.Wait()
	if msg != "" {
		t.Fatal(msg)
	}
}

// TestListLoadExactStress checks loadExact and unpackToLocals
// (UNPACK_SEQUENCE of a list without the lock) against writers: on list a, every mutation publishes
// a whole array of three equal ints or changes the length, so a read
// that succeeds must see three equal items; on list b, items are replaced
// in place, often by a value of another type, so a read must never see a
// torn item.
func TestListLoadExactStress(t *testing.T) {
	finishTypes()
	a := NewList(Int(0), Int(0), Int(0))
	b := NewList(listValue(0), listValue(1), listValue(2))
	var stop atomic.Bool
	var failed atomic.Value
	fail := func(msg string) {
		failed.CompareAndSwap(nil, msg)
		stop.Store(true)
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for x := 1; !stop.Load(); x++ {
			a.mu.Lock()
			if x%3 == 0 {
				a.push(Int(x)) // len 4: readers must not succeed
				a.truncate(3)
			} else {
				a.replace([]Object{Int(x), Int(x), Int(x)})
			}
			a.mu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		for x := 3; !stop.Load(); x++ {
			b.SetItemAt(x%3, listValue(x))
		}
	}()
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]Object, 3)
			for x := 0; !stop.Load(); x++ {
				if x%8 == 0 && a.loadExact(buf) && (buf[0] != buf[1] || buf[1] != buf[2]) {
					fail(fmt.Sprintf("list a read as %v: never stored", buf))
				}
				clear(buf)
				if b.loadExact(buf) {
					for _, v := range buf {
						if msg := checkListValue(v); msg != "" {
							fail("list b: " + msg)
						}
					}
				} else {
					for _, v := range buf {
						if v != nil {
							fail("a failed loadExact wrote to its buffer")
						}
					}
				}
				// the same through unpackToLocals: items 0, 1, 2 into
				// locals 2, 0, 1
				fast := make([]Object, 3)
				if b.unpackToLocals(fast, []c.Instr{2 << 8, 0 << 8, 1 << 8}) {
					for _, v := range fast {
						if msg := checkListValue(v); msg != "" {
							fail("list b, unpackToLocals: " + msg)
						}
					}
				} else if fast[0] != nil || fast[1] != nil || fast[2] != nil {
					fail("a failed unpackToLocals stored a local")
				}
				if x%8 == 0 && a.loadExact(buf[:2]) {
					fail("a list of 3 read as 2 items")
				}
			}
		}()
	}
	time.Sleep(stressDuration())
	stop.Store(true)
	wg.Wait()
	if msg := failed.Load(); msg != nil {
		t.Fatal(msg)
	}
}

// TestListAugFloatStress runs the fused `c[k] op= v` of float lists
// (List.augFloat: read, compute and store under the lock once) and
// storeIndex against writers that publish new arrays, append and
// truncate, and change item types, with lock-free readers. augFloat is
// a locked read-modify-write, so no increment may be lost, and a reader
// must only ever see whole floats at index 0.
func TestListAugFloatStress(t *testing.T) {
	finishTypes()
	l := NewList(Float(0), Float(0.5), Int(1))
	var stop atomic.Bool
	var failed atomic.Value
	fail := func(msg string) {
		failed.CompareAndSwap(nil, msg)
		stop.Store(true)
	}
	var adds [2]int
	var wg sync.WaitGroup
	for w := range adds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			th := &Thread{}
			for !stop.Load() {
				if !l.augFloat(th, 0, 1, c.OpAdd) {
					fail("augFloat refused item 0, a float in range")
					return
				}
				adds[w]++
				// index 2 changes type (int/float): augFloat must
				// refuse the int and apply to the float
				if l.augFloat(th, -1, 2, c.OpMultiply) {
					if v, _ := l.loadIndex(2); v == nil {
						fail("item 2 vanished")
					}
				}
			}
		}()
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		for x := 0; !stop.Load(); x++ {
			l.mu.Lock()
			switch x % 3 {
			case 0:
				l.push(Float(x)) // then truncated: len 3 again
				l.truncate(3)
			case 1:
				l.replace(l.items) // a new array with the same items
			default:
				l.setAt(2, Int(x))
			}
			l.mu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		for x := 0; !stop.Load(); x++ {
			if !l.storeIndex(2, Float(x)) {
				fail("storeIndex refused index 2")
			}
			v, ok := l.loadIndex(0)
			if _, isFloat := v.(Float); !ok || !isFloat {
				fail(fmt.Sprintf("item 0 read as %#v", v))
			}
		}
	}()
	time.Sleep(stressDuration())
	stop.Store(true)
	wg.Wait()
	if msg := failed.Load(); msg != nil {
		t.Fatal(msg)
	}
	v, _ := l.loadIndex(0)
	if want := Float(adds[0] + adds[1]); v != want {
		t.Fatalf("item 0 is %v after %v increments: an update was lost", v, want)
	}
	if adds[0] == 0 || adds[1] == 0 {
		t.Fatalf("a writer never ran: %v", adds)
	}
}
