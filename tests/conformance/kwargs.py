# function parameters: defaults, keyword-only, positional-only, *args/**kwargs.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3), f(1, 9, 8, 7, c=0, e=5), f(a=1, c=2, b=3, z=0))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
try:
    pos_only(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError", e)
def kw_named_like_pos(a, /, **kw):
    return a, kw
print(kw_named_like_pos(1, a=2))
def mutable_default(x, acc=[]):
    acc.append(x)
    return acc
print(mutable_default(1), mutable_default(2), mutable_default(3, []))
def default_evaluated_once(v=print("default evaluated") or 5):
    return v
print(default_evaluated_once(), default_evaluated_once())
def show(**kw):
    return list(kw.items())
print(show(z=1, a=2, m=3), show(**{"b": 1}, a=0))
def order(*args, sep="-"):
    return sep.join(map(str, args))
print(order(1, 2, 3), order(1, sep="+"), order())
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:6])
print(pos_only.__code__.co_posonlyargcount, f.__name__, f.__qualname__)
import inspect
print(inspect.signature(f), inspect.signature(pos_only))
def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated.__annotations__, annotated(1))
print(dict(a=1, **{"b": 2}), max(3, 1, key=lambda v: -v), sorted([3, 1, 2], reverse=True))
def takes_kwargs(**kwargs):
    kwargs["added"] = True
    return kwargs
base = {"x": 1}
print(takes_kwargs(**base), base)
