from types import CellType
def f(x):
    return lambda: x + 1
g=f(3).__code__
for cl in [None, (), (1,), f(3).__closure__, f(3).__closure__*2, (CellType(10),)]:
    try: print(exec(g, {}, closure=cl))
    except Exception as e: print(type(e).__name__, e)
try: exec(g, {}, None, (1,))
except Exception as e: print(type(e).__name__, e)
result = 0
def mk():
    a = 2
    def h():
        nonlocal a
        global result
        result = a * 7
        a = 5
    return h
h = mk()
c = CellType(6)
exec(h.__code__, globals(), closure=(c,))
print(result, c.cell_contents)
def f(x):
    return lambda: x + 1
g = f(3)
try:
    eval(g.__code__)
except TypeError as e:
    print("TE", e)
try:
    exec(g.__code__)
except TypeError as e:
    print("TE", e)
