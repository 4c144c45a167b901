# Every public method of the built-in types called with a spread of bad
# arguments: the same result kind (ok or the exception's type) as CPython.
import warnings
warnings.simplefilter("ignore", DeprecationWarning)  # NotImplemented.__bool__
import itertools
objs = [0, 1.5, 2j, "ab", b"ab", bytearray(b"ab"), [1], (1,), {1: 2}, {1}, frozenset({1}), range(3), memoryview(b"ab"), None, True, slice(1), type, object(), len, iter([1]), (x for x in ()), Ellipsis, NotImplemented]
argsets = [(), (None,), (1,), ("x",), (1, 2), (-1,), (10**30,), ([],), (1.5,), ("x", "y", "z", "w")]
out = []
for o in objs:
    for name in sorted(dir(o)):
        if name in ("__del__", "__init_subclass__", "__subclasshook__", "__reduce__", "__reduce_ex__", "__getstate__", "__sizeof__", "__dir__", "__format__", "__repr__", "__str__", "__hash__", "__new__", "__init__"):
            pass
        try:
            m = getattr(o, name)
        except Exception as e:
            continue
        if not callable(m) or name in ("clear", "__class__", "pop", "popitem", "remove", "__delitem__", "__setitem__", "append", "extend", "insert", "reverse", "sort", "update", "add", "discard", "__iadd__", "__imul__", "setdefault", "release", "__init__", "__ior__", "__isub__", "__iand__", "__ixor__", "difference_update", "intersection_update", "symmetric_difference_update", "__setattr__", "__delattr__", "__set_name__", "__exit__", "send", "throw", "close", "__next__", "__call__", "__enter__", "mro", "__instancecheck__", "__subclasscheck__", "__prepare__", "__subclasses__") or (type(o).__name__, name) in (("generator", "__del__"), ("bytearray", "__reduce_ex__")):
            continue
        for a in argsets:
            try:
                r = m(*a)
                res = "ok"
            except Exception as e:
                res = type(e).__name__
            out.append(f"{type(o).__name__}.{name}{a!r:.30}: {res}")
print("\n".join(out))
