package py

import "testing"

// TestInitAndStoreHintRace runs, in Python threads, the two per-site and
// per-type caches of instance creation and attribute stores while other
// threads change what they remember: class calls whose __init__ another
// thread keeps replacing (pythonInit's per-version answer), and stores
// into instance dicts whose layout differs per instance and whose
// attributes another thread deletes and re-adds (setStrHint's entry
// hint). Every instance must come from one of the __init__s that were
// installed, every store must land on its own attribute, and once the
// swapping stops new instances use the last __init__. Run with -race.
func TestInitAndStoreHintRace(t *testing.T) {
	src := `
import threading
N = 4
M = 300
errors = []
stop = [False]

def init_a(self, v):
    self.src = "a"
    self.v = v

def init_b(self, v):
    self.v = v
    self.src = "b"

class K:
    __init__ = init_a

class L(K):
    pass

shared = [K(i) for i in range(8)]

def swapper():
    i = 0
    while not stop[0]:
        K.__init__ = init_b if i % 2 else init_a
        i += 1
        s = shared[i % 8]
        try:
            del s.extra
        except AttributeError:
            pass
        s.extra = i

def body(k):
    for i in range(M):
        o = L(i) if i % 2 else K(i)
        if o.v != i or o.src not in ("a", "b"):
            errors.append(("init", o.__dict__))
        for s in shared:
            s.mine = k          # one site, many layouts, shared by threads
            s.v = i
            if s.mine not in range(N):
                errors.append(("store", s.__dict__))

def work(k):
    try:
        body(k)
    except BaseException as e:
        errors.append(repr(e))

ts = [threading.Thread(target=work, args=(k,)) for k in range(N)]
sw = threading.Thread(target=swapper)
sw.start()
for th in ts:
    th.start()
for th in ts:
    th.join()
stop[0] = True
sw.join()   # one thread at a time assigns class attributes
K.__init__ = init_b
last = L(7)
ok = int(not errors and last.src == "b" and list(last.__dict__) == ["v", "src"])
`
	_, g := runPy(t, "/usr/lib/python3.11", src)
	if intGlobal(t, g, "ok") != 1 {
		t.Fatalf("errors %v, last instance %v", g.GetStr("errors"), g.GetStr("last"))
	}
}
