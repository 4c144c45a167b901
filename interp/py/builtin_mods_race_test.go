package py

import "testing"

// TestBuiltinModsRace drives the process-wide state of faulthandler,
// syslog, _tracemalloc and the fcntl calls from several Python threads
// at once, while the main thread serves watchdog dumps; run it with -race.
func TestBuiltinModsRace(t *testing.T) {
	src := `
import _thread, faulthandler, syslog, _tracemalloc, fcntl, posix as os
N = 4
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
errors = 0
r, w = os.pipe()
null = os.open('/dev/null', os.O_WRONLY)
faulthandler.dump_traceback_later(0.01, repeat=True, file=null)

def work(k):
    global left, errors
    try:
        for i in range(100):
            faulthandler.enable(null)
            faulthandler.is_enabled()
            faulthandler.dump_traceback(null)
            faulthandler.disable()
            _tracemalloc.start()
            _tracemalloc.get_traced_memory()
            _tracemalloc.reset_peak()
            _tracemalloc.stop()
            syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_EMERG))
            syslog.openlog('racetest', 0, syslog.LOG_LOCAL7)
            syslog.closelog()
            if fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC != 1:
                errors += 1
            fcntl.flock(null, fcntl.LOCK_SH)
            fcntl.flock(null, fcntl.LOCK_UN)
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=60)
faulthandler.cancel_dump_traceback_later()
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "errors"); n != 0 {
		t.Fatalf("%d errors", n)
	}
}
