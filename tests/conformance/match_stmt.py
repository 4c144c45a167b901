# structural pattern matching: every pattern kind.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Pos:
    __match_args__ = ("a", "b")
    def __init__(self, a, b): self.a, self.b = a, b
    def __repr__(self): return f"Pos({self.a}, {self.b})"
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def describe(v):
    match v:
        case None:
            return "None literal"
        case True:
            return "True literal"
        case 0 | 1 | 2:
            return f"small int {v}"
        case -5:
            return "negative literal"
        case 3.5:
            return "float literal"
        case "hello" | b"bytes":
            return f"string/bytes literal {v!r}"
        case Color.RED:
            return "value pattern Color.RED"
        case []:
            return "empty sequence"
        case [x]:
            return f"one-element sequence {x}"
        case [1, 2, *rest]:
            return f"starts 1,2 rest={rest}"
        case [first, *_, last] if first == last:
            return f"same ends {first}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": t, **others}:
            return f"mapping type={t} others={others}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=px, y=0):
            return f"on x axis at {px}"
        case Point(px, py) if px == py:
            return f"diagonal {px}"
        case Pos(a, b=2):
            return f"Pos a={a} b=2"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s:
            return f"some string {s!r}"
        case (int() | float()) as num:
            return f"number {num}"
        case {1: _, 2: _}:
            return "has keys 1 and 2"
        case _:
            return f"wildcard {type(v).__name__}"
for v in [None, True, False, 0, 2, -5, 3.5, "hello", b"bytes", Color.RED, Color.GREEN, [], [9], [1, 2, 3, 4], [5, 0, 5],
          (7, 8, 9), [1, 2], {"type": "circle", "r": 3}, {"type": "sq", "side": 2, "z": 0}, Point(0, 0), Point(4, 0),
          Point(3, 3), Point(1, 2), Pos(1, 2), Pos(1, 3), 1000, 50, "other", 2.5, {1: "a", 2: "b", 3: "c"}, {1: "a"}, "abc"[0:0], (1, 2, 3, 4)]:
    print(repr(v), "->", describe(v))
def cmd(command):
    match command.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["drop", *objects] if objects:
            return "dropping " + ",".join(objects)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown"
for c in ["go north", "go west", "drop a b", "drop", "exit", ""]:
    print(repr(c), cmd(c))
match "abc":
    case "abc" if False:
        print("guard false")
    case str(x):
        print("bound", x)
match (1, [2, {"k": (3, 4)}]):
    case (1, [2, {"k": (3, y)}]):
        print("deep", y)
match 42:
    case x:
        print("capture", x)
match {"a": 1}:
    case {}:
        print("empty mapping pattern matches any mapping")
match "str":
    case [*_]:
        print("str matched sequence?!")
    case _:
        print("str is not a sequence pattern")
class Bad:
    __match_args__ = ("a",)
try:
    match Bad():
        case Bad(x, y):
            pass
except TypeError as e:
    print("TypeError", e)
