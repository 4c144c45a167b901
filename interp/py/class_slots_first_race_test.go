package py

import (
	"strconv"
	"testing"
)

// TestClassSlotFirstAssignRace gives published classes special methods
// of kinds they did not have (C.__add__ = f on a class without __add__,
// __call__, __len__, __getattr__, __neg__, __init__, then del
// C.__init__) while other threads use instances of those classes through
// the general paths that read the slot fields (binaryOp1, Call, Len,
// attribute loads, UnaryOp, typeCall). The first assignment of a kind
// rewrites a nil or inherited slot field; readers load those fields
// atomically (LoadPtr), so -race reports nothing. Results must come
// from before or after the assignment.
func TestClassSlotFirstAssignRace(t *testing.T) {
	src := `
import threading
ROUNDS = 100
errors = []
current = [None]
done = [False]

def add(self, o): return 7
def call(self): return 8
def ln(self): return 9
def ga(self, name): return 10
def neg(self): return 11
def init(self, *a): self.v = 12

def writer():
    try:
        for i in range(ROUNDS):
            class K:
                pass
            current[0] = K
            K.__add__ = add
            K.__call__ = call
            K.__len__ = ln
            K.__getattr__ = ga
            K.__neg__ = neg
            K.__init__ = init
            del K.__init__
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            K = current[0]
            if K is None:
                continue
            k = K()
            for op, want, exc in ((lambda: k + k, 7, TypeError),
                                  (lambda: k(), 8, TypeError),
                                  (lambda: len(k), 9, TypeError),
                                  (lambda: k.zz, 10, AttributeError),
                                  (lambda: -k, 11, TypeError)):
                try:
                    r = op()
                except exc:
                    continue
                if r != want:
                    errors.append((want, r))
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    k = current[0]()
    return k + k == 7 and k() == 8 and len(k) == 9 and k.zz == 10 and -k == 11 and "v" not in k.__dict__
`
	runWriterReaders(t, src, 3)
}

// runWriterReaders runs src, which defines writer(), reader(), a list
// errors and final_ok(), with one thread running writer and n threads
// running reader, and fails unless errors stays empty and final_ok()
// holds once they are done.
func runWriterReaders(t *testing.T, src string, n int) {
	t.Helper()
	src += `
rs = [threading.Thread(target=reader) for _ in range(` + strconv.Itoa(n) + `)]
w = threading.Thread(target=writer)
for th in rs:
    th.start()
w.start()
w.join()
for th in rs:
    th.join()
ok = int(not errors and final_ok())
`
	_, g := runPy(t, "/usr/lib/python3.11", src)
	if intGlobal(t, g, "ok") != 1 {
		t.Fatalf("errors %v", g.GetStr("errors"))
	}
}
