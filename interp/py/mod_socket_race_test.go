package py

import "testing"

// TestSocketRace shares _socket objects between Python threads: writers
// and readers on one socket pair while another thread flips the timeout,
// a shared listening socket accepting in several threads, and per-thread
// asyncgen hooks; run it with -race.
func TestSocketRace(t *testing.T) {
	src := `
import _thread, _socket, sys
N = 4
a, b = _socket.socketpair()
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = 2 * N + 1
errors = 0
received = 0
srv = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(16)
addr = srv.getsockname()

def finish():
    global left
    with lock:
        left -= 1
        if left == 0:
            done.release()

def writer(k):
    global errors
    try:
        # 20 writes of 50 bytes: a unix socket charges every write's
        # buffer overhead (hundreds of bytes) against its send buffer, and
        # 400 writes of 10 bytes could fill it while the readers still
        # wait in accept for writers blocked here (a deadlock of the test)
        for i in range(20):
            a.sendall(b"x" * 50)
        c = _socket.socket()
        c.settimeout(10)
        c.connect(addr)
        c.sendall(b"hi")
        c.close()
        sys.set_asyncgen_hooks(firstiter=None, finalizer=print)
        if sys.get_asyncgen_hooks()[1] is not print:
            errors += 1
        sys.set_asyncgen_hooks(None, None)
    except Exception:
        errors += 1
    finally:
        finish()

def reader(k):
    global errors, received
    try:
        fd, _ = srv._accept()
        conn = _socket.socket(fileno=fd)
        conn.settimeout(10)
        if conn.recv(2) != b"hi":
            errors += 1
        conn.close()
        n = 0
        while n < 1000:
            n += len(b.recv(1000 - n))
        with lock:
            received += n
    except Exception:
        errors += 1
    finally:
        finish()

def flipper():
    try:
        for i in range(200):
            b.gettimeout(); b.getblocking(); repr(b)
            _socket.setdefaulttimeout(None)
    finally:
        finish()

for k in range(N):
    _thread.start_new_thread(writer, (k,))
    _thread.start_new_thread(reader, (k,))
_thread.start_new_thread(flipper, ())
timed_out = not done.acquire(timeout=60)
a.close(); b.close(); srv.close()
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "errors"); n != 0 {
		t.Fatalf("%d errors", n)
	}
	if n := intGlobal(t, g, "received"); n != 4000 {
		t.Fatalf("received %d bytes", n)
	}
}
