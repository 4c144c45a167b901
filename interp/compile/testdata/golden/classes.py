class Point(Base, metaclass=Meta):
    """A point."""
    x: int = 0
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        super().__init__()
        self.x = x
        self.__y = y
