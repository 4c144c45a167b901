import types
def f(a, b=2):
    "doc of f"
    return a + b
g = types.FunctionType(f.__code__, {}, 'nm', (5,))
print(g(1), g.__name__, g.__qualname__, g.__defaults__, g.__doc__)
g2 = types.FunctionType(code=f.__code__, globals={'__name__': 'modx'})
print(g2(1, 2), g2.__module__, g2.__defaults__)
def mk(x):
    return lambda: x
h = mk(3)
print(types.FunctionType(h.__code__, {}, None, None, h.__closure__)())
print(types.FunctionType(h.__code__, {}, None, None, (types.CellType(9),))())
for a in [(1, {}), (f.__code__, 1), (f.__code__, {}, 1), (f.__code__, {}, None, 1),
          (h.__code__, {}), (h.__code__, {}, None, None, ()), (h.__code__, {}, None, None, (1,)),
          (h.__code__, {}, None, None, [1])]:
    try:
        types.FunctionType(*a)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
src = "x = 1\ndef q():\n    return x + y\n"
ns = {'y': 10}
exec(src, ns)
k = types.FunctionType(ns['q'].__code__, {'x': 5, 'y': 6})
print(k())
print(types.FunctionType(f.__code__, {}, None, ()).__defaults__, types.FunctionType(f.__code__, {}).__defaults__)
