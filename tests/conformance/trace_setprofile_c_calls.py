import sys
log = []
def prof(frame, ev, arg):
    name = frame.f_code.co_name
    if ev.startswith('c_'):
        name += ':' + getattr(arg, '__qualname__', repr(arg))
    log.append((ev, name, frame.f_lineno - frame.f_code.co_firstlineno))
def h(x):
    return len(x) + sum(x)
def g():
    l = []
    l.append(3)
    try:
        int("x")
    except ValueError:
        l.append(1)
    return h(l)
def gen():
    yield 1
    yield max(1, 2)
def main():
    g()
    for x in gen():
        pass
    sorted([3, 1, 2], key=lambda v: -v)
    "a,b".split(",")
sys.setprofile(prof)
main()
sys.setprofile(None)
for e in log:
    print(*e)
