package py

import (
	"runtime"
	"testing"
	"time"
)

// The Python snippets assert their expectations; runPy fails the test on
// any uncaught exception.

func TestThreadLockSemantics(t *testing.T) {
	runPy(t, "", `
import _thread
l = _thread.allocate_lock()
assert type(l) is _thread.LockType
assert l.acquire() is True
assert l.locked()
assert l.acquire(False) is False
assert l.acquire(timeout=0.01) is False
l.release()
try:
    l.release()
    raise AssertionError("no error")
except RuntimeError as e:
    assert str(e) == "release unlocked lock", str(e)
try:
    l.acquire(False, 1)
    raise AssertionError("no error")
except ValueError as e:
    assert str(e) == "can't specify a timeout for a non-blocking call"
try:
    l.acquire(timeout=-2)
    raise AssertionError("no error")
except ValueError as e:
    assert str(e) == "timeout value must be positive"
with l:
    assert l.locked()
assert not l.locked()
assert _thread.error is RuntimeError
assert _thread.TIMEOUT_MAX > 1e6

r = _thread.RLock()
assert r.acquire() and r.acquire()
assert r._is_owned()
r.release(); r.release()
try:
    r.release()
    raise AssertionError("no error")
except RuntimeError as e:
    assert str(e) == "cannot release un-acquired lock"

# a lock released by another thread wakes the waiter
gate = _thread.allocate_lock()
gate.acquire()
box = []
def worker(a, b=0):
    box.append(a + b + _thread.get_ident())
    gate.release()
ident = _thread.start_new_thread(worker, (1,), {"b": 2})
assert gate.acquire(timeout=10)
assert box == [3 + ident], (box, ident)
assert ident != _thread.get_ident()

# thread-local data
loc = _thread._local()
loc.x = "main"
seen = []
def w2():
    seen.append(hasattr(loc, "x"))
    loc.x = "thread"
    seen.append(loc.x)
    gate.release()
_thread.start_new_thread(w2, ())
assert gate.acquire(timeout=10)
assert seen == [False, "thread"], seen
assert loc.x == "main"

# the sentinel is released when its thread ends
sentinels = []
def w3():
    s = _thread._set_sentinel()
    s.acquire()
    sentinels.append(s)
    gate.release()
_thread.start_new_thread(w3, ())
assert gate.acquire(timeout=10)
assert sentinels[0].acquire(timeout=10)
`)
}

func TestThreadWeakref(t *testing.T) {
	_, g := runPy(t, "", `
import _weakref
class A:
    pass
a = A()
r = _weakref.ref(a)
assert r() is a
assert _weakref.ref(a) is r
assert r == _weakref.ref(a)
assert hash(r) == hash(a)
assert _weakref.getweakrefcount(a) == 1
def cb(ref):
    pass
r2 = _weakref.ref(a, cb)
assert r2 is not r and r2.__callback__ is cb
assert _weakref.getweakrefcount(a) == 2
assert _weakref.getweakrefs(a) == [r, r2]
for v in (1, 2.5, "s", (1,), [1], {}):
    try:
        _weakref.ref(v)
        raise AssertionError("no error")
    except TypeError as e:
        assert str(e) == "cannot create weak reference to '%s' object" % type(v).__name__, str(e)
p = _weakref.proxy(a)
a.x = 5
assert p.x == 5
p.y = 6
assert a.y == 6
def f():
    return 1
assert _weakref.ref(f)() is f
class R(_weakref.ref):
    pass
rr = R(a)
assert rr() is a and isinstance(rr, _weakref.ref) and rr is not r
dead = _weakref.ref(A())
`)
	// the referent of dead is garbage: after a collection the ref is dead
	dead := g.GetStr("dead")
	th := g.GetStr("__builtins__")
	_ = th
	var got Object
	for i := 0; i < 20; i++ {
		runtime.GC()
		r, _ := asWeakRef(dead)
		if got = r.get(); got == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got != nil {
		t.Errorf("weak reference still alive after collections: %v", got)
	}
}

func TestThreadWeakrefCallback(t *testing.T) {
	_, g := runPy(t, "", `
import _weakref, _thread
calls = []
done = _thread.allocate_lock()
done.acquire()
class A:
    pass
def cb(ref):
    calls.append(ref() is None)
    done.release()
keep = _weakref.ref(A(), cb)
import gc
ok = False
for i in range(50):
    gc.collect()
    if done.acquire(timeout=0.05):
        ok = True
        break
`)
	if g.GetStr("ok") != True {
		t.Fatal("the weakref callback did not run")
	}
	if r, _ := Repr(nil, g.GetStr("calls")); r == nil || r.s != "[True]" {
		t.Errorf("calls = %v, want [True]", r)
	}
}

func TestThreadTimeGcAtexit(t *testing.T) {
	runPy(t, "", `
import time, gc, atexit, sys
t0 = time.perf_counter()
time.sleep(0.02)
assert time.perf_counter() - t0 >= 0.015
assert time.monotonic_ns() > 0 and time.time() > 1.6e9
g = time.gmtime(1700000000)
assert tuple(g) == (2023, 11, 14, 22, 13, 20, 1, 318, 0), tuple(g)
assert g.tm_year == 2023 and g.tm_zone == "UTC" and g.tm_gmtoff == 0
assert time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %U %W %p", g) == "2023-11-14 22:13:20 Tue Nov 318 46 46 PM"
assert time.asctime(time.gmtime(0)) == "Thu Jan  1 00:00:00 1970"
assert time.mktime(time.localtime(1700000000)) == 1700000000.0
try:
    time.sleep(-1)
    raise AssertionError("no error")
except ValueError as e:
    assert str(e) == "sleep length must be non-negative"
assert time.get_clock_info("monotonic").monotonic is True
assert gc.collect() == 0 and gc.isenabled()
gc.disable(); assert not gc.isenabled(); gc.enable()
gc.set_threshold(100, 5)
assert gc.get_threshold() == (100, 5, 10)
assert gc.is_tracked([]) and not gc.is_tracked(1)
out = []
def f(x, y=0):
    out.append(x + y)
atexit.register(f, 1, y=2)
atexit.register(out.append, "last-registered")
atexit._run_exitfuncs()
assert out == ["last-registered", 3], out
sys.setswitchinterval(0.01)
assert sys.getswitchinterval() == 0.01
`)
}
