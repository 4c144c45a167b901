# Small built-in differences found by CPython's test_builtin.
import warnings


class DerivedFromStr(str):
    pass


print(format(3.5, DerivedFromStr("08.3f")), format("x", DerivedFromStr("^5")))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented), not NotImplemented)
print([(x.category.__name__, str(x.message)) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        if NotImplemented:
            pass
    except DeprecationWarning as e:
        print("error:", e)
