# resource through the host's compiled module (lib-dynload): its results
# are struct sequences made by PyStructSequence_NewType/New. Only
# deterministic facts are printed.
import resource, pickle, re

R = resource.struct_rusage
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, type(r).__module__, type(r).__qualname__, isinstance(r, tuple))
print(R.n_sequence_fields, R.n_fields, R.n_unnamed_fields, R.__match_args__[:3])
print(len(r), [f for f in dir(r) if f.startswith("ru_")])
print(r[0] == r.ru_utime, r[-1] == r.ru_nivcsw, r[2:4] == (r.ru_maxrss, r.ru_ixrss))
print(type(r.ru_utime).__name__, type(r.ru_maxrss).__name__, r.ru_maxrss > 0)
print(re.sub(r"=[0-9.e-]+", "=N", repr(r)))
print(R.__doc__ is not None, type(R.ru_utime.__doc__).__name__)
print(r == tuple(r), hash(r) == hash(tuple(r)), tuple(r) == r[:])
# construction from Python
x = R(range(16))
print(x, x.ru_stime, x.ru_nivcsw)
for bad in (range(3), range(17)):
    try:
        R(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    R(5)
except TypeError as e:
    print("TypeError", e)
try:
    x.ru_utime = 1
except AttributeError as e:
    print("AttributeError")
try:
    class Sub(R):
        pass
except TypeError:
    # freepy's message names the type without its module
    print("TypeError")
red = x.__reduce__()
print(red[0] is R, red[1])
y = pickle.loads(pickle.dumps(r))
print(type(y) is R, y == r)
match x:
    case R(a, b, c):
        print("match", a, b, c)
# limits and the page size
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
try:
    resource.getrlimit(-5)
except ValueError as e:
    print("ValueError", e)
ps = resource.getpagesize()
print(ps > 0 and ps & (ps - 1) == 0)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_nswap)
