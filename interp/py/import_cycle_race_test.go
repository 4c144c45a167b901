package py

import (
	"os"
	"path/filepath"
	"testing"
)

// TestConcurrentCircularImport starts a circular import from two threads
// at once: thread 1 runs cyca (which imports cycb) while thread 2 runs cycb
// (which imports cyca). Each holds its module's import lock and then waits
// for the other's; freepy must detect that and hand out the partially
// initialised module, as CPython does, instead of hanging.
// cycSync is a two-thread barrier (the test interpreter has no standard
// library, so no threading.Barrier): both threads hold their module's
// import lock when they pass it.
const cycSync = `import _thread, time
lock = _thread.allocate_lock()
arrived = [0]
def wait():
    with lock:
        arrived[0] += 1
    deadline = time.monotonic() + 20
    while arrived[0] < 2 and time.monotonic() < deadline:
        time.sleep(0.001)
`

func TestConcurrentCircularImport(t *testing.T) {
	dir := t.TempDir()
	mods := map[string]string{
		"cyca.py":    "import cycsync\ncycsync.wait()\nimport cycb\nX = 'a'\n",
		"cycb.py":    "import cycsync\ncycsync.wait()\nimport cyca\nY = 'b'\n",
		"cycsync.py": cycSync,
	}
	for name, src := range mods {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, g := runPy(t, dir, `
import _thread, sys, time
import cycsync
res = {}
finished = []
def imp(name):
    try:
        __import__(name)
        res[name] = 1
    except BaseException as e:
        res[name] = repr(e)
    finished.append(name)
for n in ("cyca", "cycb"):
    _thread.start_new_thread(imp, (n,))
deadline = time.monotonic() + 30
while len(finished) < 2 and time.monotonic() < deadline:
    time.sleep(0.01)
alive = 2 - len(finished)
ok = res.get("cyca") == 1 and res.get("cycb") == 1
done = sys.modules["cyca"].X + sys.modules["cycb"].Y if not alive else ""
`)
	if n := intGlobal(t, g, "alive"); n != 0 {
		t.Fatalf("%d importing threads still blocked: deadlock", n)
	}
	if g.GetStr("ok") != True {
		t.Errorf("imports failed: %v", g.GetStr("res"))
	}
	if s, _ := g.GetStr("done").(*Str); s == nil || s.s != "ab" {
		t.Errorf("modules not finished: %v", g.GetStr("done"))
	}
}
