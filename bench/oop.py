"""Object-oriented code: instance creation, attribute access, method calls,
inheritance with super(), properties and dunder methods.

usage: oop.py N
"""
import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Shape:
    def __init__(self, origin):
        self.origin = origin
        self.moves = 0

    def move(self, d):
        self.origin = self.origin + d
        self.moves += 1

    def area(self):
        return 0


class Rect(Shape):
    def __init__(self, origin, w, h):
        super().__init__(origin)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, origin, side):
        super().__init__(origin, side, side)

    def area(self):
        return super().area() + 1


def run(n):
    shapes = []
    for i in range(100):
        o = Vec(i, -i)
        shapes.append(Square(o, i % 7) if i % 2 else Rect(o, i % 5, i % 3))
    step = Vec(1, 2)
    total = 0
    for i in range(n):
        s = shapes[i % 100]
        s.move(step)
        total += s.area() + s.perimeter + s.origin.dot(step) + s.moves
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
print("checksum:", run(n))
