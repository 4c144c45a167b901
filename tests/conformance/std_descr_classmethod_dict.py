def f(x):
    "f docstring"
cm = classmethod(f)
print(cm.__dict__)
cm.x = 42
print(cm.x, cm.__dict__)
del cm.x
print(hasattr(cm, "x"))
try:
    del cm.y
except AttributeError as e:
    print("AE", e)
sm = staticmethod(lambda: 0)
sm.x = 42
print(sm.x, sorted(sm.__dict__))
sm2 = staticmethod(len)
print(sm2.__name__, sm2.__doc__ == len.__doc__, sorted(sm2.__dict__))
cm.__dict__['__doc__'] = 'changed'
print(cm.__doc__, f.__doc__)
for attr in ("__func__", "__wrapped__"):
    try:
        setattr(cm, attr, 1)
    except AttributeError as e:
        print("AE", e)
class C:
    @classmethod
    def m(cls):
        "m doc"
        return cls.__name__
    m.tag = "t"
print(C.m(), C.__dict__['m'].tag, C.__dict__['m'].__doc__, C.__dict__['m'].__name__)
