# exact messages of common built-in errors.
def f(a, b): pass
def g(a, *, k): pass
def h(a, b=1, *args, c, d=2, **kw): pass
class K:
    def m(self, x): pass
    def __repr__(self): return "K()"
FIVE, STR, LIST, NONE = 5, "abc", [1], None
class Slotted:
    __slots__ = ()
cases = [
    lambda: 1 + "a",
    lambda: "a" - "b",
    lambda: [] * [],
    lambda: None + 1,
    lambda: len(5),
    lambda: f(1, 2, 3),
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1, b=2),
    lambda: g(1, 2),
    lambda: g(1),
    lambda: h(),
    lambda: h(1),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(),
    lambda: (lambda x: x)(),
    lambda: int("x"),
    lambda: int("12", 2),
    lambda: int("1.5"),
    lambda: float("abc"),
    lambda: int(None),
    lambda: {}["key"],
    lambda: {}[("t", 1)],
    lambda: {"a": 1}[0],
    lambda: [1, 2][5],
    lambda: (1,)[2],
    lambda: "abc"[10],
    lambda: [][0:1:0],
    lambda: K().nope,
    lambda: Slotted().x,
    lambda: K.nope,
    lambda: (5).nope,
    lambda: "s".nope,
    lambda: None.nope,
    lambda: undefined_global,
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.5 % 0,
    lambda: divmod(1, 0),
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: format(1, "z"),
    lambda: format("s", "d"),
    lambda: format(1.5, "d"),
    lambda: "{} {}".format(1),
    lambda: "{0} {}".format(1, 2),
    lambda: "{x}".format(),
    lambda: FIVE(),
    lambda: STR(),
    lambda: K()(),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: next([]),
    lambda: [].remove(1),
    lambda: (1, 2).index(3),
    lambda: "abc".index("z"),
    lambda: ord("ab"),
    lambda: chr(-1),
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: set([{}]),
    lambda: sorted([1, "a"]),
    lambda: max([]),
    lambda: min(),
    lambda: sum(["a", "b"]),
    lambda: sum([[1]], 0),
    lambda: "a" * "b",
    lambda: LIST[NONE],
    lambda: STR["x"],
    lambda: {}.get(),
    lambda: dict(1),
    lambda: list(1),
    lambda: tuple(None),
    lambda: abs("x"),
    lambda: round("x"),
    lambda: -[],
    lambda: import_nonexistent(),
    lambda: __import__("no_such_module_xyz"),
    lambda: getattr(1, 2),
    lambda: isinstance(1, 2),
    lambda: issubclass(1, int),
    lambda: object().__init__(1) if False else object(1),
    lambda: int.__new__(str),
    lambda: bytes("abc"),
    lambda: "abc".encode("nope"),
    lambda: b"\xff".decode("ascii"),
    lambda: "é".encode("ascii"),
    lambda: [].pop(3),
    lambda: {}.popitem(),
    lambda: set().remove(1),
    lambda: range(1, 2, 0),
    lambda: range(1.5),
    lambda: int("9" * 5000),
    lambda: zip([1], [1, 2], strict=True),
    lambda: list(zip([1], [1, 2], strict=True)),
    lambda: dict([(1, 2, 3)]),
    lambda: {**[]},
    lambda: f(*1),
    lambda: f(**{1: 2}),
    lambda: f(**{"a": 1}, a=2),
    lambda: (x for x in 1),
    lambda: [*None],
    lambda: str(b"x", "nope"),
    lambda: open("/nonexistent/dir/file.txt"),
    lambda: open("/", "z"),
]
def import_nonexistent():
    import no_such_module_abc
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
def unbound_local():
    print(x_local)
    x_local = 1
try:
    unbound_local()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def recurse_name():
    return undefined_func()
try:
    recurse_name()
except NameError as e:
    print("NameError:", e, e.name)
try:
    K().nope
except AttributeError as e:
    print("AttributeError attrs:", e.name, e.obj)
try:
    {}["x"]
except KeyError as e:
    print("KeyError str/repr:", str(e), repr(e), e.args)
