# Quickened and inline-call sites shared by threads while another thread
# changes the classes under them: every result must be one the program
# could produce with either version of the class, and nothing may crash.
import threading


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return V(self.x + o.x)

    @property
    def double(self):
        return self.x * 2


def add_one(self, o):
    return V(self.x + o.x + 1)


def orig_add(self, o):
    return V(self.x + o.x)


def init_neg(self, x):
    self.x = -x


def orig_init(self, x):
    self.x = x


stop = threading.Event()
bad = []


def worker():
    a, b = V(1), V(2)
    n = 0
    while not stop.is_set() or n < 2000:
        r = (a + b).x
        if r not in (3, 4, -1, -3, -4, -2, 1, 2, 0, 5):
            bad.append(("add", r))
        v = V(5).x
        if v not in (5, -5):
            bad.append(("init", v))
        d = a.double
        if d not in (2, -2, "p", 1, -1):
            bad.append(("double", d))
        n += 1
        if n > 200000:
            break


def mutator():
    for i in range(300):
        V.__add__ = add_one if i % 2 else orig_add
        V.__init__ = init_neg if i % 3 else orig_init
        V.double = property(lambda self: "p") if i % 5 == 0 else property(lambda self: self.x * 2)
    stop.set()


threads = [threading.Thread(target=worker) for _ in range(2)] + [threading.Thread(target=mutator)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("bad results:", bad[:5])
V.__add__, V.__init__ = orig_add, orig_init
print((V(1) + V(2)).x, V(3).x)
