package py

import "testing"

// TestGlobalCacheRace runs LOAD_GLOBAL's per-instruction cache in Python
// threads while another thread keeps changing what it remembers: it
// rebinds a module global (plain stores and exec into the same
// namespace), and shadows and unshadows a builtin with a global of the
// same name. Every value a reader sees must be one that was stored, and
// once the writer stops every reader must see the last binding (the
// cache entry is validated by both dicts' versions). Run with -race.
func TestGlobalCacheRace(t *testing.T) {
	src := `
import threading
N = 4
M = 2000
errors = []
stop = [False]
VALUE = 0
started = threading.Barrier(N + 1)

def reader():
    # two LOAD_GLOBAL sites: a module global and a builtin that a
    # global may shadow
    return VALUE, len("ab")

def writer():
    started.wait()
    i = 0
    g = globals()
    while not stop[0]:
        i += 1
        if i % 3 == 0:
            exec("VALUE = %d" % (i % 7), g)
        else:
            global VALUE
            VALUE = i % 7
        if i % 2:
            g["len"] = lambda s: -1
        else:
            g.pop("len", None)

def body():
    started.wait()
    for _ in range(M):
        v, n = reader()
        if v not in range(7) or n not in (2, -1):
            errors.append((v, n))

def work():
    try:
        body()
    except BaseException as e:
        errors.append(repr(e))

ts = [threading.Thread(target=work) for _ in range(N)]
w = threading.Thread(target=writer)
w.start()
for th in ts:
    th.start()
for th in ts:
    th.join()
stop[0] = True
w.join()
VALUE = 99
globals().pop("len", None)
after_unshadow = reader()
len = lambda s: 42
after_shadow = reader()
del len
ok = int(not errors and after_unshadow == (99, 2) and after_shadow == (99, 42) and reader() == (99, 2))
`
	_, g := runPy(t, "/usr/lib/python3.11", src)
	if intGlobal(t, g, "ok") != 1 {
		t.Fatalf("errors %v, after_unshadow %v, after_shadow %v", g.GetStr("errors"), g.GetStr("after_unshadow"), g.GetStr("after_shadow"))
	}
}
