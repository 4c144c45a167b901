import sys, threading
out = []
def tr(frame, ev, arg):
    out.append((threading.current_thread().name, ev, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno))
    return tr
def local(frame, ev, arg):
    print("local", ev, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno)
    return local
def later():
    a = 1
    frame = sys._getframe()
    sys.settrace(lambda *a: None)
    frame.f_trace = local
    b = 2
    c = 3
    sys.settrace(None)
    d = 4
later()
# raising trace function
def bad(frame, ev, arg):
    if ev == 'line':
        raise RuntimeError("boom in trace")
    return bad
def victim():
    x = 1
    return x
sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e, sys.gettrace())
def nolines(frame, ev, arg):
    print("nl", ev, frame.f_code.co_name)
    frame.f_trace_lines = False
    return nolines
def two():
    a = 1
    return a
sys.settrace(nolines)
two()
sys.settrace(None)
# threading.settrace
def work():
    y = 1
    return y
threading.settrace(tr)
th = threading.Thread(target=work, name="T1")
th.start(); th.join()
threading.settrace(None)
print([e for e in out if e[2] == 'work'])
# exception in generator, traced
def g():
    yield 1
    raise KeyError(2)
def gtr(frame, ev, arg):
    if frame.f_code.co_name in ('g', 'use'):
        print(ev, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, arg[0].__name__ if ev == 'exception' else arg)
    return gtr
def use():
    try:
        for v in g():
            pass
    except KeyError:
        return "k"
sys.settrace(gtr)
use()
sys.settrace(None)
print(sys.gettrace(), sys.getprofile())
