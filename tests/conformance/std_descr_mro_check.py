class _metaclass(type):
    def mro(self):
        return [self, dict, object]
try:
    class X(object, metaclass=_metaclass):
        pass
    print("created", X.__mro__)
except TypeError as e:
    print("TE", e)
class m2(type):
    def mro(self):
        return [1]
try:
    class X(object, metaclass=m2):
        pass
    print("created")
except TypeError as e:
    print("TE", e)
class m3(type):
    def mro(self):
        return 1
try:
    class X(metaclass=m3):
        pass
except TypeError as e:
    print("TE", e)
class Base:
    def hi(self):
        return "base"
class m4(type):
    def mro(self):
        return [self, Base, object]
class Y(metaclass=m4):
    pass
print([c.__name__ for c in Y.__mro__], Y().hi())
class S(int):
    pass
class m5(type):
    def mro(self):
        return [self, int, object]
class Z(int, metaclass=m5):
    pass
print([c.__name__ for c in Z.__mro__], Z(4) + 1)
