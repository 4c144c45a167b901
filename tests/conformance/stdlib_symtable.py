import symtable, _symtable

SRC = '''
import os, sys as system
from collections import OrderedDict as OD
x: int = 1
y = 2
def outer(a, b=1, *args, c, d=2, **kw):
    global y
    z = a + x
    def inner(q):
        nonlocal z
        z += q
        return lambda r: r + z + b
    class K:
        attr = a
        def m(self):
            return __class__, super().m, attr
    w = [i * z for i in range(3) if i]
    g = (j for j in args)
    s = {k for k in kw}
    dd = {k: v for k, v in kw.items()}
    if (n := len(args)) > 1:
        pass
    return inner, K, w, g, s, dd, n
async def co(p):
    async for t in p:
        await t
class C(object):
    v: int
    def meth(self, u: "ann") -> None:
        del self.v
        try:
            pass
        except Exception as exc:
            pass
        match u:
            case [first, *rest]:
                pass
            case {"k": val, **others}:
                pass
            case Point(xx, yy=yy2) as whole:
                pass
    @staticmethod
    def st(): return __x
'''

def dump(t, ind=0):
    pad = '  ' * ind
    print(pad, t.get_type(), t.get_name(), t.get_lineno(), t.is_optimized(), t.is_nested(), t.has_children())
    print(pad, ' ids', sorted(t.get_identifiers()))
    raw = t._table
    print(pad, ' raw', list(raw.symbols.items()), raw.varnames, raw.type, raw.nested)
    for name in t.get_identifiers():
        s = t.lookup(name)
        props = [p for p in ('referenced','imported','parameter','global','nonlocal','declared_global','local','annotated','free','assigned','namespace') if getattr(s, 'is_' + p)()]
        print(pad, '   ', name, props)
    if isinstance(t, symtable.Function):
        print(pad, ' fn', t.get_parameters(), t.get_locals(), t.get_globals(), t.get_nonlocals(), t.get_frees())
    if isinstance(t, symtable.Class):
        print(pad, ' cls', t.get_methods())
    for c in t.get_children():
        dump(c, ind + 1)

dump(symtable.symtable(SRC, "<src>", "exec"))
dump(symtable.symtable("a + b", "<e>", "eval"))
dump(symtable.symtable("from __future__ import annotations\ndef f(x: List[int]) -> T: pass\n", "<f>", "exec"))
dump(symtable.symtable(b"q = 1\n", "<b>", "single"))
print(repr(symtable.symtable("def f(): pass", "<r>", "exec")).split(" at ")[0])
for bad in [("x = (", "<bad>", "exec"), ("def f(a, a): pass", "<dup>", "exec"), ("nonlocal q", "<nl>", "exec")]:
    try:
        symtable.symtable(*bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
for bad in [(1, "f", "exec"), ("x", "f", "foo"), ("x=1\0", "f", "exec")]:
    try:
        _symtable.symtable(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
t = _symtable.symtable("x", "f", "exec")
try:
    t.name = "y"
except AttributeError as e:
    print("AttributeError", e)
try:
    type(t)()
except TypeError as e:
    print("TypeError", e)
print(type(t).__module__, type(t).__qualname__, sorted(k for k in dir(_symtable) if k.isupper()))
