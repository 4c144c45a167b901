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

	"freepy/interp/py"
)

// tstate is a Python thread's C-API state: its C PyThreadState (whose
// error indicator C code reads and writes directly) and its autorelease
// pool (DESIGN.md, "Borrowed references").
type tstate struct {
	t   *py.Thread
	ts  *C.PyThreadState
	idx uintptr

	// pool holds references owned on behalf of the C calls in progress:
	// borrowed arguments passed to C and borrowed results handed to C.
	// Each Go->C call remembers the pool's length and releases what was
	// added above it when the call returns.
	pool []poolEntry
	// inPool de-duplicates autoreleased borrowed results, so that looking
	// up the same key in a loop does not grow the pool.
	inPool map[*C.PyObject]struct{}

	// legacy is the stack of pseudo-GILs this thread holds (legacy.go).
	legacy []*legacyHold
	// loading is the extension whose PyInit function is running.
	loading *extModule
	// depth counts the C calls in progress; bufs[depth] is the call
	// buffer (fpy_call) of the call being made (callBuf).
	depth int
	bufs  []valBuffer
	// saved holds what PyEval_SaveThread released, gilstate what
	// PyGILState_Ensure took (api_thread.go); dict is PyThreadState_GetDict.
	saved    []func()
	gilstate []gilHold
	dict     *C.PyObject
	// strCache holds, direct-mapped by a hash of their contents, short
	// ASCII strings C code made, as decoded Go strings
	// their decoded Go strings (cachedStr).
	strCache [256]*py.Str
	// dictIters holds PyDict_Next snapshots (api_dict.go).
	dictIters map[*py.Dict]*dictIter
	// realizing: the C-born dicts being realized by this thread, for
	// dicts that contain themselves (realizeDict).
	realizing map[*C.PyObject]*py.Dict
	// dying is the work list of deallocFast.
	dying []*C.PyObject
	// freeHolds are levels left, for reuse by enter.
	freeHolds []*legacyHold
	// links caches the links of Go objects this thread passed to C.
	links linkCache
	// lazy holds links whose count this thread's pool brought to zero,
	// still strong (weakenLater); lazyMu guards it against flushAllLazy.
	lazyMu sync.Mutex
	lazy   []*link
	// argBuf holds the arguments of a call C code makes into Python
	// (callArgs) while argBusy says it is in use; a nested call allocates.
	// Callees never keep their argument slice (the evaluation loop passes
	// slices of its value stack too).
	argBuf  [4]py.Object
	argBusy bool
}

var (
	tstatesMu sync.Mutex
	tstates   atomic.Pointer[[]*tstate] // index -> state, copy on write
)

// stateOf returns t's C-API state, creating it on first use.
func stateOf(t *py.Thread) *tstate {
	if p := t.CState; p != nil {
		return (*tstate)(p)
	}
	return newTstate(t)
}

// newTstate is stateOf's first call on a thread (out of line, so that
// stateOf inlines into every call path).
func newTstate(t *py.Thread) *tstate {
	s := &tstate{t: t, inPool: map[*C.PyObject]struct{}{}}
	// the extension after the PyThreadState holds memory to free later
	// (freeLater)
	s.ts = (*C.PyThreadState)(C.fpy_alloc(C.sizeof_fpy_tstate_ext))
	s.ts.thread_id = C.ulong(t.ID)
	// 3.11's inline recursion checks count down in the thread state;
	// freepy bounds recursion elsewhere (Py_EnterRecursiveCall's depth, the
	// interpreter's frame limit), so the count starts out of reach
	s.ts.recursion_remaining = C.INT_MAX / 2
	s.ts.recursion_limit = C.INT_MAX / 2
	// compiled code (Cython) reads and writes exc_info->exc_value directly
	s.ts.exc_info = (*C._PyErr_StackItem)(C.fpy_alloc(C.sizeof__PyErr_StackItem))
	tstatesMu.Lock()
	var list []*tstate
	if p := tstates.Load(); p != nil {
		list = append(list, (*p)...)
	}
	list = append(list, s)
	s.idx = uintptr(len(list))
	tstates.Store(&list)
	tstatesMu.Unlock()
	// the index, not a pointer: C memory must not hold Go pointers
	*(*uintptr)(unsafe.Pointer(&s.ts.on_delete_data)) = s.idx
	t.CState = unsafe.Pointer(s)
	return s
}

// stateFromC finds the Go state of the C thread state a C-API call came
// with. A C thread that calls the API without a thread state (it did not
// call PyGILState_Ensure) gets one, as if it had.
func stateFromC(ts *C.PyThreadState) *tstate {
	if ts == nil {
		return foreignThread()
	}
	idx := *(*uintptr)(unsafe.Pointer(&ts.on_delete_data))
	list := *tstates.Load()
	return list[idx-1]
}

// foreignThread makes a state for an OS thread that Go did not start.
func foreignThread() *tstate {
	t := mainInterp().NewThread()
	s := stateOf(t)
	C.fpy_set_tstate(s.ts)
	return s
}

var (
	interpMu  sync.Mutex
	theInterp *py.Interp
)

func mainInterp() *py.Interp {
	interpMu.Lock()
	defer interpMu.Unlock()
	return theInterp
}

// mark starts a C call: what enters the pool from now on is released by
// release(mark).
func (s *tstate) mark() int { return len(s.pool) }

// keep adds an owned reference to the pool.
func (s *tstate) keep(op *C.PyObject) {
	s.pool = append(s.pool, poolEntry{op: op})
}

// keepLinked adds an owned reference to the pool together with the
// object's link, so that releasing it needs no linkOf (about 60
// instructions of every linked argument's round trip).
func (s *tstate) keepLinked(op *C.PyObject, l *link) {
	s.pool = append(s.pool, poolEntry{op: op, l: l})
}

// poolEntry is a reference the pool owns, with the object's link when
// the code that took the reference had it at hand (borrow).
type poolEntry struct {
	op *C.PyObject
	l  *link
}

// autorelease keeps a borrowed result alive until the current C call
// returns: it takes a reference, once per object.
func (s *tstate) autorelease(op *C.PyObject) *C.PyObject {
	if op == nil || immortal(op) {
		return op
	}
	if _, ok := s.inPool[op]; ok {
		return op
	}
	s.inPool[op] = struct{}{}
	incref(op)
	s.pool = append(s.pool, poolEntry{op: op})
	return op
}

// cMemoryTrigger: after this much C memory was allocated since the last
// collection, start one, so that proxies of dead C objects are found and
// their memory released even when Go's own heap hardly grows.
const cMemoryTrigger = 16 << 20

// nextCollect is fpy_alloc_bytes at which the next collection starts.
var nextCollect atomic.Uint64

func init() { nextCollect.Store(cMemoryTrigger) }

// allocBytes is fpy_alloc_bytes, the address taken once (a cgo variable's
// address is loaded through a pointer on each use).
var allocBytes = (*atomic.Uint64)(unsafe.Pointer(&C.fpy_alloc_bytes))

func maybeCollect() {
	n := allocBytes.Load()
	next := nextCollect.Load()
	if n > next && nextCollect.CompareAndSwap(next, n+cMemoryTrigger) {
		go runtime.GC()
	}
}

// release drops the references the pool took since mark, and starts a
// collection when much C memory was allocated since the last one.
func (s *tstate) release(mark int) {
	if s.mustRelease(mark) {
		s.releaseSlow(mark)
	}
}

// mustRelease reports whether release(mark) has work: references to drop
// or a collection to start. Hot call paths test it themselves, as
// release does not inline.
func (s *tstate) mustRelease(mark int) bool {
	return len(s.pool) != mark || allocBytes.Load() > nextCollect.Load()
}

// releaseSlow is release's work when there is some (out of line, so that
// release inlines into every call path).
func (s *tstate) releaseSlow(mark int) {
	if allocBytes.Load() > nextCollect.Load() {
		// maybeCollect's test, inlined: it is rarely true
		maybeCollect()
	}
	if len(s.pool) == mark {
		return
	}
	if len(s.pool) == mark+1 && s.pool[mark].l != nil {
		// the commonest case: one linked object borrowed (a method's
		// self, a callback function), which is never destroyed here
		s.releaseLinked(mark)
		return
	}
	var dead []*C.PyObject
	// nothing in the loop adds to the pool: a local copy of the slice
	// saves reloading s.pool (and its bounds check) for every entry
	pool := s.pool
	for i := len(pool) - 1; i >= mark; i-- {
		e := pool[i]
		pool[i] = poolEntry{}
		if len(s.inPool) > 0 {
			delete(s.inPool, e.op)
		}
		if l := e.l; l != nil {
			// a linked object is never destroyed here
			if !immortal(e.op) {
				if n := decrefCount(e.op); n != 0 || l.cowned || !l.lazy.Load() {
					s.linkDropped(l, n)
				}
				// else: a Go object's link at zero that is on a lazy
				// list already (an argument passed on every call), which
				// is all linkDropped would find: two calls saved
			}
		} else if z := s.decrefDeferred(e.op); z {
			dead = append(dead, e.op)
		}
	}
	s.pool = s.pool[:mark]
	for _, op := range dead {
		s.dealloc(op)
	}
}

// releaseLinked is releaseSlow for a pool with one entry above mark,
// of a linked object: without the loop, the de-duplication map's test
// and the list of dead objects.
func (s *tstate) releaseLinked(mark int) {
	e := s.pool[mark]
	s.pool[mark] = poolEntry{}
	s.pool = s.pool[:mark]
	if len(s.inPool) > 0 {
		delete(s.inPool, e.op)
	}
	if !immortal(e.op) {
		// as in releaseSlow's loop
		if n := decrefCount(e.op); n != 0 || e.l.cowned || !e.l.lazy.Load() {
			s.linkDropped(e.l, n)
		}
	}
}

// decrefDeferred drops one reference; it reports true when an unlinked
// object reached zero and must be destroyed by the caller.
func (s *tstate) decrefDeferred(op *C.PyObject) bool {
	if immortal(op) {
		return false
	}
	n := decrefCount(op)
	if n != 0 && n != 1 {
		return false
	}
	l := linkOf(op)
	if l == nil {
		return n == 0
	}
	s.linkDropped(l, n)
	return false
}

// linkDropped follows a linked object's count down to n: a Go object's
// link may weaken at zero, a C-owned object's at one (its proxy's).
func (s *tstate) linkDropped(l *link, n int64) {
	switch {
	case n == 0 && !l.cowned:
		s.weakenLater(l)
	case n == 1 && l.cowned:
		l.maybeWeaken()
	}
}

// decref drops one reference now.
func (s *tstate) decref(op *C.PyObject) {
	if op == nil {
		return
	}
	if s.decrefDeferred(op) {
		s.dealloc(op)
	}
}

// ---- the error indicator ------------------------------------------------

// setError puts err into the C error indicator (PyErr_SetObject).
func (s *tstate) setError(err error) {
	e := exceptionOf(err)
	s.clearError()
	s.ts.curexc_type = s.newRef(e.Type())
	s.ts.curexc_value = s.newRef(e)
}

func (s *tstate) clearError() {
	t, v, tb := s.ts.curexc_type, s.ts.curexc_value, s.ts.curexc_traceback
	s.ts.curexc_type, s.ts.curexc_value, s.ts.curexc_traceback = nil, nil, nil
	s.decref(t)
	s.decref(v)
	s.decref(tb)
}

func (s *tstate) errorSet() bool { return s.ts.curexc_type != nil }

// fetchError takes the C error indicator as a Go error (nil when clear).
func (s *tstate) fetchError() error {
	typ, val, tb := s.ts.curexc_type, s.ts.curexc_value, s.ts.curexc_traceback
	if typ == nil {
		return nil
	}
	s.ts.curexc_type, s.ts.curexc_value, s.ts.curexc_traceback = nil, nil, nil
	defer func() {
		s.decref(typ)
		s.decref(val)
		s.decref(tb)
	}()
	return s.normalize(s.fromC(typ), s.fromC(val))
}

// normalize makes an exception instance from a (type, value) pair as
// PyErr_NormalizeException does.
func (s *tstate) normalize(typ, val py.Object) error {
	if e, ok := val.(*py.BaseException); ok && (typ == nil || e.Type().IsSubtype(asType(typ))) {
		return e
	}
	tt, ok := typ.(*py.Type)
	if !ok {
		if e, ok := typ.(*py.BaseException); ok {
			return e
		}
		return py.TypeErrorf("exceptions must derive from BaseException")
	}
	var args []py.Object
	switch v := val.(type) {
	case nil, py.NoneType:
	case *py.Tuple:
		args = v.Items()
	default:
		args = []py.Object{v}
	}
	r, err := py.Call(s.t, tt, args, nil)
	if err != nil {
		return err
	}
	if e, ok := r.(*py.BaseException); ok {
		return e
	}
	return py.TypeErrorf("calling %s should have returned an instance of BaseException, not %s", tt.Name(), r.Type().Name())
}

func asType(o py.Object) *py.Type {
	if t, ok := o.(*py.Type); ok {
		return t
	}
	return py.BaseExceptionType
}

// exceptionOf turns any Go error into a Python exception.
func exceptionOf(err error) *py.BaseException {
	if e := py.AsException(err); e != nil {
		return e
	}
	return py.NewError(py.SystemErrorType, err.Error())
}

// result converts what a C function returned (a new reference, or NULL
// with the error indicator set) into a Go result.
func (s *tstate) result(op *C.PyObject, what string) (py.Object, error) {
	return s.resultOf(op, func() string { return what })
}

// resultOf is result with the name of the call made only for an error.
func (s *tstate) resultOf(op *C.PyObject, name func() string) (py.Object, error) {
	if op == nil {
		if err := s.fetchError(); err != nil {
			return nil, err
		}
		return nil, py.Errorf(py.SystemErrorType, "%s returned NULL without setting an exception", name())
	}
	if s.errorSet() {
		err := s.fetchError()
		s.keep(op)
		se := py.Errorf(py.SystemErrorType, "%s returned a result with an exception set", name())
		se.SetCause(exceptionOf(err))
		se.SetContext(se.Cause())
		return nil, se
	}
	// the caller's reference: dropped now, the object decoded and, if
	// nothing else holds it, destroyed in the same walk
	return s.consume(op), nil
}

// dealloc runs the destructor of an object whose count reached zero,
// under the pseudo-GIL of the legacy module that defined its type.
func (s *tstate) dealloc(op *C.PyObject) {
	if s.deallocFast(op) {
		return
	}
	s.deallocC(op)
}

func (s *tstate) deallocC(op *C.PyObject) {
	ext := extOfType(op.ob_type)
	took := ext.enter(s, "tp_dealloc")
	C.fpy_dealloc_now(s.ts, &op, 1)
	ext.leave(s, took)
}

// extOfType finds the extension that defined tp or its nearest C base (nil
// for freepy's own types).
func extOfType(tp *C.PyTypeObject) *extModule {
	for ; tp != nil; tp = tp.tp_base {
		if v, ok := ctypeExt.Load(tp); ok {
			return v.(*extModule)
		}
	}
	return nil
}

// deallocFast destroys an unlinked object of a built-in layout (tuple,
// list, dict, str, bytes, int, float: what C code builds and returns most)
// without a cgo call: what fpy_mirror_dealloc would do, done in Go. The
// references it held are dropped now (so that Go objects they keep alive
// are not held longer); only its memory waits in the thread's free list
// for the next call into C (fpy_tstate_ext), which frees it on the way.
// It reports false for anything else, and under FREEPY_CAPI_DEBUG, whose
// poisoning must happen at once.
func (s *tstate) deallocFast(op *C.PyObject) bool {
	if !fastDeallocType(op) {
		return false
	}
	// a work list instead of recursion (a long chain of tuples); calls
	// made from here (deallocC) may use it again above base
	base := len(s.dying)
	s.dying = append(s.dying, op)
	for len(s.dying) > base {
		op := s.dying[len(s.dying)-1]
		s.dying = s.dying[:len(s.dying)-1]
		if !fastDeallocType(op) {
			s.deallocC(op)
			continue
		}
		s.dropHeld(op)
		s.freeObjectLater(op)
	}
	return true
}

var mirrorDealloc = C.destructor(C.fpy_mirror_dealloc)

// fastDeallocType: an object deallocFast can destroy.
func fastDeallocType(op *C.PyObject) bool {
	if C.fpy_debug != 0 {
		return false
	}
	switch op.ob_type {
	case &C.PyTuple_Type, &C.PyList_Type, &C.PyDict_Type, &C.PyBytes_Type, &C.PyFloat_Type:
	case &C.PyLong_Type:
		if isSmallIntObj(op) {
			return false
		}
	case &C.PyUnicode_Type:
		if *(*uint32)(ptrAt(op, offUniState))&(1<<5) == 0 {
			return false // not compact: its data is a separate block
		}
	default:
		return false
	}
	tp := op.ob_type
	// objects of these types are neither type objects nor static
	// singletons (small ints are checked above): hasHead comes down to
	// the magic number
	return tp.tp_dealloc == mirrorDealloc && (tp.tp_free == nil || tp.tp_free == C.freefunc(C.PyObject_Free)) &&
		*(*uint64)(unsafe.Add(unsafe.Pointer(op), -headSize)) == C.FPY_MAGIC
}

// dropHeld releases the references and side blocks an object of a
// built-in layout owns (see fpy_mirror_dealloc).
func (s *tstate) dropHeld(op *C.PyObject) {
	drop := func(it *C.PyObject) {
		if it != nil && s.decrefDeferred(it) {
			s.dying = append(s.dying, it)
		}
	}
	switch op.ob_type {
	case &C.PyTuple_Type:
		for _, it := range unsafe.Slice((**C.PyObject)(ptrAt(op, offTupleItems)), obSize(op)) {
			drop(it)
		}
	case &C.PyList_Type:
		arr := *(***C.PyObject)(ptrAt(op, offListItems))
		if arr != nil {
			for _, it := range unsafe.Slice(arr, obSize(op)) {
				drop(it)
			}
			s.freeLater(unsafe.Pointer(arr))
		}
	case &C.PyDict_Type:
		d := (*C.PyDictObject)(unsafe.Pointer(op))
		if tbl := d.ma_keys; tbl != nil {
			d.ma_keys = nil
			for _, e := range cdictEntries(unsafe.Pointer(tbl), int(d.ma_used)) {
				drop(e.key)
				drop(e.value)
			}
			s.freeLater(unsafe.Pointer(tbl))
		}
	case &C.PyUnicode_Type:
		if *(*uint32)(ptrAt(op, offUniState))&(1<<6) == 0 {
			if u := (*C.PyCompactUnicodeObject)(unsafe.Pointer(op)).utf8; u != nil {
				s.freeLater(unsafe.Pointer(u))
			}
		}
	}
}

// freeObjectLater is freeLater for an object block: a small int, a
// float or a small tuple (its items released) goes back to the C free
// lists of the thread that frees it (the low bit of the queued pointer
// says so).
// The hottest types' addresses, taken once (a cgo variable's address is
// loaded through a pointer on each use): fromC and consume test them.
var (
	typeLong    = &C.PyLong_Type
	typeFloat   = &C.PyFloat_Type
	typeUnicode = &C.PyUnicode_Type
	typeBool    = &C.PyBool_Type
	typeNone    = &C._PyNone_Type
	typeComplex = &C.PyComplex_Type
)

// freeValueLater is freeObjectLater for a dead int of up to two digits
// (isInt) or a float: into the thread's stash while it has room, else
// back to C's free lists through the free queue. The next method call's
// trampoline moves what is beyond half of the stash to C's free lists
// (stash_spill in shim/core.c), in bulk: cheaper than the queue's
// per-block checks.
func (s *tstate) freeValueLater(op *C.PyObject, isInt bool) {
	x := s.stash()
	if isInt && x.nints < C.FPY_NSTASH {
		x.ints[x.nints] = op
		x.nints++
		return
	}
	if !isInt && x.nfloats < C.FPY_NSTASH {
		x.floats[x.nfloats] = op
		x.nfloats++
		return
	}
	// the low bit: a dead block C may keep on a free list
	s.freeLater(unsafe.Add(unsafe.Pointer(op), 1))
}

func (s *tstate) freeObjectLater(op *C.PyObject) {
	switch op.ob_type {
	case &C.PyLong_Type, &C.PyFloat_Type:
		if s.stashDead(op) {
			return
		}
	case &C.PyTuple_Type:
	default:
		s.freeLater(unsafe.Pointer(op))
		return
	}
	// the low bit: a dead block C may keep on a free list
	s.freeLater(unsafe.Add(unsafe.Pointer(op), 1))
}

// freeLater queues C memory for fpy_free: the thread's next method call
// frees it in C, so that releasing a result costs no cgo call of its own.
func (s *tstate) freeLater(p unsafe.Pointer) {
	x := (*C.fpy_tstate_ext)(unsafe.Pointer(s.ts))
	if x.nfree == C.FPY_NFREE {
		C.fpy_free_array(&x.tofree[0], x.nfree)
		x.nfree = 0
	}
	x.tofree[x.nfree] = p
	x.nfree++
}
