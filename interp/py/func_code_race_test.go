package py

import "testing"

// TestFunctionCodeAssignRace assigns a function's __code__ (between a
// simple code, which calls copy straight into an inline frame, and one
// with *args, a keyword-only argument and a cell), __defaults__ and
// __kwdefaults__ while other threads call it: plainly, as a method
// (LOAD_METHOD), as a bound method, as a property getter and as
// __init__, the eval loop's inline paths. Each field is one atomic
// pointer and a call loads the code once, checks it and runs it, so
// -race reports nothing and no call crashes; results come from one code
// or the other (the new code with the old defaults can miss k: a
// TypeError, as in CPython).
func TestFunctionCodeAssignRace(t *testing.T) {
	src := `
import threading
ROUNDS = 600
errors = []
done = [False]

def fa(x, y=2):
    return ("a", y)
def fb(x, *rest, k=3):
    def inner():
        return k
    return ("b", inner())

def f(x, y=2):
    return ("a", y)

class C:
    m = f
    p = property(f)
    def __init__(self, x=0):
        pass

ok_results = {("a", 2), ("a", 5), ("b", 3), ("b", 4)}

def writer():
    try:
        for i in range(ROUNDS):
            f.__code__ = fb.__code__
            f.__kwdefaults__ = {"k": 3 + i % 2}
            f.__defaults__ = (5,)
            f.__code__ = fa.__code__
            f.__defaults__ = (2,)
            f.__kwdefaults__ = None
            C.__init__.__code__ = fb.__code__ if i % 2 else fa.__code__
    finally:
        done[0] = True

def reader():
    try:
        c = C()
        bound = c.m
        while not done[0]:
            for call in (lambda: f(1), lambda: c.m(), lambda: bound(), lambda: c.p):
                try:
                    r = call()
                except TypeError:
                    continue
                if r not in ok_results:
                    errors.append(r)
            try:
                C()
            except TypeError:
                pass
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return f(1) == ("a", 2) and f.__defaults__ == (2,) and f.__kwdefaults__ is None
`
	runWriterReaders(t, src, 3)
}

// TestInstanceClassAssignRace assigns obj.__class__ back and forth while
// other threads load its attributes and methods (the eval loop's cached
// paths), call isinstance and type() on it. Instance's class is one
// atomic pointer, loaded once per attribute access.
func TestInstanceClassAssignRace(t *testing.T) {
	src := `
import threading
ROUNDS = 3000
errors = []
done = [False]

class P:
    v = 1
    def who(self): return "P"
class Q:
    v = 2
    def who(self): return "Q"

o = P()
o.w = 0

def writer():
    try:
        for i in range(ROUNDS):
            o.__class__ = Q if i % 2 == 0 else P
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            if o.who() not in ("P", "Q") or o.v not in (1, 2) or o.w != 0:
                errors.append("attr")
            if type(o) not in (P, Q) or isinstance(o, int):
                errors.append("type")
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return o.who() == "P" and type(o) is P
`
	runWriterReaders(t, src, 3)
}
