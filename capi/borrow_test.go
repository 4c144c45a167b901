package capi

import (
	"testing"

	"freepy/interp/py"
)

// TestBorrowCached: objects passed to C call after call (a function, a
// mortal str, a tuple, a builtin) are borrowed through the thread's link
// cache once their link is strong (borrowCached). C must see the one
// reference the call's pool holds each time: a missing reference shows as
// a count of 0, a leaked one as a count that grows. The same object passed
// twice in one call is held twice. Four threads do the same at once, with
// the collector running, so that -race sees the cache's reads of shared
// links.
func TestBorrowCached(t *testing.T) {
	dir := buildExtensions(t, "testdata/borrowcache")
	g := runPy(t, dir, `
import _thread, gc, borrowcache
f = lambda v: v
s = "key-" + str(12345)
tup = (1, [2])
objs = [f, s, tup, len]
seen = []
for o in objs:
    c = [borrowcache.refcnt(o) for _ in range(2000)]
    seen.append((c[0], c[-1], min(c), max(c)))
# a mortal object's count is the pool's reference, 1; the builtin's
# mirror may be immortal, but its count must not move either
mortal_ok = all(lo == hi == 1 for (_, _, lo, hi) in seen[:3])
steady = all(first == last == lo == hi for (first, last, lo, hi) in seen)
twice = borrowcache.refcnt2(f, f)

T = 4
done = []
lock = _thread.allocate_lock()
def work(i):
    bad = 0
    for j in range(2000):
        n = borrowcache.refcnt(objs[j % 3])
        if n < 1 or n > T:
            bad += 1
        if j % 500 == 0:
            gc.collect()
    with lock:
        done.append(bad)
for i in range(T):
    _thread.start_new_thread(work, (i,))
while True:
    with lock:
        if len(done) == T:
            break
after = [borrowcache.refcnt(o) for o in objs[:3]]
result = repr((mortal_ok, steady, twice, sum(done), after))
seen = repr(seen)
`)
	want := "(True, True, (2, 2), 0, [1, 1, 1])"
	if got, _ := g.GetStr("result").(*py.Str); got == nil || got.String() != want {
		t.Errorf("got %v (counts: %v), want %s", g.GetStr("result"), g.GetStr("seen"), want)
	}
}

// TestBorrowContainer: a dict or a list passed to C call after call is
// borrowed through its own mirror's link (borrowContainer): C must see
// the pool's one reference, and the sizes (and the list's items) as they
// are at the call, after Python changed them between calls. Then
// PyDict_GetItem (its dict and str key found through their links) hands
// C a value that must stay valid until the call returns while the C code
// calls back into Python that replaces the value and collects, in four
// threads at once that replace the same key (under -race, the shared
// links and the dict).
func TestBorrowContainer(t *testing.T) {
	dir := buildExtensions(t, "testdata/borrowcache")
	g := runPy(t, dir, `
import _thread, gc, borrowcache
d = {"k": "val-0"}
lst = [0]
bad = []
for i in range(600):
    d["x%d" % (i % 7)] = i
    if i % 5 == 0:
        del d["x%d" % (i % 7)]
    lst.append(str(i))
    if i % 3 == 0:
        lst.pop(0)
    got = borrowcache.sizes(d, lst)
    want = (len(d), len(lst), 1, 1, lst[-1])
    if got != want:
        bad.append((i, got, want))
sizes_bad = bad[:3]

T = 4
done = []
lock = _thread.allocate_lock()
def work(n):
    errs = 0
    for j in range(300):
        def change():
            d["k"] = "val-%d-%d" % (n, j)
            if j % 50 == 0:
                gc.collect()
            junk = ["junk-%d" % x for x in range(20)]
        try:
            v = borrowcache.hold(d, "k", change)
            if not v.startswith("val-"):
                errs += 1
        except RuntimeError:
            errs += 1
    with lock:
        done.append(errs)
for n in range(T):
    _thread.start_new_thread(work, (n,))
while True:
    with lock:
        if len(done) == T:
            break
missing = borrowcache.hold(d, "absent", lambda: None)
result = repr((sizes_bad, sum(done), missing))
`)
	want := "([], 0, None)"
	if got, _ := g.GetStr("result").(*py.Str); got == nil || got.String() != want {
		t.Errorf("got %v, want %s", g.GetStr("result"), want)
	}
}
