# LOAD_GLOBAL's cache: what a global load sees after the namespaces change.
import builtins

X = "module"


def get_x():
    return X


def get_abs():
    return abs(-3)


for _ in range(3):
    print(get_x(), get_abs())

# rebinding through exec into this module's namespace
exec("X = 'exec'", globals())
print(get_x())

# one code object run with two globals dicts (and so two builtins)
src = compile("def f():\n    return X, abs(-3)\n", "<s>", "exec")
g1 = {"X": 1}
g2 = {"X": 2, "__builtins__": {"abs": lambda v: "own"}}
exec(src, g1)
exec(src, g2)
print(g1["f"].__code__ is g2["f"].__code__)
for _ in range(3):
    print(g1["f"](), g2["f"](), get_x())
g3 = {"X": 3, "__builtins__": {}}
exec(src, g3)
try:
    g3["f"]()
except NameError as e:
    print("NameError", e)
print(g1["f"]())

# a builtin shadowed by a global, then by a builtin patch, then restored
abs = lambda v: "global"
print(get_abs())
del abs
print(get_abs())
saved = builtins.abs
builtins.abs = lambda v: "patched"
print(get_abs())
builtins.abs = saved
print(get_abs())

# deleted global: NameError, then bound again
del X
try:
    get_x()
except NameError as e:
    print("NameError", e)
globals()["X"] = "back"
print(get_x())
