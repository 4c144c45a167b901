package py

import "testing"

// TestTypeFlagsRace registers a class with fresh subclasses of
// collections.abc.Sequence and Mapping in turn (which rewrites the
// Sequence/Mapping bits in Type.Flags of the class and its subclass)
// and toggles C.__abstractmethods__ (the abstract bit) while other
// threads instantiate the class (object.__new__ tests the
// abstract bit), match instances against sequence and mapping patterns
// (the collection bits), and call isinstance on them (the subclass
// bits). Type.Flags was a plain word; it is atomic now, so -race
// reports nothing.
func TestTypeFlagsRace(t *testing.T) {
	src := `
import threading
from collections.abc import Sequence, Mapping
ROUNDS = 300
errors = []
done = [False]

class C:
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
class D(C):
    pass

def writer():
    try:
        for i in range(ROUNDS):
            class S(Sequence if i % 2 else Mapping):
                pass
            S.register(C)
            C.__abstractmethods__ = frozenset({"f"}) if i % 2 else frozenset()
        C.__abstractmethods__ = frozenset()
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            for k in (C, D):
                try:
                    d = k()
                except TypeError:
                    continue
                match d:
                    case {}:
                        pass
                    case []:
                        pass
                    case _:
                        pass
                if isinstance(d, int) or isinstance(d, str) or not isinstance(d, C):
                    errors.append("isinstance")
    except BaseException as e:
        errors.append(repr(e))
def final_ok():
    return type(D()) is D
`
	runWriterReaders(t, src, 3)
}

// TestPartialSetStateRace replaces a partial's state with __setstate__
// while other threads call it, repr it and read func/args/keywords. The
// state is one immutable record published atomically, so every call
// uses one state whole: the result must be one of the two the writer
// alternates between.
func TestPartialSetStateRace(t *testing.T) {
	src := `
import threading, functools
ROUNDS = 2000
errors = []
done = [False]

def f(*a, **k): return ("f", a, k)
def g(*a, **k): return ("g", a, k)
p = functools.partial(f, 1, x=1)
states = [(f, (1,), {"x": 1}, None), (g, (2, 3), {"y": 2}, None)]
results = [f(1, 0, x=1), g(2, 3, 0, y=2)]

def writer():
    try:
        for i in range(ROUNDS):
            p.__setstate__(states[i % 2])
        p.__setstate__(states[0])
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            r = p(0)
            if r not in results:
                errors.append(r)
            s = repr(p)
            if not s.startswith("functools.partial(<function "):
                errors.append(s)
            if p.func not in (f, g) or p.args not in ((1,), (2, 3)):
                errors.append((p.func, p.args))
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return p(5) == ("f", (1, 5), {"x": 1})
`
	runWriterReaders(t, src, 3)
}

// TestPropertyReinitRace calls property.__init__ again on a property in
// use (and __set_name__) while other threads get, set and delete the
// attribute through it and read fget/fset/__doc__. A property's
// functions are one immutable record published atomically, so a use
// sees the old functions or the new ones.
func TestPropertyReinitRace(t *testing.T) {
	src := `
import threading
ROUNDS = 2000
errors = []
done = [False]

def get1(self): return 1
def get2(self): return 2
def set1(self, v): self.v = v
def set2(self, v): self.w = v
def del1(self): pass

class C:
    p = property(get1, set1, del1, "one")

def writer():
    try:
        prop = C.__dict__["p"]
        for i in range(ROUNDS):
            if i % 2:
                prop.__init__(get2, set2, None, "two")
            else:
                prop.__init__(get1, set1, del1, "one")
            prop.__set_name__(C, "p%d" % (i % 3))
        prop.__init__(get1, set1, del1, "one")
    finally:
        done[0] = True

def reader():
    try:
        c = C()
        while not done[0]:
            if c.p not in (1, 2):
                errors.append(c.p)
            c.p = 5
            try:
                del c.p
            except AttributeError:
                pass
            prop = C.__dict__["p"]
            if prop.fget not in (get1, get2) or prop.__doc__ not in ("one", "two"):
                errors.append((prop.fget, prop.__doc__))
            prop.getter(get1)
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    c = C()
    c.p = 3
    return c.p == 1 and c.v == 3 and C.p.__doc__ == "one"
`
	runWriterReaders(t, src, 3)
}
