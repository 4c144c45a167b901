# exec, eval, compile with namespaces.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}))
ns = {}
exec("a = 5\ndef f(n): return n + a\nb = f(10)", ns)
print(ns["a"], ns["b"], ns["f"](1), sorted(k for k in ns if k != "__builtins__"), "__builtins__" in ns)
code = compile("print('compiled', v)", "<string>", "exec")
exec(code, {"v": 1})
expr = compile("v * 3", "<expr>", "eval")
print(eval(expr, {"v": 7}), code.co_filename, expr.co_name if hasattr(expr, "co_name") else "")
g = {"x": 1}
l = {"x": 2}
exec("x = x + 10; y = x", g, l)
print(g["x"], l)
def uses_locals():
    z = 3
    return eval("z + 1")
print(uses_locals())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError", e)
try:
    eval("undefined_in_eval")
except NameError as e:
    print("NameError", e)
single = compile("1 + 1", "<s>", "single")
exec(single)
print(eval("[i * i for i in range(4)]"), eval("(lambda q: q * 2)(4)"), eval("  42  "))
exec("class Made:\n    v = 9", ns)
print(ns["Made"].v, ns["Made"].__module__ if "__name__" in ns else "no __name__ in ns")
print(eval("__name__", {"__name__": "custom"}), eval("len('ab')", {"__builtins__": {"len": len}}))
try:
    eval("print", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
src = "def gen():\n    yield 1\n    yield 2\nresult = list(gen())"
exec(src, ns)
print(ns["result"], compile("pass", "f.py", "exec").co_filename)
print(eval(compile("a if c else b", "<t>", "eval"), {"a": 1, "b": 2, "c": 0}))
