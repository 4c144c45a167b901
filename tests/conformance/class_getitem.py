# __class_getitem__ and generic aliases of builtins.
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], Box[1])
print(list[int], dict[str, list[int]], tuple[int, ...], type[str])
alias = list[int]
print(alias.__origin__, alias.__args__, alias([1, 2]), isinstance([1], list))
import typing
T = typing.TypeVar("T")
class Stack(typing.Generic[T]):
    def __init__(self): self.items = []
    def push(self, v: T) -> None: self.items.append(v)
s = Stack[int]()
s.push(3)
print(s.items, Stack[int].__origin__ is Stack, Stack.__parameters__)
print(typing.Optional[int], typing.Union[int, str], int | None, (int | str).__args__)
print(typing.List[int], typing.Dict[str, int], typing.Callable[[int], str])
try:
    int[0]
except TypeError as e:
    print("TypeError", e)
