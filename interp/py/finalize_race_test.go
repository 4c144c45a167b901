package py

import "testing"

// TestFinalizerRace makes instances of a class with __del__ and abandons
// suspended generators with a finally block in several
// threads while others call gc.collect() and a class gains and loses
// __del__, so finalizers run on the worker while the threads that made
// the objects still run; weakref callbacks go through the same worker.
// Run with -race. Every object made is finalized by the end (none is in
// a cycle), each once.
func TestFinalizerRace(t *testing.T) {
	src := `
import _thread, gc, _weakref as weakref
N = 4
M = 400
lock = _thread.allocate_lock()
finished = [0]
gone = []
callbacks = []

class D:
    def __init__(self, k, i):
        self.key = (k, i)
    def __del__(self):
        with lock:
            gone.append(self.key)

class Plain:
    pass

closed = []

def gen(k, i):
    try:
        yield 1
        yield 2
    finally:
        with lock:
            closed.append((k, i))

def worker(k):
    keep = []
    for i in range(M):
        d = D(k, i)
        g = gen(k, i)
        next(g)
        if i % 3 == 0:
            g.close()
        if i % 7 == 0:
            keep.append(weakref.ref(Plain(), callbacks.append))
        if i % 100 == 0:
            gc.collect()
        if k == 0 and i % 50 == 0:
            Plain.__del__ = lambda self: None
        if k == 0 and i % 50 == 25:
            del Plain.__del__
    with lock:
        finished[0] += 1

for k in range(N):
    _thread.start_new_thread(worker, (k,))
while True:
    with lock:
        if finished[0] == N:
            break
gc.collect()
gc.collect()
made = N * M
finalized = len(gone)
distinct = len(set(gone))
gens_closed = len(closed)
gens_distinct = len(set(closed))
`
	_, g := runPy(t, "", src)
	made, finalized, distinct := intGlobal(t, g, "made"), intGlobal(t, g, "finalized"), intGlobal(t, g, "distinct")
	if finalized != distinct {
		t.Fatalf("%d finalizations of %d distinct objects: one ran twice", finalized, distinct)
	}
	// a conservative collector may keep a few objects one more cycle
	if finalized < made*9/10 {
		t.Fatalf("%d of %d objects finalized after gc.collect()", finalized, made)
	}
	closed, closedDistinct := intGlobal(t, g, "gens_closed"), intGlobal(t, g, "gens_distinct")
	if closed != closedDistinct {
		t.Fatalf("%d generator closes of %d distinct generators: one closed twice", closed, closedDistinct)
	}
	if closed < made*9/10 {
		t.Fatalf("%d of %d abandoned generators closed after gc.collect()", closed, made)
	}
}
