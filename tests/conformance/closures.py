# closures: captured cells, late binding, counters, nested scopes.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(1), make_adder(-1)(1), add5.__closure__[0].cell_contents)
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
def shared():
    v = []
    def add(item): v.append(item)
    def get(): return list(v)
    return add, get
a, g = shared()
a(1); a(2)
print(g())
x = "global"
def reads_global():
    return x
def shadows():
    x = "local"
    def inner():
        return x
    return inner()
print(reads_global(), shadows())
def cell_before_assign():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print("NameError", e)
    y = 1
    return inner()
print(cell_before_assign())
def make_ops():
    ops = {}
    for name, fn in [("double", lambda v: v * 2), ("square", lambda v: v * v)]:
        ops[name] = fn
    return ops
print({k: f(7) for k, f in make_ops().items()})
print(make_adder.__code__.co_freevars, add5.__code__.co_freevars, make_adder.__code__.co_cellvars)
