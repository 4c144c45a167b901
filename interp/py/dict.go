package py

import (
	"freepy/interp/prefetch"
	"math"
	"sync/atomic"
	"unsafe"
)

// Dict is a Python dict: an insertion-ordered hash table in CPython's
// "compact dict" shape (a dense entry array plus a sparse index).
//
// Concurrency (docs/threading.md): writers take mu, so each mutation is
// atomic with respect to other writers. Readers take no lock and write no
// shared memory: they read optimistically and validate with version, a
// sequence counter, falling back to mu only when writers keep getting in
// the way. That needs every word a reader looks at to be read and written
// atomically:
//
//   - the table (index and entries) sits behind one atomic pointer. A
//     table's geometry never changes: a resize builds a new table and
//     publishes it, and the old one is never written again. Entries are
//     appended, never reused within a table (deleted ones stay dead until
//     the next resize), so an entry is filled in before the index slot or
//     the entry count publishes it, and its hash never changes afterwards;
//   - keys and values are stored as their two interface words in an
//     objSlot, each word loaded and stored atomically. A data word of nil
//     marks a deleted entry (no Python value has one): a deletion clears
//     the key's and the value's data words, and a reader that sees either
//     treats the entry as gone;
//   - a value replaced by one of the same type changes only its data word,
//     so a reader sees the old or the new value whole. Replacing it by a
//     value of another type changes both words: that writer makes version
//     odd first and even again afterwards, and a reader that saw version
//     odd or changed throws its result away (a seqlock). Every other
//     mutation advances version by two when done (LOAD_GLOBAL caches
//     compare it too).
//
// Comparing keys may run Python code (__eq__); that is never done while mu
// is held: the lookup releases it, compares, and starts again if the dict
// changed meanwhile (as CPython does when a comparison mutates the dict).
// Optimistic readers compare without any lock and check version after.
type Dict struct {
	// mu orders writers (and readers that gave up on optimism).
	mu spinMutex
	// tab is the current table; nil for an empty dict that never held
	// anything (or was cleared).
	tab atomic.Pointer[dictTable]
	// version is even while no write is half done and advances on every
	// mutation: optimistic readers validate against it and LOAD_GLOBAL
	// caches compare it. It is per dict, so that threads writing different
	// dicts never share a cache line.
	version atomic.Uint64
	// counts is the number of entries of the current table handed out
	// (entries[:n], live or dead) in the high 32 bits and of live entries
	// in the low 32: one word, so that an insertion publishes both with
	// one store; 0 while tab is nil. It sits on the lock's cache line,
	// not in the table, because every insertion writes it: two threads
	// inserting into one dict then move one line per insertion for the
	// lock, the version and the counts, not two. Written with mu held
	// (atomically, except by setUnshared); lock-free readers bound their
	// scans of a table with readerN.
	counts uint64

	typ  *Type // nil for dict; set for instances of dict subclasses
	idct *Dict // __dict__ of an instance of a dict subclass

	// cref is the dict's C mirror (package capi), nil if none.
	cref atomic.Pointer[byte]

	// growing is set while one thread builds the next table outside mu
	// (growEarly).
	growing atomic.Bool
	// The header is one whole cache line (64 bytes, a size class of its
	// own, so 64-byte aligned): a dict that threads write (its lock,
	// version and counts) then never shares a line with other objects
	// that threads only read, such as another dict's header.
	_ [4]byte
}

// dictTable is one generation of a dict's storage. index and entries
// never change length.
type dictTable struct {
	index   []int32 // open addressing: -1 empty, -2 deleted, else entry index; read with atomic loads
	entries []dictSlot
	// The entries in [tail, tailEnd) are dead (writer only, with mu
	// held): popitem skips them instead of rescanning the dead entries
	// it left behind. Insertions do not write it, so that the table's
	// line stays shared in the caches of all the threads inserting.
	tail, tailEnd int32
	// faulted (writer only, with mu held) is the entry up to which a
	// big table's pages have been claimed for prefaulting (prefaultDue).
	faulted int
	// keyBits has bit hash&63 set for the hash of every key ever put in
	// the table (atomic once the table is published), set before the
	// entry is published: a clear bit proves that no key with that hash
	// is in it (lacksStr). A method call on an instance asks that of the
	// instance's dict for every call.
	keyBits uint64
}

// keyBit is the bit of keyBits for a key's hash.
func keyBit(hash int64) uint64 { return 1 << (uint64(hash) & 63) }

// dictSlot is an entry of a table. hash and key are written before the
// entry is published; afterwards only the key's data word changes, to nil
// (deletion).
type dictSlot struct {
	hash  int64
	key   objSlot
	value objSlot
}

// dictEntry is an item as Items returns it: a plain snapshot.
type dictEntry struct {
	hash  int64
	key   Object
	value Object
}

// objSlot holds an Object as its two interface words (type word, data
// word) so that lock-free readers can load each word atomically; a Go
// interface read while another thread writes it may be torn. Writers that
// fill in a slot no reader can reach yet use init (plain stores).
type objSlot struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

func objWords(o Object) (typ, data unsafe.Pointer) {
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&o))
	return w[0], w[1]
}

func objFromWords(typ, data unsafe.Pointer) Object {
	var o Object
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&o))
	w[0], w[1] = typ, data
	return o
}

// init fills a slot that no other thread can see yet.
func (s *objSlot) init(o Object) { s.typ, s.data = objWords(o) }

// get reads the slot with mu held; nil for a cleared slot.
func (s *objSlot) get() Object {
	data := atomic.LoadPointer(&s.data)
	if data == nil {
		return nil
	}
	return objFromWords(atomic.LoadPointer(&s.typ), data)
}

// load reads both words atomically, the type word first. A key slot is
// set once and later only its data word is cleared, so a key read with a
// non-nil data word is the real key; a value pair is only trustworthy
// once the owner's version has been validated.
func (s *objSlot) load() (typ, data unsafe.Pointer) {
	return atomic.LoadPointer(&s.typ), atomic.LoadPointer(&s.data)
}

// store replaces a published slot's value; the caller brackets it with an
// odd version when the type word changes.
func (s *objSlot) store(o Object) {
	typ, data := objWords(o)
	atomic.StorePointer(&s.typ, typ)
	atomic.StorePointer(&s.data, data)
}

// kill clears a published slot's data word (the type word points to no
// heap memory and holds nothing alive).
func (s *objSlot) kill() { atomic.StorePointer(&s.data, nil) }

const (
	ixEmpty   = -1
	ixDeleted = -2
)

// optimisticTries bounds the lock-free attempts of a read before it takes
// mu: each failed try means a writer changed the dict meanwhile.
const optimisticTries = 4

// smallDictTable is the smallest table (8 index slots, 5 entries) in one
// allocation instead of three: most dicts are small, and a dict built from
// a display or by C code pays for its table on every construction.
type smallDictTable struct {
	tab     dictTable
	index   [8]int32
	entries [8 * 2 / 3]dictSlot
}

// bigTableIndex is the index size from which an insertion prefetches
// the entry it fills and has upkeep checked: tables that big are few, and
// those of the dicts many threads insert into (the early growth starts at
// 4,096 entries).
const bigTableIndex = 1024

// bigAllocIndex is the index size (4 MB of index and entries) from which
// newDictTable tells the collector's pacer, through BigAlloc, before it
// allocates the table.
const bigAllocIndex = 1 << 17

// BigAlloc, set by the command (cmd/freepy/gcpace.go), is told the size of
// a large table about to be allocated, so that the allocation alone does
// not start a collection (docs/threading.md, "The collector and big
// tables"). It may be called from any thread.
var BigAlloc func(bytes uint64)

func newDictTable(size int) *dictTable {
	if size == 8 {
		return (&smallDictTable{}).init()
	}
	var tab *dictTable
	if size >= bigAllocIndex {
		if BigAlloc != nil {
			BigAlloc(uint64(size)*4 + uint64(size*2/3)*uint64(unsafe.Sizeof(dictSlot{})))
		}
		tab = &dictTable{index: make([]int32, size), entries: make([]dictSlot, size*2/3)}
		// before the index is filled in below and the entries
		// prefaulted (growEarly): both are then faulted in 2 MB at a time
		adviseHuge(unsafe.Pointer(&tab.index[0]), uintptr(size)*4)
		adviseHuge(unsafe.Pointer(&tab.entries[0]), uintptr(len(tab.entries))*unsafe.Sizeof(dictSlot{}))
	} else {
		tab = &dictTable{index: make([]int32, size), entries: make([]dictSlot, size*2/3)}
	}
	for i := range tab.index {
		tab.index[i] = ixEmpty
	}
	return tab
}

// NewDict makes an empty dict.
func NewDict() *Dict { return &Dict{} }

// init makes st an empty table and returns it.
func (st *smallDictTable) init() *dictTable {
	st.tab.index, st.tab.entries = st.index[:], st.entries[:]
	// one 32-byte copy rather than a loop of 8 stores: every dict
	// display and every dict a C extension returns comes through here
	st.index = emptySmallIndex
	return &st.tab
}

var emptySmallIndex = [8]int32{ixEmpty, ixEmpty, ixEmpty, ixEmpty, ixEmpty, ixEmpty, ixEmpty, ixEmpty}

// smallDict is a dict and its smallest table in one allocation (384
// bytes, a size class whose objects start at multiples of 64, so the
// header still has its cache line to itself): a dict display or a dict
// a C extension returned, of up to 5 items, costs one allocation instead
// of two. If such a dict grows, its first table's 304 bytes stay with it.
type smallDict struct {
	d  Dict
	st smallDictTable
}

// NewDictSize makes an empty dict with room for n items.
func NewDictSize(n int) *Dict {
	if n > 0 && tableSize(n) == 8 {
		sd := &smallDict{}
		sd.d.publishTable(sd.st.init(), 0)
		return &sd.d
	}
	d := &Dict{}
	if n > 0 {
		d.resize(n)
	}
	return d
}

// Type returns dict (or the subclass).
func (d *Dict) Type() *Type {
	if d.typ != nil {
		return d.typ
	}
	return DictType
}

// Version returns the mutation version (for caches).
func (d *Dict) Version() uint64 { return d.version.Load() }

// bump records a mutation that needed no odd phase (version += 2).
func (d *Dict) bump() { d.published(d.version.Add(2)) }

// beginWrite makes version odd: optimistic readers that overlap what
// follows will discard what they read. endWrite makes it even again.
func (d *Dict) beginWrite() { d.version.Add(1) }
func (d *Dict) endWrite()   { d.published(d.version.Add(1)) }

func (d *Dict) published(v uint64) {
	if p := d.cref.Load(); p != nil && DictMirrorVersion != nil {
		DictMirrorVersion(unsafe.Pointer(p), v)
	}
}

// DictMirrorVersion, set by package capi, publishes a dict's new version
// to its C mirror (PyDictObject.ma_version_tag): Cython's generated code
// caches module-global lookups and trusts them while that field is
// unchanged.
var DictMirrorVersion func(mirror unsafe.Pointer, version uint64)

// Len returns the number of items.
func (d *Dict) Len() int { return int(uint32(atomic.LoadUint64(&d.counts))) }

// n and used are the current table's counts. Called with mu held.
func (d *Dict) n() int    { return int(d.counts >> 32) }
func (d *Dict) used() int { return int(uint32(d.counts)) }

// readerN is how many entries of tab, a table loaded from d.tab without
// mu, a lock-free reader may look at. setTable stores a new table's
// counts before it publishes the table, so while tab is current the
// header holds its counts, and the entries below them are published. If
// tab was replaced meanwhile, the counts may be a newer table's; tab is
// then never written again, and its entries past its last count were
// never written at all (entries are filled in order and only by
// insertions, which advance the count): they read as deleted. Either way
// the reader validates what it read against version, which every table
// change advances.
func (d *Dict) readerN(tab *dictTable) int {
	return min(int(atomic.LoadUint64(&d.counts)>>32), len(tab.entries))
}

// setTable makes nt (nil: none), holding j entries, all live, the
// dict's table: its counts first, then the table (readerN says why).
// Called with mu held.
func (d *Dict) setTable(nt *dictTable, j int) {
	atomic.StoreUint64(&d.counts, packCounts(j, j))
	d.tab.Store(nt)
}

func packCounts(n, used int) uint64 { return uint64(n)<<32 | uint64(uint32(used)) }

// tableSize is the index size of a table with room for minUsed items.
func tableSize(minUsed int) int {
	size := 8
	for size*2 < minUsed*3 {
		size <<= 1
	}
	return size
}

// resize moves the live entries into a new table with room for minUsed
// items, and publishes it. Called with mu held. The old table is left as
// it was: readers still on it see a consistent (older) dict and notice the
// change through version or the table pointer.
func (d *Dict) resize(minUsed int) {
	nt := newDictTable(tableSize(minUsed))
	j := 0
	if old := d.tab.Load(); old != nil {
		j = nt.copyLive(old, 0, d.n(), 0)
	}
	d.publishTable(nt, j)
}

// copyLive copies the live entries among old.entries[from:to] into the
// unpublished table nt from its entry j on, and returns the next free
// entry of nt. The words are loaded atomically, so it may run without mu
// while writers change old; growEarly then checks that none of them
// touched entries it copied.
func (nt *dictTable) copyLive(old *dictTable, from, to, j int) int {
	mask := uint64(len(nt.index) - 1)
	bits := nt.keyBits
	for i := from; i < to; i++ {
		e := &old.entries[i]
		kt, kd := e.key.load()
		vt, vd := e.value.load()
		if kd == nil || vd == nil {
			continue // deleted
		}
		ne := &nt.entries[j]
		ne.hash = e.hash
		ne.key.typ, ne.key.data = kt, kd
		ne.value.typ, ne.value.data = vt, vd
		nt.index[nt.findEmptySlot(uint64(e.hash), mask)] = int32(j)
		bits |= keyBit(e.hash)
		j++
	}
	nt.keyBits = bits // nt is not published yet
	return j
}

// publishTable makes nt, holding j entries, the dict's table. Called with
// mu held.
func (d *Dict) publishTable(nt *dictTable, j int) {
	// the copy faulted in the pages of the entries it filled
	nt.faulted = max(nt.faulted, j)
	d.setTable(nt, j)
}

// growEarlyMin is the smallest table (in entries) that grows before it is
// full. Smaller tables are quick to copy under the lock.
const growEarlyMin = 1 << 12

// growEarly builds the next table of a large dict that is filling up,
// without holding mu, so that other threads keep inserting meanwhile. A
// dict of n items grows into a table 4 times as large and copies every
// entry; under mu, at 350,000 items that took 50 ms (allocating and
// faulting in 64 MB, filling the index, copying), while every other
// thread inserting into the dict waited: in bench/threads_shared_dict.py
// the growth steps of the shared results dict were about a seventh of
// the work, done by one thread at a time.
//
// One thread (the one that sets growing) allocates the table and copies
// the entries published so far with mu released, then takes mu, checks
// that nothing but appends happened meanwhile (every mutation advances
// version by two, and an append also advances the table's entry count
// by one), copies the entries appended since and publishes the table.
// If anything else changed an entry it copied, it copies everything
// again under mu, as resize does; if another thread resized first, it
// drops its table.
func (d *Dict) growEarly(tab *dictTable) {
	if !d.growing.CompareAndSwap(false, true) {
		return
	}
	defer d.growing.Store(false)
	// the items the table will hold when full: what appendLocked's
	// resize would size for
	c := atomic.LoadUint64(&d.counts) // only a size: tab may be gone already
	full := int(uint32(c)) + len(tab.entries) - int(c>>32)
	nt := newDictTable(tableSize(full*2 + 1))

	d.mu.Lock()
	if d.tab.Load() != tab {
		d.mu.Unlock()
		return
	}
	ver := d.version.Load()
	m := d.n()
	d.mu.Unlock()

	j := nt.copyLive(tab, 0, m, 0)
	nt.faulted = min(j+2*prefaultChunk, len(nt.entries))
	nt.prefault(j, nt.faulted, false)

	d.mu.Lock()
	defer d.mu.Unlock()
	if d.tab.Load() != tab {
		return
	}
	n := d.n()
	if d.version.Load()-ver == 2*uint64(n-m) {
		j = nt.copyLive(tab, m, n, j)
	} else {
		// an entry may have changed after it was copied: again, all
		// of it (and drop the references the first copy left behind)
		clear(nt.entries[:j])
		for i := range nt.index {
			nt.index[i] = ixEmpty
		}
		j = nt.copyLive(tab, 0, n, 0)
	}
	d.publishTable(nt, j)
	d.bump()
}

// prefault faults in the memory pages of entries[from:to] of a table
// (populate) without mu. A large table's memory comes untouched from the
// OS, and each page was otherwise faulted in by the first insertion into
// it, under the dict's lock: in bench/threads_shared_dict.py (two threads
// inserting into one dict) a fault of several microseconds outlasted the
// other thread's spinning about once per 500 inserts, and that thread
// then slept in the mutex and waited more than 100 microseconds to run
// again. growEarly prefaults the first two chunks past the entries it
// copied before it publishes the table, and inserting threads the later
// ones as the table fills (prefaultDue). Where the kernel cannot populate
// pages, an unpublished table's pages are touched with stores of zero
// (its entries past the copied ones are zero); a published one is left
// to fault as it fills, since such a store could race with an insertion.
func (nt *dictTable) prefault(from, to int, published bool) {
	if from >= to {
		return
	}
	size := unsafe.Sizeof(dictSlot{})
	if populate(unsafe.Pointer(&nt.entries[from]), uintptr(to-from)*size) || published {
		return
	}
	perPage := 4096 / int(size)
	for k := from; k < to; k += perPage {
		nt.entries[k].hash = 0
	}
}

// prefaultChunk is how many entries (2 MB, one transparent huge page)
// a thread prefaults at a time. A table keeps a chunk or more prefaulted
// ahead of its insertions.
const prefaultChunk = hugePageSize / int(unsafe.Sizeof(dictSlot{}))

// prefaultDue claims, with mu held after an insertion into a table of
// bigAllocIndex slots or more (smaller ones fault in less than a chunk),
// the next chunk of its entries to prefault once mu is released, when
// the prefaulted part is less than a chunk ahead of the insertions; to is
// 0 if nothing is due. Whichever thread's insertion crosses the mark does
// the chunk, so threads inserting into one dict share the page faults
// (and the kernel's zeroing of the pages) about evenly. growEarly used
// to prefault the new table up to where it grows again, three quarters
// of it, in the growing thread alone: in threads_shared_dict.py with two
// threads that thread finished 60-90 ms after the other, in a run of
// 450 ms, and a table that stops filling halfway (700,000 items in a
// table of 1,398,101) had a third of those pages faulted for nothing.
func (tab *dictTable) prefaultDue(n int) (due *dictTable, from, to int) {
	if len(tab.index) < bigAllocIndex || tab.faulted >= len(tab.entries) ||
		n+prefaultChunk <= tab.faulted {
		return nil, 0, 0
	}
	from = tab.faulted
	tab.faulted = min(from+prefaultChunk, len(tab.entries))
	return tab, from, tab.faulted
}

// needsEarlyGrowth reports whether tab, of counts c, is a large table a
// quarter or less from full, with few dead entries (a table with many
// would rather be compacted when full, as appendLocked does).
func (tab *dictTable) needsEarlyGrowth(c uint64) bool {
	ne := len(tab.entries)
	if ne < growEarlyMin {
		return false
	}
	n, used := int(c>>32), int(uint32(c))
	return n >= ne-ne/4 && used >= n-n/8
}

// findEmptySlot returns the first free index slot on hash's probe path.
// Called with mu held.
func (tab *dictTable) findEmptySlot(h, mask uint64) uint64 {
	i := h & mask
	perturb := h
	for tab.index[i] >= 0 {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return i
}

// slotOf returns the index slot that points at entry i. Called with mu
// held.
func (tab *dictTable) slotOf(i int) uint64 {
	mask := uint64(len(tab.index) - 1)
	h := uint64(tab.entries[i].hash)
	s := h & mask
	perturb := h
	for int(tab.index[s]) != i {
		perturb >>= 5
		s = (s*5 + perturb + 1) & mask
	}
	return s
}

// deleteLocked kills entry ix at index slot slot. Called with mu held.
// No odd phase: a reader sees the entry whole or with a nil data word,
// which it takes for "deleted".
func (d *Dict) deleteLocked(tab *dictTable, ix int, slot uint64) {
	e := &tab.entries[ix]
	atomic.StoreInt32(&tab.index[slot], ixDeleted)
	e.key.kill()
	e.value.kill()
	atomic.StoreUint64(&d.counts, d.counts-1) // used - 1
	d.bump()
}

// setValueLocked replaces a live entry's value. Called with mu held.
func (d *Dict) setValueLocked(e *dictSlot, v Object) {
	typ, data := objWords(v)
	if atomic.LoadPointer(&e.value.typ) == typ {
		// one word changes: a reader sees the old or the new value
		atomic.StorePointer(&e.value.data, data)
		d.bump()
		return
	}
	d.beginWrite()
	e.value.store(v)
	d.endWrite()
}

// fastEq compares keys whose equality needs no Python code. ok is false
// when it cannot decide.
func fastEq(a, b Object) (eq, ok bool) {
	switch x := a.(type) {
	case *Str:
		if y, isStr := b.(*Str); isStr {
			return x == y || x.s == y.s, true
		}
	case Int:
		switch y := b.(type) {
		case Int:
			return x == y, true
		case Bool:
			return int64(x) == boolToInt(y), true
		case Float:
			return float64(x) == float64(y), true
		}
	case Bool:
		switch y := b.(type) {
		case Bool:
			return x == y, true
		case Int:
			return boolToInt(x) == int64(y), true
		}
	case Float:
		switch y := b.(type) {
		case Float:
			// floats have no identity here: the same NaN bits stand for
			// "the same object", which containers treat as equal
			return x == y || x != x && math.Float64bits(float64(x)) == math.Float64bits(float64(y)), true
		case Int:
			return float64(x) == float64(y), true
		}
	case *Type:
		return a == b, true
	case NoneType:
		return b == None, true
	}
	if a == b {
		return true, true
	}
	// Different built-in scalar kinds are never equal (except the numeric
	// cases above, and user subclasses, which need __eq__).
	switch a.(type) {
	case *Str, Int, Bool, NoneType:
		switch b.(type) {
		case *Str, Int, Bool, NoneType, *Tuple:
			return false, true
		}
	}
	return false, false
}

func boolToInt(b Bool) int64 {
	if b {
		return 1
	}
	return 0
}

// lookup finds key; it returns the table it looked in, the entry index and
// the index slot, or -1. It is called with d.mu held and may release and
// re-take it to run a Python __eq__; it returns with d.mu held.
func (d *Dict) lookup(t *Thread, key Object, hash int64) (tab *dictTable, entry int, slot uint64, err error) {
restart:
	tab = d.tab.Load()
	if tab == nil {
		return nil, -1, 0, nil
	}
	mask := uint64(len(tab.index) - 1)
	h := uint64(hash)
	i := h & mask
	perturb := h
	for {
		ix := tab.index[i]
		if ix == ixEmpty {
			return tab, -1, 0, nil
		}
		if ix >= 0 {
			e := &tab.entries[ix]
			if e.hash == hash {
				ek := e.key.get()
				if ek == key {
					return tab, int(ix), i, nil
				}
				eq, ok := fastEq(ek, key)
				if !ok {
					ver := d.version.Load()
					d.mu.Unlock()
					r, err := RichCompareBool(t, ek, key, EQ)
					d.mu.Lock()
					if err != nil {
						return tab, -1, 0, err
					}
					if d.version.Load() != ver {
						goto restart
					}
					eq = r
				}
				if eq {
					return tab, int(ix), i, nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// find looks key up without taking mu when it can (see Dict). It returns
// the value, or nil when key is absent.
func (d *Dict) find(t *Thread, key Object, hash int64) (Object, error) {
	kt, kd := objWords(key)
	for try := 0; try < optimisticTries; try++ {
		ver := d.version.Load()
		if ver&1 != 0 {
			continue
		}
		tab := d.tab.Load()
		if tab == nil {
			if d.version.Load() == ver {
				return nil, nil
			}
			continue
		}
		mask := uint64(len(tab.index) - 1)
		h := uint64(hash)
		i := h & mask
		perturb := h
		for {
			ix := atomic.LoadInt32(&tab.index[i])
			if ix == ixEmpty {
				if d.version.Load() == ver {
					return nil, nil
				}
				break
			}
			if ix >= 0 {
				e := &tab.entries[ix]
				if e.hash == hash {
					et, ed := e.key.load()
					eq := et == kt && ed == kd
					if !eq && ed != nil {
						// a non-nil data word: the entry's real key (objSlot.load)
						ek := objFromWords(et, ed)
						var ok bool
						if eq, ok = fastEq(ek, key); !ok {
							// Python __eq__, no lock held; it may change the
							// dict, and then the result says nothing
							r, err := RichCompareBool(t, ek, key, EQ)
							if err != nil {
								return nil, err
							}
							if d.version.Load() != ver {
								break
							}
							eq = r
						}
					}
					if eq {
						vt, vd := e.value.load()
						if d.version.Load() != ver {
							break
						}
						if vd == nil {
							return nil, nil // deleted just now
						}
						return objFromWords(vt, vd), nil
					}
				}
			}
			perturb >>= 5
			i = (i*5 + perturb + 1) & mask
		}
	}
	d.mu.Lock()
	tab, ix, _, err := d.lookup(t, key, hash)
	var v Object
	if ix >= 0 {
		v = tab.entries[ix].value.get()
	}
	d.mu.Unlock()
	return v, err
}

// getStr looks a str key up with no Python code involved (str keys
// compare without __eq__; a key of another type is never equal here).
// Used for attribute and global lookups and d[str]: no lock and no shared
// write unless writers keep interfering.
func (d *Dict) getStr(key *Str) Object {
	v, _ := d.getStrOther(key)
	return v
}

// lacksStr reports whether d has no key equal to the str key, as
// getStr(key) == nil does, but answers at once when the key's bit in the
// table's keyBits is clear: LOAD_METHOD asks it of an instance's dict for
// every method call, and a small dict has few bits set. The answer is the
// dict's state when the table was loaded (a key being added meanwhile
// sets its bit before the entry is published).
func (d *Dict) lacksStr(key *Str) bool {
	tab := d.tab.Load()
	if tab == nil || atomic.LoadUint64(&tab.keyBits)&keyBit(key.Hash()) == 0 {
		return true
	}
	return d.getStr(key) == nil
}

// getStrOther is getStr that also reports whether an entry with the key's
// hash but a key that is not a str was passed over (a str subclass, or an
// object whose __eq__ may say it is equal): GetItem then looks again with
// __eq__, as CPython does for a dict whose keys are not all str.
func (d *Dict) getStrOther(key *Str) (v Object, other bool) {
	hash := key.Hash()
	for try := 0; try < optimisticTries; try++ {
		ver := d.version.Load()
		if ver&1 != 0 {
			continue
		}
		if v, ok, other := d.probeStr(key, hash, ver); ok {
			return v, other
		}
	}
	d.mu.Lock()
	v, _, other = d.probeStr(key, hash, d.version.Load())
	d.mu.Unlock()
	return v, other
}

// probeStr is one optimistic str lookup validated against ver; ok is false
// when the dict changed meanwhile. With mu held it always succeeds.
func (d *Dict) probeStr(key *Str, hash int64, ver uint64) (v Object, ok, other bool) {
	tab := d.tab.Load()
	if tab == nil {
		return nil, d.version.Load() == ver, false
	}
	mask := uint64(len(tab.index) - 1)
	h := uint64(hash)
	i := h & mask
	perturb := h
	for {
		ix := atomic.LoadInt32(&tab.index[i])
		if ix == ixEmpty {
			return nil, d.version.Load() == ver, other
		}
		if ix >= 0 {
			e := &tab.entries[ix]
			if e.hash == hash {
				et, ed := e.key.load()
				eq := ed == unsafe.Pointer(key)
				if !eq && et == strItab && ed != nil {
					// a non-nil data word: the entry's real key (objSlot.load)
					eq = (*Str)(ed).s == key.s
				} else if !eq && ed != nil {
					eq, other = otherKeyEq(et, ed, key)
				}
				if eq {
					vt, vd := e.value.load()
					if d.version.Load() != ver {
						return nil, false, false
					}
					if vd == nil {
						return nil, true, false // deleted just now
					}
					return objFromWords(vt, vd), true, false
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// getStrHint is getStr for a key that is usually found at the same entry
// index: an attribute name in the instance dicts of one class, whose
// __init__ fills them in the same order. *hint is that index (an
// instruction's inline cache holds it); the entry is checked first, by
// the key's identity and under the same version check as probeStr, and
// the hint is updated when the key is elsewhere. A wrong hint (another
// thread's, a stale one) costs the normal lookup, never a wrong answer.
func (d *Dict) getStrHint(key *Str, hint *atomic.Int32) Object {
	ver := d.version.Load()
	if tab := d.tab.Load(); tab != nil && ver&1 == 0 {
		// only entries that n has published: a writer fills the
		// next ones with plain stores
		if ix := uint(hint.Load()); ix < uint(d.readerN(tab)) {
			e := &tab.entries[ix]
			if _, kd := e.key.load(); kd == unsafe.Pointer(key) {
				vt, vd := e.value.load()
				if vd != nil && d.version.Load() == ver {
					return objFromWords(vt, vd)
				}
			}
		}
	}
	hash := key.Hash()
	for try := 0; try < optimisticTries; try++ {
		ver := d.version.Load()
		if ver&1 != 0 {
			continue
		}
		if v, ix, ok := d.probeStrIndex(key, hash, ver); ok {
			if ix >= 0 && hint.Load() != ix {
				hint.Store(ix)
			}
			return v
		}
	}
	return d.getStr(key)
}

// setStrHint is setItemStr for STORE_ATTR on an instance dict, with the
// instruction's entry-index hint as getStrHint uses it: when the entry at
// *hint holds key itself (by identity; a deleted entry's key word is nil)
// the value is replaced there, under mu as any write, without hashing,
// probing the index or the growth check that only an insertion needs
// (about 250 instructions of SetItem's 335 for an existing attribute).
// Otherwise it is SetItem, and the hint learns where key went.
func (d *Dict) setStrHint(t *Thread, key *Str, v Object, hint *atomic.Int32) error {
	d.mu.Lock()
	if tab := d.tab.Load(); tab != nil {
		// entries below n are published; mu orders this read after
		// every write of the key words
		if ix := uint(hint.Load()); ix < uint(d.n()) && ix < uint(len(tab.entries)) {
			if e := &tab.entries[ix]; atomic.LoadPointer(&e.key.data) == unsafe.Pointer(key) {
				d.setValueLocked(e, v)
				d.mu.Unlock()
				return nil
			}
		}
	}
	// insertLocked, keeping where the key went for the next store at
	// this instruction (an insertion appends it as the table's last
	// entry, after a resize too)
	hash := key.Hash()
	// (a key of another type with the same hash may run __eq__, which t
	// runs and whose error is the store's)
	tab, ix, _, err := d.lookup(t, key, hash)
	if err == nil {
		if ix >= 0 {
			d.setValueLocked(&tab.entries[ix], v)
		} else {
			d.appendLocked(key, hash, v)
			ix = d.n() - 1
		}
	}
	u := d.upkeepDue()
	d.mu.Unlock()
	d.upkeep(u)
	if err == nil && hint.Load() != int32(ix) {
		hint.Store(int32(ix))
	}
	return err
}

// probeStrIndex is probeStr that also returns the entry index of a key
// it found (-1 when absent).
func (d *Dict) probeStrIndex(key *Str, hash int64, ver uint64) (v Object, at int32, ok bool) {
	tab := d.tab.Load()
	if tab == nil {
		return nil, -1, d.version.Load() == ver
	}
	mask := uint64(len(tab.index) - 1)
	h := uint64(hash)
	i := h & mask
	perturb := h
	for {
		ix := atomic.LoadInt32(&tab.index[i])
		if ix == ixEmpty {
			return nil, -1, d.version.Load() == ver
		}
		if ix >= 0 {
			e := &tab.entries[ix]
			if e.hash == hash {
				et, ed := e.key.load()
				eq := ed == unsafe.Pointer(key)
				if !eq && et == strItab && ed != nil {
					eq = (*Str)(ed).s == key.s
				} else if !eq && ed != nil {
					eq, _ = otherKeyEq(et, ed, key)
				}
				if eq {
					vt, vd := e.value.load()
					if d.version.Load() != ver {
						return nil, -1, false
					}
					if vd == nil {
						return nil, -1, true // deleted just now
					}
					return objFromWords(vt, vd), ix, true
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// otherKeyEq compares str key with an entry's key of equal hash that is
// not a str (its words et, ed): an instance of a str subclass that keeps
// str's __eq__ is equal when its text is, as CPython's generic lookup
// finds it. Any other key may need Python code to compare: other reports
// that, for the callers that can run it (GetItem). Kept out of the probe
// loops, whose str keys never get here.
func otherKeyEq(et, ed unsafe.Pointer, key *Str) (eq, other bool) {
	if in, ok := objFromWords(et, ed).(*Instance); ok && LoadPtr(&in.typ).strEq.Load() {
		if b, ok := in.Base.(*Str); ok {
			return b.s == key.s, false
		}
	}
	return false, true
}

// strItab is the type word of a *Str stored in an Object.
var strItab, _ = objWords(Object(&Str{}))

// GetStr looks up a Go-string key.
func (d *Dict) GetStr(key string) Object { return d.getStr(Intern(key)) }

// SetStr sets a Go-string key.
func (d *Dict) SetStr(key string, v Object) { d.setItemStr(Intern(key), v) }

func (d *Dict) setItemStr(key *Str, v Object) {
	// str keys never run Python code: no Thread needed.
	_ = d.SetItem(nil, key, v)
}

// GetItem returns d[key] or nil if absent (no KeyError).
func (d *Dict) GetItem(t *Thread, key Object) (Object, error) {
	if s, ok := key.(*Str); ok {
		if v, other := d.getStrOther(s); v != nil || !other {
			return v, nil
		}
		return d.find(t, key, s.Hash())
	}
	hash, err := Hash(t, key)
	if err != nil {
		return nil, err
	}
	return d.find(t, key, hash)
}

// keyHash is hash(key), read from the str itself when the key is a str.
func keyHash(t *Thread, key Object) (int64, error) {
	if s, ok := key.(*Str); ok {
		return s.Hash(), nil
	}
	return Hash(t, key)
}

// SetItem sets d[key] = v.
//
// The first access to the dict's header is the lock, and whether the
// table should grow early is decided under it: a dict that several
// threads insert into has its header (lock, counts, version) written by
// every insertion, and a line that a thread reads before it writes it
// moves between the cores twice (once shared, once owned).
func (d *Dict) SetItem(t *Thread, key, v Object) error {
	hash, err := keyHash(t, key)
	if err != nil {
		return err
	}
	d.mu.Lock()
	err = d.insertLocked(t, key, hash, v)
	u := d.upkeepDue()
	d.mu.Unlock()
	d.upkeep(u)
	return err
}

// upkeepWork is what an insertion into a big table leaves to do once mu
// is released: grow the table early (growEarly), or prefault a chunk of
// its entries (prefaultDue).
type upkeepWork struct {
	grow, fault *dictTable
	from, to    int
}

// upkeepDue decides, with mu held after an insertion, what upkeep should
// do: growing early when the table is due and no thread is doing so yet,
// else a chunk of prefaulting if one is due.
func (d *Dict) upkeepDue() (u upkeepWork) {
	return upkeepFor(d.tab.Load(), d.counts, d.growing.Load())
}

// upkeepFor is upkeepDue for table tab with counts c, growing telling
// whether a thread is growing the table early, all read by the caller.
func upkeepFor(tab *dictTable, c uint64, growing bool) (u upkeepWork) {
	if tab == nil || len(tab.index) < bigTableIndex {
		return u
	}
	if tab.needsEarlyGrowth(c) && !growing {
		u.grow = tab
		return u
	}
	u.fault, u.from, u.to = tab.prefaultDue(int(c >> 32))
	return u
}

// upkeep does, with mu released, what upkeepDue decided.
func (d *Dict) upkeep(u upkeepWork) {
	if u.fault != nil {
		u.fault.prefault(u.from, u.to, true)
	}
	if u.grow != nil {
		d.growEarly(u.grow)
	}
}

// storeFast is d[key] = v for STORE_SUBSCR when d is a dict (not a
// subclass) and key an int or a str, and no key comparison needs Python
// code; it reports false, having changed nothing, when it cannot do the
// store (the caller then takes the general path). The lock is the first
// access to the header, and the subclass check comes after it, for the
// reason SetItem gives.
//
// next is the storing thread's guess of where its next
// insertion into a big table goes (Thread.dictNext): the address of the
// entry after the one it appended last, or 0. Its lines are prefetched
// for writing before the lock is taken, so that when threads take turns
// appending to one dict, the transfer of the entry's line from the
// other core overlaps the lock line's instead of following it inside
// the critical section (the insertion's atomic stores wait for it).
func (d *Dict) storeFast(next *uintptr, key, v Object) bool {
	if p := *next; p != 0 {
		// entries are 40 bytes: the next two or three, one or two of
		// them the other threads'
		prefetch.W2Addr(p, p+64)
	}
	var hash int64
	switch k := key.(type) {
	case Int:
		hash = hashInt(int64(k))
	case *Str:
		hash = k.Hash()
	default:
		return false
	}
	d.mu.Lock()
	// What the store needs of the header is read at once, while taking
	// mu has just brought its line here: another thread waiting for mu
	// reads the line while this one works on the table, and a read of
	// the header later would fetch it back (the writes at the end do,
	// but then back to back).
	typ, tab, c, growing := d.typ, d.tab.Load(), d.counts, d.growing.Load()
	if typ != nil {
		d.mu.Unlock()
		return false
	}
	if e, ok := tab.findFast(key, hash); !ok {
		// __eq__ of another key: the general path
		d.mu.Unlock()
		return false
	} else if e != nil {
		d.setValueLocked(e, v)
		d.mu.Unlock()
		// a thread that replaces values (counting, updating) gets no
		// prefetches until it appends again
		*next = 0
		return true
	}
	tab, c = d.appendCounted(tab, c, key, hash, v)
	u := upkeepFor(tab, c, growing)
	d.mu.Unlock()
	if len(tab.index) >= bigTableIndex {
		// an integer, which keeps the table alive no longer than d does
		if n := int(c >> 32); n < len(tab.entries) {
			*next = uintptr(unsafe.Pointer(&tab.entries[n]))
		} else {
			*next = 0
		}
	} else {
		*next = 0
	}
	d.upkeep(u)
	return true
}

// findFast probes tab (nil: no table) for key with the comparisons that
// need no Python code: the entry holding key or nil, and ok false when a
// key of equal hash needs __eq__ (the caller takes the general path).
func (tab *dictTable) findFast(key Object, hash int64) (e *dictSlot, ok bool) {
	if tab == nil {
		return nil, true
	}
	mask := uint64(len(tab.index) - 1)
	h := uint64(hash)
	i := h & mask
	perturb := h
	for {
		ix := tab.index[i]
		if ix == ixEmpty {
			return nil, true
		}
		if ix >= 0 {
			e := &tab.entries[ix]
			if e.hash == hash {
				ek := e.key.get()
				eq := ek == key
				if !eq {
					var ok bool
					if eq, ok = fastEq(ek, key); !ok {
						return nil, false
					}
				}
				if eq {
					return e, true
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

func (d *Dict) insertLocked(t *Thread, key Object, hash int64, v Object) error {
	tab, ix, _, err := d.lookup(t, key, hash)
	if err != nil {
		return err
	}
	if ix >= 0 {
		d.setValueLocked(&tab.entries[ix], v)
		return nil
	}
	d.appendLocked(key, hash, v)
	return nil
}

// appendLocked adds a key known to be absent. Called with mu held.
func (d *Dict) appendLocked(key Object, hash int64, v Object) {
	d.appendCounted(d.tab.Load(), d.counts, key, hash, v)
}

// appendCounted is appendLocked for the current table tab, of counts c
// (read by the caller), and returns the table and counts after it. The
// counts are on the header's line, with the lock and the version, and
// are written there last, next to the version: the table's own line is
// only read.
func (d *Dict) appendCounted(tab *dictTable, c uint64, key Object, hash int64, v Object) (*dictTable, uint64) {
	if tab == nil || int(c>>32) >= len(tab.entries) {
		d.resize(int(uint32(c))*2 + 1)
		tab = d.tab.Load()
		c = d.counts
	}
	j := int(c >> 32)
	e := &tab.entries[j]
	if len(tab.index) >= bigTableIndex {
		// The entry's line was last written by whichever thread filled
		// the entry before it (threads inserting into one dict take
		// turns): ask for it, and for the index slot's line, for writing
		// now, so that the transfers overlap the probe instead of
		// following each other (docs/benchmarks.md, "branch
		// shareddict3").
		prefetch.W2(unsafe.Pointer(e), unsafe.Pointer(&tab.index[uint64(hash)&uint64(len(tab.index)-1)]))
	}
	// not reachable by any reader until the index slot and n publish it
	e.hash = hash
	e.key.init(key)
	e.value.init(v)
	// before the index slot publishes the entry (lacksStr)
	if b := keyBit(hash); atomic.LoadUint64(&tab.keyBits)&b == 0 {
		atomic.OrUint64(&tab.keyBits, b)
	}
	slot := tab.findEmptySlot(uint64(hash), uint64(len(tab.index)-1))
	atomic.StoreInt32(&tab.index[slot], int32(j))
	c += 1<<32 + 1
	atomic.StoreUint64(&d.counts, c)
	d.bump()
	return tab, c
}

// SetItemUnshared is d[key] = v for a dict that no other thread can
// reach yet (one being built by its only holder): see setUnshared.
func (d *Dict) SetItemUnshared(t *Thread, key, v Object) error {
	return d.setUnshared(t, key, v)
}

// setUnshared is d[key] = v for a dict no other thread can reach yet:
// those BUILD_MAP, BUILD_CONST_KEY_MAP and BUILD_SET make and MAP_ADD and
// SET_ADD fill (comprehensions, displays), held by their frame's value
// stack alone. It takes no lock and writes with plain stores; whatever
// later hands the dict to another thread publishes it. Nothing can have
// cached a lookup in it, so version stays.
func (d *Dict) setUnshared(t *Thread, key, v Object) error {
	hash, err := keyHash(t, key)
	if err != nil {
		return err
	}
	tab := d.tab.Load()
	if e, ok := tab.findFast(key, hash); !ok {
		return d.SetItem(t, key, v) // __eq__: the general path
	} else if e != nil {
		e.value.init(v)
		return nil
	}
	d.appendUnshared(tab, hash, key, v)
	return nil
}

// SetNewItemUnshared is SetItemUnshared for a key that its caller knows
// is not in d: no lookup (a C-born dict's keys, which C kept distinct).
func (d *Dict) SetNewItemUnshared(t *Thread, key, v Object) error {
	hash, err := keyHash(t, key)
	if err != nil {
		return err
	}
	d.appendUnshared(d.tab.Load(), hash, key, v)
	return nil
}

// NewDictDistinct makes a dict of the items keys[i]: values[i], for keys
// that its caller knows are distinct and hashable without Python code
// (strs and ints: a C-born dict's keys, package capi). One allocation for
// up to 5 items, as NewDictSize, and the entries filled in one loop with
// plain stores: no other thread can see the dict yet, and nothing can
// have cached a lookup in it.
func NewDictDistinct(t *Thread, keys, values []Object) *Dict {
	n := len(keys)
	var d *Dict
	var tab *dictTable
	if n == 0 || tableSize(n) != 8 {
		d = NewDictSize(n)
		if n == 0 {
			return d
		}
		tab = d.tab.Load()
	} else {
		// NewDictSize's small case, its table published below with the
		// counts of the entries already in it
		sd := &smallDict{}
		d, tab = &sd.d, sd.st.init()
		d.tab.Store(tab)
	}
	mask := uint64(len(tab.index) - 1)
	bits := tab.keyBits
	values = values[:n]
	for i, k := range keys {
		var hash int64
		if s, ok := k.(*Str); ok {
			hash = s.Hash()
		} else {
			hash, _ = Hash(t, k) // an int: cannot fail
		}
		e := &tab.entries[i]
		e.hash = hash
		e.key.init(k)
		e.value.init(values[i])
		bits |= keyBit(hash)
		tab.index[tab.findEmptySlot(uint64(hash), mask)] = int32(i)
	}
	tab.keyBits = bits
	d.counts = packCounts(n, n)
	return d
}

// appendUnshared adds a new entry to an unshared dict whose table is tab.
func (d *Dict) appendUnshared(tab *dictTable, hash int64, key, v Object) {
	c := d.counts
	if tab == nil || int(c>>32) >= len(tab.entries) {
		d.resize(int(uint32(c))*2 + 1)
		tab = d.tab.Load()
		c = d.counts
	}
	j := int(c >> 32)
	e := &tab.entries[j]
	e.hash = hash
	e.key.init(key)
	e.value.init(v)
	tab.keyBits |= keyBit(hash)
	tab.index[tab.findEmptySlot(uint64(hash), uint64(len(tab.index)-1))] = int32(j)
	d.counts = c + 1<<32 + 1
}

// DelItem removes key; found is false if it was absent.
func (d *Dict) DelItem(t *Thread, key Object) (found bool, err error) {
	_, found, err = d.Pop(t, key)
	return found, err
}

// Pop removes key and returns its value.
func (d *Dict) Pop(t *Thread, key Object) (Object, bool, error) {
	hash, err := Hash(t, key)
	if err != nil {
		return nil, false, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	tab, ix, slot, err := d.lookup(t, key, hash)
	if err != nil || ix < 0 {
		return nil, false, err
	}
	v := tab.entries[ix].value.get()
	d.deleteLocked(tab, ix, slot)
	return v, true, nil
}

// Clear removes every item.
func (d *Dict) Clear() {
	d.mu.Lock()
	d.setTable(nil, 0)
	d.bump()
	d.mu.Unlock()
}

// snapshot calls f on each live entry of a consistent view of the dict
// (optimistic, with mu as the fallback); f may be called again from the
// start if a writer interfered, after reset.
func (d *Dict) snapshot(reset func(n int), f func(hash int64, k, v Object)) {
	for try := 0; try < optimisticTries; try++ {
		ver := d.version.Load()
		if ver&1 != 0 {
			continue
		}
		tab := d.tab.Load()
		if tab == nil {
			reset(0)
		} else {
			reset(d.Len())
			n := d.readerN(tab)
			for i := 0; i < n; i++ {
				e := &tab.entries[i]
				kt, kd := e.key.load()
				vt, vd := e.value.load()
				if kd == nil || vd == nil {
					continue
				}
				// a value torn by a concurrent write is never looked
				// at: the version check below discards the whole pass
				f(e.hash, objFromWords(kt, kd), objFromWords(vt, vd))
			}
		}
		if d.version.Load() == ver {
			return
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	reset(d.Len())
	if tab := d.tab.Load(); tab != nil {
		n := d.n()
		for i := 0; i < n; i++ {
			e := &tab.entries[i]
			if k := e.key.get(); k != nil {
				f(e.hash, k, e.value.get())
			}
		}
	}
}

// Items returns a snapshot of the items in order.
func (d *Dict) Items() []dictEntry {
	var out []dictEntry
	d.snapshot(func(n int) { out = make([]dictEntry, 0, n) }, func(h int64, k, v Object) {
		out = append(out, dictEntry{hash: h, key: k, value: v})
	})
	return out
}

// Keys returns a snapshot of the keys in order.
func (d *Dict) Keys() []Object {
	var out []Object
	d.snapshot(func(n int) { out = make([]Object, 0, n) }, func(_ int64, k, _ Object) {
		out = append(out, k)
	})
	return out
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	n := &Dict{}
	items := d.Items()
	if len(items) > 0 {
		n.resize(len(items))
		tab := n.tab.Load()
		mask := uint64(len(tab.index) - 1)
		for j, it := range items {
			e := &tab.entries[j]
			e.hash = it.hash
			e.key.init(it.key)
			e.value.init(it.value)
			tab.keyBits |= keyBit(it.hash)
			tab.index[tab.findEmptySlot(uint64(it.hash), mask)] = int32(j)
		}
		n.counts = packCounts(len(items), len(items))
	}
	n.bump()
	return n
}

// Update merges other's items into d.
func (d *Dict) Update(t *Thread, other *Dict) error {
	for _, e := range other.Items() {
		d.mu.Lock()
		err := d.insertLocked(t, e.key, e.hash, e.value)
		d.mu.Unlock()
		if err != nil {
			return err
		}
	}
	return nil
}

// Outcomes of an iteration step (iterStep).
const (
	iterItem = iota
	iterEnd
	iterSizeChanged
	iterKeysChanged
)

// iterStep is one step of an iterator that started on table tab0 with
// used0 items: the live item at or after pos (at or before it when rev),
// and the position to continue from. It reads optimistically and falls
// back to mu.
func (d *Dict) iterStep(tab0 *dictTable, used0, pos int, rev bool) (k, v Object, npos, status int) {
	for try := 0; try < optimisticTries; try++ {
		ver := d.version.Load()
		if ver&1 != 0 {
			continue
		}
		k, v, npos, status = d.iterScan(tab0, used0, pos, rev)
		if d.version.Load() == ver {
			return k, v, npos, status
		}
	}
	d.mu.Lock()
	k, v, npos, status = d.iterScan(tab0, used0, pos, rev)
	d.mu.Unlock()
	return k, v, npos, status
}

func (d *Dict) iterScan(tab0 *dictTable, used0, pos int, rev bool) (k, v Object, npos, status int) {
	if d.Len() != used0 {
		return nil, nil, pos, iterSizeChanged
	}
	if d.tab.Load() != tab0 {
		return nil, nil, pos, iterKeysChanged
	}
	if tab0 == nil {
		return nil, nil, pos, iterEnd
	}
	n := d.readerN(tab0)
	for pos >= 0 && pos < n {
		e := &tab0.entries[pos]
		if rev {
			pos--
		} else {
			pos++
		}
		kt, kd := e.key.load()
		vt, vd := e.value.load()
		if kd == nil || vd == nil {
			continue
		}
		return objFromWords(kt, kd), objFromWords(vt, vd), pos, iterItem
	}
	return nil, nil, pos, iterEnd
}

// iterStart returns the table and size an iterator starts from, and the
// position of the newest entry (for reversed iterators).
func (d *Dict) iterStart() (tab *dictTable, used, last int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	tab = d.tab.Load()
	last = -1
	if tab != nil {
		last = d.n() - 1
	}
	return tab, d.Len(), last
}

// SetDefault returns d[key], setting it to def first if absent.
func (d *Dict) SetDefault(t *Thread, key, def Object) (Object, error) {
	hash, err := Hash(t, key)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	tab, ix, _, err := d.lookup(t, key, hash)
	if err != nil {
		return nil, err
	}
	if ix >= 0 {
		return tab.entries[ix].value.get(), nil
	}
	d.appendLocked(key, hash, def)
	return def, nil
}

// PopItem removes and returns the last item (LIFO order).
func (d *Dict) PopItem(t *Thread) (k, v Object, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	tab := d.tab.Load()
	if tab == nil {
		return nil, nil, false
	}
	n := d.n()
	for i := n - 1; i >= 0; i-- {
		if i < int(tab.tailEnd) && i >= int(tab.tail) {
			i = int(tab.tail) // dead down to tail
			continue
		}
		e := &tab.entries[i]
		k := e.key.get()
		if k == nil {
			continue
		}
		v := e.value.get()
		d.deleteLocked(tab, i, tab.slotOf(i))
		tab.tail, tab.tailEnd = int32(i), int32(n)
		return k, v, true
	}
	tab.tail, tab.tailEnd = 0, int32(n)
	return nil, nil, false
}
