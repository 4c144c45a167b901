package py

import "testing"

// TestCurrentFramesRace calls sys._current_frames from several threads
// while others call functions (their frames come and go through the frame
// pool), block on locks and sleep, and walks every frame chain it gets;
// run it with -race: another thread's frames must only be read while that
// thread is parked or after it published them.
func TestCurrentFramesRace(t *testing.T) {
	src := `
import _thread, sys, time
N = 4
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = 2 * N
stop = False
bad = 0
seen = 0

def leaf(i):
    return i + 1

def busy():
    global left
    n = 0
    while not stop:
        n = leaf(n)
        if n % 1000 == 0:
            time.sleep(0)
    with lock:
        left -= 1
        if left == 0:
            done.release()

def snap():
    global left, bad, seen
    for _ in range(30):
        fr = sys._current_frames()
        if sys._getframe() is not fr.get(_thread.get_ident()):
            bad += 1
        for ident, f in fr.items():
            while f is not None:
                f.f_code.co_name, f.f_lineno, f.f_locals
                f = f.f_back
        with lock:
            seen += len(fr)
    with lock:
        left -= 1
        if left == 0:
            done.release()

for k in range(N):
    _thread.start_new_thread(busy, ())
    _thread.start_new_thread(snap, ())
time.sleep(0.2)
stop = True
timed_out = not done.acquire(timeout=60)
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "bad"); n != 0 {
		t.Fatalf("%d snapshots without the caller's own frame", n)
	}
	if n := intGlobal(t, g, "seen"); n < 30*4*2 {
		t.Fatalf("only %d frames seen", n)
	}
}
