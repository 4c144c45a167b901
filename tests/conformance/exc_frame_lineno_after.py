# f_lineno of a frame an exception has left: cleanup re-raises go back to
# where the exception was raised (CPython's saved lasti), an unmatched
# except re-raises at the last clause's line (PEP 626 tests).
def lines(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
    out = []
    while t:
        out.append((t.tb_lineno - t.tb_frame.f_code.co_firstlineno, None if t.tb_frame.f_lineno is None else t.tb_frame.f_lineno - t.tb_frame.f_code.co_firstlineno))
        t = t.tb_next
    return out
def in_except():
    try:
        1/0
    except:
        1/0
        pass
def other_except():
    try:
        1/0
    except TypeError as ex:
        pass
def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass
def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass
class Noop:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        pass
def after_with():
    with Noop():
        1/0
        pass
def in_try():
    try:
        1/0
    finally:
        pass
def simple():
    1/0
    pass
for f in (in_except, other_except, in_named_except, in_finally_except, after_with, in_try, simple):
    print(f.__name__, lines(f))
class ExitFails:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise ValueError
def after_with_exit():
    with ExitFails():
        1/0
def nested():
    try:
        try:
            1/0
        except ZeroDivisionError:
            raise KeyError
    except KeyError as e:
        x = 1
        raise
def multi():
    try:
        {}[1]
    except TypeError:
        pass
    except ValueError:
        pass
def from_call():
    def inner():
        [][1]
    try:
        inner()
    finally:
        y = 2
for f in (after_with_exit, nested, multi, from_call):
    print(f.__name__, lines(f))
