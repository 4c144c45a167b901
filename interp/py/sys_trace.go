package py

import "sync"

// sys.settrace / sys.gettrace and the profile pair. freepy has no line
// tracing: the function is only remembered, so that code which saves and
// restores the hook (doctest, unittest, coverage-aware tools) runs. A
// debugger that relies on trace events will not see any.

var (
	traceMu   sync.Mutex
	traceFunc Object = None
	profFunc  Object = None
)

func init() {
	hook := func(name string, slot *Object) (BuiltinFunc, BuiltinFunc) {
		set := func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 || len(kw) != 0 {
				return nil, TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
			}
			traceMu.Lock()
			*slot = args[0]
			traceMu.Unlock()
			return None, nil
		}
		get := func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			traceMu.Lock()
			defer traceMu.Unlock()
			return *slot, nil
		}
		return set, get
	}
	SysExtras["settrace"], SysExtras["gettrace"] = hook("settrace", &traceFunc)
	SysExtras["setprofile"], SysExtras["getprofile"] = hook("setprofile", &profFunc)
}
