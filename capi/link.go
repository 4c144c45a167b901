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
// when the count reaches zero (_Py_Dealloc) and when an autorelease pool is
// drained.
type link struct {
	id     uint64
	ptr    *C.PyObject
	cowned bool // the C object owns its memory; the Go object is a proxy
	static bool // a static object (no fpy_head): never freed

	mu       sync.Mutex
	strong   py.Object   // non-nil: keeps the Go object alive
	isStrong atomic.Bool // strong != nil, readable without mu (acquire)
	// sp is strong's data pointer while strong is set (written under mu):
	// object() rebuilds the object from it and itab without taking mu.
	sp   atomic.Pointer[byte]
	wp   weak.Pointer[byte] // the Go object, while it lives
	key  uintptr            // the Go object's address (byObj key); not a pointer, which would keep it alive
	itab unsafe.Pointer     // the type word of the Go object's interface value
	dead bool
	// lazy: the link is on a thread's list of links to weaken later
	// (weakenLater); set and cleared only with a successful
	// compare-and-swap / by the flush that takes it off.
	lazy atomic.Bool

	// listSeq is, for a list's mirror, 1 + the list's MirrorSeq when the
	// mirror's items were last found equal to the list's; 0 if unknown.
	listSeq atomic.Uint64
	// listSync is held (TryLock only, so never waited for) while a list
	// mirror is compared, filled and its listSeq recorded.
	listSync sync.Mutex
}

var (
	links linkTable // link id -> *link
	byObj sync.Map  // uintptr (Go object address) -> *link, for Go-owned objects; an integer key does not keep the object alive
	byPtr sync.Map  // *C.PyObject -> *link, for static objects without a head
)

// linkTable maps link ids (the handle in an object's head) to links: an
// array lookup, lock-free for readers, because every C->Go conversion
// does one. Ids are reused after a link dies.
type linkTable struct {
	mu     sync.Mutex
	chunks atomic.Pointer[[]*linkChunk]
	free   []uint64
	next   uint64
}

const linkChunkSize = 4096

type linkChunk [linkChunkSize]atomic.Pointer[link]

func (t *linkTable) get(id uint64) *link {
	p := t.chunks.Load()
	if p == nil || id>>12 >= uint64(len(*p)) {
		return nil
	}
	return (*p)[id>>12][id&(linkChunkSize-1)].Load()
}

// add stores l and returns its id (never 0).
func (t *linkTable) add(l *link) uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	var id uint64
	if n := len(t.free); n > 0 {
		id = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		t.next++
		id = t.next
	}
	var chunks []*linkChunk
	if p := t.chunks.Load(); p != nil {
		chunks = *p
	}
	for id>>12 >= uint64(len(chunks)) {
		chunks = append(append([]*linkChunk(nil), chunks...), new(linkChunk))
		t.chunks.Store(&chunks)
	}
	l.id = id
	chunks[id>>12][id&(linkChunkSize-1)].Store(l)
	return id
}

// remove frees l's id (if it still names l).
func (t *linkTable) remove(l *link) {
	p := t.chunks.Load()
	if p == nil || l.id>>12 >= uint64(len(*p)) {
		return
	}
	if (*p)[l.id>>12][l.id&(linkChunkSize-1)].CompareAndSwap(l, nil) {
		t.mu.Lock()
		t.free = append(t.free, l.id)
		t.mu.Unlock()
	}
}

// dataPtr returns the pointer an interface value holds (the identity of a
// pointer-shaped Go object).
func dataPtr(o py.Object) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[1]
}

const headSize = 16

// hasHead reports whether op was allocated by freepy (has an fpy_head).
// Type objects that are not heap types may be static data in an extension
// or in the shim, with nothing readable before them: those are told apart
// by their flags and never have their "head" read (reading before a static
// object is undefined behaviour, and AddressSanitizer says so). freepy's
// own mirrors of such types are found through byPtr like static ones.
//
// The static singletons (None, True, False, NotImplemented, Ellipsis, the
// small ints) are immortal, so only an immortal object is compared with
// them: most objects that reach this test are mortal mirrors, and the
// comparisons (each a load of a Go variable) were a third of linkOf.
func hasHead(op *C.PyObject) bool {
	if isStaticType(op) || immortal(op) && isStaticSingleton(op) {
		return false
	}
	return *(*uint64)(unsafe.Add(unsafe.Pointer(op), -headSize)) == C.FPY_MAGIC
}

// isStaticSingleton: None, True, False, NotImplemented, Ellipsis and the
// small ints are static data of the shim.
func isStaticSingleton(op *C.PyObject) bool {
	switch op {
	case noneObj, trueObj, falseObj, notImpl, ellipsis:
		return true
	}
	return isSmallIntObj(op)
}

// isSmallIntObj: op is one of the static small ints.
func isSmallIntObj(op *C.PyObject) bool {
	const size = uintptr(C.FPY_SMALL_MAX-C.FPY_SMALL_MIN+1) * C.sizeof_PyLongObject
	return uintptr(unsafe.Pointer(op))-uintptr(unsafe.Pointer(C.fpy_small_ints)) < size
}

func isStaticType(op *C.PyObject) bool {
	mt := op.ob_type
	return mt != nil && (mt == &C.PyType_Type || mt.tp_flags&C.Py_TPFLAGS_TYPE_SUBCLASS != 0) &&
		(*C.PyTypeObject)(unsafe.Pointer(op)).tp_flags&C.Py_TPFLAGS_HEAPTYPE == 0
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
		return links.get(id)
	}
	if l, ok := byPtr.Load(op); ok {
		return l.(*link)
	}
	return nil
}

// headLink is linkOf for an object that is known not to be a static type
// object or a static singleton (a dict or a str, by its type word): only
// the head's magic says whether it has a head, and what has none (static
// data of an extension) gets nil, for the caller's general path.
func headLink(op *C.PyObject) *link {
	if *(*uint64)(unsafe.Add(unsafe.Pointer(op), -headSize)) != C.FPY_MAGIC {
		return nil
	}
	id := atomicLoadU64(headHandle(op))
	if id == 0 {
		return nil
	}
	return links.get(id)
}

// strongObject is object() for a strong link only: the object from the
// strong pointer, or nil (then the caller takes fromC's path).
func (l *link) strongObject() py.Object {
	if p := l.sp.Load(); p != nil {
		return objectAt(l, p)
	}
	return nil
}

// linkedFromC is fromC for an object that is usually a linked Go object
// (a callable passed in from Go: a function, a bound method): its link
// is tried before fromC's tests for the value types.
func (s *tstate) linkedFromC(op *C.PyObject) py.Object {
	if op != nil {
		if l := linkOf(op); l != nil {
			if o := l.strongObject(); o != nil {
				return o
			}
		}
	}
	return s.fromC(op)
}

// object returns the linked Go object if it is still alive. A C-owned
// object's weak link has no Go object to offer: only its proxy referred to
// it, so C code cannot legitimately be converting it (fromC reproxies).
func (l *link) object() py.Object {
	// a real pointer, loaded atomically: holding it keeps the object
	// alive even if the link turns weak meanwhile
	if p := l.sp.Load(); p != nil {
		return objectAt(l, p)
	}
	l.mu.Lock()
	o := l.strong
	if o == nil && !l.dead && !l.cowned {
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
// A C-owned object's proxy needs neither a weak pointer nor an entry in
// byObj (the proxy holds the C pointer itself): one cleanup is all, which
// matters when a program makes millions of C objects.
func newLink(o py.Object, op *C.PyObject, cowned bool) *link {
	l := &link{ptr: op, cowned: cowned, strong: o}
	l.isStrong.Store(true)
	key := dataPtr(o)
	l.key = uintptr(key)
	l.itab = (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[0]
	l.sp.Store((*byte)(key))
	if ref := py.CRef(o); ref != nil {
		// dicts and lists keep their mirror themselves: no map entry and
		// no weak pointer (the cheapest link, for C code that makes many)
		ref.Store((*byte)(unsafe.Pointer(op)))
		if d, ok := o.(*py.Dict); ok {
			setDictMirrorVersion(unsafe.Pointer(op), d.Version())
		}
	} else if !cowned {
		l.wp = weak.Make((*byte)(key))
		byObj.Store(l.key, l)
	}
	links.add(l)
	if hasHead(op) {
		atomicStoreU64(headHandle(op), l.id)
	} else {
		l.static = true
		byPtr.Store(op, l)
	}
	if !l.static {
		// the link itself is the argument: ids are reused. It does not keep
		// the object alive once the link is weak (strong == nil).
		runtime.AddCleanup((*byte)(key), goObjectDead, l)
	}
	return l
}

// newStaticLink links a permanent pair (a static type object and its Go
// type): never weakened, never freed.
func newStaticLink(o py.Object, op *C.PyObject) *link {
	l := &link{ptr: op, strong: o, static: true}
	l.key = uintptr(dataPtr(o))
	l.itab = (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[0]
	l.sp.Store((*byte)(dataPtr(o)))
	links.add(l)
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
	if ref := py.CRef(o); ref != nil {
		p := ref.Load()
		if p == nil {
			return nil
		}
		return linkOf((*C.PyObject)(unsafe.Pointer(p)))
	}
	v, ok := byObj.Load(uintptr(dataPtr(o)))
	if !ok {
		return nil
	}
	return liveLink(v.(*link), o)
}

// liveLink returns l if it is the link of o (nil if l's object died and o
// took its address).
func liveLink(l *link, o py.Object) *link {
	if l.static {
		return l
	}
	// A strong link holds its object, so that object is alive, and o is
	// alive (the caller holds it) at the same address with the same type:
	// they are one object. This skips the weak pointer's lookup for
	// objects that cross again while their link is strong, as the links
	// that weakenLater keeps strong do.
	if l.isStrong.Load() && l.itab == (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[0] {
		return l
	}
	// the address may have been reused after the old object died
	if p := l.wp.Value(); p == nil || unsafe.Pointer(p) != dataPtr(o) {
		return nil
	}
	return l
}

// linkCache is a thread's direct-mapped cache of byObj: the objects a
// thread passes to C again and again (a callback function, a key) are
// found without the shared map. An entry is only a hint, checked as
// byObj's answer is (liveLink); it keeps a link struct, never a Go object,
// from being collected.
type linkCache [64]*link

// linkFor is the package's linkFor through the thread's cache.
func (s *tstate) linkFor(o py.Object) *link {
	if py.CRef(o) != nil {
		return linkFor(o)
	}
	key := uintptr(dataPtr(o))
	slot := &s.links[(key>>4^key>>10)%uintptr(len(s.links))]
	if l := *slot; l != nil && l.key == key {
		if l = liveLink(l, o); l != nil {
			return l
		}
	}
	l := linkFor(o)
	if l != nil {
		*slot = l
	}
	return l
}

// acquire gives the caller a new reference to l's C object, for the live
// Go object o, and makes the link strong.
//
// The common case (the link is strong already) takes no lock: maybeWeaken
// clears isStrong before it looks at the count and sets it back if the
// count is not zero, so an increment made before our check of isStrong is
// always seen by one of the two.
func (l *link) acquire(o py.Object) *C.PyObject {
	incref(l.ptr)
	if l.static || l.isStrong.Load() {
		return l.ptr
	}
	l.mu.Lock()
	l.strong = o
	l.sp.Store((*byte)(dataPtr(o)))
	l.isStrong.Store(true)
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
	l.isStrong.Store(false)
	if refcnt(l.ptr) <= min {
		l.strong = nil
		l.sp.Store(nil)
	} else {
		l.isStrong.Store(true)
	}
	l.mu.Unlock()
}

// goObjectDead runs (through the finalizer goroutine) after the Go object
// of link id was collected: a mirror is freed, a proxy releases its
// reference to the C object.
func goObjectDead(l *link) {
	finalize(func(s *tstate) {
		l.mu.Lock()
		if l.strong != nil || l.dead {
			l.mu.Unlock()
			return
		}
		l.dead = true
		l.mu.Unlock()
		op := l.ptr
		atomicStoreU64(headHandle(op), 0)
		links.remove(l)
		if !l.cowned {
			byObj.CompareAndDelete(l.key, l)
		}
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
		unpinMirror(op)
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

// helpFinalize lets a thread that makes C objects run some pending
// finalizations itself, so that a loop creating and dropping C objects
// cannot outrun the finalizer goroutine (bounded memory). Only a thread
// that holds no pseudo-GIL helps: a destructor takes its module's. Nor
// does one realizing a C-born dict: it holds the dict's C lock, which a
// destructor's C code could wait for.
func (s *tstate) helpFinalize() {
	if len(finalizerQueue) < 64 || len(s.legacy) > 0 || len(s.realizing) > 0 {
		return
	}
	for i := 0; i < 32; i++ {
		select {
		case f := <-finalizerQueue:
			f(s)
		default:
			return
		}
	}
}

// setDictMirrorVersion stores a dict's version in its mirror's
// ma_version_tag, plus one so that it is never 0: Cython's lookup caches
// start at version 0 and would take an untouched 0 as "cached: not found".
func setDictMirrorVersion(p unsafe.Pointer, v uint64) {
	atomicStoreU64(unsafe.Pointer(&(*C.PyDictObject)(p).ma_version_tag), v+1)
}

func init() { py.DictMirrorVersion = setDictMirrorVersion }
