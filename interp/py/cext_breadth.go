package py

import (
	"runtime"
	"sync"
	"sync/atomic"
	"weak"
)

// Entry points for the C-API functions of capi/api_breadth.go that need
// the interpreter's internals.

// SendInto sends v into the iterator sub as the SEND instruction does
// (PyIter_Send): done reports that sub returned r.
func SendInto(t *Thread, sub, v Object) (r Object, done bool, err error) { return sendInto(t, sub, v) }

// LookupSpecial finds a special method on o's type, bound to o; nil, nil
// when the type has none (_PyObject_LookupSpecial).
func LookupSpecial(t *Thread, o Object, name string) (Object, error) {
	descr := o.Type().Lookup(NewStr(name))
	if descr == nil {
		return nil, nil
	}
	if get := LoadPtr(&descr.Type().DescrGet); get != nil {
		return get(t, descr, o, o.Type())
	}
	return descr, nil
}

// LengthHint is operator.length_hint (PyObject_LengthHint).
func LengthHint(t *Thread, o Object, dflt int) (Object, error) { return lengthHint(t, o, dflt) }

// NewForeignMemoryView is a memoryview of memory C code owns
// (PyMemoryView_FromBuffer); obj is what the view reports as its obj.
func NewForeignMemoryView(obj Object, fb *ForeignBuf) *MemoryView { return foreignMemoryView(obj, fb) }

// CodeAddrLine is the line of the instruction at byte offset addr of
// co_code (PyCode_Addr2Line, the mapping co_lines() gives): the first
// line for a negative offset, -1 past the end or where no line applies.
func CodeAddrLine(c *Code, addr int) int {
	if addr < 0 {
		return c.FirstLine
	}
	i := addr / 2
	if i >= len(c.Instrs) || i >= len(c.Positions) || c.Positions[i].Line <= 0 {
		return -1
	}
	return int(c.Positions[i].Line)
}

// TripSignal simulates the arrival of signal n (PyErr_SetInterruptEx):
// its Python handler runs in the main thread at the next check. false
// when n is not a valid signal number. A signal without a Python handler
// (SIG_DFL, SIG_IGN) is not recorded at all, as in CPython: left pending,
// it would run the handler installed later (test_threading's
// test_interrupt_main_noerror restores SIGINT's default_int_handler).
func TripSignal(n int) bool {
	if n <= 0 || n >= nsig {
		return false
	}
	sigState.mu.Lock()
	h := sigState.handlers[n]
	sigState.mu.Unlock()
	if _, ok := h.(Int); ok || h == nil {
		return true
	}
	sigState.pending[n].Store(true)
	sigState.any.Store(true)
	select {
	case sigState.wake <- struct{}{}:
	default:
	}
	return true
}

// PendingCalls runs the C functions of Py_AddPendingCall in the main
// thread (set by package capi): the signal check calls it after the
// signal handlers when SchedulePending was called.
var PendingCalls func(t *Thread) error

var pendingScheduled struct {
	sync.Mutex
	on bool
}

// SchedulePending asks the main thread to call PendingCalls at its next
// signal check (the evaluation loop checks at every backward jump).
func SchedulePending() {
	pendingScheduled.Lock()
	pendingScheduled.on = true
	pendingScheduled.Unlock()
	sigState.any.Store(true)
	select {
	case sigState.wake <- struct{}{}:
	default:
	}
}

// runPending is the main thread's part of SchedulePending.
func runPending(t *Thread) error {
	pendingScheduled.Lock()
	on := pendingScheduled.on
	pendingScheduled.on = false
	pendingScheduled.Unlock()
	if !on || PendingCalls == nil {
		return nil
	}
	return PendingCalls(t)
}

// ExitHook, when set (by package capi), runs after the atexit functions:
// the C functions registered with Py_AtExit.
var ExitHook func()

// InstanceDict is the __dict__ of an instance of a class or of a C type
// with one (PyObject_GenericGetDict), or nil.
func InstanceDict(o Object) *Dict {
	if c, ok := o.(*CObject); ok {
		return c.dict
	}
	return instanceDict(o)
}

// SetInstanceDict replaces that __dict__ (PyObject_GenericSetDict);
// false when o has none.
func SetInstanceDict(o Object, d *Dict) bool {
	switch v := o.(type) {
	case *CObject:
		if v.dict == nil {
			return false
		}
		v.dict = d
		return true
	case *Instance:
		if LoadPtr(&v.dict) == nil {
			return false
		}
		storePtr(&v.dict, d)
		return true
	}
	return false
}

// WeakrefInstances reports whether t's instances take weak references
// as CPython's do (PyType_SUPPORTS_WEAKREFS): a class statement's unless
// its __slots__ leave out __weakref__ or it subclasses int, tuple or
// bytes; of the built-in types, those CPython gives a weak reference list.
func (t *Type) WeakrefInstances() bool {
	if t.classStmt {
		return t.hasWeakref
	}
	switch t {
	case TypeType, FunctionType, BuiltinType, MethodType, CodeType, SetType, FrozenSetType, GeneratorType,
		CoroutineType, AsyncGeneratorType, ModuleType:
		return true
	}
	return false
}

// liveThreads maps the ids of the threads that exist (their Thread not
// yet collected) to them, for PyThreadState_SetAsyncExc.
var liveThreads sync.Map // int64 -> weak.Pointer[Thread]

type threadKey struct {
	id int64
	w  weak.Pointer[Thread]
}

func registerThread(t *Thread) {
	w := weak.Make(t)
	liveThreads.Store(t.ID, w)
	// ids repeat across interpreters (Go tests make many): delete the
	// entry only if it is still this thread's
	runtime.AddCleanup(t, func(k threadKey) {
		liveThreads.CompareAndDelete(k.id, k.w)
		threadParks.Delete(k.w)
	}, threadKey{t.ID, w})
}

// asyncExcs holds the exceptions PyThreadState_SetAsyncExc asked threads
// to raise; n counts them, so that the signal check of a thread with none
// costs one atomic load.
var asyncExcs struct {
	sync.Mutex
	byID map[int64]Object
	n    atomic.Int32
}

// SetAsyncExc asks thread id to raise exc (a class or an instance) at its
// next check, or withdraws the request when exc is nil. It returns the
// number of threads affected: 0 when no thread has that id.
func SetAsyncExc(id int64, exc Object) int {
	w, ok := liveThreads.Load(id)
	if !ok || w.(weak.Pointer[Thread]).Value() == nil {
		return 0
	}
	asyncExcs.Lock()
	if asyncExcs.byID == nil {
		asyncExcs.byID = map[int64]Object{}
	}
	_, had := asyncExcs.byID[id]
	switch {
	case exc == nil && had:
		delete(asyncExcs.byID, id)
		asyncExcs.n.Add(-1)
	case exc != nil:
		asyncExcs.byID[id] = exc
		if !had {
			asyncExcs.n.Add(1)
		}
	}
	asyncExcs.Unlock()
	if exc != nil {
		sigState.any.Store(true)
	}
	return 1
}

// takeAsyncExc is the exception asked of t, made from its class if need
// be, or nil.
func takeAsyncExc(t *Thread) error {
	asyncExcs.Lock()
	exc, ok := asyncExcs.byID[t.ID]
	if ok {
		delete(asyncExcs.byID, t.ID)
		asyncExcs.n.Add(-1)
	}
	asyncExcs.Unlock()
	if !ok {
		return nil
	}
	if typ, isType := exc.(*Type); isType {
		v, err := Call(t, typ, nil, nil)
		if err != nil {
			return err
		}
		exc = v
	}
	if e, isExc := exc.(*BaseException); isExc {
		return e
	}
	return TypeErrorf("exceptions must derive from BaseException")
}
