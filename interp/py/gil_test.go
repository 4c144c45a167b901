package py

import (
	"testing"
	"time"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// runPython runs source in a fresh interpreter and returns its globals.
func runPython(t *testing.T, in *Interp, th *Thread, src string) *Dict {
	t.Helper()
	code, err := CompileSource(th, []byte(src), "<test>", syntax.ModeExec, compile.Flags{})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	g := NewDict()
	g.SetStr("__name__", NewStr("__main__"))
	if _, err := th.ExecCode(code, g, g); err != nil {
		t.Fatalf("run: %v", err)
	}
	return g
}

// TestGILModeSwitchesThreads runs two CPU-bound threads under
// PYTHON_GIL=1: both must finish (no deadlock) and the lock must change
// hands while they run (the switch interval works).
func TestGILModeSwitchesThreads(t *testing.T) {
	in, th := NewInterp()
	in.EnableGIL()
	th.AcquireGIL()
	defer th.ReleaseGIL()
	done := make(chan *Dict, 1)
	go func() {
		done <- runPython(t, in, th, `
import _thread, time
order = []
# Each thread works until the lock has changed hands a few times (or 30
# seconds pass): a fixed amount of work can finish inside one switch
# interval on a fast machine, and then nothing could be asserted.
state = {"switches": 0, "last": None}
def work(tag, lock):
    deadline = time.monotonic() + 30
    while state["switches"] < 6 and time.monotonic() < deadline:
        for j in range(300):
            pass
        if state["last"] != tag:
            state["switches"] += 1
            state["last"] = tag
        order.append(tag)
    lock.release()
locks = []
for tag in "ab":
    l = _thread.allocate_lock()
    l.acquire()
    locks.append(l)
    _thread.start_new_thread(work, (tag, l))
for l in locks:
    l.acquire()
`)
	}()
	select {
	case g := <-done:
		order := g.GetStr("order").(*List).snapshot()
		switches := 0
		for i := 1; i < len(order); i++ {
			if order[i] != order[i-1] {
				switches++
			}
		}
		if switches < 2 {
			t.Fatalf("the lock never changed hands while both threads ran (%d switches in %d items)", switches, len(order))
		}
	case <-time.After(60 * time.Second):
		t.Fatal("deadlock: PYTHON_GIL=1 threads did not finish")
	}
}
