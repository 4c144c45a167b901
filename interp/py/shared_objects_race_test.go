package py

import (
	"strconv"
	"testing"
)

// runSharedWorkers runs src, which defines work(k), a list errors and
// final_ok(), on n threads (work(0) ... work(n-1)) started together,
// and fails unless errors stays empty and final_ok() holds once they
// are done. The objects the workers share are the test: under -race a
// Go data race fails it, and a Go panic fails the run.
func runSharedWorkers(t *testing.T, src string, n int) {
	t.Helper()
	src = "import threading\nerrors = []\n" + src + `
def _run(k):
    try:
        work(k)
    except BaseException as e:
        errors.append(repr(e))
ts = [threading.Thread(target=_run, args=(k,)) for k in range(` + strconv.Itoa(n) + `)]
for th in ts:
    th.start()
for th in ts:
    th.join()
ok = int(not errors and final_ok())
errs = repr(errors[:5])
`
	_, g := runPy(t, "/usr/lib/python3.11", src)
	if intGlobal(t, g, "ok") != 1 {
		t.Fatalf("errors %v", g.GetStr("errs").(*Str).s)
	}
}

// TestSharedDequeRace appends and pops at both ends of one deque from
// several threads while another iterates it; iteration during a
// mutation raises RuntimeError as in CPython. No item may be lost or
// produced twice.
func TestSharedDequeRace(t *testing.T) {
	src := `
from collections import deque
N = 2000
d = deque()
bounded = deque(maxlen=50)
popped = [[] for _ in range(4)]

def work(k):
    if k == 3:
        for i in range(300):
            try:
                for x in d:
                    pass
            except RuntimeError:
                pass
            len(d); d.count(0); repr(bounded); list(bounded)
            try:
                d.index(-1)
            except ValueError:
                pass
        return
    got = popped[k]
    for i in range(N):
        d.append((k, i, 0))
        d.appendleft((k, i, 1))
        bounded.append(i)
        bounded.extendleft((i, i))
        if i % 3 == 0:
            d.rotate(1)
        try:
            got.append(d.pop())
            got.append(d.popleft())
        except IndexError:
            pass

def final_ok():
    items = [x for g in popped for x in g] + list(d)
    return len(items) == 3 * 2 * N and len(set(items)) == len(items) and len(bounded) == 50
`
	runSharedWorkers(t, src, 4)
}

// TestSharedItertoolsRace shares count, cycle, tee, islice, chain,
// accumulate, zip_longest and groupby iterators between threads. Values
// may come in any order (CPython 3.13t promises only no crash); here
// each item of a finite source must be produced once.
func TestSharedItertoolsRace(t *testing.T) {
	src := `
import itertools
N = 1500
c = itertools.count()
cy = itertools.cycle(range(7))
a, b = itertools.tee(range(4 * N))
isl = itertools.islice(range(10 ** 9), 0, None, 2)
ch = itertools.chain.from_iterable([range(i, i + 3)] for i in range(0, 4 * N, 3))
acc = itertools.accumulate(itertools.repeat(1))
pw = itertools.pairwise(itertools.count())
seen = [[] for _ in range(4)]

def work(k):
    mine = seen[k]
    for i in range(N):
        mine.append(next(c))
        if next(cy) not in range(7):
            errors.append("cycle")
        if next(isl) % 2:
            errors.append("islice")
        try:
            next(ch)
            # a tee's source entered by two threads at once raises
            # RuntimeError, as CPython's does
            next(a if k % 2 else b)
        except (StopIteration, RuntimeError):
            pass
        next(acc)
        x, y = next(pw)
        if y != x + 1:
            errors.append(("pairwise", x, y))
    it = itertools.tee(range(10))[0]
    list(it)

def final_ok():
    got = [x for s in seen for x in s]
    return sorted(got) == list(range(4 * N)) and next(c) == 4 * N
`
	runSharedWorkers(t, src, 4)
}

// TestSharedArrayRace appends to and extends one array.array from two
// threads while two others read it: index, slices, len, tobytes, a
// memoryview, iteration and comparison. A view reads the live buffer
// under the array's mutex; unlike CPython an export does not refuse a
// resize (freepy cannot tell when an unreleased view dies), so nothing
// here raises BufferError, and the except clauses only keep the
// program valid under CPython.
func TestSharedArrayRace(t *testing.T) {
	src := `
import array
N = 1000
a = array.array("i", [0])

def work(k):
    if k < 2:
        for i in range(N):
            a.append(i)
            a.extend((i, i))
            if i % 100 == 0:
                a.insert(0, -1)
        return
    for i in range(N):
        n = len(a)
        s = a[-3:]
        if len(s) > 3:
            errors.append("slice")
        if i % 50 == 0:
            a.index(0); a.count(1)
            a.tobytes(); a == a; list(a[:20])
            try:
                with memoryview(a) as m:
                    m[0]
            except BufferError:
                pass
        try:
            a[n // 2]
        except IndexError:
            errors.append("index")

def final_ok():
    return len(a) == 1 + 2 * 3 * N + 2 * (N // 100)
`
	runSharedWorkers(t, src, 4)
}

// TestSharedBytearrayRace resizes one bytearray from two threads while
// two others read, slice, search and decode it, and take memoryviews
// of it (which read the live buffer under the bytearray's mutex; see
// TestSharedArrayRace on BufferError).
func TestSharedBytearrayRace(t *testing.T) {
	src := `
N = 1000
ba = bytearray(b"x")

def work(k):
    global ba
    if k < 2:
        for i in range(N):
            ba.extend(b"ab")
            ba += b"c"
            if i % 10 == 0:
                try:
                    del ba[:3]
                    ba[0:0] = b"abc"
                except BufferError:
                    pass
        return
    for i in range(N):
        s = ba[-4:]
        if len(s) > 4:
            errors.append("slice")
        ba.find(b"q"); ba.count(b"a"); bytes(ba[:5]); len(ba)
        if i % 20 == 0:
            ba.decode(); ba.upper(); ba == ba
            try:
                with memoryview(ba) as m:
                    m[:2].tobytes()
            except BufferError:
                pass

def final_ok():
    return len(ba) == 1 + 2 * 3 * N
`
	runSharedWorkers(t, src, 4)
}

// TestSharedIORace writes to one StringIO, one BytesIO and one
// BufferedWriter (print(file=...) from several threads) and reads the
// in-memory ones meanwhile. Every write lands whole: the files hold
// exactly the lines written.
func TestSharedIORace(t *testing.T) {
	src := `
import io, os, tempfile
N = 500
sio = io.StringIO()
bio = io.BytesIO()
fd, path = tempfile.mkstemp()
os.close(fd)
f = open(path, "w", buffering=8192)
raw = open(path + ".b", "wb")

def work(k):
    for i in range(N):
        line = "%d-%d\n" % (k, i)
        sio.write(line)
        bio.write(line.encode())
        print(k, i, file=f)
        raw.write(line.encode())
        if i % 100 == 0:
            sio.getvalue(); bio.getvalue(); sio.tell(); bio.getbuffer().release()

def final_ok():
    f.close()
    raw.close()
    with open(path) as g:
        lines = g.read().splitlines()
    with open(path + ".b", "rb") as g:
        rawlines = g.read().decode().splitlines()
    os.unlink(path)
    os.unlink(path + ".b")
    want = sorted("%d-%d" % (k, i) for k in range(4) for i in range(N))
    return (sorted(sio.getvalue().splitlines()) == want
            and sorted(bio.getvalue().decode().splitlines()) == want
            and sorted(rawlines) == want
            and sorted(l.replace(" ", "-") for l in lines) == want)
`
	runSharedWorkers(t, src, 4)
}

// TestSharedCachesWeakRandomRace: functools.lru_cache and cache called
// from several threads, WeakValueDictionary and WeakSet whose objects
// die while other threads use them (gc.collect runs the callbacks on
// the finalizer worker), and one random.Random (and the module's
// shared one) drawn from by several threads.
func TestSharedCachesWeakRandomRace(t *testing.T) {
	src := `
import functools, weakref, random, gc
N = 600

@functools.lru_cache(maxsize=64)
def sq(x): return x * x

@functools.cache
def cube(x): return x * x * x

class O:
    pass

wvd = weakref.WeakValueDictionary()
ws = weakref.WeakSet()
keep = []
r = random.Random(5)

def work(k):
    for i in range(N):
        if sq(i % 100) != (i % 100) ** 2 or cube(i % 50) != (i % 50) ** 3:
            errors.append("cache")
        o = O()
        wvd[(k, i)] = o
        ws.add(o)
        if i % 10 == 0:
            keep.append(o)
        wvd.get((k, i - 1))
        if i % 200 == 0:
            gc.collect()
            len(wvd); len(ws)
            try:
                # as in CPython: iterating while others insert may raise
                list(wvd.items()); list(ws)
            except RuntimeError:
                pass
        x = r.random()
        y = random.random()
        if not (0 <= x < 1 and 0 <= y < 1):
            errors.append("random")
        r.randrange(10); random.getrandbits(40)
    sq.cache_info()

def final_ok():
    gc.collect()
    return sq.cache_info().currsize <= 64 and all(o in ws for o in keep) and len(ws) >= len(keep)
`
	runSharedWorkers(t, src, 4)
}
