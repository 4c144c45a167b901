package py

import "testing"

// TestCollectionsThreads shares containers and itertools/_collections
// objects between Python threads and checks that no update is lost or
// duplicated (run with -race to check the Go side too).
func TestCollectionsThreads(t *testing.T) {
	src := `
import _thread
from _collections import deque, defaultdict
from itertools import count, tee, cycle
N = 4
M = 300
dq = deque()
bounded = deque(maxlen=50)
lst = []
st = set()
dd = defaultdict(int)
ctr = count()
taken = []
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
finished = [0]
errors = []
a_tee, b_tee = tee(range(N * M))
from_tee = []
def work(k):
    try:
        mine = []
        for i in range(M):
            dq.append((k, i))
            bounded.append(i)
            lst.append(k * M + i)
            st.add(k * M + i)
            dd[i % 7] += 0
            mine.append(next(ctr))
            v = next(a_tee, None)
            if v is not None:
                from_tee.append(v)
            if i % 10 == 0:
                lst.sort()
                dq.rotate(1)
        for i in range(M):
            dq.popleft()
            st.pop()
        with lock:
            taken.extend(mine)
    except BaseException as e:
        errors.append(repr(e))
    with lock:
        finished[0] += 1
        if finished[0] == N:
            done.release()
done.acquire()
for k in range(N):
    _thread.start_new_thread(work, (k,))
timed_out = not done.acquire(timeout=60)
ok_taken = sorted(taken) == list(range(N * M))
ok_list = sorted(lst) == list(range(N * M))
ok_tee = sorted(from_tee) == list(range(N * M)) and list(b_tee) == list(range(N * M))
n_dq = len(dq)
n_st = len(st)
n_bounded = len(bounded)
n_dd = len(dd)
n_err = len(errors)
first_err = errors[0] if errors else ''
`
	_, g := runPy(t, "", src)
	if g.GetStr("timed_out") != False {
		t.Fatal("threads did not finish")
	}
	if n := intGlobal(t, g, "n_err"); n != 0 {
		t.Fatalf("%d threads raised, first: %v", n, g.GetStr("first_err"))
	}
	for _, name := range []string{"ok_taken", "ok_list", "ok_tee"} {
		if g.GetStr(name) != True {
			t.Errorf("%s is %v", name, g.GetStr(name))
		}
	}
	want := map[string]int64{"n_dq": 0, "n_st": 0, "n_bounded": 50, "n_dd": 7}
	for name, w := range want {
		if got := intGlobal(t, g, name); got != w {
			t.Errorf("%s = %d, want %d", name, got, w)
		}
	}
}
