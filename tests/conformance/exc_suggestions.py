# exit: 1
# "Did you mean" suggestions on the last line of a printed AttributeError
# or NameError (sys.excepthook / the uncaught-exception printer), with
# CPython 3.11's candidate sets, distance limit and tie-breaking.
import io, sys, math

def shown(fn):
    try:
        fn()
    except BaseException as e:
        err = io.StringIO()
        old, sys.stderr = sys.stderr, err
        try:
            sys.excepthook(type(e), e, e.__traceback__)
        finally:
            sys.stderr = old
        lines = err.getvalue().splitlines()
        print(lines[-1] if lines else "<nothing>")
        return lines
    print("no exception")

class Point:
    def __init__(self):
        self.xcoord = 1
        self.ycoord = 2
        self.Color = "red"
    def magnitude(self):
        return 0

p = Point()
shown(lambda: p.xcord)          # instance attribute
shown(lambda: p.magnitud)       # method
shown(lambda: p.color)          # case-only difference costs 1
shown(lambda: p.zzzzzz)         # nothing close
shown(lambda: Point.magnitde)   # type object
shown(lambda: math.sine)        # module
shown(lambda: math.pi2)
shown(lambda: "abc".uper())     # builtin type
shown(lambda: [].apend(1))
shown(lambda: (1).real_)
shown(lambda: None.x)

# the candidate names: locals, then globals, then builtins
glob_value = 1
def uses_local():
    local_value = 2
    return local_valu
shown(uses_local)
def uses_global():
    return glob_valu
shown(uses_global)
shown(lambda: lenn([]))
shown(lambda: Flase)
shown(lambda: undefined_nothing_like_it)

def shadow():
    glob_value2 = 3
    return glob_valeu
shown(shadow)

# UnboundLocalError and subclasses get no suggestion (exact types only)
def unbound():
    if False:
        valu = 1
    value = valu
shown(unbound)
class MyAttrError(AttributeError):
    pass
def raise_sub():
    raise MyAttrError("x", name="xcord", obj=p)
shown(raise_sub)

# an AttributeError raised by hand: only with name and obj
def by_hand():
    raise AttributeError("custom", name="magnitud", obj=p)
shown(by_hand)
def by_hand_no_obj():
    raise AttributeError("custom", name="magnitud")
shown(by_hand_no_obj)

# 750 or more candidates: no search
class Big:
    pass
for i in range(800):
    setattr(Big, "attr%d" % i, i)
shown(lambda: Big.attr1x)
class Medium:
    pass
for i in range(100):
    setattr(Medium, "attr%d" % i, i)
shown(lambda: Medium.attr1x)

# ties: the first candidate in dir() order wins
class Tie:
    aab = 1
    abb = 2
shown(lambda: Tie.abx)
# long names
class Long:
    a_very_long_attribute_name_that_goes_on_and_on_forever = 1
shown(lambda: Long.a_very_long_attribute_name_that_goes_on_and_on_forevr)
shown(lambda: Long.b_very_long_attribute_name_that_goes_on_and_on_forever_and_ever_more)

# __dir__ decides the candidates
class Custom:
    def __dir__(self):
        return ["spam", "eggs"]
shown(lambda: Custom().spma)
class BadDir:
    def __dir__(self):
        raise RuntimeError("no dir")
shown(lambda: BadDir().spma)

# notes come after the suggestion; a chained exception's own line too
def with_note():
    try:
        p.xcord
    except AttributeError as e:
        e.add_note("a note")
        raise
lines = shown(with_note)
print(lines[-2:])
def chained():
    try:
        prnt("x")
    except NameError:
        raise ValueError("outer")
lines = shown(chained)
print([l for l in lines if "Error" in l])

# a __getattr__ / __getattribute__ raising a bare AttributeError: getattr
# fills in name and obj, so the printer can suggest
class GA:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()
class GB:
    blech = None
    def __getattribute__(self, attr):
        raise AttributeError("x", 23)
class GC:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError("inner", name="other", obj=1)
for cls in (GA, GB, GC):
    try:
        cls().bluch
    except AttributeError as e:
        print(cls.__name__, e.name, type(e.obj).__name__)
    shown(lambda: cls().bluch)
shown(lambda: getattr(GA(), "bluch"))

# a thread's uncaught exception (threading.excepthook) and a group
import threading
err = io.StringIO()
old, sys.stderr = sys.stderr, err
t = threading.Thread(target=lambda: p.magnitud, name="T1")
t.start(); t.join()
sys.stderr = old
print(err.getvalue().splitlines()[-1])
lines = shown(lambda: (_ for _ in ()).throw(ExceptionGroup("g", [NameError("n", name="lenn"), AttributeError("a", name="xcord", obj=p)])))
print([l.strip() for l in lines if "Error" in l])

# uncaught: the interpreter's own printer
math.flor(1.5)
