package py

import (
	"math"
	"sync"
	"sync/atomic"
	"unsafe"

	c "freepy/interp/compile"
)

// Tuple is a Python tuple. Its items never change after construction, so
// it needs no lock.
type Tuple struct {
	items []Object
}

// Type returns tuple.
func (*Tuple) Type() *Type { return TupleType }

var emptyTuple = &Tuple{items: []Object{}}

// NewTuple makes a tuple of the given items (the slice is kept).
func NewTuple(items ...Object) *Tuple {
	if len(items) == 0 {
		return emptyTuple
	}
	return &Tuple{items: items}
}

// NewTupleN makes a tuple of n items, all nil, and returns it with its
// items for the caller to fill before anything else can see the tuple.
// A tuple of up to four items takes one allocation instead of two.
func NewTupleN(n int) (*Tuple, []Object) {
	switch n {
	case 0:
		return emptyTuple, nil
	case 1:
		p := &struct {
			t Tuple
			a [1]Object
		}{}
		p.t.items = p.a[:]
		return &p.t, p.t.items
	case 2:
		p := &struct {
			t Tuple
			a [2]Object
		}{}
		p.t.items = p.a[:]
		return &p.t, p.t.items
	case 3:
		p := &struct {
			t Tuple
			a [3]Object
		}{}
		p.t.items = p.a[:]
		return &p.t, p.t.items
	case 4:
		p := &struct {
			t Tuple
			a [4]Object
		}{}
		p.t.items = p.a[:]
		return &p.t, p.t.items
	}
	items := make([]Object, n)
	return &Tuple{items: items}, items
}

// tupleFromStack is BUILD_TUPLE: a tuple of the values in vs (the top of
// a frame's value stack), in one allocation up to four items
// (NewTupleN), with vs cleared. Out of execute so that the loop's code
// stays small; the element-by-element moves avoid copy's and clear's
// bulk write barriers for the few items a tuple display has.
func tupleFromStack(vs []Object) *Tuple {
	tup, items := NewTupleN(len(vs))
	items = items[:len(vs)]
	for i, v := range vs {
		items[i] = v
	}
	for i := 0; i < len(vs); i++ {
		vs[i] = nil
	}
	return tup
}

// Items returns the tuple's items (do not modify).
func (t *Tuple) Items() []Object { return t.items }

// Len returns the number of items.
func (t *Tuple) Len() int { return len(t.items) }

// List is a Python list.
//
// Concurrency (docs/threading.md): writers take mu, so each mutation is
// atomic. Readers of items (l[i], iteration, len, copies) take no lock and
// write no shared memory: like Dict, they read optimistically and validate
// with seq, an even/odd sequence counter, falling back to mu when writers
// keep interfering. For that, every word a reader can look at is read and
// written atomically:
//
//   - readers find the items through arr, acap and n (the array, its
//     capacity and the length), never through the items slice header,
//     which only writers touch;
//   - an array, once published, is written only with atomic word stores
//     (objSlot): setting an item, appending within its capacity, clearing
//     popped items. Everything that moves items (insert, delete, slices,
//     sort, reverse, growth) builds a new array and publishes it; readers
//     still on the old one read a consistent older list;
//   - an item replaced by one of the same type changes only its data word;
//     a change of both words, and publishing a new array, happen while seq
//     is odd. Shrinking clears the data words of the dropped items (a
//     reader seeing a nil data word retries) and then advances seq by two,
//     so that no reader which saw the old length trusts a later reuse of
//     those slots.
type List struct {
	mu sync.Mutex
	// items is the writers' view, used with mu held.
	items []Object
	seq   atomic.Uint64
	arr   unsafe.Pointer // readers' view: &items[:cap][0] (atomic)
	acap  int64          // cap(items) (atomic)
	n     int64          // len(items) (atomic)
	// cref is the list's C mirror (package capi), nil if none.
	cref atomic.Pointer[byte]
}

// Type returns list.
func (*List) Type() *Type { return ListType }

// NewList makes a list holding items (the slice is kept).
func NewList(items ...Object) *List {
	l := &List{}
	l.initItems(items)
	return l
}

// initItems sets the contents of a list no other thread can see yet (one
// just allocated, perhaps inside a larger block): the writers' slice and
// the readers' view together.
func (l *List) initItems(items []Object) {
	l.items = items
	l.arr = unsafe.Pointer(unsafe.SliceData(items))
	l.acap = int64(cap(items))
	l.n = int64(len(items))
}

// publish makes items, a new array no reader has seen, the list's
// contents. Called with mu held.
func (l *List) publish(items []Object) {
	l.seq.Add(1)
	l.items = items
	atomic.StorePointer(&l.arr, unsafe.Pointer(unsafe.SliceData(items)))
	atomic.StoreInt64(&l.acap, int64(cap(items)))
	atomic.StoreInt64(&l.n, int64(len(items)))
	l.seq.Add(1)
}

// replace publishes a fresh copy of items. Called with mu held; items may
// share the current array (it is copied first).
func (l *List) replace(items []Object) {
	if len(items) == 0 {
		l.publish(nil)
		return
	}
	l.publish(append(make([]Object, 0, len(items)+len(items)/8), items...))
}

// slotAt is item i of the published array as an objSlot.
func (l *List) slotAt(i int) *objSlot {
	return (*objSlot)(unsafe.Pointer(&l.items[:i+1][i]))
}

// setAt replaces item i (0 <= i < len). Called with mu held.
func (l *List) setAt(i int, v Object) {
	s := l.slotAt(i)
	typ, data := objWords(v)
	if atomic.LoadPointer(&s.typ) == typ {
		atomic.StorePointer(&s.data, data)
		l.mirrorBump()
		return
	}
	l.seq.Add(1)
	s.store(v)
	l.seq.Add(1)
}

// storeIndex is l[i] = v for an int i, negative counting from the end
// of the list; it reports false, having stored nothing, when i is out of
// range. It is setAt with the lock, the index check and the same-type
// case written out in one frame: the store of `c[k] op= v` in float
// loops (bench/nbody.py stores 75 items per step), where the calls
// through SetItemAt-like helpers cost more instructions than the store.
func (l *List) storeIndex(i int64, v Object) bool {
	typ, data := objWords(v)
	l.mu.Lock()
	items := l.items
	if i < 0 {
		i += int64(len(items))
	}
	if uint64(i) >= uint64(len(items)) {
		l.mu.Unlock()
		return false
	}
	s := (*objSlot)(unsafe.Pointer(&items[i]))
	// the type word is written only with mu held: a plain read is safe
	if s.typ == typ && l.cref.Load() == nil {
		atomic.StorePointer(&s.data, data)
	} else {
		l.setAt(int(i), v)
	}
	l.mu.Unlock()
	return true
}

// augFloat is l[i] = l[i] op v for a float item and a fusable operator
// (fusedFloat), i negative counting from the end: read, computed and
// stored with the lock held once, where a lock-free read and a locked
// store would pay twice. It reports false, having changed nothing, when
// i is out of range, the item is not a float or the list has a C mirror
// (whose sequence counter storeIndex keeps).
func (l *List) augFloat(t *Thread, i int64, v Float, op c.BinaryOp) bool {
	// the result's box, taken before the lock so that a new chunk is
	// never allocated with the lock held; unused if this fails (a slot
	// of the thread's chunk is lost, nothing else)
	p := t.freeSlot()
	if p == nil {
		p = t.boxSlot()
	}
	l.mu.Lock()
	items := l.items
	if i < 0 {
		i += int64(len(items))
	}
	if uint64(i) >= uint64(len(items)) || l.cref.Load() != nil {
		l.mu.Unlock()
		return false
	}
	s := (*objSlot)(unsafe.Pointer(&items[i]))
	// both words are written only with mu held: plain reads are safe
	if s.typ != floatItab {
		l.mu.Unlock()
		return false
	}
	*p = math.Float64bits(float64(fusedFloat(Float(*(*float64)(s.data)), v, op)))
	// same type: only the data word changes (see List)
	atomic.StorePointer(&s.data, unsafe.Pointer(p))
	l.mu.Unlock()
	return true
}

// push appends vs. Called with mu held.
func (l *List) push(vs ...Object) {
	n := len(l.items)
	if n+len(vs) > cap(l.items) {
		grown := append(l.items[:n:n], vs...)
		l.publish(grown)
		return
	}
	l.items = l.items[:n+len(vs)]
	for i, v := range vs {
		// these slots may still be read by a reader that saw the list
		// longer before a pop: atomic stores, and seq moved on at the pop
		l.slotAt(n + i).store(v)
	}
	atomic.StoreInt64(&l.n, int64(n+len(vs)))
	l.mirrorBump()
}

// mirrorBump advances seq after a mutation that readers need not notice
// (a same-type replacement, an append within the capacity), when the
// list has a C mirror: then seq changes with every mutation, and package
// capi reuses an unchanged list's mirror without comparing its items
// (MirrorSeq). The mirror is loaded after the mutation's stores, and capi
// sets it before it first reads seq, so a mutation that finds no mirror
// happened before any snapshot capi trusts. Called with mu held.
func (l *List) mirrorBump() {
	if l.cref.Load() != nil {
		l.seq.Add(2)
	}
}

// MirrorSeq is the list's sequence counter for package capi: once the
// list has a C mirror, every mutation changes it, and it is odd while a
// mutation is half done.
func (l *List) MirrorSeq() uint64 { return l.seq.Load() }

// truncate drops the items from n on. Called with mu held.
func (l *List) truncate(n int) {
	old := len(l.items)
	if n >= old {
		return
	}
	for i := n; i < old; i++ {
		l.slotAt(i).kill()
	}
	l.items = l.items[:n]
	atomic.StoreInt64(&l.n, int64(n))
	l.seq.Add(2)
}

// appendUnshared appends to a list no other thread can reach yet (the
// list a comprehension builds): plain stores, no lock.
func (l *List) appendUnshared(v Object) {
	if n := len(l.items); n < cap(l.items) {
		// room left: the array and its capacity stay as published,
		// only the length moves
		l.items = l.items[:n+1]
		l.items[n] = v
		l.n = int64(n + 1)
		return
	}
	if cap(l.items) == 0 {
		// room for 4 at the first append, as CPython's list_resize
		// gives: Go's append would grow 1, 2, 4, 8, four allocations
		// for the five items of a small comprehension
		l.items = make([]Object, 0, 4)
	}
	l.items = append(l.items, v)
	l.arr = unsafe.Pointer(unsafe.SliceData(l.items))
	l.acap = int64(cap(l.items))
	l.n = int64(len(l.items))
}

// loadAt reads item i without the lock; ok is false when i is out of
// range.
func (l *List) loadAt(i int) (v Object, ok bool) {
	if i < 0 {
		return nil, false
	}
	return l.loadIndex(i)
}

// loadIndex is l[i] for an int i, negative counting from the end of the
// list as it is at the moment of the read. Its first attempt is small
// enough to inline into its callers (subscrFast, the fused `c[k] op= v`
// read of nbody-like loops); retries and the locked read are in
// loadIndexSlow.
func (l *List) loadIndex(i int) (v Object, ok bool) {
	s := l.seq.Load()
	n := atomic.LoadInt64(&l.n)
	arr := atomic.LoadPointer(&l.arr)
	c := atomic.LoadInt64(&l.acap)
	j := int64(i)
	if j < 0 {
		j += n
	}
	// arr, n and c belong together only if seq was even and did not move
	// while they were read: checked before arr is indexed
	if s&1 == 0 && uint64(j) < uint64(n) && n <= c && l.seq.Load() == s {
		typ, data := (*objSlot)(unsafe.Add(arr, uintptr(j)*unsafe.Sizeof(objSlot{}))).load()
		if data != nil && l.seq.Load() == s {
			return objFromWords(typ, data), true
		}
	}
	return l.loadIndexSlow(i)
}

// loadIndexSlow is loadIndex after a first attempt that a writer
// disturbed, or for an index out of range.
func (l *List) loadIndexSlow(i int) (v Object, ok bool) {
	for try := 0; try < optimisticTries; try++ {
		s := l.seq.Load()
		if s&1 != 0 {
			continue
		}
		n := atomic.LoadInt64(&l.n)
		i := i
		if i < 0 {
			i += int(n)
		}
		if i < 0 || int64(i) >= n {
			if l.seq.Load() == s {
				return nil, false
			}
			continue
		}
		arr := atomic.LoadPointer(&l.arr)
		c := atomic.LoadInt64(&l.acap)
		if l.seq.Load() != s || int64(i) >= c {
			continue // arr and acap may not belong together
		}
		typ, data := unsafe.Slice((*objSlot)(arr), c)[i].load()
		if data == nil || l.seq.Load() != s {
			continue
		}
		return objFromWords(typ, data), true
	}
	l.mu.Lock()
	if i < 0 {
		i += len(l.items)
	}
	if i >= 0 && i < len(l.items) {
		v, ok = l.items[i], true
	}
	l.mu.Unlock()
	return v, ok
}

// maxUnpackLocals is the most items loadExact and unpackToLocals take.
const maxUnpackLocals = 8

// readExact reads the items' words into words (the caller's, on its Go
// stack) if the list has exactly len(words) of them, without the lock,
// validated by seq as loadIndex is. It reports false when the length
// differs or writers kept interfering; words may then hold anything.
func (l *List) readExact(words []objSlot) bool {
	for try := 0; try < optimisticTries; try++ {
		s := l.seq.Load()
		n := atomic.LoadInt64(&l.n)
		arr := atomic.LoadPointer(&l.arr)
		acap := atomic.LoadInt64(&l.acap)
		if s&1 != 0 || l.seq.Load() != s {
			continue
		}
		if n != int64(len(words)) || n > acap {
			return false
		}
		ok := true
		for i := range words {
			typ, data := (*objSlot)(unsafe.Add(arr, uintptr(i)*unsafe.Sizeof(objSlot{}))).load()
			ok = ok && data != nil
			words[i] = objSlot{typ, data}
		}
		if ok && l.seq.Load() == s {
			return true
		}
	}
	return false
}

// loadExact copies the items into dst if the list has exactly len(dst)
// of them (at most maxUnpackLocals), read as readExact does
// (UNPACK_SEQUENCE of a list); when it reports false, dst is untouched.
func (l *List) loadExact(dst []Object) bool {
	var words [maxUnpackLocals]objSlot
	if len(dst) > len(words) || !l.readExact(words[:len(dst)]) {
		return false
	}
	for i := range dst {
		dst[i] = objFromWords(words[i].typ, words[i].data)
	}
	return true
}

// unpackToLocals is `a, b, c = l` for a list of exactly len(stores)
// items (at most maxUnpackLocals), read as readExact does: item i goes
// into the local named by STORE_FAST stores[i]. It reports false, having
// stored nothing, when the list does not fit or writers kept interfering.
func (l *List) unpackToLocals(fast []Object, stores []c.Instr) bool {
	var words [maxUnpackLocals]objSlot
	if len(stores) > len(words) || !l.readExact(words[:len(stores)]) {
		return false
	}
	for i, in := range stores {
		fast[in>>8] = objFromWords(words[i].typ, words[i].data)
	}
	return true
}

// snapshot returns a copy of the items (safe to use without the lock).
func (l *List) snapshot() []Object { return l.snapshotTo(nil) }

// snapshotTo is snapshot appending the copy to dst[:0], so that a caller
// can take a short list's items into a buffer on its stack (str.join)
// instead of allocating a copy per call.
func (l *List) snapshotTo(dst []Object) []Object {
	for try := 0; try < optimisticTries; try++ {
		s := l.seq.Load()
		if s&1 != 0 {
			continue
		}
		n := atomic.LoadInt64(&l.n)
		arr := atomic.LoadPointer(&l.arr)
		c := atomic.LoadInt64(&l.acap)
		if l.seq.Load() != s || n > c {
			continue
		}
		var out []Object
		if dst != nil && int64(cap(dst)) >= n {
			out = dst[:n]
		} else {
			out = make([]Object, n)
		}
		if n > 0 {
			ok := true
			slots := unsafe.Slice((*objSlot)(arr), c)[:n]
			for i := range slots {
				typ, data := slots[i].load()
				if data == nil {
					ok = false
					break
				}
				// a pair torn by a writer is dropped with out below
				out[i] = objFromWords(typ, data)
			}
			if !ok {
				continue
			}
		}
		if l.seq.Load() == s {
			return out
		}
	}
	l.mu.Lock()
	var out []Object
	if dst != nil && cap(dst) >= len(l.items) {
		out = dst[:len(l.items)]
	} else {
		out = make([]Object, len(l.items))
	}
	copy(out, l.items)
	l.mu.Unlock()
	return out
}

// Items is a snapshot of the items.
func (l *List) Items() []Object { return l.snapshot() }

// Len returns the number of items.
func (l *List) Len() int { return int(atomic.LoadInt64(&l.n)) }

// Append adds v at the end.
func (l *List) Append(v Object) {
	l.mu.Lock()
	if n := len(l.items); n < cap(l.items) {
		// room left: push's work for one item, without its variadic
		// slice and loop (lst.append(x) in a loop spends most of its
		// time here)
		l.items = l.items[:n+1]
		l.slotAt(n).store(v)
		atomic.StoreInt64(&l.n, int64(n+1))
		l.mirrorBump()
	} else {
		l.push(v)
	}
	l.mu.Unlock()
}

// Insert puts v before item i (clamped to the list, as list.insert).
func (l *List) Insert(i int, v Object) {
	l.mu.Lock()
	l.insertLocked(i, v)
	l.mu.Unlock()
}

// insertLocked is Insert with mu held: a new array, readers may be on the
// old one.
func (l *List) insertLocked(i int, v Object) {
	n := len(l.items)
	i = max(0, min(i, n))
	items := make([]Object, n+1, n+1+(n+1)/8)
	copy(items, l.items[:i])
	items[i] = v
	copy(items[i+1:], l.items[i:])
	l.publish(items)
}

// deleteLocked removes items [i, j) with mu held: a new array.
func (l *List) deleteLocked(i, j int) {
	n := len(l.items)
	if j >= n {
		l.truncate(i)
		return
	}
	items := make([]Object, 0, n-(j-i))
	items = append(append(items, l.items[:i]...), l.items[j:]...)
	l.publish(items)
}

// At returns item i (0 <= i < Len) or nil when out of range.
func (l *List) At(i int) Object {
	v, _ := l.loadAt(i)
	return v
}

// SetItemAt replaces item i (0 <= i < Len); it reports false when out of
// range.
func (l *List) SetItemAt(i int, v Object) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i < 0 || i >= len(l.items) {
		return false
	}
	l.setAt(i, v)
	return true
}
