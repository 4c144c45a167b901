package py

import (
	"sync"
	"sync/atomic"
)

// PEP 578 audit hooks (sys.addaudithook, sys.audit) and sys.getrefcount.
//
// The hooks are process-wide and can only be added, as in CPython. Events
// raised in Go (open, exec, compile, import, os.system) cost one atomic
// load while no hook is installed. A hook's exception propagates out of
// the operation that raised the event, which then does not happen.

var auditHooks struct {
	mu    sync.Mutex
	hooks []Object
	on    atomic.Bool
}

// Audit calls the audit hooks with event and args.
func Audit(t *Thread, event string, args ...Object) error {
	if !auditHooks.on.Load() {
		return nil
	}
	return auditTuple(t, event, NewTuple(args...))
}

func auditTuple(t *Thread, event string, args *Tuple) error {
	auditHooks.mu.Lock()
	hooks := auditHooks.hooks
	auditHooks.mu.Unlock()
	ev := NewStr(event)
	for _, h := range hooks {
		if _, err := Call(t, h, []Object{ev, args}, nil); err != nil {
			return err
		}
	}
	return nil
}

// auditImport is the "import" event: raised when a module not yet in
// sys.modules is searched for.
func auditImport(t *Thread, name string) error {
	if !auditHooks.on.Load() {
		return nil
	}
	get := func(n string) Object {
		if v := t.interp.Sys.dict.GetStr(n); v != nil {
			return v
		}
		return None
	}
	return Audit(t, "import", NewStr(name), None, get("path"), get("meta_path"), get("path_hooks"))
}

func init() {
	SysExtras["addaudithook"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var hook Object
		if err := ParseArgs("addaudithook", args, kw, []string{"hook"}, 1, &hook); err != nil {
			return nil, err
		}
		// the installed hooks may veto a new one: a RuntimeError does so
		// quietly, anything else propagates
		if err := Audit(t, "sys.addaudithook"); err != nil {
			if IsInstanceOf(err, RuntimeErrorType) {
				return None, nil
			}
			return nil, err
		}
		auditHooks.mu.Lock()
		// copied on write: auditTuple iterates its snapshot unlocked
		auditHooks.hooks = append(auditHooks.hooks[:len(auditHooks.hooks):len(auditHooks.hooks)], hook)
		auditHooks.mu.Unlock()
		auditHooks.on.Store(true)
		return None, nil
	}
	SysExtras["audit"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("sys.audit() takes no keyword arguments")
		}
		if len(args) == 0 {
			return nil, TypeErrorf("audit() missing 1 required positional argument: 'event'")
		}
		ev, ok := args[0].(*Str)
		if !ok {
			return nil, TypeErrorf("expected str for argument 'event', not %s", typeName(args[0]))
		}
		if !auditHooks.on.Load() {
			return None, nil
		}
		if err := auditTuple(t, ev.s, NewTuple(append([]Object(nil), args[1:]...)...)); err != nil {
			return nil, err
		}
		return None, nil
	}
	// Objects here are not reference counted (Go's collector frees them),
	// so there is no count to report. 2 is what CPython reports for an
	// object held by one name (the argument is the other reference): code
	// testing "> 1" for "shared" or comparing counts before and after for
	// leaks then runs and sees no leak.
	SysExtras["getrefcount"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var o Object
		if err := ParseArgs("getrefcount", args, kw, []string{"object"}, 1, &o); err != nil {
			return nil, err
		}
		return Int(2), nil
	}
	SysExtras["_current_frames"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount("_current_frames", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return currentFrames(t)
	}
}
