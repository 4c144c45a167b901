import sys
def tr(frame, ev, arg):
    print(ev, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, arg if ev != 'exception' else arg[0].__name__)
    return tr
def f(): return 1
def g():
    x = 1
    for i in range(2):
        x += i
    return x
def gen():
    yield 1
    yield 2
def boom():
    raise ValueError("x")
def catch():
    try:
        boom()
    except ValueError:
        pass
    return 5
sys.settrace(tr)
f()
g()
list(gen())
for v in gen():
    pass
lam = lambda: 3
lam()
catch()
sys.settrace(None)
