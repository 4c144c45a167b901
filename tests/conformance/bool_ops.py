# boolean operators: short-circuit values, truthiness, not, identity, membership.
print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or [] or "last", "" and 1, not 0, not [1])
def t(v):
    print("eval", v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(t(1) and t(0) or t(3))
for v in [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, 0j, range(0), range(1), b"", b"\x00"]:
    print(repr(v), bool(v))
class T:
    def __bool__(self): return False
class L:
    def __len__(self): return 3
class Neither: pass
print(bool(T()), bool(L()), bool(Neither()), T() or "fallback", L() and "len-true")
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
x = [1, 2]
print(x is x, x is not [1, 2], x == [1, 2], 1 in x, 3 not in x, None is None, not None)
print(True + True, True == 1, int(False), str(True), True & False, True | False, True ^ True)
a = b = None
print(a is b, (a := 0) or "falsy", all(()), any(()))
