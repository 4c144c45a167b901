# STORE_ATTR fast path: set-only descriptors, properties, slots and instance dicts.
class SetOnly:
    def __set__(self, obj, v): print("set", v)
class P:
    d = SetOnly()
    @property
    def p(self): return "p"
    @p.setter
    def p(self, v): print("prop set", v)
class S:
    __slots__ = ("a",)
o = P()
for i in range(3):
    o.d = i
    o.p = i
    o.x = i
print(o.x, o.p, type(o.d).__name__, o.__dict__)
s = S()
for i in range(2):
    s.a = i
print(s.a)
try:
    s.b = 1
except AttributeError as e:
    print("AE", e)
