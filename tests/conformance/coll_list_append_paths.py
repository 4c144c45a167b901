# list.append called as a method of a list value (the LOAD_METHOD /
# CALL_METHOD path that skips the descriptor's wrapper) against every
# other way of reaching it: wrong argument counts, keywords, unbound
# calls, subclasses with and without their own append, a bound method
# kept in a variable, and growth across many capacities.

lst = []
for i in range(1000):
    lst.append(i)
print(len(lst), sum(lst), lst[:3], lst[-3:])

for call in (lambda: lst.append(), lambda: lst.append(1, 2),
             lambda: lst.append(x=1), lambda: list.append(lst),
             lambda: list.append(1, 2), lambda: list.append("s", 1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(len(lst))

list.append(lst, "unbound")
print(lst[-1])

class Plain(list):
    pass

p = Plain()
for i in range(5):
    p.append(i * i)
print(type(p).__name__, p)

class Logged(list):
    def append(self, v):
        print("Logged.append", v)
        super().append(v * 10)

q = Logged()
for i in range(3):
    q.append(i)
print(q)

ap = lst.append
ap("bound")
print(lst[-1], len(lst))

# an instance attribute named append shadows nothing on a list (no
# __dict__), but a class attribute lookup on a subclass instance does
class WithAttr(list):
    pass

w = WithAttr()
w.append = lambda v: print("instance append", v)
w.append(7)
print(w)

# append returns None; the value stored is the object itself
sentinel = object()
r = lst.append(sentinel)
print(r, lst[-1] is sentinel)

# a list appending to itself, and appends of many kinds of values
s = []
s.append(s)
print(s)
for v in (None, 1.5, "x", (1,), [2], {3: 4}, 10**20, True):
    s.append(v)
print(s[1:])
