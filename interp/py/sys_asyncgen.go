package py

import "sync"

// sys.set_asyncgen_hooks / sys.get_asyncgen_hooks and sys.is_finalizing,
// which asyncio's event loop calls on every run. The hooks are kept per
// thread, as CPython keeps them in the thread state. An async generator
// calls firstiter when its first awaitable is made (asyncgen.go), so an
// event loop's shutdown_asyncgens() closes the unfinished ones; the
// finalizer hook is never called (freepy does not finalize abandoned
// generators, docs/threading.md).

type asyncgenHooks struct{ firstiter, finalizer Object }

var asyncgenState struct {
	mu    sync.Mutex
	hooks map[int64]asyncgenHooks // by thread ID; absent means (None, None)
}

func init() {
	SysExtras["get_asyncgen_hooks"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := ParseArgs("get_asyncgen_hooks", args, kw, nil, 0); err != nil {
			return nil, err
		}
		asyncgenState.mu.Lock()
		h, ok := asyncgenState.hooks[t.ID]
		asyncgenState.mu.Unlock()
		if !ok {
			h = asyncgenHooks{None, None}
		}
		return NewTuple(h.firstiter, h.finalizer), nil
	}
	SysExtras["set_asyncgen_hooks"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var fi, fin Object
		if err := ParseArgs("set_asyncgen_hooks", args, kw, []string{"firstiter", "finalizer"}, 0, &fi, &fin); err != nil {
			return nil, err
		}
		for _, p := range []struct {
			o    Object
			name string
		}{{fin, "finalizer"}, {fi, "firstiter"}} {
			if p.o != nil && p.o != None && !isCallable(p.o) {
				return nil, TypeErrorf("callable %s expected, got %s", p.name, typeName(p.o))
			}
		}
		asyncgenState.mu.Lock()
		defer asyncgenState.mu.Unlock()
		h, ok := asyncgenState.hooks[t.ID]
		if !ok {
			h = asyncgenHooks{None, None}
		}
		// an argument left out keeps its hook
		if fi != nil {
			h.firstiter = fi
		}
		if fin != nil {
			h.finalizer = fin
		}
		if asyncgenState.hooks == nil {
			asyncgenState.hooks = map[int64]asyncgenHooks{}
		}
		if h.firstiter == None && h.finalizer == None {
			delete(asyncgenState.hooks, t.ID)
		} else {
			asyncgenState.hooks[t.ID] = h
		}
		return None, nil
	}
	SysExtras["is_finalizing"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := ParseArgs("is_finalizing", args, kw, nil, 0); err != nil {
			return nil, err
		}
		// Python code runs only before shutdown begins (atexit handlers
		// included), so the answer seen from it is False
		return False, nil
	}
}
