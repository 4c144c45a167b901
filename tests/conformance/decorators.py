# decorators: functions, classes, arguments, stacking, functools.wraps.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        r = fn(*a, **k)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b=0):
    "Adds."
    return a + b
add(1, b=2)
print(add.__name__, add.__doc__, add.__wrapped__.__name__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(name):
    return "hi " + name
print(hi("x"))
def first(fn):
    print("applying first"); return lambda: "first(" + fn() + ")"
def second(fn):
    print("applying second"); return lambda: "second(" + fn() + ")"
@first
@second
def base():
    return "base"
print(base())
def register(cls):
    cls.registered = True
    return cls
@register
class R: pass
print(R.registered)
class Memo:
    def __init__(self, fn):
        self.fn, self.cache = fn, {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
@functools.lru_cache(maxsize=None)
def slow(n):
    return n if n < 2 else slow(n - 1) + slow(n - 2)
print(slow(100), slow.cache_info())
registry = {}
@(lambda f: registry.setdefault(f.__name__, f))
def expr_decorated():
    return "expr decorator (PEP 614)"
print(registry["expr_decorated"]())
class Svc:
    @staticmethod
    @trace
    def static_traced(x):
        return x * 2
print(Svc.static_traced(21))
@functools.cache
def sq(x): return x * x
print(sq(4), sq(4), sq.cache_info().hits)
@functools.singledispatch
def kind(v): return "object"
@kind.register
def _(v: int): return "int"
@kind.register(str)
def _(v): return "str"
print(kind(1), kind("s"), kind(1.5))
print(functools.partial(pow, 2)(10), functools.partial(int, base=2)("101"))
