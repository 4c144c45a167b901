# Pattern matching details from CPython's test_patma: which objects are
# sequences or mappings (bytes and bytearray are neither; with multiple
# inheritance the first class in the MRO that is one decides), duplicate
# class-pattern attributes and duplicate mapping keys, and "**_".
import array
import collections
import collections.abc


def kind(x):
    match x:
        case [*_]:
            return "seq"
        case {}:
            return "map"
    return "other"


def kind2(x):
    match x:
        case {}:
            return "map"
        case [*_]:
            return "seq"
    return "other"


for v in [b"x", bytearray(b"x"), "x", memoryview(b"x"), array.array("b", b"x"),
          [1], (1,), range(1), {}, collections.deque(), collections.OrderedDict()]:
    print(type(v).__name__, kind(v), kind2(v))

match b"x":
    case [120]:
        print("bytes matched [120]")
    case b"x":
        print("bytes matched b'x'")


class C:
    pass


class M1(collections.UserDict, collections.abc.Sequence):
    pass


class M3(collections.UserDict, C, list):
    pass


class M4(dict, collections.abc.Sequence, C):
    pass


class S1(collections.UserList, collections.abc.Mapping):
    pass


class S3(list, C, collections.abc.Mapping):
    pass


class S4(collections.UserList, dict, C):
    pass


for cls in (M1, M3, M4, S1, S3, S4):
    print(cls.__name__, kind(cls()), kind2(cls()))

try:
    class Both(collections.abc.Collection):
        __abc_tpflags__ = (collections.abc.Sequence.__flags__ | collections.abc.Mapping.__flags__)
except TypeError as e:
    print("TypeError", e)


class Point:
    __match_args__ = ("a", "a")
    a = 1


for src in ["match Point():\n case Point(y, z): r = 0\n",
            "match Point():\n case Point(y, a=z): r = 0\n"]:
    try:
        exec(src, {"Point": Point})
        print("no error")
    except TypeError as e:
        print("TypeError", e)


class Keys:
    KEY = "a"


try:
    match {"a": 0, "b": 1}:
        case {Keys.KEY: y, "a": z}:
            print("matched")
except ValueError as e:
    print("ValueError", e)

try:
    compile("match x:\n case {**_}:\n  pass\n", "<s>", "exec")
    print("compiled")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
