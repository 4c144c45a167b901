# assorted core-language details: bound-method construction, context
# manager errors, type.__init__, object.__new__ safety, super attributes,
# MRO conflicts, call-error wording and the int string-conversion limit.
import sys
import types


def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


# types.MethodType
class K:
    def m(self, x):
        return x * 2
def plain(self, x):
    return (type(self).__name__, x)
bm = types.MethodType(plain, K())
print(bm(3), bm.__self__.__class__.__name__, bm.__func__ is plain, bm.__module__)
show(lambda: types.MethodType(1, 2))
show(lambda: types.MethodType(print, None))
show(lambda: types.MethodType(print))
show(lambda: types.MethodType(func=print, instance=1))

# with / async with on objects that are not context managers
class OnlyEnter:
    def __enter__(self):
        return self
show(lambda: exec("with 42: pass"))
show(lambda: exec("with OnlyEnter(): pass"))
async def use_async(cm):
    async with cm:
        pass
class OnlyAenter:
    async def __aenter__(self):
        return self
for cm in [42, OnlyAenter()]:
    co = use_async(cm)
    show(lambda: co.send(None))

# type.__init__
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, *args, **kw):
        super().__init__(*args)
class WithMeta(metaclass=Meta, extra=1):
    pass
print(type(WithMeta).__name__)
show(lambda: type.__init__(WithMeta))
show(lambda: type.__init__(WithMeta, "a", (), {}))
show(lambda: type.__init__(WithMeta, "a", ()))
show(lambda: type.__init__(WithMeta, "a", x=1))

# object.__new__ safety (tp_new_wrapper)
class IntSub(int):
    pass
class IntNew(int):
    def __new__(cls, v):
        return super().__new__(cls, v)
class IntNewSub(IntNew):
    pass
for owner, sub in [(object, int), (object, IntSub), (int, IntSub), (int, IntNewSub), (object, ValueError),
                   (object, dict), (tuple, IntNewSub), (int, bool), (BaseException, ValueError)]:
    show(lambda: type(owner.__new__(sub)).__name__)

# super attributes and zero-argument super()
class A:
    def f(*a):
        return super()
    def g(self):
        return super()
show(lambda: type(A().f()).__name__)
s = A().g()
print(s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)
s = super(A)
print(s.__thisclass__.__name__, s.__self__, s.__self_class__)
def no_class_cell(x):
    return super()
show(lambda: no_class_cell(1))

# MRO conflicts name what is left to merge
class P: pass
class Q(P): pass
show(lambda: type("Bad", (P, Q), {}))
class R1: pass
class R2: pass
class S1(R1, R2): pass
class S2(R2, R1): pass
show(lambda: type("Bad2", (S1, S2), {}))

# call-error wording
def two(a, b, /, c=0):
    return a, b, c
show(lambda: two(b=1, a=2))
show(lambda: two(1, b=2))
show(lambda: K().m(*1))
show(lambda: K.m(**1))
show(lambda: len(*1))
show(lambda: [].append(**{"a": 1}, a=2))
show(lambda: K(*1))
ABC, FLOAT = "abc", 1.5
show(lambda: ABC[FLOAT])
show(lambda: ABC[None])
show(lambda: abs([]))
show(lambda: -"x")

# the int <-> str conversion limit
print(sys.get_int_max_str_digits())
show(lambda: sys.set_int_max_str_digits(5))
show(lambda: sys.set_int_max_str_digits("x"))
sys.set_int_max_str_digits(700)
show(lambda: str(10 ** 800))
show(lambda: int("1" * 800))
show(lambda: int("1_" * 800 + "1"))
show(lambda: int("1" * 800 + "x"))
show(lambda: len(hex(10 ** 800)))
show(lambda: int("f" * 800, 16) > 0)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(4300)

# SyntaxError positions at the end of eval/single input
for src in ["1 +", "1 +  ", "(1,", "x = = 1"]:
    for mode in ["exec", "eval", "single"]:
        try:
            compile(src, "<s>", mode)
        except SyntaxError as e:
            print(repr(src), mode, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
