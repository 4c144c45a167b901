# augmented assignment: __iadd__ etc., fallback to binary ops, targets.
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, v):
        self.items.append(v)
        return self
    def __isub__(self, v): return "isub result"
    def __imul__(self, v): return NotImplemented
    def __mul__(self, v): return "mul fallback"
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
a *= 3
print(a)
c = Acc()
c -= 1
print(c)
lst = [1]
alias = lst
lst += [2]
print(lst is alias, alias)
t = (1,)
alias_t = t
t += (2,)
print(t, alias_t, t is alias_t)
s = "ab"
s *= 3
print(s)
d = {"k": 1}
d["k"] += 10
d["k"] **= 2
print(d)
class O: pass
o = O()
o.count = 0
for _ in range(3):
    o.count += 1
print(o.count)
arr = [[0, 0], [0, 0]]
arr[1][0] += 5
arr[0][1] -= 2
print(arr)
n = 7
n //= 2; print(n)
n /= 2; print(n)
n **= 3; print(n)
n %= 1.5; print(n)
x = 0b1010
x &= 0b0110; x |= 0b1; x ^= 0b11; x <<= 3; x >>= 1
print(x)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print("TypeError", e)
print(tup)
class Log:
    def __getitem__(self, k):
        print("get", k); return 1
    def __setitem__(self, k, v):
        print("set", k, v)
def key():
    print("key evaluated"); return "k"
lg = Log()
lg[key()] += 1
try:
    undefined_x += 1
except NameError as e:
    print("NameError", e)
def unbound():
    v += 1
    v = 0
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
