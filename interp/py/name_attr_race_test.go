package py

import "testing"

// TestFunctionNameAssignRace assigns a function's __name__,
// __qualname__, __doc__, __module__ and __annotations__ (and deletes the
// last two) while other threads read them: directly, through repr(f),
// repr of a bound method, the TypeError of a call with too many
// arguments (which names the function's __qualname__), a generator made
// by the function (which takes its names) and a help-like read of all
// of them at once. The names are made at run time (not interned
// constants), so a torn read would show as a crash or a wrong value;
// -race reports nothing because each attribute is read with one atomic
// load.
func TestFunctionNameAssignRace(t *testing.T) {
	src := `
import threading
ROUNDS = 1500
errors = []
done = [False]

def f(x):
    "doc0"
    return x
def g():
    yield 1

class C:
    m = f

names = {"f"} | {"f%d" % i for i in range(ROUNDS)}
quals = {"f"} | {"q%d" % i for i in range(ROUNDS)}
docs = {"doc0", None} | {"doc%d" % i for i in range(ROUNDS)}
mods = {"__main__", None} | {"mod%d" % i for i in range(ROUNDS)}

def writer():
    try:
        for i in range(ROUNDS):
            f.__name__ = "f%d" % i
            f.__qualname__ = "q%d" % i
            f.__doc__ = "doc%d" % i if i % 3 else None
            f.__module__ = "mod%d" % i
            if i % 2:
                f.__annotations__ = {"x": i}
            else:
                del f.__annotations__
            g.__name__ = "f%d" % i
            g.__qualname__ = "q%d" % i
        f.__name__ = f.__qualname__ = "f"
        f.__doc__ = "doc0"
        f.__module__ = "__main__"
        g.__name__ = g.__qualname__ = "g"
    finally:
        done[0] = True

def reader():
    try:
        c = C()
        while not done[0]:
            if f.__name__ not in names or f.__qualname__ not in quals:
                errors.append(("name", f.__name__, f.__qualname__))
            if f.__doc__ not in docs or f.__module__ not in mods:
                errors.append(("doc", f.__doc__, f.__module__))
            a = f.__annotations__
            if type(a) is not dict or a and list(a) != ["x"]:
                errors.append(("ann", a))
            r = repr(f)
            if not r.startswith("<function ") or r.split()[1] not in quals:
                errors.append(("repr", r))
            r = repr(c.m)
            if not r.startswith("<bound method ") or r.split()[2] not in quals:
                errors.append(("bound", r))
            try:
                f(1, 2)
            except TypeError as e:
                if str(e).split("(")[0] not in quals:
                    errors.append(("call", str(e)))
            gen = g()
            if gen.__name__ not in names | {"g"} or gen.__qualname__ not in quals | {"g"}:
                errors.append(("gen", gen.__name__, gen.__qualname__))
            if not repr(gen).startswith("<generator object "):
                errors.append(("genrepr", repr(gen)))
            info = (f.__module__, f.__qualname__, f.__doc__, f.__annotations__)
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return (f.__name__, f.__qualname__, f.__doc__, f.__module__) == ("f", "f", "doc0", "__main__") \
        and repr(f).startswith("<function f at ") and g().__name__ == "g"
`
	runWriterReaders(t, src, 3)
}

// TestClassNameAssignRace assigns __name__ and __qualname__ of a class
// while other threads read them: directly, through repr of the class
// and of an instance, and through error messages that name the class
// (an unsupported operand, a missing attribute, a call with arguments
// the class does not take). The readers check that every name they see
// is one the writer assigned.
func TestClassNameAssignRace(t *testing.T) {
	src := `
import threading
ROUNDS = 1500
errors = []
done = [False]

class C:
    pass
class D(C):
    pass

names = {"C"} | {"N%d" % i for i in range(ROUNDS)}
quals = {"C"} | {"Q%d" % i for i in range(ROUNDS)}

def writer():
    try:
        for i in range(ROUNDS):
            C.__name__ = "N%d" % i
            C.__qualname__ = "Q%d" % i
        C.__name__ = C.__qualname__ = "C"
    finally:
        done[0] = True

def reader():
    try:
        c = C()
        while not done[0]:
            if C.__name__ not in names or C.__qualname__ not in quals:
                errors.append(("name", C.__name__, C.__qualname__))
            r = repr(C)
            if r[len("<class '__main__."):-2] not in quals:
                errors.append(("repr", r))
            r = repr(c)
            if r.split()[0][len("<__main__."):] not in quals:
                errors.append(("inst", r))
            try:
                c + 1
            except TypeError as e:
                if str(e).split("'")[1] not in names:
                    errors.append(("op", str(e)))
            try:
                c.nope
            except AttributeError as e:
                if str(e).split("'")[1] not in names:
                    errors.append(("attr", str(e)))
            try:
                C(1)
            except TypeError as e:
                if "takes no arguments" not in str(e):
                    errors.append(("call", str(e)))
            if D.__mro__[1] is not C or str(D.__bases__[0]).split(".")[1][:-2] not in quals:
                errors.append(("mro", D.__mro__))
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return C.__name__ == "C" and repr(C) == "<class '__main__.C'>"
`
	runWriterReaders(t, src, 3)
}

// TestExceptionArgsAssignRace rewrites the args of a shared exception
// (e.args = ..., e.__init__(...) again, as a class that re-initialises
// a cached error does) while other threads raise it, format it (str,
// repr, traceback.format_exception_only) and read e.args. args is one
// atomic pointer to an immutable tuple, so each reader sees the old
// tuple or the new one.
func TestExceptionArgsAssignRace(t *testing.T) {
	src := `
import threading, traceback
ROUNDS = 1500
errors = []
done = [False]

class MyError(ValueError):
    pass

shared = MyError("a0")
oserr = OSError(2, "first")
values = {"a0"} | {"a%d" % i for i in range(ROUNDS)} | {"b%d" % i for i in range(ROUNDS)}

def writer():
    try:
        for i in range(ROUNDS):
            shared.args = ("a%d" % i,)
            shared.__init__("b%d" % i)
            oserr.args = (i, "s%d" % i)
        shared.args = ("a0",)
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            a = shared.args
            if len(a) != 1 or a[0] not in values:
                errors.append(("args", a))
            if str(shared) not in values or repr(shared)[9:-2] not in values:
                errors.append(("str", str(shared), repr(shared)))
            try:
                raise shared
            except MyError as e:
                line = traceback.format_exception_only(type(e), e)[-1]
                if line.split(": ")[1].strip() not in values:
                    errors.append(("tb", line))
            if len(oserr.args) != 2 or not str(oserr).startswith("["):
                errors.append(("oserr", oserr.args))
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return shared.args == ("a0",) and str(shared) == "a0"
`
	runWriterReaders(t, src, 3)
}

// TestInstanceDictAssignRace replaces an object's __dict__ (obj.__dict__
// = d, as __setstate__-style code does) while other threads load, store
// and call its attributes through the eval loop's cached paths,
// getattr, vars() and a method call. The instance's dict pointer is
// loaded once per access, atomically, so each access uses the old dict
// or the new one.
func TestInstanceDictAssignRace(t *testing.T) {
	src := `
import threading
ROUNDS = 2000
errors = []
done = [False]

class C:
    def m(self):
        return "m"

o = C()
o.__dict__ = {"a": 0, "b": 0}

def writer():
    try:
        for i in range(ROUNDS):
            o.__dict__ = {"a": i, "b": i, "m": lambda: "inst"}
            del o.__dict__["m"]
        o.__dict__ = {"a": -1, "b": -1}
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            if not isinstance(o.a, int) or getattr(o, "b") is None:
                errors.append("attr")
            if o.m() not in ("m", "inst"):
                errors.append("method")
            o.c = 1
            if "a" not in vars(o) and "a" not in o.__dict__:
                errors.append("vars")
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return o.a == -1 and o.m() == "m"
`
	runWriterReaders(t, src, 3)
}
