package py

import "testing"

// TestClassSlotAssignRace has Python threads assign special methods
// (__repr__, __eq__, __hash__, __add__, __neg__, __len__, __call__,
// __init__) and plain attributes on one class and on a base with
// subclasses, two writers at a time, while other threads use instances
// through those slots. Every assignment rewrites the slot fields of the
// class and its subclasses (refreshSlots); under -race a plain rewrite of
// a field that readers or another writer touch is reported. Results must
// come from one of the installed methods.
func TestClassSlotAssignRace(t *testing.T) {
	src := `
import threading
N = 3
M = 300
errors = []
stop = [False]

def r1(self): return "r1"
def r2(self): return "r2"
def e1(self, o): return True
def e2(self, o): return self is o
def a1(self, o): return 1
def a2(self, o): return 2

class Base:
    def __repr__(self): return "r1"
    def __eq__(self, o): return True
    def __hash__(self): return 1
    def __add__(self, o): return 1
    def __neg__(self): return 1
    def __len__(self): return 1
    def __call__(self): return 1
    def __init__(self): self.v = 1
    x = 0

class Mid(Base):
    pass

class Leaf(Mid):
    pass

class Other:
    def __repr__(self): return "r1"
    def __eq__(self, o): return True
    def __hash__(self): return 1
    x = 0 # readers may run before the writers first set it

def writer(k):
    i = 0
    while not stop[0]:
        i += 1
        for cls in (Base, Mid, Other):
            cls.__repr__ = r1 if i % 2 else r2
            cls.__eq__ = e1 if (i + k) % 2 else e2
            cls.__hash__ = lambda self: 1
            cls.x = i
        Base.__add__ = a1 if i % 2 else a2
        Base.__neg__ = lambda self: 1
        Mid.__len__ = lambda self: 1
        Base.__call__ = lambda self: 1
        Base.__init__ = lambda self: setattr(self, "v", 1)

def reader(k):
    try:
        for i in range(M):
            for o in (Base(), Mid(), Leaf(), Other()):
                if repr(o) not in ("r1", "r2"):
                    errors.append(("repr", repr(o)))
                if not (o == o):
                    errors.append("eq")
                if hash(o) != 1:
                    errors.append("hash")
                if o.x < 0:
                    errors.append("x")
                if not isinstance(o, Other):
                    if o + o not in (1, 2) or -o != 1 or len(o) != 1 or o() != 1 or o.v != 1:
                        errors.append(("ops", type(o).__name__))
    except BaseException as e:
        errors.append(repr(e))

ws = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
rs = [threading.Thread(target=reader, args=(k,)) for k in range(N)]
for th in ws + rs:
    th.start()
for th in rs:
    th.join()
stop[0] = True
for th in ws:
    th.join()
Leaf.__repr__ = r2
ok = int(not errors and repr(Leaf()) == "r2" and repr(Mid()) in ("r1", "r2"))
`
	_, g := runPy(t, "/usr/lib/python3.11", src)
	if intGlobal(t, g, "ok") != 1 {
		t.Fatalf("errors %v", g.GetStr("errors"))
	}
}
