package py

import "testing"

// TestSignalMaskRace has threads block, send, wait for and unblock SIGUSR1
// concurrently while the main thread runs its handler; run it with -race.
// Every signal sent is either taken by a sigtimedwait or run by the
// handler, never lost and never both.
func TestSignalMaskRace(t *testing.T) {
	src := `
import _thread, _signal as signal, time
N = 4
K = 50
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
handled = 0
taken = 0
main = _thread.get_ident()

def h(n, f):
    global handled
    handled += 1

signal.signal(signal.SIGUSR1, h)

def work():
    global left, taken
    try:
        loop()
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

def loop():
    global taken
    for i in range(K):
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
        signal.pthread_kill(main, signal.SIGUSR1)
        r = signal.sigtimedwait([signal.SIGUSR1], 0.001)
        if r is not None:
            with lock:
                taken += 1
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])

for k in range(N):
    _thread.start_new_thread(work, ())
timed_out = not done.acquire(timeout=60)
deadline = time.time() + 5
while handled + taken < N * K and time.time() < deadline:
    time.sleep(0.01)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	h, k := intGlobal(t, g, "handled"), intGlobal(t, g, "taken")
	// signals sent while one is pending merge into it, as in the kernel
	if h+k == 0 || h+k > 4*50 {
		t.Fatalf("handled %d + taken %d, want 1..200", h, k)
	}
}
