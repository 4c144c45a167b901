package py

import "testing"

// TestNativeModulesRace shares the new native modules' objects between
// Python threads (one generator, one hash object) and gives each thread
// its own contextvars state and zlib stream; run it with -race.
func TestNativeModulesRace(t *testing.T) {
	src := `
import _thread, _random, _sha256, _contextvars, zlib, binascii
N = 6
rng = _random.Random(1)
h = _sha256.sha256()
var = _contextvars.ContextVar("v", default=-1)
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
errors = 0
payload = zlib.compress(b"x" * 50000)

def work(k):
    global left, errors
    try:
        for i in range(200):
            rng.random(); rng.getrandbits(70)
            h.update(b"abc"); h.copy().hexdigest()
            if var.get() not in (-1, k):
                errors += 1
            var.set(k)
            binascii.crc32(b"data", i)
        ctx = _contextvars.copy_context()
        if ctx.run(var.get) != k:
            errors += 1
        d = zlib.decompressobj()
        out = b"".join(d.decompress(payload[j:j + 100]) for j in range(0, len(payload), 100))
        if out != b"x" * 50000 or not d.eof:
            errors += 1
        _random.Random(k).getstate()
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=60)
state_len = len(rng.getstate())
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "errors"); n != 0 {
		t.Fatalf("%d errors", n)
	}
	if n := intGlobal(t, g, "state_len"); n != 625 {
		t.Fatalf("state length %d", n)
	}
}
