package capi

/*
#include "shim.h"
*/
import "C"

import (
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
	"weak"

	"freepy/interp/py"
)

// A link ties a Go object to its C PyObject (DESIGN.md, "Mirrors").
//
//   - A Go-owned object (a str, a list, a function...) gets a mirror: C
//     memory with the layout C code expects. The link holds the Go object
//     strongly while the mirror's refcount is above zero, so C code that
//     owns a reference keeps it alive; at zero the link turns weak and the
//     mirror is freed only when Go's collector has found the object
//     unreachable. A mirror therefore never dies while its Go object lives,
//     which also bounds the damage of a lost non-atomic refcount update by
//     a legacy binary (docs/capi.md).
//   - A C-owned object (an instance of a C type) gets a Go proxy,
//     *py.CObject, that owns one reference. The link holds the proxy
//     strongly while C holds more references than the proxy's; when the
//     proxy is collected its reference is released.
//
// Refcount increments done by C cannot be observed, so links are strong
// whenever C might hold a reference and are weakened only at check points:
// when the count reaches zero (_Py_Dealloc), when an autorelease pool is
// drained, and by the sweep after each Go collection.
type link struct {
	id     uint64
	ptr    *C.PyObject
	cowned bool // the C object owns its memory; the Go object is a proxy
	static bool // a static object (no fpy_head): never freed

	mu     sync.Mutex
	strong py.Object          // non-nil: keeps the Go object alive
	wp     weak.Pointer[byte] // the Go object, while it lives
	key    uintptr            // the Go object's address (byObj key); not a pointer, which would keep it alive
	itab   unsafe.Pointer     // the type word of the Go object's interface value
	dead   bool
}

var (
	linkSeq atomic.Uint64
	byID    sync.Map // uint64 -> *link
	byObj   sync.Map // uintptr (Go object address) -> *link; an integer key does not keep the object alive
	byPtr   sync.Map // *C.PyObject -> *link, for static objects without a head
)

// dataPtr returns the pointer an interface value holds (the identity of a
// pointer-shaped Go object).
func dataPtr(o py.Object) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[1]
}

const headSize = 16

func hasHead(op *C.PyObject) bool {
	return *(*uint64)(unsafe.Add(unsafe.Pointer(op), -headSize)) == C.FPY_MAGIC
}

func headHandle(op *C.PyObject) unsafe.Pointer {
	return unsafe.Add(unsafe.Pointer(op), -8)
}

// linkOf returns the link of a C object, or nil.
func linkOf(op *C.PyObject) *link {
	if hasHead(op) {
		id := atomicLoadU64(headHandle(op))
		if id == 0 {
			return nil
		}
		if l, ok := byID.Load(id); ok {
			return l.(*link)
		}
		return nil
	}
	if l, ok := byPtr.Load(op); ok {
		return l.(*link)
	}
	return nil
}

// object returns the linked Go object if it is still alive.
func (l *link) object() py.Object {
	l.mu.Lock()
	o := l.strong
	if o == nil && !l.dead {
		if p := l.wp.Value(); p != nil {
			o = objectAt(l, p)
		}
	}
	l.mu.Unlock()
	return o
}

// objectAt rebuilds the interface value of a weakly linked object from
// its type word and its (live) data pointer.
func objectAt(l *link, p *byte) py.Object {
	var o py.Object
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&o))
	w[0] = l.itab
	w[1] = unsafe.Pointer(p)
	return o
}

// newLink links o and the C object op (whose head, if any, gets the id).
func newLink(o py.Object, op *C.PyObject, cowned bool) *link {
	l := &link{id: linkSeq.Add(1), ptr: op, cowned: cowned, strong: o}
	key := dataPtr(o)
	l.key = uintptr(key)
	l.wp = weak.Make((*byte)(key))
	l.itab = (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[0]
	byID.Store(l.id, l)
	byObj.Store(l.key, l)
	if hasHead(op) {
		atomicStoreU64(headHandle(op), l.id)
	} else {
		l.static = true
		byPtr.Store(op, l)
	}
	if !l.static {
		runtime.AddCleanup((*byte)(key), goObjectDead, l.id)
	}
	return l
}

// newStaticLink links a permanent pair (a static type object and its Go
// type): never weakened, never freed.
func newStaticLink(o py.Object, op *C.PyObject) *link {
	l := &link{id: linkSeq.Add(1), ptr: op, strong: o, static: true}
	l.key = uintptr(dataPtr(o))
	byID.Store(l.id, l)
	byObj.Store(l.key, l)
	if hasHead(op) {
		atomicStoreU64(headHandle(op), l.id)
	} else {
		byPtr.Store(op, l)
	}
	return l
}

// linkFor returns the live link of Go object o, or nil.
func linkFor(o py.Object) *link {
	v, ok := byObj.Load(uintptr(dataPtr(o)))
	if !ok {
		return nil
	}
	l := v.(*link)
	if l.static {
		return l
	}
	// the address may have been reused after the old object died
	if p := l.wp.Value(); p == nil || unsafe.Pointer(p) != dataPtr(o) {
		return nil
	}
	return l
}

// acquire gives the caller a new reference to l's C object, for the live
// Go object o, and makes the link strong.
func (l *link) acquire(o py.Object) *C.PyObject {
	l.mu.Lock()
	incref(l.ptr)
	if !l.static {
		l.strong = o
	}
	l.mu.Unlock()
	return l.ptr
}

// maybeWeaken drops the strong reference when C holds none (beyond the
// proxy's own, for C-owned objects).
func (l *link) maybeWeaken() {
	if l.static {
		return
	}
	min := int64(0)
	if l.cowned {
		min = 1
	}
	l.mu.Lock()
	if refcnt(l.ptr) <= min {
		l.strong = nil
	}
	l.mu.Unlock()
}

// goObjectDead runs (through the finalizer goroutine) after the Go object
// of link id was collected: a mirror is freed, a proxy releases its
// reference to the C object.
func goObjectDead(id uint64) {
	finalize(func(s *tstate) {
		v, ok := byID.Load(id)
		if !ok {
			return
		}
		l := v.(*link)
		l.mu.Lock()
		if l.strong != nil || l.dead {
			l.mu.Unlock()
			return
		}
		l.dead = true
		l.mu.Unlock()
		byID.Delete(id)
		byObj.CompareAndDelete(l.key, l)
		op := l.ptr
		atomicStoreU64(headHandle(op), 0)
		if l.cowned {
			// the proxy's reference
			s.decref(op)
			return
		}
		if refcnt(op) > 0 {
			// a lost update or a leak in C code: keep the memory rather
			// than free what C may still use
			return
		}
		s.deallocUnlinked(op)
	})
}

// Finalizer: cleanups run on one goroutine with its own thread state, so
// that C destructors see a normal thread.
var finalizerQueue = make(chan func(*tstate), 1024)

func startFinalizer(t *py.Thread) {
	ft := t.Interp().NewThread()
	s := stateOf(ft)
	go func() {
		for f := range finalizerQueue {
			f(s)
		}
	}()
}

func finalize(f func(*tstate)) {
	finalizerQueue <- f
}
