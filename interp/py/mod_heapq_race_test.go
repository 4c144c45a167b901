package py

import "testing"

// TestHeapqThreads pushes and pops one shared heap from several threads
// without a lock of their own: each heapq call is atomic (mod_heapq_bisect.go),
// so no item is lost or duplicated and the heap stays a heap. Run with -race.
func TestHeapqThreads(t *testing.T) {
	src := `
import _thread, _heapq
heap = []
lock = _thread.allocate_lock()
finished = [0]
popped = []
def worker(k):
    mine = []
    for i in range(400):
        _heapq.heappush(heap, k * 1000 + i)
        if i % 2:
            mine.append(_heapq.heappop(heap))
    with lock:
        popped.extend(mine)
        finished[0] += 1
for k in range(4):
    _thread.start_new_thread(worker, (k,))
while True:
    with lock:
        if finished[0] == 4:
            break
rest = []
while heap:
    rest.append(_heapq.heappop(heap))
ok_sorted = rest == sorted(rest)
everything = sorted(popped + rest)
ok_all = everything == sorted(k * 1000 + i for k in range(4) for i in range(400))
`
	_, g := runPy(t, "", src)
	if g.GetStr("ok_sorted") != True {
		t.Fatalf("the heap drained out of order")
	}
	if g.GetStr("ok_all") != True {
		t.Fatalf("items lost or duplicated by concurrent heappush/heappop")
	}
}
