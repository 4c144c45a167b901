package py

import (
	"fmt"
	"freepy/interp/compile"
	"freepy/interp/syntax"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"weak"
)

// _thread: every Python thread is a goroutine with its own *Thread. There
// is no global lock; locks are Go channels so that waits can time out and
// be interrupted by signals in the main thread.

var (
	LockType  = newBuiltinType("lock", ObjectType)
	RLockType = newBuiltinType("RLock", ObjectType)
	LocalType = newBuiltinType("_local", ObjectType)
)

// timeoutMax is _thread.TIMEOUT_MAX in seconds (CPython's value on Linux).
const timeoutMax = float64(math.MaxInt64/1000) / 1e6

// Lock is _thread.lock: unlocked when its channel holds the token.
type Lock struct {
	ch chan struct{}
}

// Type returns _thread.lock.
func (*Lock) Type() *Type { return LockType }

func newLock() *Lock {
	l := &Lock{ch: make(chan struct{}, 1)}
	l.ch <- struct{}{}
	return l
}

// tryAcquire takes the lock if it is free.
func (l *Lock) tryAcquire() bool {
	select {
	case <-l.ch:
		return true
	default:
		return false
	}
}

// acquire waits for the lock for at most timeout (< 0: forever).
func (l *Lock) acquire(t *Thread, timeout time.Duration) (bool, error) {
	if l.tryAcquire() {
		return true, nil
	}
	if timeout == 0 {
		return false, nil
	}
	return waitChan(t, l.ch, timeout)
}

func (l *Lock) release() error {
	select {
	case l.ch <- struct{}{}:
		return nil
	default:
		return NewError(RuntimeErrorType, "release unlocked lock")
	}
}

func (l *Lock) locked() bool { return len(l.ch) == 0 }

// withSignalsAfter makes a lock's acquire method: enter followed by the
// main thread's signal check (signalsAfterCall).
func withSignalsAfter(enter BuiltinFunc) BuiltinFunc {
	return func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		r, err := enter(t, self, args, kw)
		if err != nil {
			return nil, err
		}
		if err := signalsAfterCall(t); err != nil {
			return nil, err
		}
		return r, nil
	}
}

// RLock is _thread.RLock. owner and count are only written by the owner.
type RLock struct {
	lock  *Lock
	owner atomic.Int64 // thread ID, 0 when free
	count int64
}

// Type returns _thread.RLock.
func (*RLock) Type() *Type { return RLockType }

// lockTimeout parses acquire(blocking=True, timeout=-1).
func lockTimeout(t *Thread, args []Object, kw []string) (time.Duration, error) {
	var blockingO, timeoutO Object
	if err := ParseArgs("acquire", args, kw, []string{"blocking", "timeout"}, 0, &blockingO, &timeoutO); err != nil {
		return 0, err
	}
	blocking := true
	if blockingO != nil {
		b, err := IsTrue(t, blockingO)
		if err != nil {
			return 0, err
		}
		blocking = b
	}
	secs := -1.0
	if timeoutO != nil {
		f, err := toSeconds(t, timeoutO)
		if err != nil {
			return 0, err
		}
		if math.IsNaN(f) {
			return 0, ValueErrorf("Invalid value NaN (not a number)")
		}
		secs = f
	}
	if !blocking {
		if secs != -1 {
			return 0, ValueErrorf("can't specify a timeout for a non-blocking call")
		}
		return 0, nil
	}
	if secs < 0 && secs != -1 {
		return 0, ValueErrorf("timeout value must be positive")
	}
	if secs > timeoutMax {
		return 0, NewError(OverflowErrorType, "timeout value is too large")
	}
	if secs < 0 {
		return -1, nil
	}
	return time.Duration(secs * 1e9), nil
}

// toSeconds converts an int or float number of seconds.
func toSeconds(t *Thread, o Object) (float64, error) {
	switch v := o.(type) {
	case Int:
		return float64(v), nil
	case Float:
		return float64(v), nil
	case Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	}
	if ff := LoadPtr(&o.Type().Float); ff != nil {
		r, err := ff(t, o)
		if err != nil {
			return 0, err
		}
		if f, ok := r.(Float); ok {
			return float64(f), nil
		}
	}
	if _, err := Index(t, o); err == nil {
		n, err := AsInt64(t, o)
		return float64(n), err
	}
	return 0, TypeErrorf("'%s' object cannot be interpreted as an integer or float", typeName(o))
}

// threadExtra is per-thread state kept by _thread.
type threadExtra struct {
	sentinels []*Lock
}

var threadExtras sync.Map // *Thread -> *threadExtra

var runningThreads atomic.Int64

// localRegistry lists the live _local objects so that a finished thread's
// values can be dropped.
var localRegistry struct {
	sync.Mutex
	locals []weak.Pointer[Local]
}

// threadFinished releases what a finished thread held.
func threadFinished(t *Thread) {
	t.park() // runs no more Python code: _current_frames need not wait
	if v, ok := threadExtras.LoadAndDelete(t); ok {
		for _, l := range v.(*threadExtra).sentinels {
			l.release()
		}
	}
	localRegistry.Lock()
	kept := localRegistry.locals[:0]
	var live []*Local
	for _, wp := range localRegistry.locals {
		if l := wp.Value(); l != nil {
			kept = append(kept, wp)
			live = append(live, l)
		}
	}
	localRegistry.locals = kept
	localRegistry.Unlock()
	for _, l := range live {
		l.mu.Lock()
		delete(l.dicts, t)
		l.mu.Unlock()
	}
}

// startThread runs fn(*args, **kwargs) on a new goroutine.
func startThread(t *Thread, fn Object, args []Object, kwargs *Dict) int64 {
	nt := t.interp.NewThread()
	nt.ownGoroutine = true
	runningThreads.Add(1)
	go func() {
		defer runningThreads.Add(-1)
		defer threadFinished(nt)
		nt.AcquireGIL() // PYTHON_GIL=1 mode only (gil.go)
		defer nt.ReleaseGIL()
		defer func() {
			if p := recover(); p != nil {
				reportUnraisable(nt, NewError(SystemErrorType, fmt.Sprint("internal error: ", p)), fn)
			}
		}()
		var err error
		if kwargs != nil && kwargs.Len() > 0 {
			_, err = CallWithKwargs(nt, fn, args, kwargs)
		} else {
			_, err = Call(nt, fn, args, nil)
		}
		if err != nil && !IsInstanceOf(err, SystemExitType) {
			reportUnraisableMsg(nt, err, "Exception ignored in thread started by: ", fn)
		}
	}()
	return nt.ID
}

// reportUnraisableMsg prints an exception that cannot propagate.
func reportUnraisableMsg(t *Thread, err error, prefix string, obj Object) {
	msg := strings.TrimSuffix(prefix, ": ")
	if msg == "Exception ignored in" {
		msg = "" // the hook sees err_msg None, as for PyErr_WriteUnraisable
	}
	WriteUnraisable(t, err, msg, obj)
}

func writeErr(t *Thread, msg string) {
	if werr := WriteTo(t, t.interp.Sys.dict.GetStr("stderr"), msg); werr != nil {
		fmt.Print(msg)
	}
}

func lockRepr(t *Thread, o Object) (Object, error) {
	l := unwrap(o).(*Lock)
	state := "unlocked"
	if l.locked() {
		state = "locked"
	}
	return NewStr(fmt.Sprintf("<%s %s object at %#x>", state, o.Type().FullName(), Id(o))), nil
}

func (r *RLock) acquire(t *Thread, timeout time.Duration) (bool, error) {
	if r.owner.Load() == t.ID {
		r.count++
		return true, nil
	}
	ok, err := r.lock.acquire(t, timeout)
	if err != nil || !ok {
		return ok, err
	}
	r.owner.Store(t.ID)
	r.count = 1
	return true, nil
}

func (r *RLock) release(t *Thread) error {
	if r.owner.Load() != t.ID {
		return NewError(RuntimeErrorType, "cannot release un-acquired lock")
	}
	r.count--
	if r.count == 0 {
		r.owner.Store(0)
		return r.lock.release()
	}
	return nil
}

// Local is _thread._local: attributes live in a per-thread dict.
type Local struct {
	mu    sync.Mutex
	dicts map[*Thread]*Dict
	args  []Object
	kw    []string
	outer weak.Pointer[Instance] // the subclass instance wrapping it
}

// Type returns _thread._local.
func (*Local) Type() *Type { return LocalType }

// localDict returns the calling thread's dict of o, creating it (and
// running a subclass __init__ with the original arguments) on first use.
func localDict(t *Thread, o Object) (*Dict, error) {
	l := unwrap(o).(*Local)
	l.mu.Lock()
	d := l.dicts[t]
	if d != nil {
		l.mu.Unlock()
		return d, nil
	}
	d = NewDict()
	l.dicts[t] = d
	l.mu.Unlock()
	if init := LoadPtr(&o.Type().Init); init != nil && o.Type() != LocalType {
		if err := init(t, o, l.args, l.kw); err != nil {
			l.mu.Lock()
			delete(l.dicts, t)
			l.mu.Unlock()
			return nil, err
		}
	}
	return d, nil
}

func localGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	d, err := localDict(t, o)
	if err != nil {
		return nil, err
	}
	if name.s == "__dict__" {
		return d, nil
	}
	typ := o.Type()
	descr := typ.Lookup(name)
	var get DescrGetFunc
	if descr != nil {
		dt := descr.Type()
		get = LoadPtr(&dt.DescrGet)
		if get != nil && LoadPtr(&dt.DescrSet) != nil {
			return get(t, descr, o, typ)
		}
	}
	if v := d.getStr(name); v != nil {
		return v, nil
	}
	if get != nil {
		return get(t, descr, o, typ)
	}
	if descr != nil {
		return descr, nil
	}
	return nil, attributeError(o, name)
}

func localSetAttr(t *Thread, o Object, name *Str, v Object) error {
	if name.s == "__dict__" {
		return Errorf(AttributeErrorType, "'%s' object attribute '__dict__' is read-only", typeName(o))
	}
	d, err := localDict(t, o)
	if err != nil {
		return err
	}
	if descr := o.Type().Lookup(name); descr != nil {
		if set := LoadPtr(&descr.Type().DescrSet); set != nil {
			return set(t, descr, o, v)
		}
	}
	if v == nil {
		found, err := d.DelItem(t, name)
		if err != nil {
			return err
		}
		if !found {
			return attributeDeleteError(o, name)
		}
		return nil
	}
	return d.SetItem(t, name, v)
}

func threadIdent(t *Thread) Object { return Int(t.ID) }

func init() {
	LockType.Flags.And(^uint64(FlagBaseType))
	LockType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("lock() takes no arguments")
		}
		return newLock(), nil
	}
	LockType.Repr = lockRepr
	lockEnter := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		timeout, err := lockTimeout(t, args, kw)
		if err != nil {
			return nil, err
		}
		ok, err := unwrap(self).(*Lock).acquire(t, timeout)
		if err != nil {
			return nil, err
		}
		return NewBool(ok), nil
	}
	lockAcquire := withSignalsAfter(lockEnter)
	lockRelease := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := unwrap(self).(*Lock).release(); err != nil {
			return nil, err
		}
		return None, nil
	}
	LockType.AddMethod("acquire", lockAcquire)
	LockType.AddMethod("acquire_lock", lockAcquire)
	// __enter__ leaves a signal pending to the next check point: raised
	// there, once the with block holds the lock, its __exit__ releases it
	LockType.AddMethod("__enter__", lockEnter)
	LockType.AddMethod("release", lockRelease)
	LockType.AddMethod("release_lock", lockRelease)
	LockType.AddMethod("__exit__", lockRelease)
	lockLocked := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return NewBool(unwrap(self).(*Lock).locked()), nil
	}
	LockType.AddMethod("locked", lockLocked)
	LockType.AddMethod("locked_lock", lockLocked)
	LockType.AddMethod("_at_fork_reinit", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		l := unwrap(self).(*Lock)
		l.tryAcquire()
		l.ch <- struct{}{}
		return None, nil
	})

	RLockType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		r := &RLock{lock: newLock()}
		if typ != RLockType {
			return newSubclassInstance(typ, r), nil
		}
		return r, nil
	}
	RLockType.Repr = func(t *Thread, o Object) (Object, error) {
		r := unwrap(o).(*RLock)
		owner := r.owner.Load()
		state, count := "unlocked", int64(0)
		if owner != 0 {
			state = "locked"
			if owner == t.ID {
				count = r.count
			} else {
				count = 1
			}
		}
		return NewStr(fmt.Sprintf("<%s %s object owner=%d count=%d at %#x>", state, o.Type().FullName(), owner, count, Id(o))), nil
	}
	rEnter := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		timeout, err := lockTimeout(t, args, kw)
		if err != nil {
			return nil, err
		}
		ok, err := unwrap(self).(*RLock).acquire(t, timeout)
		if err != nil {
			return nil, err
		}
		return NewBool(ok), nil
	}
	rAcquire := withSignalsAfter(rEnter)
	rRelease := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := unwrap(self).(*RLock).release(t); err != nil {
			return nil, err
		}
		return None, nil
	}
	RLockType.AddMethod("acquire", rAcquire)
	RLockType.AddMethod("__enter__", rEnter)
	RLockType.AddMethod("release", rRelease)
	RLockType.AddMethod("__exit__", rRelease)
	RLockType.AddMethod("_is_owned", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return NewBool(unwrap(self).(*RLock).owner.Load() == t.ID), nil
	})
	RLockType.AddMethod("_release_save", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		r := unwrap(self).(*RLock)
		if r.owner.Load() != t.ID {
			return nil, NewError(RuntimeErrorType, "cannot release un-acquired lock")
		}
		count, owner := r.count, r.owner.Load()
		r.count = 0
		r.owner.Store(0)
		if err := r.lock.release(); err != nil {
			return nil, err
		}
		return NewTuple(Int(count), Int(owner)), nil
	})
	RLockType.AddMethod("_acquire_restore", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		r := unwrap(self).(*RLock)
		var state Object
		if err := ParseArgs("_acquire_restore", args, kw, []string{""}, 1, &state); err != nil {
			return nil, err
		}
		tup, ok := state.(*Tuple)
		if !ok || len(tup.items) != 2 {
			return nil, TypeErrorf("_acquire_restore() argument 1 must be tuple")
		}
		count, err := AsInt64(t, tup.items[0])
		if err != nil {
			return nil, err
		}
		owner, err := AsInt64(t, tup.items[1])
		if err != nil {
			return nil, err
		}
		if _, err := r.lock.acquire(t, -1); err != nil {
			return nil, err
		}
		r.owner.Store(owner)
		r.count = count
		return None, nil
	})
	RLockType.AddMethod("_recursion_count", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		r := unwrap(self).(*RLock)
		if r.owner.Load() != t.ID {
			return Int(0), nil
		}
		return Int(r.count), nil
	})
	RLockType.AddMethod("_at_fork_reinit", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		r := unwrap(self).(*RLock)
		r.lock = newLock()
		r.owner.Store(0)
		r.count = 0
		return None, nil
	})

	LocalType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if len(args) > 0 && (typ == LocalType || LoadPtr(&typ.Init) == nil || typ.Lookup(Intern("__init__")) == ObjectType.Dict.GetStr("__init__")) {
			return nil, TypeErrorf("Initialization arguments are not supported")
		}
		l := &Local{dicts: map[*Thread]*Dict{}, args: append([]Object(nil), args...), kw: append([]string(nil), kw...)}
		localRegistry.Lock()
		localRegistry.locals = append(localRegistry.locals, weak.Make(l))
		localRegistry.Unlock()
		var o Object = l
		if typ != LocalType {
			in := NewInstance(typ)
			in.Base = l
			l.outer = weak.Make(in)
			o = in
		}
		// the creating thread's dict exists at once (its __init__ is run
		// by type.__call__ right after __new__)
		l.mu.Lock()
		l.dicts[t] = NewDict()
		l.mu.Unlock()
		return o, nil
	}
	LocalType.GetAttr = localGetAttr
	LocalType.SetAttr = localSetAttr

	registerType(LockType, RLockType, LocalType)

	RegisterNativeModule("_thread", func(t *Thread) (*Module, error) {
		installSignals(t.interp)
		for _, typ := range []*Type{LockType, RLockType, LocalType} {
			typ.Dict.SetStr("__module__", NewStr("_thread"))
		}
		m := NewModule("_thread")
		d := m.Dict()
		d.SetStr("LockType", LockType)
		d.SetStr("lock", LockType)
		d.SetStr("RLock", RLockType)
		d.SetStr("_local", LocalType)
		d.SetStr("error", RuntimeErrorType)
		d.SetStr("TIMEOUT_MAX", Float(timeoutMax))
		m.AddFunc("allocate_lock", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return newLock(), nil
		})
		d.SetStr("allocate", d.GetStr("allocate_lock"))
		m.AddFunc("start_new_thread", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("start_new_thread() takes no keyword arguments")
			}
			if len(args) < 2 || len(args) > 3 {
				return nil, TypeErrorf("start_new_thread expected at least 2 arguments, got %d", len(args))
			}
			fn := args[0]
			if LoadPtr(&fn.Type().Call) == nil {
				return nil, TypeErrorf("first arg must be callable")
			}
			tup, ok := unwrap(args[1]).(*Tuple)
			if !ok {
				return nil, TypeErrorf("2nd arg must be a tuple")
			}
			var kwargs *Dict
			if len(args) == 3 {
				kd, ok := unwrap(args[2]).(*Dict)
				if !ok {
					return nil, TypeErrorf("optional 3rd arg must be a dictionary")
				}
				kwargs = kd
			}
			return Int(startThread(t, fn, append([]Object(nil), tup.items...), kwargs)), nil
		})
		d.SetStr("start_new", d.GetStr("start_new_thread"))
		m.AddFunc("get_ident", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return threadIdent(t), nil
		})
		m.AddFunc("get_native_id", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			// goroutines migrate between OS threads: this is the thread
			// running the caller at this moment
			return Int(syscall.Gettid()), nil
		})
		m.AddFunc("_count", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return Int(runningThreads.Load()), nil
		})
		m.AddFunc("daemon_threads_allowed", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return True, nil
		})
		var stackSize atomic.Int64
		m.AddFunc("stack_size", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var so Object
			if err := ParseArgs("stack_size", args, kw, []string{""}, 0, &so); err != nil {
				return nil, err
			}
			old := stackSize.Load()
			if so != nil {
				n, err := AsInt64(t, so)
				if err != nil {
					return nil, err
				}
				if n != 0 && n < 32768 {
					return nil, ValueErrorf("size not valid: %d bytes", n)
				}
				// goroutine stacks grow on demand: the size is recorded only
				stackSize.Store(n)
			}
			return Int(old), nil
		})
		m.AddFunc("_set_sentinel", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			// threading acquires it at once; it is released when the
			// thread's state goes away (threadFinished)
			l := newLock()
			v, _ := threadExtras.LoadOrStore(t, &threadExtra{})
			ex := v.(*threadExtra)
			ex.sentinels = append(ex.sentinels, l)
			return l, nil
		})
		m.AddFunc("interrupt_main", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("interrupt_main() takes no keyword arguments")
			}
			if len(args) > 1 {
				// CPython's wording, named after the parameter
				return nil, TypeErrorf("signum() takes at most 1 argument (%d given)", len(args))
			}
			signum := int(syscall.SIGINT)
			if len(args) == 1 {
				n, err := SsizeArg(t, args[0])
				if err != nil {
					if IsInstanceOf(err, OverflowErrorType) {
						err = Errorf(OverflowErrorType, "Python int too large to convert to C long")
					}
					return nil, err
				}
				if n != int(int32(n)) {
					return nil, Errorf(OverflowErrorType, "Python int too large to convert to C int")
				}
				signum = n
			}
			if !TripSignal(signum) {
				return nil, ValueErrorf("signal number out of range")
			}
			return None, selfSignalled(t, signum)
		})
		m.AddFunc("exit", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return nil, NewException(SystemExitType)
		})
		d.SetStr("exit_thread", d.GetStr("exit"))
		if err := execHelperSource(t, m, threadHelperSource); err != nil {
			return nil, err
		}
		return m, nil
	})
}

// threadHelperSource defines _ExceptHookArgs and _excepthook in Python:
// they only format and print.
const threadHelperSource = `
class _ExceptHookArgs(tuple):
    n_sequence_fields = 4
    n_fields = 4
    n_unnamed_fields = 0
    __slots__ = ()
    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence (%d-sequence given)" % len(seq))
        return tuple.__new__(cls, seq)
    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])
    def __repr__(self):
        return "_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)" % tuple(self)
_ExceptHookArgs.__module__ = "_thread"

def _excepthook(args, /):
    import sys
    if args.exc_type == SystemExit:
        return None
    stderr = sys.stderr
    if stderr is None:
        if args.thread is None:
            return None
        stderr = getattr(args.thread, "_stderr", None)
        if stderr is None:
            return None
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    stderr.write("Exception in thread %s:\n" % (name,))
    stderr.write(_format_exception(args.exc_value))
    stderr.flush()
`

// execHelperSource runs Python source in module m's namespace (small
// helpers that are simpler in Python than in Go).
func execHelperSource(t *Thread, m *Module, src string) error {
	code, err := CompileSource(t, []byte(src), "<"+m.Name()+">", syntax.ModeExec, compile.Flags{})
	if err != nil {
		return err
	}
	m.AddFunc("_format_exception", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("_format_exception() takes exactly one argument")
		}
		e, ok := args[0].(*BaseException)
		if !ok {
			if in, ok2 := args[0].(*Instance); ok2 {
				if be, ok3 := in.Base.(*BaseException); ok3 {
					e = be
				}
			}
		}
		if e == nil {
			s, err := ReprString(t, args[0])
			return NewStr(s + "\n"), err
		}
		return NewStr(FormatException(t, e)), nil
	})
	_, err = t.ExecCode(code, m.Dict(), nil)
	return err
}

// Shutdown is what CPython's Py_FinalizeEx does before tearing down: wait
// for the non-daemon threads (threading._shutdown, if threading was
// imported), then run the atexit functions.
func Shutdown(t *Thread) {
	if mod := t.interp.Modules.GetStr("threading"); mod != nil {
		guardMainStop(t, mod)
		if fn, err := GetAttrString(t, mod, "_shutdown"); err == nil {
			if _, err := Call(t, fn, nil, nil); err != nil {
				reportUnraisableMsg(t, err, "Exception ignored in: ", mod)
			}
		}
	}
	RunExitFuncs(t)
	finalizeAtExit(t)
	if ExitHook != nil {
		// C's Py_AtExit functions run last, after the streams are
		// flushed (CPython's Py_FinalizeEx order)
		FlushStd(t.interp, t)
		ExitHook()
	}
}

// guardMainStop makes threading._shutdown safe when threads really run
// in parallel. _shutdown releases the main thread's state lock and then
// calls _main_thread._stop(), which asserts that the lock is not held;
// a thread blocked in main_thread().join() takes the lock (to release
// it at once) the moment it is released, so under freepy the assertion
// could fail, and _shutdown then stopped before joining the non-daemon
// threads (a GIL keeps the waiter from running in between). The main
// thread's _stop first forgets the lock, so that Thread._stop does not
// look at it; waiters already hold their reference to it.
func guardMainStop(t *Thread, mod Object) {
	main, err := GetAttrString(t, mod, "_main_thread")
	if err != nil || main == None {
		return
	}
	cls, err := GetAttrString(t, mod, "Thread")
	if err != nil {
		return
	}
	stop, err := GetAttrString(t, cls, "_stop")
	if err != nil {
		return
	}
	guarded := &Builtin{Name: "_stop", Fn: func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := SetAttr(t, main, NewStr("_tstate_lock"), None); err != nil {
			return nil, err
		}
		return Call1(t, stop, main)
	}}
	// an instance whose class refuses the attribute keeps the original
	_ = SetAttr(t, main, NewStr("_stop"), guarded)
}

// switchInterval is sys.getswitchinterval(): stored only, since threads
// are not switched by a global lock (freepy has none yet).
var switchInterval atomic.Uint64

func init() { switchInterval.Store(math.Float64bits(0.005)) }

// addThreadSysFuncs adds sys.setswitchinterval/getswitchinterval.
func addThreadSysFuncs(m *Module) {
	m.AddFunc("getswitchinterval", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("sys.getswitchinterval() takes no arguments (%d given)", len(args))
		}
		return Float(math.Float64frombits(switchInterval.Load())), nil
	})
	m.AddFunc("setswitchinterval", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var io Object
		if err := ParseArgs("setswitchinterval", args, kw, []string{""}, 1, &io); err != nil {
			return nil, err
		}
		f, err := toSeconds(t, io)
		if err != nil {
			return nil, TypeErrorf("must be real number, not %s", typeName(io))
		}
		if f <= 0 {
			return nil, ValueErrorf("switch interval must be strictly positive")
		}
		switchInterval.Store(math.Float64bits(f))
		return None, nil
	})
}
