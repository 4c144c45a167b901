# types.GenericAlias and types.UnionType as CPython 3.11: parameters and
# substitution, starred aliases, forwarding to the origin, flattening,
# isinstance through unions, pickling (which needs builtin functions'
# and method descriptors' __reduce__), __orig_bases__ of class L(list[int]).
import types, typing
U = int | str
print(U, repr(U), type(U), type(U).__module__, type(U).__name__, U.__args__, U.__parameters__)
print(int | None, None | int, (int | None).__args__, int | int, int | str | int, (int | str) | (str | float))
print(list[int] | None, None | list[int], dict[str, int] | list[int] | None)
print(int | str == str | int, int | str == int | str | int, hash(int | str) == hash(str | int), (int | str) == typing.Union[int, str])
print(isinstance(1, int | str), isinstance('a', int | None), isinstance(None, int | None), issubclass(bool, int | str), issubclass(float, int | None))
try: isinstance(1, list[int] | None)
except TypeError as e: print(e)
try: int | 3
except TypeError as e: print(e)
try: 3 | int
except TypeError as e: print(e)
print(int | typing.List[int], typing.Optional[int] | str)
T = typing.TypeVar('T')
print(int | T, (int | T).__parameters__, (list[T] | None)[int], list[T] | None)
try: (int | str)[int]
except TypeError as e: print(e)
print(types.UnionType, types.UnionType is type(int | str))
try: types.UnionType()
except TypeError as e: print(e)
print((int | str).__origin__ if hasattr(int|str, '__origin__') else 'no origin')
print(typing.get_args(int | str), typing.get_origin(int | str))
print(type(None) | int, int | type(None))
u = int | str
print(u.__or__(float), u.__ror__(float), type.__or__(int, str), type.__ror__(int, str))
print(bool(int | str), (int | str).__class__)
import copy, pickle
print(copy.copy(u) == u, pickle.loads(pickle.dumps(u)) == u)
def f(x: int | None = None) -> list[int] | None: pass
print(typing.get_type_hints(f))
import collections.abc
T = typing.TypeVar('T'); K = typing.TypeVar('K')
g = list[int]
print(g, g.__origin__, g.__args__, g.__parameters__, g.__name__, g.__qualname__, g.__module__, g.__class__)
try: g[int]
except TypeError as e: print(e)
d = dict[K, list[T]]
print(d.__parameters__, d[str, int], dict[T, T][int])
try: d[str]
except TypeError as e: print(e)
try: dict[K, T][int]
except TypeError as e: print(e)
try: dict[K, T][int, str, float]
except TypeError as e: print(e)
print(tuple[int, ...], tuple[()], list[[int]] if False else '', types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)))
print(g == list[int], g != list[str], hash(g) == hash(list[int]), g == list, list[int]([1, 2]), type(g([1])))
try: isinstance([], g)
except TypeError as e: print(e)
try: issubclass(list, g)
except TypeError as e: print(e)
print(g.__mro_entries__((g,)), g.append, dir(g)[:3] if False else '')
class L(list[int]): pass
print(L.__mro__, L.__orig_bases__)
C = collections.abc.Callable[[int, str], float]
print(C, type(C), C.__args__, C.__parameters__, collections.abc.Callable[..., int], collections.abc.Callable[[T], K][int, str])
print(pickle.loads(pickle.dumps(g)) == g, copy.copy(g) == g, copy.deepcopy(d) == d, g.__reduce__())
print(list[T] | None, (list[T] | int)[str], list[int] | list[int], list[int] | list[str])
print(repr(list[typing.List[int]]), list['X'], list[...], list[1], list[int, str])
st = [*tuple[int, str]][0]
print(st, st.__unpacked__, st.__typing_unpacked_tuple_args__, g.__unpacked__, g.__typing_unpacked_tuple_args__)
class MyList(list): pass
a = MyList[int]()
print(type(a), a.__orig_class__ if hasattr(a, '__orig_class__') else 'no __orig_class__')
class Box:
    def __class_getitem__(cls, item): return types.GenericAlias(cls, item)
b = Box[int](); print(b.__orig_class__)
try: types.GenericAlias(list)
except TypeError as e: print(e)
try: types.GenericAlias(list, int, x=1)
except TypeError as e: print(e)
class G2(types.GenericAlias): pass
print(type(G2(list, int)), G2(list, int))
print(typing.get_origin(list[int]), typing.get_args(dict[str, int]), typing.get_type_hints(lambda x: 1))
def f(a: list[int], b: dict[str, 'int']) -> tuple[int, ...]: pass
print(typing.get_type_hints(f))
import pickle, functools, operator, math
print(len.__reduce__(), functools.reduce.__reduce__(), operator.or_.__reduce__(), math.sqrt.__reduce__())
print(list.append.__reduce__(), [1].append.__reduce__(), dict.fromkeys.__reduce__(), str.__dict__['maketrans'].__reduce__() if False else '')
for o in (len, functools.reduce, operator.or_, list.append, math.sqrt):
    print(pickle.loads(pickle.dumps(o)) is o, pickle.loads(pickle.dumps(o, 0)) is o)
print(pickle.loads(pickle.dumps([1].append))([2]) if False else '')
