# dataclasses.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    def total(self, n): return self.price * n
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
i = Item("pen", 1.5)
i.tags.append("office")
print(i, i.total(4), asdict(i), astuple(i), replace(i, name="ink"), [f.name for f in fields(Item)])
print(Item("a") == Item("a"), Item("a") == Item("b"), sorted([Ver(2), Ver(1, 5), Ver(1)]), Ver(1) < Ver(1, 1), hash(Ver(1)) == hash(Ver(1)))
try:
    Ver(1).major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
@dataclass
class Child(Item):
    extra: int = 7
print(Child("c"), Child.__init__.__code__.co_varnames[:5])
@dataclass
class Post:
    a: int
    b: int = field(init=False)
    def __post_init__(self): self.b = self.a * 2
print(Post(4), Post.__dataclass_fields__.keys().__len__())
@dataclass(kw_only=True)
class KW:
    x: int
    y: int = 1
print(KW(x=3))
try:
    KW(1)
except TypeError as e:
    print("TypeError", e)
