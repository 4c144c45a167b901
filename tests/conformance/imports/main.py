# A package with relative imports, a subpackage and a circular import.
import sys
import pkg
print("pkg loaded:", pkg.NAME, pkg.__name__, pkg.__package__)
from pkg import alpha, beta
print(alpha.describe(), beta.describe())
from pkg.sub import gamma
print(gamma.VALUE, gamma.from_parent(), gamma.__name__, gamma.__package__)
import pkg.sub.gamma as g2
print(g2 is gamma, "pkg.sub.gamma" in sys.modules, sorted(m for m in sys.modules if m.startswith("pkg")))
from pkg.circ_a import A_VALUE, get_b
print(A_VALUE, get_b())
try:
    from pkg import nonexistent_name
except ImportError as e:
    print("ImportError", e)
try:
    import pkg.nonexistent_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
import importlib
m = importlib.import_module(".alpha", "pkg")
print(m is alpha, importlib.import_module("pkg.sub").__name__)
print(pkg.lazy_counter, alpha.counter)
import pkg.alpha
print(pkg.alpha.counter, "import is cached")
from pkg.star_src import *
print(public_one, public_two, "_private" in dir())
print(pkg.__file__.endswith("__init__.py"), alpha.__file__.endswith("alpha.py"), hasattr(pkg, "__path__"), hasattr(alpha, "__path__"))
import _local_helper
print(_local_helper.HELLO, __name__)
