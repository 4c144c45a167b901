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
	typ  *Type
	dict *Dict // nil when the class has __slots__ without __dict__
	// slots holds the values of __slots__ members, each as a pointer to
	// an immutable box: reads are one atomic load (threads reading a
	// shared object write no shared memory), a store allocates a box.
	slots []atomic.Pointer[Object]
	// Base is the built-in value an instance of a subclass of a built-in
	// type wraps (the int of `class C(int)`, the *List of `class L(list)`).
	Base Object
}

// Type returns the instance's class.
func (o *Instance) Type() *Type { return o.typ }

// Dict returns the instance dictionary (nil if the class has none).
func (o *Instance) Dict() *Dict { return o.dict }

// NewInstance makes a bare instance of t with an empty __dict__ (if t's
// instances have one) and space for its slots.
func NewInstance(t *Type) *Instance {
	var o *Instance
	// The slots live in the instance's own allocation when there are
	// few: reading a member then follows instance -> box rather than
	// instance -> slot array -> box (one dependent cache miss fewer for
	// objects many threads read, docs/benchmarks.md, "branch
	// sharedread2").
	switch n := t.nslots; {
	case n == 0:
		o = &Instance{}
	case n <= 2:
		x := &struct {
			Instance
			s [2]atomic.Pointer[Object]
		}{}
		o = &x.Instance
		o.slots = x.s[:n]
	case n <= 4:
		x := &struct {
			Instance
			s [4]atomic.Pointer[Object]
		}{}
		o = &x.Instance
		o.slots = x.s[:n]
	case n <= 8:
		x := &struct {
			Instance
			s [8]atomic.Pointer[Object]
		}{}
		o = &x.Instance
		o.slots = x.s[:n]
	default:
		o = &Instance{slots: make([]atomic.Pointer[Object], n)}
	}
	o.typ = t
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

// setType changes an instance's class (assignment to __class__).
func (o *Instance) setType(t *Type) { o.typ = t }

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
