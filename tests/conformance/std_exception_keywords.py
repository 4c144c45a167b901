# AttributeError(name=, obj=) and NameError(name=), new in 3.10 (found by
# CPython's test_exceptions).
sentinel = object()
e = AttributeError("Ouch", name="carry", obj=sentinel)
print(e.args, e.name, e.obj is sentinel, str(e))
e = AttributeError(name=12, obj=23)
print(e.args, e.name, e.obj)
n = NameError("m", name="y")
print(n.args, n.name)
print(AttributeError("x").name, AttributeError("x").obj, NameError().name)
u = UnboundLocalError("u", name="z")
print(u.name)
for f in (lambda: AttributeError("x", nme=1), lambda: NameError("x", obj=1), lambda: KeyError("x", name=1)):
    try:
        f()
    except TypeError as err:
        print("TypeError", err)


class MyAttr(AttributeError):
    def __init__(self, msg, **kw):
        super().__init__(msg, **kw)


m = MyAttr("q", name="nm", obj=3)
print(m.name, m.obj, m.args)
