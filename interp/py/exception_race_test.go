package py

import "testing"

// TestSharedExceptionRace raises one exception object from several threads
// at once, as a module-level sentinel or a cached error is, while they read
// its __traceback__, __context__ and __cause__ and add notes. Every raise
// rewrites the chaining fields; run with -race (the fields were plain
// before, and an interface read racing a write can be torn).
func TestSharedExceptionRace(t *testing.T) {
	src := `
import _thread
N = 4
M = 300
shared = ValueError('shared')
other = KeyError('other')
lock = _thread.allocate_lock()
finished = [0]
bad = []

def depth(tb):
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n

def inner(i):
    if i % 3 == 0:
        raise shared from other
    try:
        raise other
    except KeyError:
        raise shared

def worker(k):
    for i in range(M):
        try:
            inner(i)
        except ValueError as e:
            if e is not shared:
                bad.append('not shared')
            depth(e.__traceback__)
            c = e.__context__
            if c is not None and c is not other:
                bad.append('context %r' % (c,))
            if e.__cause__ not in (None, other):
                bad.append('cause')
            if i % 50 == 0:
                e.add_note('n%d' % k)
            if k == 0 and i % 100 == 0:
                e.__traceback__ = None
    with lock:
        finished[0] += 1

for k in range(N):
    _thread.start_new_thread(worker, (k,))
while True:
    with lock:
        if finished[0] == N:
            break
notes = len(shared.__notes__)
`
	_, g := runPy(t, "", src)
	if bad := g.GetStr("bad").(*List); bad.Len() != 0 {
		t.Fatalf("inconsistent exception state seen by threads: %v", bad.snapshot()[:min(5, bad.Len())])
	}
	if n := intGlobal(t, g, "notes"); n != 4*6 {
		t.Fatalf("__notes__ has %d notes, want %d (one add_note lost)", n, 4*6)
	}
}
