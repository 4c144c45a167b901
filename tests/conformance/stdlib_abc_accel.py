# abc through the _abc accelerator as CPython's C module: abstract methods,
# register and its errors, subclass hooks, caches, and the Sequence/Mapping
# flags collections.abc gives its subclasses and registered classes for match.
import abc, collections.abc as cabc, numbers, io, gc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
class B(A):
    def f(self): return 1
print(sorted(A.__abstractmethods__), sorted(B.__abstractmethods__))
try: B()
except TypeError as e: print(e)
class C(B):
    p = 3
print(C().f(), C.__abstractmethods__, isinstance(C(), A), issubclass(C, A))
class Duck:
    def __len__(self): return 0
print(issubclass(Duck, cabc.Sized), isinstance(Duck(), cabc.Sized), issubclass(Duck, cabc.Iterable), isinstance([], cabc.MutableSequence))
class Reg: pass
print(A.register(Reg) is Reg, issubclass(Reg, A), isinstance(Reg(), A), abc.get_cache_token() > 0)
try: A.register(1)
except TypeError as e: print(e)
try: Reg2 = A.register(object) if False else None
except RuntimeError as e: print(e)
try: B.register(A)
except RuntimeError as e: print(e)
try: issubclass(1, A)
except TypeError as e: print(e)
print(isinstance(1, numbers.Number), isinstance(1.5, numbers.Integral), issubclass(bool, numbers.Integral), isinstance(io.BytesIO(), io.IOBase))
class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return True if hasattr(C, 'quack') else NotImplemented
class Q:
    quack = 1
print(issubclass(Q, Hook), issubclass(int, Hook), isinstance(Q(), Hook))
class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return 5
try: issubclass(int, Bad)
except AssertionError as e: print(e)
class M(cabc.Mapping):
    def __getitem__(s, k): return k
    def __len__(s): return 0
    def __iter__(s): return iter(())
class S(cabc.Sequence):
    def __getitem__(s, i): raise IndexError
    def __len__(s): return 0
class MySeqReg:
    def __len__(s): return 0
    def __getitem__(s, i): raise IndexError
cabc.Sequence.register(MySeqReg)
class SubReg(MySeqReg): pass
for o in (M(), S(), MySeqReg(), SubReg(), 'str', b'b', bytearray(b'x'), range(0), {}, memoryview(b'')):
    match o:
        case {}: print(type(o).__name__, 'mapping')
        case []: print(type(o).__name__, 'sequence')
        case _: print(type(o).__name__, 'neither')
print('__abc_tpflags__' in vars(cabc.Sequence), type(A._abc_impl).__name__, len(abc._get_dump(A)), abc._get_dump(A)[3] >= 0)
abc._reset_caches(A); abc._reset_registry(A); print(issubclass(Reg, A))
class Meta2(abc.ABCMeta): pass
class Z(metaclass=Meta2):
    @abc.abstractmethod
    def g(self): ...
print(Z.__abstractmethods__, abc.update_abstractmethods(Z) is Z)
def make():
    class Tmp(A):
        def f(self): ...
        p = 1
    return isinstance(Tmp(), A)
print(all(make() for _ in range(100)))
import array, collections
for o in (memoryview(b''), array.array('b'), collections.deque(), collections.OrderedDict(), collections.defaultdict(), {}.keys(), (1,), range(1)):
    match o:
        case {}: print(type(o).__name__, 'mapping')
        case [*_]: print(type(o).__name__, 'sequence')
        case _: print(type(o).__name__, 'neither')
