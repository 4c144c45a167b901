# copy and the pickle protocol of plain objects: object.__reduce_ex__,
# __reduce__ and __getstate__ (with __slots__ and list subclasses).
import copy
class P:
    def __init__(self, x):
        self.x = x
        self.items = [1, [2, 3]]
class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
p = P(5)
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.x, q.items is p.items, r.items == p.items, r.items is p.items, r.items[1] is p.items[1])
s = S()
s2 = copy.copy(s)
print(s2.a, hasattr(s2, "b"))
print(p.__reduce_ex__(2)[0].__name__, p.__getstate__())
class L(list): pass
l = L([1, 2]); l.tag = "t"
l2 = copy.deepcopy(l)
print(type(l2).__name__, l2, l2.tag)
