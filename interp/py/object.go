// Package py is freepy's runtime: the object model, the evaluation loop,
// the builtins and the native modules.
//
// Every Python value is an Object. Immutable scalars are Go value types
// (Int, Float, Bool, Complex) so that small-int arithmetic does not allocate
// and `is` compares by value, as in PyPy; everything else is a pointer to a
// struct. Memory is managed by Go's collector: there is no reference count.
//
// Python exceptions travel as Go errors: every function that can raise
// returns an error whose dynamic type is *BaseException (or, inside the
// evaluation loop only, one of the control-flow signals defined in eval.go).
//
// Concurrency: every mutable built-in container has its own mutex and each
// single operation on it is atomic (docs/threading.md). A *Thread carries
// the per-thread interpreter state and is passed explicitly, because Go has
// no goroutine-local storage.
package py

import (
	"sync/atomic"
	"unsafe"
)

// Object is any Python value.
type Object interface {
	Type() *Type
}

// Instance is an instance of a class defined in Python (or of a class
// derived from a built-in type whose values are Go value types or
// immutable structs, which then live in Base).
type Instance struct {
	typ *Type
	// dict is nil when the class has __slots__ without __dict__.
	// obj.__dict__ = d replaces it while other threads may use the
	// object: read with LoadPtr (once per attribute access), written
	// with storePtr.
	dict *Dict
	// slots holds the values of __slots__ members, each as a pointer to
	// an immutable box: reads are one atomic load (threads reading a
	// shared object write no shared memory), a store allocates a box.
	slots []atomic.Pointer[Object]
	// pre, for a class with 1-4 slots, points to boxes allocated with
	// the instance (see newSlotted): each slot's first store claims its
	// box with one atomic bit instead of allocating one.
	pre *slotBoxes
	// Base is the built-in value an instance of a subclass of a built-in
	// type wraps (the int of `class C(int)`, the *List of `class L(list)`).
	Base Object
}

// Type returns the instance's class.
func (o *Instance) Type() *Type { return LoadPtr(&o.typ) }

// Dict returns the instance dictionary (nil if the class has none).
func (o *Instance) Dict() *Dict { return LoadPtr(&o.dict) }

// NewInstance makes a bare instance of t with an empty __dict__ (if t's
// instances have one) and space for its slots.
func NewInstance(t *Type) *Instance {
	var o *Instance
	// The slots live in the instance's own allocation when there are
	// few: reading a member then follows instance -> box rather than
	// instance -> slot array -> box (one dependent cache miss fewer for
	// objects many threads read, docs/benchmarks.md, "branch
	// sharedread2"); with 1-4 slots the first box of each is allocated
	// with them too (newSlotted, "branch callpath2").
	switch n := t.nslots; {
	case n == 0:
		o = &Instance{typ: t}
	case n <= 4:
		o = newSlotted(t, n)
	case n <= 8:
		x := &struct {
			Instance
			s [8]atomic.Pointer[Object]
		}{}
		o = &x.Instance
		o.typ = t
		o.slots = x.s[:n]
	default:
		o = &Instance{typ: t, slots: make([]atomic.Pointer[Object], n)}
	}
	if t.hasDict {
		o.dict = NewDict()
	}
	if t.hasDel.Load() {
		registerDel(o)
	}
	return o
}

// getSlot returns the value of __slots__ member i (nil: unset).
func (o *Instance) getSlot(i int) Object {
	if p := o.slots[i].Load(); p != nil {
		return *p
	}
	return nil
}

// setSlot sets (v != nil) or clears __slots__ member i; it reports false
// when clearing a member that is not set.
func (o *Instance) setSlot(i int, v Object) bool {
	if v == nil {
		return o.slots[i].Swap(nil) != nil
	}
	if p := o.pre; p != nil && p.claimed.Load()&(1<<i) == 0 && p.claim(i) {
		// the box made with the instance: unpublished until the Store
		// below, and claimed by this thread alone
		b := p.box(i)
		*b = v
		o.slots[i].Store(b)
		return true
	}
	if n, ok := v.(Int); ok {
		// The int's value sits in its box, next to the interface that
		// points at it: a read of the member touches one line, not the
		// box's and then the int's (which is wherever the int was made).
		// Nothing can tell: an int's identity is its value.
		b := &intSlotBox{v: int64(n)}
		b.o = objFromWords(intTypeWord, unsafe.Pointer(&b.v))
		o.slots[i].Store(&b.o)
		return true
	}
	b := new(Object)
	*b = v
	o.slots[i].Store(b)
	return true
}

// intSlotBox is the box of a __slots__ member holding an int: o's data
// word points at v. Neither is written after the box is published.
type intSlotBox struct {
	o Object
	v int64
}

// intTypeWord is the type word of an Object holding an Int.
var intTypeWord, _ = objWords(Int(0))

// slotBoxes heads the boxes allocated with a slotted instance: bit i of
// claimed is set by the first store to slot i, which then fills box i
// (a box is never written after it is published, so slot reads stay
// one atomic load; later stores allocate, as before).
type slotBoxes struct {
	claimed atomic.Uint32
	// followed, boxesOffset bytes after its start, by the instance's
	// boxes (the slottedN types)
}

// boxesOffset is where the boxes start after a slotBoxes (the same in
// every slottedN type; TestSlottedLayout checks it).
const boxesOffset = unsafe.Offsetof(slotted1{}.boxes) - unsafe.Offsetof(slotted1{}.pre)

// claim takes box i for the caller; false if another store took it.
func (p *slotBoxes) claim(i int) bool {
	for {
		c := p.claimed.Load()
		if c&(1<<i) != 0 {
			return false
		}
		if p.claimed.CompareAndSwap(c, c|1<<i) {
			return true
		}
	}
}

// box returns box i (i < the instance's slot count).
func (p *slotBoxes) box(i int) *Object {
	return (*Object)(unsafe.Add(unsafe.Pointer(p), boxesOffset+uintptr(i)*unsafe.Sizeof(Object(nil))))
}

// Slotted instances of 1-4 slots: the instance, its slot pointers and
// their first boxes in one allocation (one instead of 2+n).
type slotted1 struct {
	in    Instance
	slots [1]atomic.Pointer[Object]
	pre   slotBoxes
	boxes [1]Object
}

type slotted2 struct {
	in    Instance
	slots [2]atomic.Pointer[Object]
	pre   slotBoxes
	boxes [2]Object
}

type slotted3 struct {
	in    Instance
	slots [3]atomic.Pointer[Object]
	pre   slotBoxes
	boxes [3]Object
}

type slotted4 struct {
	in    Instance
	slots [4]atomic.Pointer[Object]
	pre   slotBoxes
	boxes [4]Object
}

// newSlotted makes a bare instance of t with n slots.
func newSlotted(t *Type, n int) *Instance {
	switch n {
	case 1:
		x := &slotted1{}
		x.in.typ, x.in.slots, x.in.pre = t, x.slots[:], &x.pre
		return &x.in
	case 2:
		x := &slotted2{}
		x.in.typ, x.in.slots, x.in.pre = t, x.slots[:], &x.pre
		return &x.in
	case 3:
		x := &slotted3{}
		x.in.typ, x.in.slots, x.in.pre = t, x.slots[:], &x.pre
		return &x.in
	case 4:
		x := &slotted4{}
		x.in.typ, x.in.slots, x.in.pre = t, x.slots[:], &x.pre
		return &x.in
	}
	return &Instance{typ: t, slots: make([]atomic.Pointer[Object], n)}
}

// setType changes an instance's class (assignment to __class__).
func (o *Instance) setType(t *Type) { storePtr(&o.typ, t) }

// NoneType is the type of None.
type NoneType struct{}

// None is Python's None.
var None = NoneType{}

func (NoneType) Type() *Type { return NoneTypeType }

// NotImplementedType is the type of NotImplemented.
type NotImplementedType struct{}

// NotImplemented is returned by binary special methods that do not handle
// their operands.
var NotImplemented = NotImplementedType{}

func (NotImplementedType) Type() *Type { return NotImplementedTypeType }

// EllipsisType is the type of Ellipsis.
type EllipsisType struct{}

// Ellipsis is `...`.
var Ellipsis = EllipsisType{}

func (EllipsisType) Type() *Type { return EllipsisTypeType }

// unwrap returns the built-in value an object stands for: the Base of a
// subclass instance, or the object itself.
func unwrap(o Object) Object {
	if in, ok := o.(*Instance); ok && in.Base != nil {
		return in.Base
	}
	return o
}
