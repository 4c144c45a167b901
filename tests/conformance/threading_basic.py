# threading: Thread, Lock, join, results collected deterministically.
import threading
results = {}
lock = threading.Lock()
counter = 0
def work(n):
    global counter
    total = sum(i * i for i in range(n * 1000))
    with lock:
        results[n] = total
        for _ in range(1000):
            counter += 1
threads = [threading.Thread(target=work, args=(n,), name=f"w{n}") for n in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()), counter, [t.name for t in threads], any(t.is_alive() for t in threads))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
rlock = threading.RLock()
with rlock:
    with rlock:
        print("reentrant ok")
ev = threading.Event()
out = []
def waiter():
    ev.wait()
    out.append("event seen")
t = threading.Thread(target=waiter); t.start()
ev.set(); t.join()
print(out, ev.is_set())
cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: len(items) == 3)
        out.append(("consumed", list(items)))
t = threading.Thread(target=consumer); t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
t.join()
print(out)
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False)); sem.release(); sem.release()
local = threading.local()
local.v = "main"
seen = []
def set_local():
    local.v = "thread"
    seen.append(local.v)
t = threading.Thread(target=set_local); t.start(); t.join()
print(local.v, seen)
class MyThread(threading.Thread):
    def __init__(self):
        super().__init__()
        self.value = None
    def run(self):
        self.value = 42
mt = MyThread(); mt.start(); mt.join()
print(mt.value, mt.daemon, lock.locked(), lock.acquire(), lock.locked())
lock.release()
import queue
q = queue.Queue()
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
threading.Thread(target=producer).start()
got = []
while (v := q.get()) is not None:
    got.append(v)
print(got)
def raises():
    raise ValueError("in thread")
import sys
threading.excepthook = lambda args: print("excepthook:", args.exc_type.__name__, args.exc_value)
t = threading.Thread(target=raises); t.start(); t.join()
print("done")
