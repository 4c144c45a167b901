# queue.SimpleQueue from the host's compiled _queue module (lib-dynload):
# blocking gets across threads, timeouts (_PyDeadline_*, _PyTime_*),
# errors, and the pure-Python Queue built on top of the same threads.
import _queue, queue, threading, time, types

print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty)
print(_queue.SimpleQueue[int], type(_queue.SimpleQueue[int]) is types.GenericAlias)
q = _queue.SimpleQueue()
print(q.empty(), q.qsize())
for i in range(5):
    q.put(i)
q.put_nowait("x")
print(q.qsize(), [q.get() for _ in range(5)], q.get_nowait(), q.empty())

# timeouts
for kw in ({"block": False}, {"timeout": 0}, {"timeout": 0.05}, {"block": True, "timeout": 0.01}):
    t0 = time.monotonic()
    try:
        q.get(**kw)
    except queue.Empty as e:
        print("Empty", repr(e), time.monotonic() - t0 < 2)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
try:
    q.get(timeout="soon")
except TypeError as e:
    print("TypeError")
try:
    q.get(timeout=float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    q.get(timeout=1e300)
except OverflowError as e:
    print("OverflowError", e)

# a waiting get is woken by a put from another thread
def later(delay, v):
    time.sleep(delay)
    q.put(v)
th = threading.Thread(target=later, args=(0.05, "late"))
th.start()
print(q.get(timeout=10))
th.join()
th = threading.Thread(target=later, args=(0.05, "block"))
th.start()
print(q.get())
th.join()

# producers and consumers
N, P = 2000, 4
out = _queue.SimpleQueue()
def producer(k):
    for i in range(N):
        q.put((k, i))
def consumer():
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item[1]
    out.put(total)
prods = [threading.Thread(target=producer, args=(k,)) for k in range(P)]
cons = [threading.Thread(target=consumer) for _ in range(3)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in cons:
    q.put(None)
for t in cons:
    t.join()
print(sum(out.get() for _ in cons) == P * N * (N - 1) // 2, q.empty())

# the pure-Python Queue (its locks are the interpreter's)
pq = queue.Queue(maxsize=2)
def fill():
    for i in range(10):
        pq.put(i)
th = threading.Thread(target=fill)
th.start()
print([pq.get() for _ in range(10)])
th.join()
try:
    _queue.SimpleQueue(1)
except TypeError as e:
    print("TypeError", e)
class Sub(_queue.SimpleQueue):
    pass
s = Sub()
s.put(3)
print(type(s).__name__, s.get())
