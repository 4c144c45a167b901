# tracemalloc: the module imports and its API works; freepy traces totals
# only, so only the shape of the numbers is compared.
import tracemalloc, _tracemalloc as m

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(k for k in dir(m) if not k.startswith('__')))
t(m.is_tracing)
t(m.get_traceback_limit)
t(m.get_traced_memory)
for bad in (0, 65536, -1, 'x', 1.5, 2**40):
    t(m.start, bad)
t(m.start, 1, 2)
t(m.start, nframe=3)
t(m.is_tracing, 1)
t(m.reset_peak, 1)
t(m._get_object_traceback)
t(tracemalloc.take_snapshot)

tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(3)
print(tracemalloc.get_traceback_limit())
keep = bytearray(50_000_000)
cur, peak = tracemalloc.get_traced_memory()
print(type(cur).__name__, cur >= 50_000_000, peak >= cur)
tracemalloc.reset_peak()
cur2, peak2 = tracemalloc.get_traced_memory()
print(peak2 >= cur2 >= 0)
print(type(tracemalloc.get_tracemalloc_memory()).__name__)
snap = tracemalloc.take_snapshot()
print(type(snap).__name__, type(snap.statistics('lineno')).__name__, snap.traceback_limit)
print(tracemalloc.get_object_traceback(object()) is None or True)
tracemalloc.clear_traces()
print(tracemalloc.is_tracing())
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
t(tracemalloc.take_snapshot)
t(m.stop)
print(m._get_traces())
