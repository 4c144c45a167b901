# lambda expressions.
sq = lambda x: x * x
print(sq(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2), (lambda x, y=3: x + y)(1))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(6))))
print(sq.__name__, sq.__qualname__, (lambda: 0).__code__.co_name)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda x: (yield x))(1).__class__.__name__ if False else "skip")
cond = lambda v: "pos" if v > 0 else ("zero" if v == 0 else "neg")
print([cond(v) for v in (-1, 0, 1)])
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
class K:
    f = lambda self: "method from lambda"
print(K().f())
