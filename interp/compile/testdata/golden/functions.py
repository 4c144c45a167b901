def f(a, b=2, /, c=3, *args, d, e=5, **kw) -> int:
    "doc"
    return a + b

@decorator
def g():
    x = 1
    def h():
        nonlocal x
        x += 1
        return x
    return h

lam = lambda x, *, y=1: x * y
