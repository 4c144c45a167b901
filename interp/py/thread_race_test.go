package py

import (
	"os"
	"path/filepath"
	"testing"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// runPy compiles and runs src as __main__ of a fresh interpreter whose
// sys.path holds dir, and returns the globals.
func runPy(t *testing.T, dir, src string) (*Thread, *Dict) {
	t.Helper()
	in, th := NewInterp()
	if dir != "" {
		in.Path.Append(NewStr(dir))
	}
	globals := NewDict()
	globals.SetStr("__name__", NewStr("__main__"))
	code, err := CompileSource(th, []byte(src), "<race>", syntax.ModeExec, compile.Flags{})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if _, err := th.ExecCode(code, globals, nil); err != nil {
		t.Fatalf("run: %s", FormatException(th, AsException(err)))
	}
	return th, globals
}

func intGlobal(t *testing.T, g *Dict, name string) int64 {
	t.Helper()
	v, ok := g.GetStr(name).(Int)
	if !ok {
		t.Fatalf("%s = %v, want an int", name, g.GetStr(name))
	}
	return int64(v)
}

// TestThreadRace hammers shared objects from several Python threads; run
// it with -race to find data races in the runtime.
func TestThreadRace(t *testing.T) {
	dir := t.TempDir()
	mod := "import _thread\nVALUE = 42\nclass K:\n    pass\nK.attr = VALUE\n"
	if err := os.WriteFile(filepath.Join(dir, "racemod.py"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	src := `
import _thread
N = 6
M = 200
shared_list = []
shared_dict = {}
shared_set = set()
class C:
    cattr = 0
obj = C()
class S:
    __slots__ = ('p', 'q')
sobj = S()
sobj.p = 0
shared_exc = ValueError('shared')
lock = _thread.allocate_lock()
counter = [0]
done = _thread.allocate_lock()
finished = [0]
mods = []
names = ['a0', 'a1', 'a2', 'a3']
def make_counter():
    c = 0
    def bump():
        nonlocal c
        c += 1
        return c
    return bump
bump = make_counter()
g_last = 0
def gen(n):
    for j in range(n):
        yield j
errors = []
def work(k):
    try:
        body(k)
    except BaseException as e:
        errors.append(repr(e))
    with lock:
        finished[0] += 1
        if finished[0] == N:
            done.release()
def body(k):
    global g_last
    for i in range(M):
        bump()
        g_last = i
        total = 0
        for j in gen(3):
            total += j
        try:
            for key in shared_dict:
                break
            for v in list(shared_set)[:2]:
                pass
            shared_list[-5:]
        except RuntimeError:
            pass
        sobj.p = i
        sobj.q = sobj.p
        try:
            raise ValueError(i)
        except ValueError as e:
            e.note = i
        repr(obj)
        str(shared_list[-1:])
        shared_list.append(i)
        shared_dict[(k, i)] = i
        shared_dict['common'] = k
        shared_set.add(k * 1000 + i)
        setattr(obj, names[i % 4], i)
        obj.x = i
        C.cattr = i
        y = obj.x + C.cattr
        if i % 3 == 0:
            shared_list.pop()
            shared_set.discard(k * 1000 + i)
        with lock:
            counter[0] += 1
    import racemod
    mods.append(racemod.VALUE + racemod.K.attr)
done.acquire()
for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=60)
n_list = len(shared_list)
n_dict = len(shared_dict)
n_set = len(shared_set)
n_counter = counter[0]
n_mods = len(mods)
mods_ok = mods == [84] * N
`
	th, g := runPy(t, dir, src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if errs, _ := Repr(th, g.GetStr("errors")); errs == nil || errs.s != "[]" {
		t.Fatalf("errors in threads: %v", errs)
	}
	const n, m = 6, 200
	pops := int64(0)
	for i := 0; i < m; i++ {
		if i%3 == 0 {
			pops++
		}
	}
	if got, want := intGlobal(t, g, "n_list"), int64(n*m)-n*pops; got != want {
		t.Errorf("len(shared_list) = %d, want %d", got, want)
	}
	if got, want := intGlobal(t, g, "n_dict"), int64(n*m+1); got != want {
		t.Errorf("len(shared_dict) = %d, want %d", got, want)
	}
	if got, want := intGlobal(t, g, "n_set"), int64(n*m)-n*pops; got != want {
		t.Errorf("len(shared_set) = %d, want %d", got, want)
	}
	if got := intGlobal(t, g, "n_counter"); got != n*m {
		t.Errorf("counter = %d, want %d", got, n*m)
	}
	if g.GetStr("mods_ok") != True {
		t.Errorf("every thread should see the fully imported module once: %v", g.GetStr("mods_ok"))
	}
}
