# Every built-in function and type, and every method of the core built-in
# types, has a docstring exactly where CPython has one; where CPython's
# docstring starts with a signature line ("int([x]) -> integer") the first
# line is the same. The prose after it is freepy's own, so only its
# presence is compared.
import builtins
import re

CORE = (object, type, int, bool, float, complex, str, bytes, bytearray, list,
        tuple, dict, set, frozenset, range, slice, memoryview, property,
        classmethod, staticmethod, super, enumerate, zip, map, filter,
        reversed, BaseException)

SIG = re.compile(r'^[\w.]*\b(\w+)\(.*$')


def show(label, obj, name):
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str):
        doc = None
    first = ''
    if doc:
        line = doc.split('\n', 1)[0]
        m = SIG.match(line)
        if m and m.group(1) == name:
            first = line
    print(label, bool(doc), first)


for n in dir(builtins):
    if n.startswith('_') and n != '__build_class__' and n != '__import__':
        continue
    o = getattr(builtins, n)
    # site's helper instances (help, exit, copyright, ...) are Python
    # objects, documented by their classes in site.py
    if not callable(o) or type(o).__module__ not in ('builtins',):
        continue
    show(n, o, n)

exc = [getattr(builtins, n) for n in dir(builtins)
       if isinstance(getattr(builtins, n), type)
       and issubclass(getattr(builtins, n), BaseException)]

# dir() rather than vars(): a method CPython defines on the type itself
# and freepy inherits (or the reverse) is still compared.
for t in CORE:
    for k in dir(t):
        if k == '__doc__' or k.startswith('_') and not k.startswith('__'):
            continue
        if t is super and k in ('__get__', '__init__'):
            # freepy's super has no __get__/__init__ slot wrappers (its
            # binding is done by the compiler's zero-argument form)
            continue
        v = getattr(t, k, None)
        kind = type(v).__name__
        if kind not in ('method_descriptor', 'wrapper_descriptor',
                        'classmethod_descriptor', 'builtin_function_or_method'):
            continue
        show(t.__name__ + '.' + k, v, k)

for t in exc:
    show(t.__name__, t, t.__name__)
    for k in ('__init__', '__new__', '__str__', '__repr__', '__reduce__',
              '__setstate__', 'with_traceback', 'add_note'):
        show(t.__name__ + '.' + k, getattr(t, k, None), k)

print(bool(len.__doc__), bool(int.__doc__), bool(str.split.__doc__))
print(bool([].append.__doc__), bool((1).__add__.__doc__), bool(dict.fromkeys.__doc__))
# pydoc reads the doc through object.__getattribute__, which must find
# the function's own doc, not object's
print(object.__getattribute__(len, '__doc__') == len.__doc__,
      object.__getattribute__(str.split, '__doc__') == str.split.__doc__)
