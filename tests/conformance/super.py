# super(): zero-argument and explicit forms, cooperative multiple inheritance.
class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
    def greet(self):
        return "Base"
    @classmethod
    def create(cls):
        return "Base.create for " + cls.__name__
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left init", left)
        super().__init__(**kw)
    def greet(self):
        return "Left>" + super().greet()
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right init", right)
        super().__init__(**kw)
    def greet(self):
        return "Right>" + super().greet()
    @classmethod
    def create(cls):
        return "Right.create>" + super().create()
class Child(Left, Right):
    def __init__(self):
        super().__init__(left=1, right=2, extra=3)
    def greet(self):
        return "Child>" + super().greet()
c = Child()
print(c.greet(), Child.create())
print(super(Left, c).greet(), super(Child, c).greet(), super(Right, c).greet())
class P:
    def __init__(self): self.x = 1
    @property
    def val(self): return "P.val"
class Q(P):
    def __init__(self):
        super().__init__()
        self.y = 2
    @property
    def val(self): return "Q>" + super().val
q = Q()
print(q.x, q.y, q.val)
class S:
    def method(self):
        def inner():
            return super(S, self).__repr__.__name__
        return inner()
print(S().method())
class MyList(list):
    def append(self, v):
        super().append(v * 10)
ml = MyList(); ml.append(1); ml.append(2)
print(ml)
class T:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.tag = cls.__name__.lower()
class U(T): pass
print(U.tag)
sup = super(Child, c)
print(type(sup).__name__, sup.__thisclass__.__name__, sup.__self_class__.__name__)
class NoArgs:
    @staticmethod
    def f():
        try:
            super()
        except RuntimeError as e:
            print("RuntimeError", e)
NoArgs.f()
