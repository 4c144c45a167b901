# select: select.select, poll, epoll and selectors on pipes.
import os
import select
import selectors
import threading
import time


def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


r, w = os.pipe()


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


fr, fw = F(r), F(w)
print(select.select([r], [w], [], 0) == ([], [w], []))
print(select.select([fr], [fw], [fr, fw], 0) == ([], [fw], []))
os.write(w, b"x")
print(select.select([fr], [], [], 1.0)[0] == [fr])
print(select.select((r,), (), (), None)[0] == [r])
t = time.monotonic()
print(select.select([], [], [], 0.1), time.monotonic() - t >= 0.09)

for args in [([-1], [], []), (["x"], [], []), ([2**40], [], []), ([F("a")], [], []),
             (1, [], []), ([], [], [], -1), ([], [], [], "a"), ([], []),
             ([], [], [], 1, 2), ([10000], [], [])]:
    err(lambda: select.select(*args))
err(lambda: select.select([], [], [], timeout=1))

# poll
p = select.poll()
p.register(r, select.POLLIN)
p.register(fw, select.POLLOUT)
res = p.poll(0)
print(sorted(res) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.unregister(w)
print(p.poll(100) == [(r, select.POLLIN)])
p.modify(r, select.POLLOUT)
print(p.poll(0))
try:
    p.unregister(w)
except KeyError as x:
    print("KeyError", x.args == (w,))
err(lambda: p.modify(w, 1))
err(lambda: p.poll("x"))
err(lambda: p.register(r, -1))
for v in (1 << 17, 2**64, "x", 1.5):
    err(lambda: p.register(r, v))
p.register(r)
os.read(r, 1)
print(p.poll(10))
t = time.monotonic()
p.register(r, select.POLLIN)
print(p.poll(50), time.monotonic() - t >= 0.04)
print(type(p).__name__, type(select.poll()).__module__)

# epoll
e = select.epoll()
print(e.closed, isinstance(e.fileno(), int))
e.register(r, select.EPOLLIN)
err(lambda: e.register(r, select.EPOLLIN))
print(e.poll(0))
os.write(w, b"z")
print(e.poll(1) == [(r, select.EPOLLIN)])
e.modify(r, select.EPOLLIN | select.EPOLLET)
print(e.poll(0.01, 1) == [(r, select.EPOLLIN)])
print(e.poll(0.01))
e.unregister(r)
err(lambda: e.unregister(r))
err(lambda: e.modify(r, 1))
err(lambda: e.poll(1, 0))
err(lambda: select.epoll(0))
e.close()
e.close()
print(e.closed)
err(lambda: e.poll())
err(lambda: e.fileno())
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)

# selectors
os.read(r, 1)
for cls in (selectors.DefaultSelector, selectors.PollSelector, selectors.SelectSelector,
            selectors.EpollSelector):
    with cls() as s:
        s.register(r, selectors.EVENT_READ, "reader")
        s.register(w, selectors.EVENT_WRITE, "writer")
        print(cls.__name__, sorted((k.data, ev) for k, ev in s.select(0)))
        s.unregister(w)
        print(s.select(0.01))
        os.write(w, b"q")
        print([(k.data, ev) for k, ev in s.select(1)])
        os.read(r, 1)

# a blocked select does not block other threads
def writer():
    time.sleep(0.1)
    os.write(w, b"!")


th = threading.Thread(target=writer)
th.start()
print(select.select([r], [], [], 5)[0] == [r])
th.join()
print(os.read(r, 10))
print(sorted(n for n in dir(select) if n.isupper()))
print(select.error is OSError)
