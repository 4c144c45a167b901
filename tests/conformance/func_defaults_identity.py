# f.__defaults__ is the stored tuple itself (CPython returns the same
# object each time, and the tuple that was assigned).
def f(a, b=2, *, c=3):
    return a, b, c

d = f.__defaults__
print(d, d is f.__defaults__)
t = (5,)
f.__defaults__ = t
print(f.__defaults__ is t, f(1))
f.__defaults__ = None
print(f.__defaults__)
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
kw = {"c": 9}
f.__kwdefaults__ = kw
print(f.__kwdefaults__ is kw, f(1, 2))
f.__kwdefaults__ = None
print(f.__kwdefaults__)
try:
    f(1, 2)
except TypeError as e:
    print("TypeError", e)

def g(x, *rest, k=4):
    def inner():
        return x, rest, k
    return inner()

f.__code__ = g.__code__
f.__kwdefaults__ = {"k": 7}
print(f(1, 2, 3))
f.__code__ = (lambda a, b=0: (a, b)).__code__
f.__defaults__ = (8,)
print(f(1), f(1, 2))
