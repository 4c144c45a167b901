# obj.m() must see an instance attribute m however it got into the
# instance's dict: the method call asks the dict whether it holds the name
# (with a quick negative answer from the table's key bits), so every way
# of putting a key into a dict has to be seen, also after many calls of
# the same instruction that found no such attribute.
import threading


class K:
    def m(self):
        return "K.m"


def call_all(objs):
    return [o.m() for o in objs]


def fresh(n):
    return [K() for _ in range(n)]


ways = []

o = K()
o.a = 1
for _ in range(50):
    o.m()
o.m = lambda: "setattr"
ways.append(("plain store", o.m()))

o = K()
for _ in range(50):
    o.m()
setattr(o, "m", lambda: "setattr()")
ways.append(("setattr()", o.m()))

o = K()
for _ in range(50):
    o.m()
vars(o)["m"] = lambda: "vars()[m]"
ways.append(("vars()", o.m()))

o = K()
for _ in range(50):
    o.m()
o.__dict__.update({"x": 1, "m": lambda: "update"})
ways.append(("update", o.m()))

o = K()
for _ in range(50):
    o.m()
o.__dict__.setdefault("m", lambda: "setdefault")
ways.append(("setdefault", o.m()))

o = K()
for _ in range(50):
    o.m()
o.__dict__ = {"m": lambda: "display"}
ways.append(("new __dict__ (display)", o.m()))

o = K()
for _ in range(50):
    o.m()
o.__dict__ = {k: v for k, v in [("m", lambda: "comprehension")]}
ways.append(("new __dict__ (comprehension)", o.m()))

donor = K()
donor.m = lambda: "copied"
o = K()
for _ in range(50):
    o.m()
o.__dict__ = donor.__dict__.copy()
ways.append(("copy()", o.m()))
o.__dict__ = dict(donor.__dict__)
ways.append(("dict()", o.m()))

# a dict that grows (its table is rebuilt) before the shadowing key
o = K()
for i in range(200):
    setattr(o, "a%d" % i, i)
    o.m()
o.m = lambda: "after growth"
ways.append(("after growth", o.m()))
# and one that grows after it
o = K()
o.m = lambda: "before growth"
for i in range(200):
    setattr(o, "b%d" % i, i)
ways.append(("before growth", o.m()))

# deleting the shadow uncovers the method; adding it back shadows again
o = K()
o.m = lambda: "shadow"
r = [o.m()]
del o.m
r.append(o.m())
o.m = lambda: "again"
r.append(o.m())
o.__dict__.clear()
r.append(o.m())
o.__dict__["m"] = lambda: "after clear"
r.append(o.m())
ways.append(("delete and re-add", r))

# an instance whose dict holds many other names still gets the method
o = K()
for i in range(64):
    setattr(o, "c%d" % i, i)
ways.append(("64 other names", o.m()))

for w in ways:
    print(w)

# one call site over many instances, some shadowed
objs = fresh(10)
before = call_all(objs)
objs[3].m = lambda: "three"
objs[7].__dict__["m"] = lambda: "seven"
print(before[:2], call_all(objs))

# another thread shadows the method while this one calls it: once the
# thread is joined, every later call sees its store
shared = K()
stop = threading.Event()
seen = set()


def setter():
    for i in range(200):
        shared.__dict__["v%d" % i] = i
    shared.m = lambda: "from thread"
    stop.set()


th = threading.Thread(target=setter)
th.start()
while not stop.is_set():
    seen.add(shared.m())
th.join()
print(sorted(seen - {"K.m", "from thread"}), shared.m())
