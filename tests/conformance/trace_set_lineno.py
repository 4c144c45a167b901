# frame.f_lineno set from a 'line' trace event: jumps within a frame, and
# the jumps CPython refuses (into a loop body, out of the code).
import sys
def f():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    for i in range(3):
        out.append(10 + i)
    out.append(4)
    return out
def make(target, at, fn=f):
    done = [False]
    def tr(frame, ev, arg):
        if frame.f_code is fn.__code__ and ev == 'line' and not done[0]:
            if frame.f_lineno - fn.__code__.co_firstlineno == at:
                done[0] = True
                try:
                    frame.f_lineno = fn.__code__.co_firstlineno + target
                except ValueError as e:
                    print("ValueError", e)
        return tr
    return tr
# a jump inside a try body and one into an except body
def g():
    r = []
    try:
        r.append(1)
        r.append(2)
    except KeyError:
        r.append(3)
    return r


for at, target in [(2, 4), (4, 2), (6, 8), (1, 6), (7, 2), (2, 100), (3, -1), (7, 6)]:
    sys.settrace(make(target, at))
    r = f()
    sys.settrace(None)
    print(at, target, r)


for at, target in [(3, 4), (4, 3), (3, 6), (3, 7)]:
    sys.settrace(make(target, at, g))
    r = g()
    sys.settrace(None)
    print(at, target, r)
