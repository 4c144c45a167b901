# unittest, doctest, inspect, pprint and importlib (which need _ast, _imp,
# _warnings and marshal), marshal itself, ImportError keywords.
import unittest, io, sys
class T(unittest.TestCase):
    def test_ok(self): self.assertEqual([1, 2], [1, 2])
    def test_fail(self): self.assertEqual({'a': 1}, {'a': 2})
    def test_err(self): raise KeyError('k')
    @unittest.skip("why")
    def test_skip(self): pass
    def test_sub(self):
        for i in range(2):
            with self.subTest(i=i):
                self.assertLess(i, 1)
s = io.StringIO()
r = unittest.TextTestRunner(stream=s, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
import re
print(re.sub(r"\d+\.\d+s", "X", s.getvalue()))
print(r.wasSuccessful(), len(r.failures), len(r.errors), len(r.skipped))

import doctest


def double(a):
    """
    >>> double(2)
    4
    >>> double('x')
    'xx'
    """
    return a * 2


print(doctest.testmod(verbose=False))
print(doctest.run_docstring_examples.__name__)

import inspect, pprint, textwrap


class K:
    """Doc."""

    def m(self, x=1, *, y: int = 2):
        return x


print(inspect.getsource(K.m))
print(inspect.signature(K.m), inspect.getdoc(K), inspect.getsourcelines(K)[1])
pprint.pprint({'numbers': list(range(25)), 'nested': {'k': ['x' * 30, 'y' * 30]}}, width=60)
print(pprint.pformat([{'a': i, 'b': str(i) * i} for i in range(4)], width=40))

import importlib, importlib.machinery, importlib.util
print(importlib.machinery.SOURCE_SUFFIXES, importlib.util.find_spec("json") is not None or True)
print(importlib.import_module("json").dumps([1]))

import marshal
vals = [None, True, False, ..., 0, -1, 2**31, -2**40, 10**30, -10**30, 1.5, -0.0, 1+2j, 'abc', 'é\u20ac',
        'x' * 300, b'\x00b', (1, 2), (), [1, [2]], {'a': 1, 2: (3,)}, {1, 2}, frozenset({3}), tuple(range(300))]
print(all(repr(marshal.loads(marshal.dumps(v))) == repr(v) for v in vals))
print(marshal.loads(b'\xda\x03abc'), marshal.loads(b'\xa9\x02\xda\x01a\x72\x00\x00\x00\x00'), marshal.version)
for bad in [b'', b'i\x00', b'?']:
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(object())
except ValueError as e:
    print(e)

e = ImportError("msg", name="mod", path="/p")
print(e, e.msg, e.name, e.path, repr(e))
try:
    ImportError("m", bogus=1)
except TypeError as e:
    print(e)
print(sys.gettrace())

# importlib's path-based finders (import_module, find_spec, pkgutil)
import importlib, importlib.util, sys, pkgutil, json
spec = importlib.util.spec_from_file_location("colors_copy", "/usr/lib/python3.11/colorsys.py")
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print(m.rgb_to_hls(0.5, 0.2, 0.1), m.__name__, type(spec.loader).__name__, "colors_copy" in sys.modules)
s = importlib.util.find_spec("json")
print(s.name, s.origin.endswith("json/__init__.py"), s.submodule_search_locations is not None)
print(importlib.util.find_spec("math").origin, importlib.util.find_spec("nonexistent_zz"))
print([getattr(x, "__name__", "?") for x in sys.meta_path][-3:])
print(sorted(n for _, n, _ in pkgutil.iter_modules(json.__path__)))
print(importlib.import_module(".decoder", "json").JSONDecoder.__name__)
print(importlib.import_module("colorsys").rgb_to_hsv(1, 0, 0))
import colorsys
print(importlib.reload(colorsys) is colorsys)
try:
    importlib.import_module("no_such_mod_q")
except ModuleNotFoundError as e:
    print(e, e.name)
