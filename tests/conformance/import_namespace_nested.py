# Namespace packages (PEP 420): directories without __init__.py, nested
# ones, portions in two sys.path entries, and what importlib reports.
import importlib.util
import os
import sys
import tempfile

root = tempfile.mkdtemp()
a, b = os.path.join(root, "a"), os.path.join(root, "b")
files = {
    "a/nsq/one.py": "X = 1\n",
    "a/nsq/deep/leaf.py": "Y = 2\n",
    "b/nsq/two.py": "Z = 3\n",
    "b/nsq/deep/other.py": "from . import leaf\nW = leaf.Y + 1\n",
    "a/regular/__init__.py": "R = 4\n",
    "a/regular/inner/mod.py": "Q = 5\n",
}
for rel, text in files.items():
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
sys.path[:0] = [a, b]

import nsq.one
import nsq.two
import nsq.deep.leaf
import nsq.deep.other
import regular.inner.mod


def rel(paths):
    return [os.path.relpath(p, root) for p in paths]


print(nsq.one.X, nsq.two.Z, nsq.deep.leaf.Y, nsq.deep.other.W, regular.R, regular.inner.mod.Q)
print(type(nsq.__path__).__name__, rel(nsq.__path__), rel(nsq.deep.__path__))
print(rel(regular.inner.__path__), type(regular.inner.__path__).__name__)
for m in (nsq, nsq.deep, regular.inner):
    s = m.__spec__
    print(m.__name__, type(s.loader).__name__, s.origin, getattr(m, "__file__", None), m.__package__)
print(importlib.util.find_spec("nsq.deep").name, importlib.util.find_spec("nsq.nothing"))
print(sorted(k for k in sys.modules if k.split(".")[0] in ("nsq", "regular")))
try:
    import nsq.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
print("idlelib" in sys.stdlib_module_names)
