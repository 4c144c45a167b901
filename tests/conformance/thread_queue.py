# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue with threads,
# task_done/join, timeouts and the Empty/Full exceptions.
import queue
import threading

q = queue.Queue(maxsize=3)
out = []

def producer(n):
    for i in range(n):
        q.put(i)
    q.put(None)

def consumer():
    while True:
        item = q.get()
        q.task_done()
        if item is None:
            break
        out.append(item)

p = threading.Thread(target=producer, args=(50,))
c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
q.join()
print("queue", out == list(range(50)), q.empty(), q.qsize())

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print("lifo", [lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(item)
print("priority", [pq.get() for _ in range(3)])

sq = queue.SimpleQueue()
sq.put("x"); sq.put_nowait("y")
print("simple", sq.get(), sq.get_nowait(), sq.empty(), sq.qsize())

try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
full = queue.Queue(maxsize=1)
full.put(1)
try:
    full.put(2, block=False)
except queue.Full:
    print("Full")
try:
    sq.get(block=False)
except queue.Empty:
    print("SimpleQueue Empty")

# many producers and consumers sharing one queue
wq = queue.Queue()
total = []
lock = threading.Lock()
def worker():
    s = 0
    while True:
        v = wq.get()
        if v is None:
            wq.task_done()
            break
        s += v
        wq.task_done()
    with lock:
        total.append(s)
ws = [threading.Thread(target=worker) for _ in range(4)]
for w in ws: w.start()
for i in range(1000):
    wq.put(i)
for _ in ws:
    wq.put(None)
wq.join()
for w in ws: w.join()
print("workers", sum(total), len(total))
