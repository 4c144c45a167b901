package py

import "sync"

// The atexit module. cmd/freepy calls RunExitFuncs after the main program
// (and after threading._shutdown has joined the non-daemon threads).

type atexitEntry struct {
	fn     Object
	args   []Object
	kwargs *Dict
}

var atexitState struct {
	sync.Mutex
	funcs []atexitEntry
}

// RunExitFuncs runs the registered functions, last registered first, and
// reports their exceptions as CPython does.
func RunExitFuncs(t *Thread) {
	atexitState.Lock()
	funcs := atexitState.funcs
	atexitState.funcs = nil
	atexitState.Unlock()
	for i := len(funcs) - 1; i >= 0; i-- {
		e := funcs[i]
		var err error
		if e.kwargs != nil {
			_, err = CallWithKwargs(t, e.fn, e.args, e.kwargs)
		} else {
			_, err = Call(t, e.fn, e.args, nil)
		}
		if err != nil && !IsInstanceOf(err, SystemExitType) {
			reportUnraisableMsg(t, err, "Exception ignored in atexit callback: ", e.fn)
		}
	}
}

func init() {
	RegisterNativeModule("atexit", func(t *Thread) (*Module, error) {
		m := NewModule("atexit")
		m.AddFunc("register", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			npos := len(args) - len(kw)
			if npos < 1 {
				return nil, TypeErrorf("register() takes at least 1 argument (0 given)")
			}
			fn := args[0]
			if LoadPtr(&fn.Type().Call) == nil {
				return nil, TypeErrorf("the first argument must be callable")
			}
			e := atexitEntry{fn: fn, args: append([]Object(nil), args[1:npos]...)}
			if len(kw) > 0 {
				e.kwargs = NewDict()
				for i, k := range kw {
					e.kwargs.SetStr(k, args[npos+i])
				}
			}
			atexitState.Lock()
			atexitState.funcs = append(atexitState.funcs, e)
			atexitState.Unlock()
			return fn, nil
		})
		m.AddFunc("unregister", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var fn Object
			if err := ParseArgs("unregister", args, kw, []string{""}, 1, &fn); err != nil {
				return nil, err
			}
			atexitState.Lock()
			funcs := append([]atexitEntry(nil), atexitState.funcs...)
			atexitState.Unlock()
			// compare outside the lock: __eq__ may be Python code
			var drop []bool
			for _, e := range funcs {
				eq, err := Equal(t, e.fn, fn)
				if err != nil {
					return nil, err
				}
				drop = append(drop, eq)
			}
			atexitState.Lock()
			kept := atexitState.funcs[:0]
			for i, e := range atexitState.funcs {
				if i < len(drop) && drop[i] {
					continue
				}
				kept = append(kept, e)
			}
			atexitState.funcs = kept
			atexitState.Unlock()
			return None, nil
		})
		m.AddFunc("_run_exitfuncs", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			RunExitFuncs(t)
			return None, nil
		})
		m.AddFunc("_clear", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			atexitState.Lock()
			atexitState.funcs = nil
			atexitState.Unlock()
			return None, nil
		})
		m.AddFunc("_ncallbacks", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			atexitState.Lock()
			n := len(atexitState.funcs)
			atexitState.Unlock()
			return Int(n), nil
		})
		return m, nil
	})
}
