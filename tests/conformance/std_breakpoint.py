# breakpoint() goes through sys.breakpointhook and PYTHONBREAKPOINT (found
# by CPython's test_builtin, which needs sys.__breakpointhook__).
import os, sys
calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or "r"
print(breakpoint(1, x=2), calls)
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint())
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
print(breakpoint("via", "print"))
os.environ["PYTHONBREAKPOINT"] = "nosuchmodule_xyz.f"
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(breakpoint())
print([str(x.message) for x in w], [x.category.__name__ for x in w])
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
