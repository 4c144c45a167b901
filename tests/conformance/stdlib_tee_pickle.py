# itertools.tee objects pickle, copy and deep-copy as CPython 3.11's:
# _tee.__reduce__ is (_tee, ((),), (dataobject, index)), a
# _tee_dataobject reduces to (type, (it, values, next)) with blocks of 57
# items, and copies pickled together still share their source.
import itertools, pickle, copy
a, b = itertools.tee(iter(range(200)))
for _ in range(57): next(a)
print(a.__reduce__()[1:][0], a.__reduce__()[2][1], a.__reduce__()[2][0].__reduce__()[1][2])
next(a)
r = a.__reduce__(); print(r[2][1], r[2][0].__reduce__()[1][1][:3], b.__reduce__()[2][0].__reduce__()[1][2] is r[2][0])
T = itertools._tee_dataobject
for args in [(), (1,), (iter([]), 5, None), (iter([]), [1]*58, None), (iter([]), [1], r[2][0]), (iter([]), [1]*57, 5), (iter([]), [1]*57, r[2][0])]:
  try: print(T(*args).__reduce__()[1][1:][0][:3] if args else T())
  except Exception as e: print(type(e).__name__, e)
t = itertools._tee(())
for st in [5, (1,), (1,2), (r[2][0], "x"), (r[2][0], -1), (r[2][0], 58), (r[2][0], 57), (r[2][0], 2**70), (r[2][0], 1.0)]:
  try: t.__setstate__(st); print("ok", next(t, "end"))
  except Exception as e: print(type(e).__name__, e)
print(T.__module__, itertools._tee.__module__)
a, b = itertools.tee("abcdef")
next(a); next(a); next(b)
x, y = pickle.loads(pickle.dumps((a, b)))
print(list(x), list(y), list(a), list(b))
a, b = itertools.tee(iter(range(300)))
for _ in range(130): next(a)
for _ in range(60): next(b)
for p in range(6):
  x, y = pickle.loads(pickle.dumps((a, b), p))
  c = copy.deepcopy(b)
  print(sum(x), sum(y), sum(c), sum(copy.copy(a)))
print(sum(a), sum(b))

# three copies in different blocks, pickled together, still share
a, b, c = itertools.tee(iter(list(range(130))), 3)
for _ in range(57): next(a)
for _ in range(114): next(b)
x, y, z = pickle.loads(pickle.dumps([a, b, c]))
print(next(x), next(y), next(z), sum(z), sum(x), sum(y))
print(next(a), next(b), next(c), sum(a), sum(b), sum(c))
# the source must pickle too
def gen():
    yield from range(3)
a, b = itertools.tee(gen())
try:
    pickle.dumps(a)
except TypeError as e:
    print("generator:", e)
print(list(copy.copy(a)), list(a), list(b))
a, b = itertools.tee([1, 2, 3])
print(type(pickle.loads(pickle.dumps(a))).__name__, [list(t) for t in pickle.loads(pickle.dumps(iter(itertools.tee("xyz"))))])
