package py

import (
	"os"
	"testing"
)

// TestSelectRace shares one poll object and one epoll object between
// Python threads that register, poll and unregister concurrently, while
// the main thread waits in select.select (through the cancel pipe path);
// run it with -race.
func TestSelectRace(t *testing.T) {
	src := `
import _thread, select, posix
N = 6
p = select.poll()
ep = select.epoll()
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
errors = 0
r, w = posix.pipe()
posix.write(w, b"x")

def work(k):
    global left, errors
    try:
        a, b = posix.pipe()
        for i in range(100):
            p.register(b, select.POLLOUT)
            try:
                p.poll(0)
            except RuntimeError:
                pass  # concurrent poll() invocation
            p.unregister(b)
            ep.register(b, select.EPOLLOUT)
            ep.poll(0)
            ep.unregister(b)
            if select.select([r], [b], [], 0) != ([r], [b], []):
                errors += 1
        posix.close(a); posix.close(b)
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

for k in range(N):
    _thread.start_new_thread(work, (k,))
while left:
    select.select([], [], [], 0.01)
timed_out = not done.acquire(timeout=60)
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "errors"); n != 0 {
		t.Fatalf("%d errors", n)
	}
}

// TestSubprocessRace starts children from several Python threads at once
// (fork_exec, pipes, communicate through selectors, waitpid); run it with
// -race.
func TestSubprocessRace(t *testing.T) {
	src := `
import threading, subprocess
errors = []
def work(k):
    for i in range(5):
        r = subprocess.run(["/bin/sh", "-c", "cat; exit %d" % k], input=b"x" * 70000, capture_output=True)
        if r.returncode != k or len(r.stdout) != 70000:
            errors.append((k, r.returncode, len(r.stdout)))
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
nerrors = len(errors)
`
	if _, err := os.Stat("/usr/lib/python3.11/subprocess.py"); err != nil {
		t.Skip("no CPython 3.11 standard library")
	}
	_, g := runPy(t, "/usr/lib/python3.11", src)
	if n := intGlobal(t, g, "nerrors"); n != 0 {
		t.Fatalf("%d errors", n)
	}
}

// TestArrayRace appends to, reads, slices and views one array from
// several Python threads; run it with -race.
func TestArrayRace(t *testing.T) {
	src := `
import _thread, array
N = 6
a = array.array("i")
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
errors = []

def work(k):
    global left
    try:
        for i in range(300):
            a.append(i)
            a.extend([k, k])
            a[0:1] = a[0:1]
            try:
                bytes(memoryview(a))
            except IndexError:
                # A resize between the view's creation and the copy:
                # freepy does not refuse resizing an exported array
                # (memoryview.go), the view then reaches past the end.
                pass
            a.tobytes(); len(a); a.count(k)
            if len(a) > 50:
                del a[:10]
            for x in a:
                pass
    except BaseException as e:
        errors.append(repr(e))
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=60)
nerrors = len(errors)
first_error = errors[0] if errors else ''
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "nerrors"); n != 0 {
		t.Fatalf("%d threads failed, first: %v", n, g.GetStr("first_error"))
	}
}

// TestCSVRace shares one reader, one writer and the dialect registry
// between Python threads; run it with -race.
func TestCSVRace(t *testing.T) {
	src := `
import _thread, _csv
N = 6
lines = ['a,"b,c",d'] * 3000
rd = _csv.reader(iter(lines))
out = []
class Sink:
    def write(self, s):
        out.append(s)
wr = _csv.writer(Sink())
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
errors = 0

def work(k):
    global left, errors
    try:
        for i in range(200):
            row = next(rd, None)
            if row is not None and row != ["a", "b,c", "d"]:
                errors += 1
            wr.writerow([k, i, "x,y"])
            _csv.register_dialect("d%d" % k, delimiter=";")
            _csv.get_dialect("d%d" % k)
            _csv.list_dialects()
            _csv.field_size_limit(1000 + k)
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=60)
nout = len(out)
_csv.field_size_limit(131072)
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "errors"); n != 0 {
		t.Fatalf("%d errors", n)
	}
	if n := intGlobal(t, g, "nout"); n != 1200 {
		t.Fatalf("%d rows written", n)
	}
}
