package py

import "testing"

// TestPyexpatRace shares one parser between Python threads that feed it
// whole elements and read its positions and attributes, while other
// threads parse with parsers of their own; run it with -race.
func TestPyexpatRace(t *testing.T) {
	src := `
import _thread, pyexpat
N = 4
shared = pyexpat.ParserCreate()
shared.buffer_text = True
count = [0]
def start(name, attrs):
    count[0] += 1
    shared.CurrentLineNumber
shared.StartElementHandler = start
shared.Parse('<root>', False)
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = N
errors = 0

def work(k):
    global left, errors
    try:
        for i in range(100):
            shared.Parse('<i k="%d">text %d</i>\n' % (k, i), False)
            shared.CurrentColumnNumber; shared.ErrorByteIndex; shared.buffer_used
            shared.ordered_attributes = i % 2
            own = pyexpat.ParserCreate(namespace_separator=' ')
            seen = []
            own.StartElementHandler = lambda n, a: seen.append(n)
            own.Parse('<a xmlns="u"><b/>', False)
            own.Parse('<c/></a>', True)
            if seen != ['u a', 'u b', 'u c']:
                errors += 1
    except Exception:
        errors += 1
    finally:
        with lock:
            left -= 1
            if left == 0:
                done.release()

for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=120)
shared.Parse('</root>', True)
total = count[0]
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "errors"); n != 0 {
		t.Fatalf("%d errors", n)
	}
	if n := intGlobal(t, g, "total"); n != 401 {
		t.Fatalf("%d start events, want 401", n)
	}
}
