package py

import (
	"runtime/metrics"
	"sync"
)

// _tracemalloc, so that the tracemalloc module imports and test suites
// that call tracemalloc.start() run. freepy's objects are allocated by the
// Go runtime, which keeps no per-allocation record of the Python line
// that asked for the memory, so this module traces totals, not blocks:
//
//   - start()/stop()/is_tracing()/get_traceback_limit() behave as in
//     CPython (the limit is kept but there are no tracebacks to limit);
//   - get_traced_memory() is (current, peak): current is the growth of the
//     Go heap's live objects since start() (0 if the heap shrank), peak the
//     largest current value seen by get_traced_memory() or reset_peak()
//     calls since start() or reset_peak() — sampled, not exact;
//   - _get_traces() is empty, so tracemalloc.take_snapshot() gives a
//     snapshot with no statistics, and _get_object_traceback() is None;
//   - get_tracemalloc_memory() is 0: tracing costs no memory.

var tmState struct {
	mu      sync.Mutex
	tracing bool
	limit   int
	base    uint64
	peak    uint64
}

func init() { tmState.limit = 1 }

// tmHeapBytes is the Go heap's bytes in live (or not yet swept) objects.
func tmHeapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// tmCurrent samples the traced size and updates the peak; the caller
// holds tmState.mu.
func tmCurrent() uint64 {
	var cur uint64
	if h := tmHeapBytes(); h > tmState.base {
		cur = h - tmState.base
	}
	if cur > tmState.peak {
		tmState.peak = cur
	}
	return cur
}

func init() {
	RegisterNativeModule("_tracemalloc", func(t *Thread) (*Module, error) {
		m := NewModule("_tracemalloc")
		m.dict.SetStr("__doc__", NewStr("Totals of the memory the interpreter allocates (no per-line traces in freepy)."))
		noArgs := func(name string, fn func() Object) {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				if len(args) > 0 {
					return nil, TypeErrorf("_tracemalloc.%s() takes no arguments (%d given)", name, len(args))
				}
				tmState.mu.Lock()
				defer tmState.mu.Unlock()
				return fn(), nil
			})
		}
		m.AddFunc("start", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("_tracemalloc.start() takes no keyword arguments")
			}
			if err := arityCheck("start", len(args), 0, 1); err != nil {
				return nil, err
			}
			n := int32(1)
			if len(args) == 1 {
				var err error
				if n, err = cIntArg(t, args[0]); err != nil {
					return nil, err
				}
			}
			if n < 1 || n > 65535 {
				return nil, ValueErrorf("the number of frames must be in range [1; 65535]")
			}
			tmState.mu.Lock()
			defer tmState.mu.Unlock()
			if !tmState.tracing {
				tmState.tracing, tmState.limit = true, int(n)
				tmState.base, tmState.peak = tmHeapBytes(), 0
			}
			return None, nil
		})
		noArgs("stop", func() Object {
			tmState.tracing = false
			tmState.base, tmState.peak = 0, 0
			return None
		})
		noArgs("is_tracing", func() Object { return Bool(tmState.tracing) })
		noArgs("get_traceback_limit", func() Object { return Int(tmState.limit) })
		noArgs("clear_traces", func() Object {
			if tmState.tracing {
				tmState.base, tmState.peak = tmHeapBytes(), 0
			}
			return None
		})
		noArgs("get_traced_memory", func() Object {
			if !tmState.tracing {
				return NewTuple(Int(0), Int(0))
			}
			cur := tmCurrent()
			return NewTuple(Int(int64(cur)), Int(int64(tmState.peak)))
		})
		noArgs("reset_peak", func() Object {
			if tmState.tracing {
				tmState.peak = 0
				tmCurrent()
			}
			return None
		})
		noArgs("get_tracemalloc_memory", func() Object { return Int(0) })
		noArgs("_get_traces", func() Object { return NewList() })
		m.AddFunc("_get_object_traceback", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := methOArg("_tracemalloc._get_object_traceback", args, kw); err != nil {
				return nil, err
			}
			return None, nil
		})
		return m, nil
	})
}
