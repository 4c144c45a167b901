package py

import (
	"math"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Dict is a Python dict: an insertion-ordered hash table in CPython's
// "compact dict" shape (a dense entry array plus a sparse index).
//
// Every operation takes the dict's mutex, so each is atomic with respect to
// other threads. Comparing keys may run Python code (__eq__); that is never
// done while the mutex is held: the lookup releases it, compares, and
// starts again if the dict changed meanwhile (as CPython does when a
// comparison mutates the dict).
type Dict struct {
	// mu is a reader/writer lock: str-key lookups (attributes, globals,
	// most dict reads) from several threads do not wait for each other.
	mu      sync.RWMutex
	entries []dictEntry // insertion order; a deleted entry has key == nil
	index   []int32     // open addressing: -1 empty, -2 deleted, else entry index
	used    int         // live entries
	// version changes on every mutation; LOAD_GLOBAL caches compare it.
	version atomic.Uint64
	// layout changes when entries move (resize/compaction); iterators
	// holding positions compare it.
	layout uint64

	typ  *Type // nil for dict; set for instances of dict subclasses
	idct *Dict // __dict__ of an instance of a dict subclass

	// cref is the dict's C mirror (package capi), nil if none.
	cref atomic.Pointer[byte]
}

type dictEntry struct {
	hash  int64
	key   Object
	value Object
}

const (
	ixEmpty   = -1
	ixDeleted = -2
)

// NewDict makes an empty dict.
func NewDict() *Dict { return &Dict{} }

// NewDictSize makes an empty dict with room for n items.
func NewDictSize(n int) *Dict {
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

// bump records a mutation. The counter is per dict (caches also compare
// the dict's identity), so that threads writing different dicts never
// share a cache line.
func (d *Dict) bump() {
	v := d.version.Add(1)
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
func (d *Dict) Len() int {
	d.mu.RLock()
	n := d.used
	d.mu.RUnlock()
	return n
}

func (d *Dict) resize(minUsed int) {
	size := 8
	for size*2 < minUsed*3 {
		size <<= 1
	}
	live := make([]dictEntry, 0, size*2/3+1)
	for _, e := range d.entries {
		if e.key != nil {
			live = append(live, e)
		}
	}
	d.entries = live
	d.index = make([]int32, size)
	for i := range d.index {
		d.index[i] = ixEmpty
	}
	mask := uint64(size - 1)
	for i, e := range d.entries {
		d.index[d.findEmptySlot(uint64(e.hash), mask)] = int32(i)
	}
	d.layout++
}

func (d *Dict) findEmptySlot(h, mask uint64) uint64 {
	i := h & mask
	perturb := h
	for d.index[i] >= 0 {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return i
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

// lookup finds key; it returns the entry index and the index slot, or -1.
// It is called with d.mu held and may release and re-take it to run a
// Python __eq__; it returns with d.mu held.
func (d *Dict) lookup(t *Thread, key Object, hash int64) (entry int, slot int, err error) {
restart:
	if d.index == nil {
		return -1, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	h := uint64(hash)
	i := h & mask
	perturb := h
	for {
		ix := d.index[i]
		if ix == ixEmpty {
			return -1, -1, nil
		}
		if ix >= 0 {
			e := &d.entries[ix]
			if e.hash == hash {
				if e.key == key {
					return int(ix), int(i), nil
				}
				eq, ok := fastEq(e.key, key)
				if !ok {
					ek, ver := e.key, d.version.Load()
					d.mu.Unlock()
					r, err := RichCompareBool(t, ek, key, EQ)
					d.mu.Lock()
					if err != nil {
						return -1, -1, err
					}
					if d.version.Load() != ver {
						goto restart
					}
					eq = r
				}
				if eq {
					return int(ix), int(i), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// getStr looks a str key up with no Python code involved (str keys
// compare without __eq__). Used for attribute and global lookups.
func (d *Dict) getStr(key *Str) Object {
	hash := key.Hash()
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.index == nil {
		return nil
	}
	mask := uint64(len(d.index) - 1)
	h := uint64(hash)
	i := h & mask
	perturb := h
	for {
		ix := d.index[i]
		if ix == ixEmpty {
			return nil
		}
		if ix >= 0 {
			e := &d.entries[ix]
			if e.hash == hash {
				if e.key == Object(key) {
					return e.value
				}
				if ks, ok := e.key.(*Str); ok && ks.s == key.s {
					return e.value
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

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
		return d.getStr(s), nil
	}
	hash, err := Hash(t, key)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	ix, _, err := d.lookup(t, key, hash)
	var v Object
	if ix >= 0 {
		v = d.entries[ix].value
	}
	d.mu.Unlock()
	return v, err
}

// SetItem sets d[key] = v.
func (d *Dict) SetItem(t *Thread, key, v Object) error {
	var hash int64
	if s, ok := key.(*Str); ok {
		hash = s.Hash()
	} else {
		h, err := Hash(t, key)
		if err != nil {
			return err
		}
		hash = h
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.insertLocked(t, key, hash, v)
}

func (d *Dict) insertLocked(t *Thread, key Object, hash int64, v Object) error {
	ix, _, err := d.lookup(t, key, hash)
	if err != nil {
		return err
	}
	if ix >= 0 {
		d.entries[ix].value = v
		d.bump()
		return nil
	}
	if d.index == nil || len(d.entries) >= len(d.index)*2/3 {
		d.resize(d.used*2 + 1)
	}
	mask := uint64(len(d.index) - 1)
	slot := d.findEmptySlot(uint64(hash), mask)
	d.entries = append(d.entries, dictEntry{hash: hash, key: key, value: v})
	d.index[slot] = int32(len(d.entries) - 1)
	d.used++
	d.bump()
	return nil
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
	ix, slot, err := d.lookup(t, key, hash)
	if err != nil || ix < 0 {
		return nil, false, err
	}
	v := d.entries[ix].value
	d.entries[ix] = dictEntry{}
	d.index[slot] = ixDeleted
	d.used--
	d.bump()
	return v, true, nil
}

// Clear removes every item.
func (d *Dict) Clear() {
	d.mu.Lock()
	d.entries, d.index, d.used = nil, nil, 0
	d.layout++
	d.bump()
	d.mu.Unlock()
}

// Items returns a snapshot of the items in order.
func (d *Dict) Items() []dictEntry {
	d.mu.Lock()
	out := make([]dictEntry, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e)
		}
	}
	d.mu.Unlock()
	return out
}

// Keys returns a snapshot of the keys in order.
func (d *Dict) Keys() []Object {
	d.mu.Lock()
	out := make([]Object, 0, d.used)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.key)
		}
	}
	d.mu.Unlock()
	return out
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	d.mu.Lock()
	n := &Dict{used: d.used}
	n.entries = append([]dictEntry(nil), d.entries...)
	if d.index != nil {
		n.index = append([]int32(nil), d.index...)
	}
	d.mu.Unlock()
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

// next returns the item at or after position pos, and the position after
// it; ok is false at the end. The caller passes the layout it started
// with; a different layout means the dict was reorganised.
func (d *Dict) next(pos int) (k, v Object, npos int, ok bool) {
	for pos < len(d.entries) {
		e := d.entries[pos]
		pos++
		if e.key != nil {
			return e.key, e.value, pos, true
		}
	}
	return nil, nil, pos, false
}

// SetDefault returns d[key], setting it to def first if absent.
func (d *Dict) SetDefault(t *Thread, key, def Object) (Object, error) {
	hash, err := Hash(t, key)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	ix, _, err := d.lookup(t, key, hash)
	if err != nil {
		return nil, err
	}
	if ix >= 0 {
		return d.entries[ix].value, nil
	}
	return def, d.insertLocked(t, key, hash, def)
}

// PopItem removes and returns the last item (LIFO order).
func (d *Dict) PopItem(t *Thread) (k, v Object, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i := len(d.entries) - 1; i >= 0; i-- {
		e := d.entries[i]
		if e.key == nil {
			continue
		}
		// find its index slot
		mask := uint64(len(d.index) - 1)
		h := uint64(e.hash)
		s := h & mask
		perturb := h
		for int(d.index[s]) != i {
			perturb >>= 5
			s = (s*5 + perturb + 1) & mask
		}
		d.index[s] = ixDeleted
		d.entries = d.entries[:i]
		d.used--
		d.bump()
		return e.key, e.value, true
	}
	return nil, nil, false
}
