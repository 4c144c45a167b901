#!/usr/bin/python3.11
"""Generate interp/py/ztextsig.go: the __text_signature__ values that
CPython 3.11 reports for its built-in functions, methods and types.

Run with the host's CPython 3.11 from the repository root:

    /usr/bin/python3.11 scripts/gen_textsig.py

Only the signatures are taken (they are facts about the interface); no
docstring text is copied.
"""
import builtins
import collections
import io
import os
import time
import importlib
import subprocess
import sys
import types

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"

# Native modules whose functions and types get signatures.
MODULES = """
builtins _abc _ast _blake2 _bisect _codecs _collections _contextvars _csv
_datetime _functools _heapq _imp _io _json _locale _md5 _operator
_pickle _posixsubprocess _random _sha1 _sha256 _sha3 _sha512 _signal
_socket _sre _string _struct _thread _tracemalloc _warnings _weakref
array atexit binascii cmath errno faulthandler fcntl gc grp itertools
marshal math posix pwd pyexpat select spwd sys syslog time unicodedata
zlib
""".split()

funcs = {}   # "module.name" -> signature (functions of modules)
methods = {}  # "Type.name" -> signature (methods of built-in types)
typesigs = {}  # "Type" -> signature (the types themselves)
slots = {}  # "__name__" -> signature of every slot wrapper of that name
slot_conflicts = set()
conflicts = set()
seen_types = set()


def put(table, key, sig):
    if key in table and table[key] != sig:
        conflicts.add(key)
    table[key] = sig


METHOD_KINDS = (types.MethodDescriptorType, types.WrapperDescriptorType,
                types.ClassMethodDescriptorType, types.BuiltinMethodType, staticmethod)


def is_python_class(tp):
    """A class written in Python (a heap type with no C methods); the
    heap types of C modules (_csv, _struct, ...) are kept."""
    if not tp.__flags__ & (1 << 9):  # Py_TPFLAGS_HEAPTYPE
        return False
    return not any(isinstance(v, METHOD_KINDS[:4]) for v in tp.__dict__.values())


def method_sig(tp, attr):
    try:
        v = getattr(tp, attr)
    except AttributeError:
        return None
    return getattr(v, '__text_signature__', None)


def add_type(tp):
    if tp in seen_types or not isinstance(tp, type) or is_python_class(tp):
        return
    seen_types.add(tp)
    name = tp.__name__
    ts = tp.__text_signature__
    if ts is not None:
        put(typesigs, name, ts)
    for attr in list(tp.__dict__):
        if not isinstance(tp.__dict__[attr], METHOD_KINDS):
            continue
        sig = method_sig(tp, attr)
        raw = tp.__dict__[attr]
        if sig is not None and (isinstance(raw, types.WrapperDescriptorType) or
                                (attr == '__new__' and isinstance(raw, types.BuiltinMethodType))):
            if slots.get(attr, sig) != sig:
                slot_conflicts.add(attr)
            slots[attr] = sig
        if sig is not None:
            put(methods, name + '.' + attr, sig)
        elif any(attr in vars(b) and method_sig(b, attr) is not None for b in tp.__mro__[1:]):
            # freepy looks a missing method up along the MRO: record that
            # this one has no signature although a base's has.
            put(methods, name + '.' + attr, '')


def walk_module(modname):
    try:
        mod = importlib.import_module(modname)
    except ImportError:
        return
    for attr, v in sorted(vars(mod).items()):
        if isinstance(v, types.BuiltinFunctionType):
            sig = getattr(v, '__text_signature__', None)
            if sig is None:
                continue
            put(funcs, modname + '.' + attr, sig)
            owner = getattr(v, '__self__', None)
            if isinstance(owner, types.ModuleType) and owner.__name__ != modname:
                put(funcs, owner.__name__ + '.' + attr, sig)
        elif isinstance(v, type):
            add_type(v)


for m in MODULES:
    walk_module(m)
# posix's functions are called through os.
walk_module('os')

# Types reached only through instances: views, iterators and friends.
samples = [
    {}.keys(), {}.values(), {}.items(), iter({}), iter({}.values()), iter({}.items()),
    reversed({}), reversed({}.values()), reversed({}.items()),
    iter([]), reversed([]), iter(()), iter(''), iter('\xe9'), iter(b''), iter(bytearray()),
    iter(set()), iter(range(0)), iter(range(1 << 100)), iter(memoryview(b'')),
    iter(lambda: 0, 0), iter(type('S', (), {'__getitem__': lambda s, i: 0})()),
    (lambda: (yield))(), types.SimpleNamespace(), types.MappingProxyType({}),
    (lambda: 0), (lambda: 0).__code__, sys._getframe(), type.__dict__,
    types.MethodType(lambda s: 0, 1), NotImplemented, Ellipsis, None,
    property(), staticmethod(len), classmethod(len), super(int, 1),
    (i for i in ()), slice(0), range(0), memoryview(b''), sys.flags, sys.version_info,
    sys.float_info, sys.int_info, sys.hash_info, sys.thread_info,
    [].append, object.__init__, object().__str__, int.__add__, types.CellType(),
]
samples += [time.gmtime(), os.stat('.'), os.terminal_size((1, 1)), os.times(), os.uname(),
            io.StringIO(), io.BytesIO(), collections.OrderedDict().keys(),
            iter(collections.OrderedDict()), iter(collections.deque()),
            reversed(collections.deque())]
import csv, itertools, re, zlib, _md5, _sha1, _sha256, _sha512, _sha3, _thread, pyexpat, select, _struct, array
samples += [re.compile(''), re.match('', ''), re.compile('').scanner(''),
            csv.reader([]), csv.writer(io.StringIO()), zlib.compressobj(), zlib.decompressobj(),
            _md5.md5(), _sha1.sha1(), _sha256.sha256(), _sha256.sha224(), _sha512.sha512(),
            _sha512.sha384(), _sha3.sha3_256(), _thread.allocate_lock(), _thread.RLock(),
            pyexpat.ParserCreate(), select.poll(), itertools.tee([])[0],
            next(itertools.groupby([1]))[1], iter(array.array('b'))]
for s in samples:
    add_type(type(s))
for v in vars(builtins).values():
    if isinstance(v, type):
        add_type(v)
for v in list(seen_types):
    for b in v.__mro__:
        add_type(b)

for k in sorted(conflicts):
    print('conflicting signatures, dropped:', k, file=sys.stderr)
    for t in (funcs, methods, typesigs):
        t.pop(k, None)


for k in sorted(slot_conflicts):
    print('slot wrappers disagree, dropped:', k, file=sys.stderr)
    slots.pop(k)


def golit(s):
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ' ' <= ch < '\x7f':
            out.append(ch)
        else:
            out.append('\\u%04x' % ord(ch))
    out.append('"')
    return ''.join(out)


def table(name, d, doc):
    lines = ['// %s %s' % (name, doc), 'var %s = [...]textSig{' % name]
    for k in sorted(d):
        lines.append('\t{%s, %s},' % (golit(k), golit(d[k])))
    lines.append('}')
    return '\n'.join(lines)


src = '\n\n'.join([
    '// Code generated by scripts/gen_textsig.py from CPython %s; DO NOT EDIT.' % sys.version.split()[0],
    'package py',
    table('textSigFuncs', funcs, 'maps "module.name" to the __text_signature__ of a module function, sorted by key.'),
    table('textSigMethods', methods, 'maps "Type.name" to the __text_signature__ of a built-in type\'s method, sorted by key ("": none, although a base\'s method of that name has one).'),
    table('textSigTypes', typesigs, 'maps a built-in type\'s name to its __text_signature__, sorted by key.'),
    table('textSigSlots', slots, 'maps a slot wrapper\'s name to the __text_signature__ all slot wrappers of that name (and types\' __new__) share, sorted by key.'),
]) + '\n'
out = 'interp/py/ztextsig.go'
with open(out, 'w') as f:
    f.write(src)
subprocess.run(['gofmt', '-w', out], check=True)
print('%s: %d functions, %d methods, %d types, %d slots' % (out, len(funcs), len(methods), len(typesigs), len(slots)), file=sys.stderr)
