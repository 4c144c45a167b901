# Driver for extensions/borrowed.
import gc
import weakref
import borrowed as b

d = {"a": 1, "b": 2, 3: "three"}
print("dict_get", b.dict_get(d, "a", None), b.dict_get(d, 3, None), b.dict_get(d, "zz", "dflt"))
print("dict_get unhashable", b.dict_get(d, [], "swallowed"))
print("dict_get_str", b.dict_get_str(d, "b"))
for bad in (lambda: b.dict_get_str(d, "nope"), lambda: b.dict_get([], 1, 2)):
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
lst = [10, 20, 30]
print("list_get", b.list_get(lst, 0), b.list_get(lst, 2))
try:
    b.list_get(lst, 3)
except IndexError as e:
    print("IndexError", e)
print("seq_sum", b.seq_sum([1, 2, 3]), b.seq_sum((1.5, 2.5)), b.seq_sum([]))
try:
    b.seq_sum({1, 2})
except TypeError as e:
    print("TypeError", e)
print("dict_items", b.dict_items(d))
print("dict_sum_values", b.dict_sum_values({"x": 5, "y": -7, "z": 1 << 40}))


class Obj:
    pass


o = Obj()
r = weakref.ref(o)
print("weak_target alive", b.weak_target(r) is o)
del o
gc.collect()  # freepy, like PyPy, frees objects when the collector runs
print("weak_target dead", b.weak_target(r))
try:
    b.weak_target(1)
except SystemError as e:
    print("SystemError", type(e).__name__)

# an object passed to C, as an argument and back as a result, can be
# collected once gc.collect() has run (freepy keeps the links of objects
# C used recently strong for a while: capi/lazyweak.go)
o2 = Obj()
r2 = weakref.ref(o2)
for _ in range(3):
    b.dict_get({}, "k", o2)
del o2
gc.collect()
print("passed to C, dead", r2() is None)
