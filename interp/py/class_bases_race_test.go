package py

import "testing"

// TestClassBasesAssignRace assigns a class's __bases__ back and forth
// while other threads look attributes up on instances of it and of its
// subclass (MRO walks once the version change drops the caches), call
// isinstance and issubclass, call methods through super() and read
// __mro__, __bases__ and __base__. Each class's __base__, __bases__ and
// __mro__ are one snapshot published atomically (Type.hier), so -race
// reports nothing and every reader sees one of the two hierarchies.
func TestClassBasesAssignRace(t *testing.T) {
	src := `
import threading
ROUNDS = 400
errors = []
done = [False]

class A:
    def who(self): return "A"
    tag = "a"
class B:
    def who(self): return "B"
    tag = "b"
class C(A):
    def who(self): return "C" + super().who()
class D(C):
    pass

def writer():
    try:
        for i in range(ROUNDS):
            C.__bases__ = (B,) if i % 2 == 0 else (A,)
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            for o in (C(), D()):
                w, tag = o.who(), o.tag
                if w not in ("CA", "CB") or tag not in ("a", "b"):
                    errors.append((w, tag))
                # the bases may change between two calls: one call each
                if not isinstance(o, C) or isinstance(o, int) or isinstance(o, A) not in (True, False):
                    errors.append("isinstance")
                if not issubclass(type(o), C) or issubclass(C, D):
                    errors.append("issubclass")
            m = D.__mro__
            if m[:2] != (D, C) or m[2] not in (A, B) or C.__base__ not in (A, B) or C.__bases__ not in ((A,), (B,)):
                errors.append(m)
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return D().who() == "CA" and D.__mro__ == (D, C, A, object)
`
	runWriterReaders(t, src, 3)
}
