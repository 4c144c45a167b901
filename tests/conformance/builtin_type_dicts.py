# The dicts of built-in types list the same names as CPython's
# (sorted(vars(T))), so that inspect, pydoc and IDEs find the same
# descriptors. __doc__ is compared by builtin_docstrings.py. The names
# left out below are known differences kept on purpose:
#   __getattribute__: CPython lists a slot wrapper on every type with its
#     own tp_getattro; freepy's types share object's generic lookup, and
#     a wrapper of their own would send their Python subclasses down the
#     slow path (slotGetAttr checks for object's wrapper).
#   object.__dict__: freepy's instances of object subclasses get their
#     __dict__ through it.
#   __init__/__new__/__repr__/__get__/__del__/__sizeof__ wrappers that
#     freepy's types inherit rather than define (classmethod,
#     staticmethod, super, Exception, function, generator, code, frame,
#     module, method), and __setattr__/__delattr__ wrappers that freepy's
#     types with an attribute dict of their own (function, module,
#     method, classmethod, staticmethod) define where CPython inherits
#     object's generic ones: behaviour is the same.
#   code: rich comparisons and hash are inherited; co_code,
#     co_linetable, co_lnotab, co_exceptiontable and the private
#     _co_code_adaptive/_varname_from_oparg are computed elsewhere.
#   frame.f_trace*: handled by the tracing code's own attribute hook.
import types

SKIP = {'__doc__', '__getattribute__'}
EXTRA_SKIP = {
    'object': {'__dict__'},
    'bytearray': {'__reduce_ex__'},
    'classmethod': {'__init__', '__repr__', '__delattr__', '__setattr__'},
    'staticmethod': {'__init__', '__repr__', '__delattr__', '__setattr__'},
    'super': {'__get__', '__init__'},
    'Exception': {'__init__', '__new__'},
    'function': {'__new__', '__delattr__', '__setattr__'},
    'generator': {'__del__', '__sizeof__'},
    'code': {'__eq__', '__ge__', '__gt__', '__hash__', '__le__', '__lt__',
             '__ne__', '__new__', '__sizeof__', '_co_code_adaptive',
             '_varname_from_oparg', 'co_code', 'co_exceptiontable',
             'co_linetable', 'co_lnotab'},
    'frame': {'__repr__', '__sizeof__', 'f_trace', 'f_trace_lines',
              'f_trace_opcodes'},
    'module': {'__delattr__', '__setattr__'},
    'method': {'__delattr__', '__setattr__'},
}

for t in (str, list, dict, int, bytes, set, tuple, float, object, type,
          bytearray, frozenset, range, complex, bool, memoryview, slice,
          property, classmethod, staticmethod, super, enumerate, zip, map,
          filter, reversed, BaseException, Exception, OSError,
          types.FunctionType, types.GeneratorType, types.CodeType,
          types.FrameType, types.ModuleType, types.MethodType,
          types.BuiltinFunctionType):
    skip = SKIP | EXTRA_SKIP.get(t.__name__, set())
    print(t.__name__, [n for n in sorted(vars(t)) if n not in skip])

# the new descriptors work at class level and agree with the instances
e = OSError(2, 'gone', 'f')
print(OSError.errno.__get__(e), OSError.filename.__get__(e),
      BaseException.args.__get__(e), e.__reduce__()[:2])
print(int.__module__, len.__module__, type(len).__module__,
      hasattr(1, '__module__'))
print(int.__basicsize__, float.__basicsize__, tuple.__itemsize__,
      object.__basicsize__, dict.__dictoffset__, set.__weakrefoffset__)
print(float.__sizeof__ is object.__sizeof__, (1.5).__sizeof__())
print(classmethod.__func__.__get__(classmethod(len)),
      super.__thisclass__.__get__(super(int, 1)))
print(format(255, 'x'), int.__format__(7, '03'), float.__format__(0.5, '.1%'))


class B(bytes):
    def __repr__(self):
        return 'B()'


print(str(B(b'x')), repr(B(b'x')))
