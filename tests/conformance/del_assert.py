# del statement and assert.
x = 1
del x
try:
    x
except NameError as e:
    print("NameError", e)
lst = list(range(6))
del lst[0], lst[-1]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O: pass
o = O(); o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
try:
    del undefined_thing
except NameError as e:
    print("NameError", e)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())
assert True, "not raised"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert []
except AssertionError as e:
    print("AssertionError with no message:", repr(e))
try:
    assert False, {"detail": [1, 2]}
except AssertionError as e:
    print(e.args[0])
print(__debug__)
