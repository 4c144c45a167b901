# STORE_ATTR on instance dicts remembers, per instruction, the entry where
# it last found the name; every way the name can move or vanish from
# under that hint must still store to the right key.
import threading


class A:
    def __init__(self, order):
        for name in order:
            setattr(self, name, name.upper())

    def put(self, v):
        self.x = v          # one instruction, many dict layouts


orders = [("x", "y", "z"), ("z", "y", "x"), ("y", "x"), (), ("x",)]
objs = [A(o) for o in orders]
for r in range(3):
    for i, o in enumerate(objs):
        o.put((r, i))
print([sorted(o.__dict__.items()) for o in objs])

# deleted and re-added: the hinted entry is dead, the key goes last
o = A(("x", "y"))
o.put(1)
del o.x
o.put(2)
print(list(o.__dict__.items()))
o.put(3)
print(list(o.__dict__.items()))

# the dict cleared, replaced, or grown (a new table) between stores
o.__dict__.clear()
o.put(4)
print(o.__dict__)
o.__dict__ = {"w": 0, "x": -1}
o.put(5)
print(o.__dict__)
for k in range(40):
    setattr(o, "k%d" % k, k)
o.put(6)
print(o.x, len(o.__dict__), list(o.__dict__)[:3])
del o.k0, o.k1
o.put(7)
print(o.x, len(o.__dict__))

# a str subclass key equal to the name: the store replaces its value
class S(str):
    pass
o = A(())
o.__dict__[S("x")] = "sub"
o.put(8)
print(o.x, [(type(k).__name__, v) for k, v in o.__dict__.items()])

# a non-str key with the name's hash sits in the dict too
class H:
    def __hash__(self):
        return hash("x")
    def __eq__(self, other):
        return False
o = A(())
o.__dict__[H()] = "h"
o.put(9)
o.put(10)
print(o.x, len(o.__dict__))

# ... and its __eq__ raises: the store raises it
class E(H):
    __hash__ = H.__hash__
    def __eq__(self, other):
        raise ValueError("eq of E")
o = A(())
o.__dict__[E()] = "e"
try:
    o.put(11)
except ValueError as e:
    print("ValueError", e, len(o.__dict__))

# threads: each stores to its own attribute of shared objects while
# another deletes and re-adds others; each ends with its own last value
shared = [A(("a", "b", "c")) for _ in range(4)]


def writer(name, n):
    for i in range(n):
        for s in shared:
            setattr(s, name, i)
            s.mine = None   # one more hinted store that all threads share


def churn(n):
    for i in range(n):
        for s in shared:
            s.b = i
            del s.b


ts = [threading.Thread(target=writer, args=("w%d" % k, 2000)) for k in range(3)]
ts.append(threading.Thread(target=churn, args=(2000,)))
for t in ts:
    t.start()
for t in ts:
    t.join()
print([(s.w0, s.w1, s.w2, s.a, s.c, hasattr(s, "b"), s.mine) for s in shared])
