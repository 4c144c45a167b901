package py

import "testing"

// TestStrThreads has threads build strs through the per-thread paths
// (chunks of short strs, the %-format and str.format caches, f-strings,
// split blocks) and publish them in a shared list, while other threads
// hash, index, search and join the strs already there. Run with -race: a
// str made from one thread's chunk and read by another must show no race.
func TestStrThreads(t *testing.T) {
	src := `
import _thread
N = 4
M = 300
shared = []
lock = _thread.allocate_lock()
done = []
bad = []
def writer(k):
    for i in range(M):
        w = "w%d" % k
        s = f"{w}|{i:04d}|{'%s-%d' % (w, i)}|{'{}/{}'.format(w.upper(), i)}"
        parts = s.split("|")
        shared.append((k, i, s, parts, s.upper().lower(), s[::-1]))
    with lock:
        done.append(k)
def reader(k):
    seen = 0
    while True:
        with lock:
            # the writers' entries: the other reader may have added its
            # -1 already (len(done) == N would then never hold)
            finished = len([d for d in done if d >= 0]) == N
        n = len(shared)
        for j in range(n):
            wk, i, s, parts, low, rev = shared[j]
            if "|".join(parts) != s or low != s.lower() or rev[::-1] != s or hash(s) != hash(rev[::-1]):
                bad.append(s)
            if s.count("|") != 3 or not s.startswith("w%d|" % wk) or s.find("%04d" % i) < 0:
                bad.append(s)
        seen += n
        if finished:
            break
    with lock:
        done.append(-1)
for k in range(N):
    _thread.start_new_thread(writer, (k,))
for k in range(2):
    _thread.start_new_thread(reader, (k,))
while True:
    with lock:
        if len(done) == N + 2:
            break
total = len(shared)
nbad = len(bad)
`
	_, g := runPy(t, "", src)
	if n := intGlobal(t, g, "total"); n != 4*300 {
		t.Errorf("shared holds %d strs, want %d", n, 4*300)
	}
	if n := intGlobal(t, g, "nbad"); n != 0 {
		t.Errorf("%d strs read back wrong", n)
	}
}
