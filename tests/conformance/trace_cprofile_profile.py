# cProfile (the _lsprof module) and profile: only the stable parts of the
# statistics are compared (function names, call counts, callers), sorted.
import cProfile, profile, pstats, io, re, sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    l = []
    for i in range(6):
        l.append(fib(i))
    d = {}
    for x in l:
        d[x] = len(str(x))
    return sorted(l), max(d)


def table(st):
    rows = []
    for (fn, line, name), (cc, nc, tt, ct, callers) in st.stats.items():
        if fn == '~':
            where = name
        else:
            where = '%s:%d' % (fn.rsplit('/', 1)[-1], line)
        rows.append((where, name, cc, nc, sorted(c[2] for c in callers)))
    for r in sorted(rows):
        print(re.sub(r'0x[0-9a-f]+', '0x', ' '.join(map(str, r))))


pr = cProfile.Profile()
pr.enable()
main()
pr.disable()
table(pstats.Stats(pr))
print(type(pr.getstats()[0]).__name__, pr.getstats()[0]._fields if hasattr(pr.getstats()[0], '_fields') else '')
e = [s for s in pr.getstats() if getattr(s.code, 'co_name', '') == 'fib'][0]
print(e.callcount, e.reccallcount, e.totaltime >= e.inlinetime >= 0, sorted(getattr(c.code, 'co_name', c.code) for c in e.calls))

# runcall, subcalls and builtins turned off
pr = cProfile.Profile(subcalls=False, builtins=False)
print(pr.runcall(fib, 5))
for s in sorted(pr.getstats(), key=lambda s: str(s.code)):
    print(getattr(s.code, 'co_name', s.code), s.callcount, s.calls)
pr.clear()
print(pr.getstats())

# cProfile.run prints a table: compare the names column only
out = io.StringIO()
old = sys.stdout
sys.stdout = out
try:
    cProfile.run('main()', sort='calls')
finally:
    sys.stdout = old
lines = out.getvalue().splitlines()
print(sorted(l.split(None, 5)[-1] for l in lines if l[:9].strip().isdigit()))

# a custom timer
ticks = iter(range(1000))
pr = cProfile.Profile(lambda: next(ticks), 1.0)
pr.runcall(fib, 3)
e = [s for s in pr.getstats() if getattr(s.code, 'co_name', '') == 'fib'][0]
print(e.callcount, e.totaltime > 0)

# the pure-Python profiler
p = profile.Profile()
p.runcall(main)
table(pstats.Stats(p))
print(sys.getprofile())
