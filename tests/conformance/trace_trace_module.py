# the trace module (trace.Trace): line counts and --trace style listing.
import trace, sys, io


def work(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    return total


def gen(n):
    for i in range(n):
        yield i * 2


def user():
    r = work(5)
    s = sum(gen(3))
    try:
        raise KeyError(r)
    except KeyError:
        pass
    return r + s


t = trace.Trace(count=1, trace=0)
print(t.runfunc(user))
counts = t.results().counts
first = user.__code__.co_firstlineno - 16
for (fn, line), n in sorted(counts.items()):
    if fn == __file__:
        print(line - first, n)

out = io.StringIO()
old = sys.stdout
sys.stdout = out
try:
    t = trace.Trace(count=0, trace=1, countfuncs=0)
    t.runfunc(work, 3)
finally:
    sys.stdout = old
for l in out.getvalue().splitlines():
    print(l.split(':', 1)[-1] if ' --- modulename' not in l else 'modulename')

t = trace.Trace(count=0, trace=0, countfuncs=1)
t.runfunc(user)
print(sorted(name for (fn, mod, name) in t.results().calledfuncs if fn == __file__))
t = trace.Trace(count=0, trace=0, countcallers=1)
t.runfunc(user)
print(sorted((a[2], b[2]) for (a, b) in t.results().callers if a[0] == __file__ and b[0] == __file__))
