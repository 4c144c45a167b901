package py

import "testing"

// TestTraceThreadsRace runs threads that each trace and profile their own
// code (sys.settrace, sys.setprofile, an _lsprof profiler), with code
// objects shared between them, while one profiler is read from another
// thread; run it with -race. Each thread must see exactly its own events.
func TestTraceThreadsRace(t *testing.T) {
	src := `
import _thread, sys, _lsprof
N = 4
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
bad = []
shared = _lsprof.Profiler()

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def work(k):
    global left
    try:
        calls = []
        def tr(frame, ev, arg):
            if ev == 'call':
                calls.append(frame.f_code.co_name)
            return tr
        for i in range(20):
            sys.settrace(tr)
            fib(6)
            sys.settrace(None)
        if calls.count('fib') != 20 * 25:
            bad.append(('trace', k, calls.count('fib')))
        seen = []
        sys.setprofile(lambda f, ev, a: seen.append(ev))
        fib(4)
        len(seen)
        sys.setprofile(None)
        if seen.count('call') != 9 or seen.count('c_call') != 2:
            bad.append(('profile', k, seen))
        p = _lsprof.Profiler()
        p.enable()
        fib(8)
        p.disable()
        e = [s for s in p.getstats() if getattr(s.code, 'co_name', '') == 'fib']
        if len(e) != 1 or e[0].callcount != 67:
            bad.append(('lsprof', k))
        shared.getstats()
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

shared.enable()
for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=60)
shared.disable()
n_bad = len(bad)
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "n_bad"); n != 0 {
		t.Fatalf("%d threads saw wrong events: %v", n, g.GetStr("bad"))
	}
}
