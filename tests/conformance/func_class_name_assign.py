# Assigning and deleting the names, doc, module and annotations of
# functions, classes and generators: the error messages, and that repr,
# error messages and tracebacks use the new names.
import traceback


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r)


def f(x: int) -> str:
    "the doc"
    return x


print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__annotations__)


def set_attr(o, name, v):
    setattr(o, name, v)


def del_attr(o, name):
    delattr(o, name)


attempt("f.__name__ = 1", lambda: set_attr(f, "__name__", 1))
attempt("del f.__name__", lambda: del_attr(f, "__name__"))
attempt("f.__qualname__ = 1", lambda: set_attr(f, "__qualname__", 1))
attempt("del f.__qualname__", lambda: del_attr(f, "__qualname__"))
f.__name__ = "g"
f.__qualname__ = "Outer.g"
print(f.__name__, f.__qualname__, repr(f).split(" at ")[0])
attempt("call", lambda: f(1, 2))
attempt("call kw", lambda: f(y=2))
attempt("call missing", lambda: f())
f.__doc__ = None
print("doc", f.__doc__)
f.__doc__ = 5
print("doc", f.__doc__)
del f.__doc__
print("doc after del", f.__doc__)
f.__module__ = "mymod"
print("module", f.__module__)
f.__module__ = None
print("module", f.__module__)
del f.__module__
print("module after del", f.__module__)
f.__module__ = "mymod2"
attempt("f.__annotations__ = 1", lambda: set_attr(f, "__annotations__", 1))
print("annotations", f.__annotations__)
f.__annotations__ = {"a": 1}
print("annotations", f.__annotations__)
del f.__annotations__
a = f.__annotations__
print("annotations after del", a, a is f.__annotations__)
f.__annotations__ = None
print("annotations after None", f.__annotations__)


def plain():
    pass


a1 = plain.__annotations__
print("lazy annotations", a1, a1 is plain.__annotations__)


class Outer:
    def m(self):
        raise ValueError("boom")


Outer.m.__name__ = "renamed"
Outer.m.__qualname__ = "Outer.renamed"
print(repr(Outer().m).split(" of ")[0])
try:
    Outer().m()
except ValueError:
    tb = traceback.format_exc()
    # tracebacks name the code (co_name), not the function
    print([line.strip() for line in tb.splitlines() if line.strip().startswith("File")][-1].split(", ")[-1])


def gen():
    yield 1


gen.__name__ = "gname"
gen.__qualname__ = "gqual"
g = gen()
print(g.__name__, g.__qualname__, repr(g).split(" at ")[0])
gen.__name__ = "later"
print(g.__name__)
g.__name__ = "own"
print(g.__name__, gen.__name__)
attempt("g.__name__ = 1", lambda: set_attr(g, "__name__", 1))
attempt("del g.__qualname__", lambda: del_attr(g, "__qualname__"))


class C:
    pass


attempt("C.__name__ = 1", lambda: set_attr(C, "__name__", 1))
attempt("C.__name__ = 'a\\x00b'", lambda: set_attr(C, "__name__", "a\x00b"))
attempt("del C.__name__", lambda: del_attr(C, "__name__"))
attempt("C.__qualname__ = 1", lambda: set_attr(C, "__qualname__", 1))
attempt("del C.__qualname__", lambda: del_attr(C, "__qualname__"))
attempt("int.__name__ = 'x'", lambda: set_attr(int, "__name__", "x"))
attempt("int.__qualname__ = 'x'", lambda: set_attr(int, "__qualname__", "x"))
attempt("del int.__name__", lambda: del_attr(int, "__name__"))
C.__name__ = "D"
print(C.__name__, C.__qualname__, repr(C), repr(C()).split(" at ")[0])
C.__qualname__ = "Q.E"
print(C.__name__, C.__qualname__, repr(C), repr(C()).split(" at ")[0])
attempt("C() + 1", lambda: C() + 1)
attempt("C().nope", lambda: C().nope)
attempt("C(1)", lambda: C(1))
attempt("len(C())", lambda: len(C()))


class Sub(C):
    pass


print(Sub.__mro__)
print(Sub.__name__, Sub.__qualname__)
C.__doc__ = "class doc"
C.__module__ = "cmod"
print(C.__doc__, C.__module__, repr(C))
attempt("int.__doc__ = 'x'", lambda: set_attr(int, "__doc__", "x"))
attempt("int.__module__ = 'x'", lambda: set_attr(int, "__module__", "x"))
attempt("del C.__doc__", lambda: del_attr(C, "__doc__"))
attempt("del C.__module__", lambda: del_attr(C, "__module__"))
print(C.__doc__, C.__module__)


class Meta(type):
    pass


class M(metaclass=Meta):
    pass


attempt("del M.__name__", lambda: del_attr(M, "__name__"))
M.__name__ = "MM"
M.__qualname__ = "MQ"
print(M.__name__, repr(M), type.__repr__(M))
attempt("M() + 1", lambda: M() + 1)
