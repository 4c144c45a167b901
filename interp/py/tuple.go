package py

import (
	"sync"
	"sync/atomic"
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

// Items returns the tuple's items (do not modify).
func (t *Tuple) Items() []Object { return t.items }

// Len returns the number of items.
func (t *Tuple) Len() int { return len(t.items) }

// List is a Python list. Every operation holds its mutex, so single
// operations are atomic across threads.
type List struct {
	// mu is a reader/writer lock: threads that only read a shared list
	// (the common case) do not wait for each other.
	mu    sync.RWMutex
	items []Object
	// cref is the list's C mirror (package capi), nil if none.
	cref atomic.Pointer[byte]
}

// Type returns list.
func (*List) Type() *Type { return ListType }

// NewList makes a list holding items (the slice is kept).
func NewList(items ...Object) *List {
	return &List{items: items}
}

// snapshot returns a copy of the items (safe to use without the lock).
func (l *List) snapshot() []Object {
	l.mu.RLock()
	out := make([]Object, len(l.items))
	copy(out, l.items)
	l.mu.RUnlock()
	return out
}

// Items is a snapshot of the items.
func (l *List) Items() []Object { return l.snapshot() }

// Len returns the number of items.
func (l *List) Len() int {
	l.mu.RLock()
	n := len(l.items)
	l.mu.RUnlock()
	return n
}

// Append adds v at the end.
func (l *List) Append(v Object) {
	l.mu.Lock()
	l.items = append(l.items, v)
	l.mu.Unlock()
}

// Insert puts v before item i (clamped to the list, as list.insert).
func (l *List) Insert(i int, v Object) {
	l.mu.Lock()
	i = max(0, min(i, len(l.items)))
	l.items = append(l.items, nil)
	copy(l.items[i+1:], l.items[i:])
	l.items[i] = v
	l.mu.Unlock()
}

// At returns item i (0 <= i < Len) or nil when out of range.
func (l *List) At(i int) Object {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if i < 0 || i >= len(l.items) {
		return nil
	}
	return l.items[i]
}

// SetItemAt replaces item i (0 <= i < Len); it reports false when out of
// range.
func (l *List) SetItemAt(i int, v Object) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i < 0 || i >= len(l.items) {
		return false
	}
	l.items[i] = v
	return true
}
