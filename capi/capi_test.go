package capi

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"freepy/interp/compile"
	"freepy/interp/py"
	"freepy/interp/syntax"
)

// buildExtensions compiles the extensions in the given directories
// (relative to capi/: ../extensions/NAME or testdata/NAME) against include/
// with freepy's free-threaded tag into a temporary directory, one module
// per .c file.
func buildExtensions(t *testing.T, dirs ...string) string {
	t.Helper()
	out := t.TempDir()
	initRE := regexp.MustCompile(`PyInit_(\w+)`)
	for _, d := range dirs {
		srcs, _ := filepath.Glob(filepath.Join(d, "*.c"))
		if len(srcs) == 0 {
			t.Fatalf("no sources in %s", d)
		}
		for _, src := range srcs {
			text, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			m := initRE.FindSubmatch(text)
			if m == nil {
				t.Fatalf("%s: no PyInit_", src)
			}
			so := filepath.Join(out, string(m[1])+".freepy-311t-x86_64-linux-gnu.so")
			cmd := exec.Command("cc", "-shared", "-fPIC", "-O1", "-Wall", "-Wextra", "-I../include", "-o", so, src)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("cc %s: %v\n%s", src, err, b)
			}
		}
	}
	return out
}

func runPy(t *testing.T, dir, src string) *py.Dict {
	t.Helper()
	in, th := py.NewInterp()
	in.Path.Append(py.NewStr(dir))
	globals := py.NewDict()
	globals.SetStr("__name__", py.NewStr("__main__"))
	code, err := py.CompileSource(th, []byte(src), "<capi>", syntax.ModeExec, compile.Flags{})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if _, err := th.ExecCode(code, globals, nil); err != nil {
		t.Fatalf("run: %s", py.FormatException(th, py.AsException(err)))
	}
	return globals
}

// TestConcurrentExtensions drives free-threaded and legacy extensions from
// several threads at once, with the collector running, so that -race sees
// the C-API runtime's shared state: links, pools, pseudo-GILs and their
// merging, foreign C threads, finalizers.
func TestConcurrentExtensions(t *testing.T) {
	dir := buildExtensions(t, "../extensions/ft_counter", "../extensions/legacy_pingpong",
		"../extensions/legacy_threads", "../extensions/capi_types")
	g := runPy(t, dir, `
import _thread, gc
import ft_counter, ping, pong, legacy_threads, capi_types
N = 300
T = 4
done = []
lock = _thread.allocate_lock()
shared = [1, 2, 3]
d = {"k": 1}
ping.call(pong.leaf, 1)
pong.call(ping.leaf, 1)
def work(i):
    total = 0
    for j in range(N):
        ft_counter.incr()
        ft_counter.tally(j % 3)
        if i % 2:
            total += ping.call(pong.leaf, 2)
        else:
            total += pong.call(ping.leaf, 2)
        p = capi_types.Point(j, i)
        total += int(p.x)
        shared.append(j)
        d[j] = capi_types.Vec(j, 1)
        if j % 50 == 0:
            gc.collect()
    r, ok = legacy_threads.in_c_thread(lambda x: x + i, 3)
    with lock:
        done.append((total, r, ok))
for i in range(T):
    _thread.start_new_thread(work, (i,))
while True:
    with lock:
        if len(done) == T:
            break
gc.collect()
count = ft_counter.get()
tallies = sum(ft_counter.snapshot()[k] for k in (0, 1, 2))
crossings = ping.count() + pong.count()
`)
	want := int64(300 * 4)
	for _, name := range []string{"count", "tallies"} {
		if v, _ := g.GetStr(name).(py.Int); int64(v) != want {
			t.Errorf("%s = %v, want %d", name, g.GetStr(name), want)
		}
	}
	// 2 warm-up crossings of 2 calls each, then 4 threads x N x (2 leaf
	// calls + 2 counted loop steps)
	if v, _ := g.GetStr("crossings").(py.Int); int64(v) != 4+4*300*4 {
		t.Errorf("crossings = %v, want %d", g.GetStr("crossings"), 4+4*300*4)
	}
}

// TestAutorelease: a borrowed reference stays valid while another thread
// deletes the item and the collector runs; looking one key up many times
// in one call does not grow the pool.
func TestAutorelease(t *testing.T) {
	dir := buildExtensions(t, "testdata/autorelease")
	n := 10_000_000
	if raceEnabled {
		n = 200_000
	}
	poolPeak.Store(0)
	g := runPy(t, dir, strings.Replace(`
import _thread, gc, autorelease
d = {"k": "value-" + str(12345)}
lst = ["item-" + str(678)]
def drop_in_other_thread(container, key):
    done = _thread.allocate_lock()
    done.acquire()
    def f():
        del container[key]
        gc.collect()
        done.release()
    _thread.start_new_thread(f, ())
    done.acquire()
r1 = autorelease.hold_borrowed(d, "k", lambda: drop_in_other_thread(d, "k"))
r2 = autorelease.hold_borrowed(lst, 0, lambda: drop_in_other_thread(lst, 0))
found = autorelease.lookup_many({"a": [1]}, "a", N)

class Target:
    def __repr__(self):
        return "<target>"
t = Target()
import _weakref as weakref
w = weakref.ref(t)
dd = {"only": "v-" + str(99)}
def drop():
    global t
    dd.clear()
    t = None
    drop_in_other_thread({"x": 1}, "x")
    gc.collect()
borrowed = autorelease.borrow_each(dd, "only", w, drop)
`, "N", strconv.Itoa(n), 1))
	if r, _ := g.GetStr("r1").(*py.Str); r == nil || r.String() != "'value-12345'" {
		t.Errorf("dict value after deletion = %v", g.GetStr("r1"))
	}
	if r, _ := g.GetStr("r2").(*py.Str); r == nil || r.String() != "'item-678'" {
		t.Errorf("list item after deletion = %v", g.GetStr("r2"))
	}
	if b, ok := g.GetStr("borrowed").(*py.List); !ok || b.Len() != 6 || b.At(0).(*py.Str).String() != "'v-99'" || b.At(5).(*py.Str).String() != "<target>" {
		t.Errorf("borrowed references after deletion = %v", g.GetStr("borrowed"))
	}
	if v, _ := g.GetStr("found").(py.Int); int(v) != n {
		t.Errorf("found = %v, want %d", g.GetStr("found"), n)
	}
	if p := poolPeak.Load(); p > 16 {
		t.Errorf("autorelease pool grew to %d entries for one repeated lookup", p)
	}
}

// TestListMirrorSeq: a list that another thread changes in place (same-
// type replacements and appends within the capacity, which move no items)
// while this one passes it to C again and again: once the writer is done,
// C sees the list as it is (an unchanged list's mirror is reused by its
// sequence counter, so every mutation must advance it).
func TestListMirrorSeq(t *testing.T) {
	dir := buildExtensions(t, "testdata/autorelease")
	g := runPy(t, dir, `
import _thread, autorelease
lst = [0] * 64
lst.append(0)
lst.pop()           # room for one append within the capacity
done = _thread.allocate_lock()
done.acquire()
def writer():
    for k in range(1, 3001):
        lst[k % 64] = k
        if k % 500 == 0:
            lst.append(k)
            lst.pop()
    lst.append(7)
    done.release()
_thread.start_new_thread(writer, ())
while not done.acquire(False):
    autorelease.list_sum(lst)
got, want = autorelease.list_sum(lst), sum(lst)
lst[3] = 1000
got2, want2 = autorelease.list_sum(lst), sum(lst)
`)
	for _, p := range [][2]string{{"got", "want"}, {"got2", "want2"}} {
		got, _ := g.GetStr(p[0]).(py.Int)
		want, _ := g.GetStr(p[1]).(py.Int)
		if got != want || want == 0 {
			t.Errorf("list_sum after the writer = %v, sum = %v", g.GetStr(p[0]), g.GetStr(p[1]))
		}
	}
}

// TestCObjectsFreed: a loop that makes and drops many C objects keeps a
// bounded number alive, and after a collection only the last one is left.
func TestCObjectsFreed(t *testing.T) {
	dir := buildExtensions(t, "testdata/lifetime")
	n := 500_000
	if raceEnabled {
		n = 50_000
	}
	g := runPy(t, dir, strings.Replace(`
import gc, time, lifetime
peak = 0
for i in range(N):
    b = lifetime.Box(i)
    if i % 1000 == 0:
        peak = max(peak, lifetime.live())
for _ in range(5):
    gc.collect()
    time.sleep(0.05)
after = lifetime.live()
`, "N", strconv.Itoa(n), 1))
	peak, _ := g.GetStr("peak").(py.Int)
	after, _ := g.GetStr("after").(py.Int)
	// bounded: the collector frees them while the loop runs (Go does not
	// see C memory, so capi starts collections by C allocation volume)
	if int(peak) > n*6/10 || peak < 1 {
		t.Errorf("peak live C objects = %d (of %d made)", peak, n)
	}
	if after != 1 {
		t.Errorf("live C objects after collection = %d, want 1 (the last one)", after)
	}
}

// runPyWithin fails the test instead of hanging when src does not finish.
func runPyWithin(t *testing.T, d time.Duration, dir, src string) *py.Dict {
	t.Helper()
	done := make(chan *py.Dict, 1)
	go func() { done <- runPy(t, dir, src) }()
	select {
	case g := <-done:
		return g
	case <-time.After(d):
		t.Fatalf("no result after %v: a thread is blocked on a pseudo-GIL", d)
		return nil
	}
}

// TestLegacyLockScope: a legacy module's C code that calls a Python
// callback does not hold its pseudo-GIL meanwhile (another thread gets into
// the module), and pure-Python threads run while a legacy module is busy
// in C. Under CPython's GIL the second part would hang; under freepy a
// hang is a failure.
func TestLegacyLockScope(t *testing.T) {
	dir := buildExtensions(t, "../extensions/legacy_pingpong", "testdata/autorelease")
	g := runPyWithin(t, 30*time.Second, dir, `
import _thread, ping, autorelease
entered = []
def callback(i):
    done = _thread.allocate_lock()
    done.acquire()
    def other():
        entered.append(ping.count())   # needs ping's pseudo-GIL
        done.release()
    _thread.start_new_thread(other, ())
    done.acquire()                     # hangs if the callback held it
    return i
total = ping.call(callback, 3)

lst = []
def appender():
    for i in range(5):
        lst.append(i)                  # pure Python, while autorelease spins
_thread.start_new_thread(appender, ())
spun = autorelease.spin_until_len(lst, 5)
`)
	if v, _ := g.GetStr("total").(py.Int); v != 3 {
		t.Errorf("total = %v", g.GetStr("total"))
	}
	if l, _ := g.GetStr("entered").(*py.List); l == nil || l.Len() != 3 {
		t.Errorf("entered = %v", g.GetStr("entered"))
	}
	if v, _ := g.GetStr("spun").(py.Int); v != 5 {
		t.Errorf("spun = %v", g.GetStr("spun"))
	}
}

// TestLockGrouping: FREEPY_LEGACY_LOCK=global puts every legacy module
// under one lock; the default gives each its own.
func TestLockGrouping(t *testing.T) {
	dir := buildExtensions(t, "../extensions/legacy_threads", "testdata/lifetime")
	t.Setenv("FREEPY_LEGACY_LOCK", "global")
	// the statistics are process-wide: compare before and after
	g := runPy(t, dir, `
import sys
def counts():
    st = sys._freepy_legacy_locks()
    return {k: st[k]["acquisitions"] for k in ("<global>", "legacy_threads", "lifetime") if k in st}
before = counts()
import legacy_threads, lifetime
lifetime.Box(1)
legacy_threads.signal()
after = counts()
grew = sorted(k for k in after if after[k] != before.get(k, 0))
`)
	l, _ := g.GetStr("grew").(*py.List)
	if l == nil || l.Len() != 1 || l.At(0).(*py.Str).String() != "<global>" {
		t.Errorf("lock groups used with FREEPY_LEGACY_LOCK=global: %v", g.GetStr("grew"))
	}
}

// TestParallelCCode: two threads are inside a free-threaded module's C
// function at the same time; a legacy module's function is never entered
// by two threads at once (its pseudo-GIL). Each call waits up to a second
// for a partner, so neither outcome depends on timing luck: the first
// needs both threads inside within a second, the second can never happen.
func TestParallelCCode(t *testing.T) {
	dir := buildExtensions(t, "testdata/rendezvous")
	g := runPyWithin(t, 60*time.Second, dir, `
import _thread, rendezvous_free, rendezvous_legacy
def both(fn, ms):
    res = []
    lock = _thread.allocate_lock()
    done = _thread.allocate_lock()
    done.acquire()
    def run():
        r = fn(ms)
        with lock:
            res.append(r)
            if len(res) == 2:
                done.release()
    _thread.start_new_thread(run, ())
    _thread.start_new_thread(run, ())
    done.acquire()
    return res
free = both(rendezvous_free.meet, 1000)
legacy = both(rendezvous_legacy.meet, 200)
`)
	if l, _ := g.GetStr("free").(*py.List); l == nil || l.Len() != 2 || l.At(0) != py.True || l.At(1) != py.True {
		t.Errorf("free-threaded module: threads met %v, want both", g.GetStr("free"))
	}
	if l, _ := g.GetStr("legacy").(*py.List); l == nil || l.Len() != 2 || l.At(0) != py.False || l.At(1) != py.False {
		t.Errorf("legacy module: threads met %v, want never", g.GetStr("legacy"))
	}
}

// TestFastPaths: the calls answered in C (shim/dict.c, shim/objects.c)
// next to Go. A list of values read through the macros again and again
// keeps its mirror's item array (it got a new one, and leaked the old,
// on every call); C-born dicts filled by several threads while others
// realize them end up with every key once.
func TestFastPaths(t *testing.T) {
	dir := buildExtensions(t, "../extensions/fastpaths")
	oldArraysMu.Lock()
	before := len(oldArrays)
	oldArraysMu.Unlock()
	g := runPy(t, dir, `
import _thread, fastpaths as f
lst = [1, 2.5, -0.0, None, True, 2**40]
for _ in range(500):
    items = f.list_items(lst)
lst[0] = 7
items = f.list_items(lst)

def fill(base, done):
    for i in range(300):
        f.kept_add(base + i, i)
        if i % 50 == 0:
            f.kept_dict()
    done.release()
locks = []
for j in range(4):
    l = _thread.allocate_lock()
    l.acquire()
    locks.append(l)
    _thread.start_new_thread(fill, (1000 * j, l))
for l in locks:
    l.acquire()
k = f.kept_dict()
ok = len(k) == 1200 and all(k[1000 * j + i] == i for j in range(4) for i in range(300))
d = f.self_dict()
selfok = d["self"] is d
`)
	oldArraysMu.Lock()
	grown := len(oldArrays) - before
	oldArraysMu.Unlock()
	if grown > 2 {
		t.Errorf("a list read 501 times replaced its mirror's item array %d times", grown)
	}
	if it, ok := g.GetStr("items").(*py.Tuple); !ok || it.Len() != 6 || it.Items()[0] != py.Object(py.Int(7)) {
		t.Errorf("list items after a change = %v", g.GetStr("items"))
	}
	if g.GetStr("ok") != py.Object(py.True) {
		t.Errorf("a C-born dict filled by 4 threads lost keys")
	}
	if g.GetStr("selfok") != py.Object(py.True) {
		t.Errorf("a C-born dict containing itself was not realized as itself")
	}
}

// TestCrossing: what any way of calling C must keep. C code waiting
// without releasing does not hold up the collector (another thread's
// gc.collect() finishes and sets the flag the C code waits for; a
// crossing that kept the goroutine's P would stall the collection until
// the wait timed out); its sleeps, released or not, are not cut short by
// the runtime's preemption signals while other threads allocate and
// collect; C threads call back into Python; C -> Python -> C nests 60
// deep and an exception from the bottom crosses every level.
func TestCrossing(t *testing.T) {
	dir := buildExtensions(t, "testdata/crossing")
	g := runPyWithin(t, 60*time.Second, dir, `
import _thread, gc, crossing

def collect_then_set():
    for _ in range(3):
        gc.collect()
    crossing.set_flag()
_thread.start_new_thread(collect_then_set, ())
flag_came = crossing.wait_flag(20000)

stop = []
stopped = _thread.allocate_lock()
stopped.acquire()
def churn():
    while not stop:
        [object() for _ in range(1000)]
        gc.collect()
    stopped.release()
_thread.start_new_thread(churn, ())
sleeps = [crossing.sleep_ms(150, False), crossing.sleep_ms(150, True)]
stop.append(1)
stopped.acquire()

from_threads = crossing.from_threads(lambda i: i * 2, 4, 200)

def nest(d):
    if d == 0:
        raise KeyError("bottom")
    return crossing.call(nest, d - 1)
try:
    crossing.call(nest, 60)
    nested = "no exception"
except KeyError as e:
    nested = e.args[0]
deep = crossing.call(lambda x: crossing.call(lambda y: y + 1, x) * 2, 20)
result = repr((flag_came, sleeps, from_threads, nested, deep))
`)
	// flag_came: false if C waiting without releasing held up another
	// thread's collection; sleeps: usleep's result and EINTR, not
	// released and released; the sum the C threads' callbacks returned;
	// the exception from 60 levels down; C -> Python -> C.
	want := "(True, [(0, False), (0, False)], 159200, 'bottom', 42)"
	if got, _ := g.GetStr("result").(*py.Str); got == nil || got.String() != want {
		t.Errorf("got %v, want %s", g.GetStr("result"), want)
	}
}

// TestDatetimeMirrors: threads pass pure-Python datetimes (with and
// without a tzinfo) to C, which reads them through datetime.h's macros and
// makes new ones through the capsule's constructors, while the collector
// frees mirrors (those of datetimes drop their tzinfo reference).
func TestDatetimeMirrors(t *testing.T) {
	dir := buildExtensions(t, "../extensions/datetime_capi")
	// datetime.py is the host's (cmd/freepy puts it on the path)
	g := runPy(t, dir, `
import sys
sys.path.append("/usr/lib/python3.11")
import gc, threading
import datetime as dt
import datetime_capi as m
T, N = 4, 200
tz = dt.timezone(dt.timedelta(hours=3), "X")
done = []
def work(i):
    bad = 0
    for j in range(N):
        d = dt.datetime(2000 + j % 100, 1 + j % 12, 1 + j % 28, j % 24, j % 60, i, j * 997, tzinfo=tz if j % 2 else None)
        f = m.fields(d)
        if f[1:8] != (d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond) or f[9] is not d.tzinfo:
            bad += 1
        made = m.new_datetime_of(dt.datetime, d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, tz, j % 2)
        if made != d.replace(tzinfo=tz) or made.fold != j % 2 or m.fields(made)[9] is not tz:
            bad += 1
        if m.fields(m.make_delta(j, -i, j))[1:] != (j - 1 if i else j, 86400 - i if i else 0, j):
            bad += 1
        if j % 50 == 0:
            gc.collect()
    done.append(bad)
threads = [threading.Thread(target=work, args=(i,)) for i in range(T)]
for th in threads:
    th.start()
for th in threads:
    th.join()
gc.collect()
bad = sum(done) if len(done) == T else -1
`)
	if v, _ := g.GetStr("bad").(py.Int); v != 0 {
		t.Errorf("%v mismatches between Python's fields and what C read", g.GetStr("bad"))
	}
}
