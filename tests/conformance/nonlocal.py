# nonlocal and global declarations.
g = 0
def set_global():
    global g
    g = 42
set_global()
print(g)
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
        inner()
    mid()
    return a
print(outer())
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
f = make()
print(f(1), f(2), f(3))
def global_in_nested():
    def inner():
        global created_later
        created_later = "made"
    inner()
global_in_nested()
print(created_later)
def shadow():
    g = "local g"
    def inner():
        global g
        return g
    return inner(), g
print(shadow())
def loops():
    result = None
    def setter(v):
        nonlocal result
        result = v
    for i in range(3):
        setter(i * i)
    return result
print(loops())
class K:
    v = 1
    def m(self):
        return v
v = "module v"
print(K().m())
def del_nonlocal():
    x = 1
    def inner():
        nonlocal x
        del x
    inner()
    try:
        return x
    except NameError as e:
        return "NameError: " + str(e)
print(del_nonlocal())
