# enum.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color), [c.name for c in Color if c.value > 1])
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm.R in (Perm.R | Perm.W), Perm(7), repr(Perm(0)))
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO > Num.ONE, sorted([Num.TWO, Num.ONE]), f"{Num.TWO}", str(Num.TWO))
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(list(Auto), Auto.B.value)
class S(str, enum.Enum):
    X = "x"
print(S.X == "x", S.X.upper(), S("x"))
@enum.unique
class U(enum.Enum):
    A = 1
    B = 2
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
try:
    Color(9)
except ValueError as e:
    print("ValueError", e)
class F(enum.Flag):
    A = enum.auto()
    B = enum.auto()
print(F.A | F.B, list(F), (F.A | F.B).name)
