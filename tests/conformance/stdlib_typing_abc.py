# abc, typing basics, weakref to live objects.
import abc, typing, weakref
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
print(Sq(3).area(), isinstance(Sq(1), Shape), issubclass(Sq, Shape))
from collections.abc import Iterable, Mapping, Sequence, Callable, Hashable
print(isinstance([], Iterable), isinstance({}, Mapping), isinstance("s", Sequence), isinstance(len, Callable), isinstance([], Hashable))
class Reg(abc.ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg))
def f(x: typing.List[int], y: typing.Optional[str] = None) -> typing.Dict[str, int]: ...
print(typing.get_type_hints(f), typing.get_origin(typing.List[int]), typing.get_args(typing.Dict[str, int]))
class TD(typing.TypedDict):
    a: int
print(TD(a=1), typing.NamedTuple("NT", [("x", int)])(5))
class Obj: pass
o = Obj()
r = weakref.ref(o)
print(r() is o, weakref.getweakrefcount(o))
wd = weakref.WeakValueDictionary(); wd["k"] = o
print(wd["k"] is o, len(wd))
