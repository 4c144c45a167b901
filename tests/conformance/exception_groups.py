# exit: 1
# PEP 654: ExceptionGroup construction, split/subgroup/derive and except*.
import sys
eg = ExceptionGroup("group", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), eg.message, eg.exceptions, eg.args)
print(repr(BaseExceptionGroup("b", [ValueError(1)])), type(BaseExceptionGroup("b", (KeyboardInterrupt(),))).__name__)
for args in [(), ("x",), (1, [ValueError()]), ("x", []), ("x", 5), ("x", [1]), ("x", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [ValueError()], y=1)
except Exception as e:
    print(type(e).__name__, e)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(eg.split(lambda e: isinstance(e, TypeError)))
print(eg.split((ValueError, TypeError))[0] is eg, eg.split(OSError))
print(repr(eg.subgroup(TypeError)), eg.subgroup(OSError))
try:
    eg.split(5)
except TypeError as e:
    print("TypeError", e)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
m, r = nested.split(ValueError)
print(repr(m)); print(repr(r))
e1 = ExceptionGroup("n", [ValueError(1)])
e1.add_note("hello")
e1.__cause__ = KeyError("k")
m, r = e1.split(ValueError)
print(m is e1, r)
e2 = ExceptionGroup("n", [ValueError(1), TypeError()])
e2.add_note("note")
e2.__cause__ = KeyError("k")
m, r = e2.split(ValueError)
print(m.__notes__, m.__cause__, r.__notes__, m.__notes__ is e2.__notes__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
me = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(me.split(ValueError)))
print(repr(me.derive([KeyError()])), repr(ExceptionGroup("q", [ValueError()]).derive([KeyError()])))
def f():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("V", repr(e), repr(sys.exc_info()[1]))
    except* TypeError:
        print("T")
try:
    f()
except ExceptionGroup as e:
    print("leftover", repr(e))
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked", repr(e), repr(e.exceptions[0]))
except Exception as e:
    print("??", e)
try:
    try:
        raise ValueError("naked")
    except* TypeError as e:
        print("no")
except Exception as e:
    print("propagated", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("new")
    except* TypeError:
        raise
except BaseException as e:
    print("mixed", repr(e), repr(e.exceptions[0].__context__))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise
except BaseException as e:
    print("reraise", repr(e))
for bad in [int, ExceptionGroup, (ValueError, ExceptionGroup)]:
    try:
        try:
            raise ValueError
        except* bad:
            pass
    except TypeError as e:
        print("TypeError", e)
print(ExceptionGroup[int], BaseExceptionGroup.__mro__, ExceptionGroup.__mro__)
try:
    raise BaseExceptionGroup("b", [KeyboardInterrupt()])
except* KeyboardInterrupt as e:
    print("KI", repr(e))
print(str(ExceptionGroup("one", [ValueError()])))

# how sys.excepthook draws (nested) groups, captured to compare it whole
import io
def eg_inner():
    raise KeyError("k")
def eg_f():
    raise ExceptionGroup("g", [ValueError(1), TypeError("two\nlines")])
def eg_g():
    try:
        eg_f()
    except ExceptionGroup as e:
        e.add_note("note one")
        raise
def eg_h():
    excs = []
    for i in range(3):
        try:
            if i == 1:
                try:
                    eg_inner()
                except KeyError as e:
                    raise ValueError("from ctx") from e
            raise OSError(i)
        except Exception as e:
            excs.append(e)
    try:
        eg_g()
    except ExceptionGroup as e:
        excs.append(e)
    excs.append(ExceptionGroup("wide", [ValueError(i) for i in range(17)]))
    raise ExceptionGroup("outer", excs)
saved, sys.stderr = sys.stderr, io.StringIO()
try:
    eg_h()
except Exception:
    sys.excepthook(*sys.exc_info())
out, sys.stderr = sys.stderr.getvalue(), saved
print(out)
try:
    raise ValueError("plain")
except ValueError:
    raise ExceptionGroup("ctx", [ValueError("x")])
