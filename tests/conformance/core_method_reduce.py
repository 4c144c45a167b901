# A bound method pickles and copies as getattr(self, name).
import pickle
class A:
    @classmethod
    def make(cls, x): return (cls.__name__, x)
    def f(self): return 1
print(pickle.loads(pickle.dumps(A.make))(3))
a = A()
print(A.make.__reduce__()[1][1], a.f.__reduce__()[1][1])
import copy
print(copy.copy(A.make) == A.make)
