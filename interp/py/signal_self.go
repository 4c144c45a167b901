package py

import "time"

// selfSignalled makes a signal the main thread sends its own process
// group (os.kill(0, n)) or raises with _thread.interrupt_main run its
// Python handler before the sending call returns, as in CPython: POSIX
// delivers such a signal before kill returns, and CPython's evaluation
// loop runs the handler at its check right after the call. Here the
// runtime hands the signal to a goroutine first, so this waits (briefly)
// for it to be recorded. Other threads only record it: handlers run in the
// main thread. os.kill(os.getpid(), n) records the signal itself (sigSend)
// and does not come here.
func selfSignalled(t *Thread, n int) error {
	if !isMainThread(t) || n <= 0 || n >= nsig {
		return nil
	}
	sigState.mu.Lock()
	h := sigState.handlers[n]
	sigState.mu.Unlock()
	if h == nil {
		return nil
	}
	if _, ok := h.(Int); ok {
		return nil // SIG_DFL or SIG_IGN: no Python handler to run
	}
	if sigBlocked(n) {
		// held pending until pthread_sigmask unblocks it: nothing runs
		// now, so there is nothing to wait for
		return nil
	}
	deadline := time.Now().Add(100 * time.Millisecond)
	for pause := time.Microsecond; !sigState.pending[n].Load() && time.Now().Before(deadline); pause = min(2*pause, time.Millisecond) {
		time.Sleep(pause)
	}
	return checkSignals(t)
}
