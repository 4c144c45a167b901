# Closure cells rebound to values of other types (the cell's value is
# stored as two words, the type's and the value's, and a store that
# changes the type is bracketed), deleted and re-bound, read through
# LOAD_DEREF, cell_contents and a class body's free variable.

def make():
    x = 0
    def get():
        return x
    def put(v):
        nonlocal x
        x = v
    def drop():
        nonlocal x
        del x
    return get, put, drop

get, put, drop = make()
cell = get.__closure__[0]
for v in (1, 2, "two", (3, 4), 5.5, None, 10**40, [1], {"k": 1}, 1):
    put(v)
    print(repr(get()), repr(cell.cell_contents), get() is cell.cell_contents)

drop()
try:
    get()
except NameError as e:
    print("NameError:", e)
try:
    cell.cell_contents
except ValueError as e:
    print("ValueError:", e)
put("back")
print(get())

cell.cell_contents = 42
print(get())
del cell.cell_contents
try:
    get()
except NameError as e:
    print("NameError:", e)

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

inc = counter()
for _ in range(300):
    inc()
print(inc(), inc.__closure__[0].cell_contents)

def outer():
    v = "outer"
    class K:
        w = v
        def m(self):
            return v, __class__.__name__
    return K

K = outer()
print(K.w, K().m())

# a cell that starts empty and is filled later
def late():
    def f():
        return z
    try:
        f()
    except NameError as e:
        print("NameError:", e)
    z = "filled"
    return f()

print(late())
