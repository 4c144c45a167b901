# class body scoping rules.
x = "global"
class C:
    x = "class"
    y = x + "-derived"
    def method(self):
        return x
    z = [x for _ in range(1)]
    w = (lambda: x)()
print(C.y, C().method(), C.z, C.w)
def outer():
    v = "enclosing"
    class D:
        u = v
        def m(self):
            return v
    class E:
        try:
            t = v
        except NameError as e:
            t = "NameError: " + str(e)
        v = "class v"
    return D.u, D().m(), E.t, E.v
print(outer())
class Counter:
    count = 0
    def inc(self):
        self.count += 1
        return self.count
c = Counter(); c.inc(); c.inc()
print(c.count, Counter.count)
class WithLocals:
    a = 1
    b = 2
    names = sorted(k for k in locals() if not k.startswith("__"))
print(WithLocals.names, WithLocals.__qualname__)
def factory(base):
    class Made(base):
        def who(self): return "made from " + base.__name__
    return Made
print(factory(object)().who(), factory(dict)().who(), factory(int).__qualname__)
class Forward:
    def make(self): return Forward
print(Forward().make() is Forward)
class Nested:
    class Inner:
        val = 1
    ref = Inner.val
print(Nested.ref, Nested.Inner.__qualname__)
