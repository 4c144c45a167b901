import sys
import threading
import io
import time
import warnings
import capi_breadth_obj as m


def show(label, *v):
    print(label, *v)


# refs and identity
# the count moves by 2 for a list (None and the like are immortal in
# freepy, as in CPython 3.12)
show("refs", m.refs([]))
for o in (None, True, False, 5, "s", object):
    show("refs", m.refs(o)[1:])

# built-in functions
show("cfunction", m.cfunction(m.probe, [].append) == (1, 1, 1, 1, 1, 1, m, m.cfunction(m.probe, [].append)[7]))
r = m.cfunction(m.probe, [1].append)
show("cfunction", r[:6], r[6].__name__, r[7])
r = m.cfunction(len, "abc".upper)
show("cfunction of len", r[4], r[5] in (1, 2, 3, 0x80 | 2, 8), r[6].__name__, r[7])


def kw(a, b, c=0, *, d=0):
    return (a, b, c, d)


show("vectorcall_dict", m.vectorcall_dict(kw, 1, {"d": 4, "c": 3}), m.vectorcall_dict(kw, 2, None), m.vectorcall_dict(kw, 3, {}))
try:
    m.vectorcall_dict(kw, 1, {"e": 1})
except TypeError as e:
    show("TypeError", e)
show("vectorcall_call", m.vectorcall_call(5, (1, 2), None))
import contextvars
cv = contextvars.ContextVar("cv", default="dflt")
cv.set("outer")
r = m.contexts(cv)
show("contexts", r[:7], r[7][0], r[7][1].endswith("has already been used once"), cv.get())
m.sys_format("hello")
sys.stdout.flush()
old = sys.stderr
sys.stderr = io.StringIO()
m.sys_format("world")
show("sys_format err", repr(sys.stderr.getvalue()))
sys.stderr = old


class C:
    x = 1


def f(self, y=2):
    "doc of f"
    return ("f", type(self).__name__, y)


r = m.methods(f, C())
show("methods", type(r[0]).__name__, r[0](), type(r[1]).__name__, type(r[2]).__name__, type(r[3]).__name__, r[4:7], r[7])
C.cm, C.sm, C.im = r[1], r[2], r[3]
show("bound", C.cm(), C.sm(C(), 5), C().im(9), C.im is f, C.im(C(), 1), C.__dict__["im"].__func__ is f, C.im.__doc__)


def g(x, y=3):
    return x * y


show("function_parts", m.function_parts(g)[1:], m.function_parts(g)[0].co_name)
show("function_parts", m.function_parts(len))
show("func_names", m.func_names(g), m.func_names(C().im), m.func_names(len), m.func_names(C()), m.func_names(5))
show("wrapper", m.wrapper(int.__dict__["__neg__"], 5), m.wrapper(str.__dict__["__len__"], "abc"))


class S:
    def __len__(self):
        return 3

    def __length_hint__(self):
        return 99


class H:
    def __length_hint__(self):
        return 7


class BadH:
    def __length_hint__(self):
        return -1


s = S()
s.__len__ = lambda: 1000
show("length_hint", m.length_hint([1, 2]), m.length_hint(H()), m.length_hint(5), m.length_hint(iter(range(10))), m.length_hint(BadH()))


class AI:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class BadAI:
    def __aiter__(self):
        return 5


async def agen():
    yield 1


show("aiter", m.aiter(AI())[0], m.aiter(agen())[0], m.aiter(5), m.aiter(BadAI()), m.aiter_check(AI()), m.aiter_check(5), m.aiter_check(agen()))


def gen():
    got = yield 1
    got = yield ("got", got)
    if got == "boom":
        raise KeyError("k")
    return ("done", got)


show("send", m.send_all(gen(), (None, "a", "b")))
show("send", m.send_all(gen(), (None, "a", "boom")))
show("send", m.send_all(iter([1, 2]), (None, None, None)))
show("send", m.send_all(iter([1]), (5,)))

# sequences and mappings
show("sequences", m.sequences([1, 2, 3, 4], [9]))
show("sequences", m.sequences([1, 2, 3, 4], (8, 8)))
for sl, n in [(slice(None), 5), (slice(1, -1), 5), (slice(None, None, -1), 5), (slice(-7, 3), 5), (slice(0, 9), 5),
              (slice(6, 9), 5), (slice(0, 3, 0), 5), (slice("a", 2), 5), (slice(1.5, 2), 5)]:
    show("slice", sl, m.slice_indices(sl, n))
d = {"x": 0}
show("mappings", m.mappings(d, [("x", 1), ["y", 2], "ab"], 1), d)
d = {"x": 0}
show("mappings", m.mappings(d, [("x", 1), ("z", 3)], 0), d)
show("mappings", m.mappings({}, [("x", 1), "abc"], 1))
show("mappings", m.mappings({}, [("x", 1), 5], 1))
show("mappings", m.mappings({}, 5, 1))

# objects
show("print", repr(m.print("a\u20acb", 0)), repr(m.print("a\u20acb", 1)), repr(m.print(..., 0)), repr(m.print([1, "x"], 1)))
o, wl_ok, sw, sw_int, fin = m.objects()
show("objects", type(o).__name__, wl_ok, sw, sw_int, fin, o.finalized())
o.a = 1
show("dict", o.__dict__)
o.__dict__ = {"b": 2}
show("dict", o.b, o.__dict__)
try:
    o.__dict__ = 5
except TypeError as e:
    show("TypeError", e)
import weakref
show("weakref", weakref.ref(o)() is o)


class W:
    pass


class NW:
    __slots__ = ()


show("supports_weakrefs", m.supports_weakrefs(W), m.supports_weakrefs(NW), m.supports_weakrefs(int), m.supports_weakrefs(type))
show("type_names", m.type_names(ValueError), m.type_names(m.DictObj), m.type_names(W))
show("repr_guard", m.repr_guard([]), m.repr_guard(o))

# errors
show("errors", m.errors("mod", "/p/mod.py", "a.txt", "b.txt"))
show("errors", m.errors(None, None, "only.txt", None)[4])
try:
    raise KeyError("inner")
except KeyError as e:
    h = m.handled(ValueError("set"))
    show("handled", repr(h[0]), repr(h[1]), sys.exc_info()[0].__name__)
show("handled", m.handled(None)[:2])
here = __file__
show("syntax", m.syntax_location(SyntaxError, here, 3, 5))
show("syntax", m.syntax_location(ValueError, here, 1, -1))
show("syntax", m.syntax_location(SyntaxError, "/no/such/file", 2, 0))
show("program_text", repr(m.program_text(here, 1)), repr(m.program_text(here, 100000)), repr(m.program_text("/no/such", 1)), repr(m.program_text(here, 0)))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    reg = {}
    m.warnings(reg)
    for x in w:
        show("warning", x.category.__name__, str(x.message), x.filename == here or x.filename, x.lineno if x.filename != here else "here")
    show("registry", sorted(k for k in reg if k != "version"))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        m.warnings({})
    except UserWarning as e:
        show("UserWarning", e)


def fails():
    raise ValueError("shown")


try:
    fails()
except ValueError as e:
    err = e
import io
old = sys.stderr
sys.stderr = io.StringIO()
m.display(err)
m.display(KeyError("k"))
out = sys.stderr.getvalue()
sys.stderr = old
# ("TB": the checks of extensions/ take "Traceback" in a driver's output
# for a failure)
show("display", out.replace(here, "HERE").replace("Traceback", "TB").splitlines())
buf = io.StringIO()
m.traceback_print(err.__traceback__, buf)
show("traceback", buf.getvalue().replace(here, "HERE").replace("Traceback", "TB").splitlines())
for bad in (None, 5):
    try:
        m.traceback_print(bad, buf)
    except SystemError as e:
        show("SystemError")

import signal
got = []
signal.signal(signal.SIGUSR1, lambda n, f: got.append(n))
show("interrupt", m.interrupt(int(signal.SIGUSR1)))
for i in range(100):
    pass
show("interrupt", got, m.interrupt(-1), m.interrupt(100000))
try:
    m.interrupt(0)
    for i in range(1000):
        pass
    show("no KeyboardInterrupt")
except KeyboardInterrupt:
    show("KeyboardInterrupt")


# frames and code
def caller():
    local_var = 5
    return m.frames()


fr = caller()
show("frames", fr[0] == caller.__code__.co_firstlineno + 2, fr[1].co_name, fr[2].f_code.co_name if fr[2] else None, fr[4], fr[5])
show("addr2line", m.addr2line(caller.__code__, -1) == caller.__code__.co_firstlineno,
     m.addr2line(caller.__code__, 1 << 20))

# compiling and running
g = {"x": 5}
show("run", m.run("x * 2", 258, g, None), m.run("y = x + 1", 257, g, None), g["y"], m.run("x", 256, g, None))
l = {}
show("run", m.run("z = 1", 257, g, l), l, "z" in g)
try:
    m.run("1 +", 258, {}, None)
except SyntaxError as e:
    show("SyntaxError", e.msg, e.filename)
show("run_flags", type(m.run_flags("a = 1", 0x400, {})).__name__)
import __main__
show("run_simple", m.run_simple("import __main__; __main__.ran_simple = getattr(__main__, 'ran_simple', 0) + 1"), __main__.ran_simple)
old = sys.stderr
sys.stderr = io.StringIO()
show("run_simple", m.run_simple("1/0"))
show("run_simple err", sys.stderr.getvalue().splitlines()[-1])
sys.stderr = old
show("compile", m.compile("40 + 2", "f.py", 258, -1))
show("compile", m.compile("__debug__", "f.py", 258, 1))

# modules and imports
r = m.exec_module("made_mod", "value = 7\n", None)
show("exec_module", r[0].value, r[0].__name__, r[1:], sys.modules["made_mod"] is r[0])
r = m.exec_module("made_mod2", "value = 8\n", "/x/made2.py")
show("exec_module", r[0].value, r[1:], r[0].__file__)
try:
    m.exec_module("made_mod3", "raise OSError('in module')", 5)
except OSError as e:
    show("OSError", e, "made_mod3" in sys.modules)
show("module_misc", m.module_misc("brand_new_mod")[0].__name__, m.module_misc("brand_new_mod")[1], m.module_misc("sys")[2] is sys, m.module_misc("sys")[3])
import importlib.machinery
spec = importlib.machinery.ModuleSpec("handmade", None)
hm, before, after = m.from_def(spec)
show("from_def", hm.__name__, hm.__doc__, before, after, hm.probe() is hm)

# interpreter state
show("pending", m.add_pending())
for i in range(1000):
    pass
show("pending", m.pending_count())
show("interp", m.interp_misc())
show("at_exit", m.register_exit())

stop = threading.Event()
state = []


def victim():
    try:
        while not stop.is_set():
            for i in range(1000):
                pass
            time.sleep(0.001)
        state.append("no exception")
    except ZeroDivisionError:
        state.append("ZeroDivisionError")


t = threading.Thread(target=victim)
t.start()
time.sleep(0.05)
show("async_exc", m.async_exc(t.ident, ZeroDivisionError), m.async_exc(2**40, ZeroDivisionError))
t.join(5)
stop.set()
show("async_exc", state)
show("end")
