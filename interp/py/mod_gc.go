package py

import (
	"sync"
	"sync/atomic"
)

// The gc module. Memory is Go's collector: there are no generations or
// reference cycles to break. collect() runs a Go collection (which also
// lets weakref callbacks run soon after) and reports 0 objects; the other
// functions keep CPython's interface and store their settings.

var gcState struct {
	enabled   atomic.Bool
	mu        sync.Mutex
	threshold [3]int64
	frozen    bool
}

func init() {
	gcState.enabled.Store(true)
	gcState.threshold = [3]int64{700, 10, 10}
	RegisterNativeModule("gc", func(t *Thread) (*Module, error) {
		m := NewModule("gc")
		d := m.Dict()
		d.SetStr("garbage", NewList())
		d.SetStr("callbacks", NewList())
		d.SetStr("DEBUG_STATS", Int(1))
		d.SetStr("DEBUG_COLLECTABLE", Int(2))
		d.SetStr("DEBUG_UNCOLLECTABLE", Int(4))
		d.SetStr("DEBUG_SAVEALL", Int(32))
		d.SetStr("DEBUG_LEAK", Int(38))
		none := func(name string, f func()) {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				if len(args) > 0 {
					return nil, TypeErrorf("gc.%s() takes no arguments (%d given)", name, len(args))
				}
				f()
				return None, nil
			})
		}
		none("enable", func() { gcState.enabled.Store(true) })
		none("disable", func() { gcState.enabled.Store(false) })
		none("freeze", func() {})
		none("unfreeze", func() {})
		m.AddFunc("isenabled", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return NewBool(gcState.enabled.Load()), nil
		})
		m.AddFunc("collect", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var gen Object
			if err := ParseArgs("collect", args, kw, []string{"generation"}, 0, &gen); err != nil {
				return nil, err
			}
			if gen != nil {
				g, err := AsInt64(t, gen)
				if err != nil {
					return nil, err
				}
				if g < 0 || g > 2 {
					return nil, ValueErrorf("invalid generation")
				}
			}
			collectAndFinalize(t)
			return Int(0), nil
		})
		m.AddFunc("get_count", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return NewTuple(Int(0), Int(0), Int(0)), nil
		})
		m.AddFunc("get_freeze_count", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return Int(0), nil
		})
		m.AddFunc("get_threshold", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			gcState.mu.Lock()
			th := gcState.threshold
			gcState.mu.Unlock()
			return NewTuple(Int(th[0]), Int(th[1]), Int(th[2])), nil
		})
		m.AddFunc("set_threshold", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("set_threshold() takes no keyword arguments")
			}
			if len(args) < 1 || len(args) > 3 {
				return nil, TypeErrorf("set_threshold expected at least 1 argument, got %d", len(args))
			}
			vals := make([]int64, len(args))
			for i, a := range args {
				n, err := AsInt64(t, a)
				if err != nil {
					return nil, err
				}
				vals[i] = n
			}
			gcState.mu.Lock()
			copy(gcState.threshold[:], vals)
			gcState.mu.Unlock()
			return None, nil
		})
		m.AddFunc("get_debug", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return Int(0), nil
		})
		m.AddFunc("set_debug", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return None, nil
		})
		m.AddFunc("is_tracked", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var o Object
			if err := ParseArgs("is_tracked", args, kw, []string{""}, 1, &o); err != nil {
				return nil, err
			}
			// CPython tracks containers and instances, not atoms
			switch v := o.(type) {
			case Int, Float, Bool, Complex, NoneType, *Str, *Bytes, *BigInt:
				return False, nil
			case *Type:
				// static types (built-in ones, C types of extensions) are
				// never tracked; classes (heap types) are
				return Bool(v.IsHeapType()), nil
			}
			return True, nil
		})
		m.AddFunc("is_finalized", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return False, nil
		})
		listFn := func(name string) {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				return NewList(), nil
			})
		}
		listFn("get_objects")
		listFn("get_referrers")
		listFn("get_referents")
		m.AddFunc("get_stats", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			items := make([]Object, 3)
			for i := range items {
				items[i] = NewDictFromPairs(t, "collections", Int(0), "collected", Int(0), "uncollectable", Int(0))
			}
			return NewList(items...), nil
		})
		return m, nil
	})
}
