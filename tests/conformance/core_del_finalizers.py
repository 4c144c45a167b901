# __del__ runs once the collector finds the object (gc.collect() waits for
# it; an abandoned suspended generator is closed the same way), once per
# object even when resurrected, from subclasses and for __del__ added to or removed from a class later; exceptions in __del__
# go to sys.unraisablehook; weakref callbacks have run when
# gc.collect() returns; objects still alive at exit are finalized after
# the atexit functions, oldest first.
import atexit
import gc
import sys
import threading
import weakref

log = []


class R:
    count = 0

    def __init__(self, name):
        self.name = name

    def __del__(self):
        R.count += 1
        if self.name == 'res':
            global saved
            saved = self


for i in range(1000):
    R(i)
gc.collect()
print('collected', R.count >= 990)
r = R('res')
del r
gc.collect()
print('resurrected', saved.name, R.count >= 991)
n = R.count
del saved
gc.collect()
print('not twice', R.count == n)


class Late:
    pass


Late.__del__ = lambda self: print('late del')
Late()
gc.collect()
del Late.__del__
Late()
gc.collect()


class Sub(R):
    def __del__(self):
        print('sub del', self.name)
        super().__del__()


Sub('x')
gc.collect()


def gen():
    try:
        yield 1
        yield 2
    finally:
        print('generator finally')


g = gen()
next(g)
g = None
gc.collect()
print('after abandoned generator')


class W:
    pass


w = W()
ref = weakref.ref(w, lambda r: log.append('weakref callback'))
del w
gc.collect()
print(log)


class Threaded:
    made = 0
    gone = 0
    lock = threading.Lock()

    def __init__(self):
        with Threaded.lock:
            Threaded.made += 1

    def __del__(self):
        with Threaded.lock:
            Threaded.gone += 1


def churn():
    for _ in range(2000):
        Threaded()


ts = [threading.Thread(target=churn) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
gc.collect()
print('threads', Threaded.made, Threaded.gone > 7000)


class AtExit:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('exit del', self.n)


a = AtExit(1)
b = AtExit(2)
keep = [AtExit(3)]
atexit.register(lambda: print('atexit ran'))


class Raise:
    def __del__(self):
        raise ValueError('raised in __del__')


seen = []


def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg,
                 u.object.__qualname__, u.exc_traceback is not None))


print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook
Raise()
gc.collect()
sys.unraisablehook = sys.__unraisablehook__
print(seen)
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(e)
print('end of main')
