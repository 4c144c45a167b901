# sys._current_frames: every thread's current frame (threads blocked in a
# wait and threads running a loop), sys.getrefcount, sys._getframe.
import sys, threading, time

ev = threading.Event()
started = threading.Barrier(3)
stop = False


def blocked_worker():
    started.wait()
    ev.wait()


def busy_worker():
    started.wait()
    n = 0
    while not stop:
        n += 1


a = threading.Thread(target=blocked_worker)
b = threading.Thread(target=busy_worker)
a.start(); b.start()
started.wait()
time.sleep(0.05)
frames = sys._current_frames()
me = threading.get_ident()
print(sorted(frames) == sorted([me, a.ident, b.ident]))
print(frames[me].f_code.co_name, frames[me] is sys._getframe())
print(frames[b.ident].f_code.co_name)
# the blocked thread sits in Event.wait (in threading.py) under the worker
f = frames[a.ident]
names = []
while f is not None:
    names.append(f.f_code.co_name)
    f = f.f_back
print("blocked_worker" in names, names[-1])
ev.set()
stop = True
a.join(); b.join()
print(list(sys._current_frames()) == [me])
try:
    sys._current_frames(1)
except TypeError as e:
    print("TypeError")


def g():
    return sys._getframe(1).f_code.co_name, sys._getframe().f_code.co_name


def outer():
    return g()


print(outer())
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)
print(sys._getframe(-1).f_code.co_name)

# getrefcount: an int of at least 1; freepy has no reference counts
x = object()
print(isinstance(sys.getrefcount(x), int), sys.getrefcount(x) >= 1, sys.getrefcount(x) > 1)
l = [x, x]
print(sys.getrefcount(x) > 1, sys.getrefcount(None) > 1)
try:
    sys.getrefcount()
except TypeError:
    print("TypeError")
