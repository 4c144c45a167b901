# _operator._compare_digest and the operator module built over it.
import _operator, operator, secrets, hmac

def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

for a, b in [("abc", b"abc"), (b"abc", "abc"), ("é", "é"), (1, 2), (b"a", memoryview(b"a")), (bytearray(b"x"), b"x"),
             ("a", "b"), ("", ""), (b"abc", b"abd"), (b"abc", b"ab"), ("abc", "abc"), (None, b"x")]:
    show(_operator._compare_digest, a, b)
show(_operator._compare_digest, b"a")
print(hmac.compare_digest(b"x", b"x"), secrets.compare_digest("tok", "tok"), len(secrets.token_hex(8)), len(secrets.token_bytes(5)))
print(len(secrets.token_urlsafe(9)), secrets.randbelow(1) == 0, secrets.choice("a") == "a", 0 <= secrets.randbits(4) < 16)
print(operator.__doc__.splitlines()[0], operator.add(2, 3), operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3))
print(operator.methodcaller("upper")("x"), operator.index(5), operator.length_hint([1, 2]), operator.concat([1], [2]))
print(operator.iadd([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 1, 2], 1), operator.indexOf([4, 5], 5))
print(operator.not_(0), operator.truth(2), operator.is_(None, None), operator.neg(3), operator.pow(2, 5), operator.matmul.__name__)
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("a.b")), repr(operator.methodcaller("f", 1, k=2)))
show(operator.index, 1.5)
show(operator.length_hint, 1, "x")
class Hint:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
for v in [3, NotImplemented, -1, "x", 2.0]:
    show(operator.length_hint, Hint(v), 7)
show(operator.length_hint, [1, 2, 3])
show(operator.length_hint, 5, 1.0)
show(operator.concat, 1, [2])
show(operator.concat, [1], (2,))
show(operator.concat, {}, {})
show(operator.add, 1)
show(operator.add, 1, "a")
show(operator.iadd, 1, "a")
show(operator.neg, "s")
show(operator.inv, 1.5)
show(operator.abs, "s")
show(operator.indexOf, [1, 2], 3)
show(operator.countOf, 5, 1)
show(operator.neg, 1, 2)
show(operator.lt, 1, "a")
show(operator.getitem, {}, "k")
show(operator.call, len, [1, 2])
n = float("nan")
print(operator.countOf([n, n, 1.0], n), operator.indexOf([1, n], n), operator.is_(n, n), operator.is_not(1, None))
print(operator.lt(1, 2), operator.ge(2, 2), operator.eq([1], [1]), operator.ne(1, 1), operator.mod(7, -3), operator.floordiv(7, 2))
print(operator.truediv(1, 4), operator.lshift(1, 70), operator.rshift(-8, 1), operator.and_(6, 3), operator.or_({1}, {2}), operator.xor(5, 1))
x = [1]; print(operator.iconcat(x, [2]) is x, x, operator.ipow(2, 10), operator.imod(9, 4), operator.isub(5, 7), operator.imatmul.__name__)
d = {}; operator.setitem(d, "a", 1); print(d, operator.getitem(d, "a")); operator.delitem(d, "a"); print(d)
print(operator.__lt__(1, 2), operator.__add__ is operator.add, operator.__index__(True), operator.pos(-3), operator.invert(5))
