# raising and handling exceptions: hierarchy, args, else/finally, custom classes.
def check(v):
    try:
        if v == 0:
            raise ValueError("zero")
        if v == 1:
            raise KeyError("one")
        if v == 2:
            return 1 / 0
        if v == 3:
            [][1]
    except ValueError as e:
        print("ValueError", e.args)
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__, e)
    except Exception as e:
        print("other", type(e).__name__, e)
    else:
        print("no exception")
    finally:
        print("finally", v)
for v in range(5):
    check(v)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args, repr(e), isinstance(e, Exception))
print(repr(ValueError()), str(ValueError()), repr(ValueError(1, 2)), str(ValueError(1, 2)), str(KeyError("k")), str(KeyError()))
e = Exception("a", "b")
print(e.args, e.__class__.__bases__, BaseException.__subclasses__().__class__.__name__)
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise
except TypeError as e:
    print("re-raised", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised", repr(e))
def scope():
    try:
        raise ValueError("x")
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return "err unbound: " + str(e)
print(scope())
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise Exception("with note")
except Exception as e:
    e.add_note("a note")
    print(e.__notes__)
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(OSError, Exception))
print(IOError is OSError, EnvironmentError is OSError, FileNotFoundError.__mro__[1].__name__)
err = OSError(2, "No such file or directory", "x.txt")
print(type(err).__name__, err.errno, err.strerror, err.filename, str(err))
try:
    raise ExceptionGroup("group", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("star ValueError", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("star TypeError", [str(x) for x in eg.exceptions])
def gen_exc_info():
    import sys
    try:
        raise IndexError("info")
    except IndexError:
        t, v, tb = sys.exc_info()
        print(t.__name__, v, tb is not None, sys.exception() is v if hasattr(sys, "exception") else True)
    print(sys.exc_info())
gen_exc_info()
