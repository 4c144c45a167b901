# bytearray's own __reduce__/__reduce_ex__ (type, contents by protocol,
# __getstate__), and the __del__ of generators and coroutines.
import pickle
import sys

b = bytearray(b'a\xffc')
for p in (0, 1, 2, 3, 4, 5):
    print(p, b.__reduce_ex__(p))
print(b.__reduce_ex__())
print(b.__reduce__())
print(bytearray().__reduce__(), bytearray().__reduce_ex__(4))


class B(bytearray):
    pass


class S(bytearray):
    __slots__ = ('a',)


class G(bytearray):
    def __getstate__(self):
        return 'st'


x = B(b'xy')
print(x.__reduce_ex__(2)[1:], x.__reduce__()[1:])
x.q = 1
print(x.__reduce_ex__(2)[0].__name__, x.__reduce_ex__(2)[1:], x.__reduce_ex__(4)[1:], x.__reduce__()[1:])
s = S(b'k')
s.a = 5
print(s.__reduce_ex__(4)[1:], s.__reduce__()[1:])
print(G(b'1').__reduce_ex__(1)[1:])
for p in range(6):
    y = pickle.loads(pickle.dumps(x, p))
    print(p, type(y).__name__, y, y.q)
    z = pickle.loads(pickle.dumps(s, p))
    print(p, type(z).__name__, z, z.a)
print(bytearray.__reduce__.__doc__, bytearray.__reduce_ex__.__qualname__)
for bad in ('x', 2**40):
    try:
        b.__reduce_ex__(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    b.__reduce__(1)
except TypeError as e:
    print(e)


def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


print(type(g()).__del__.__qualname__)
gg = g()
next(gg)
print(gg.__del__())
print(gg.gi_frame, list(gg))
fresh = g()
fresh.__del__()
print(fresh.gi_frame, list(fresh))

seen = []
sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, str(u.exc_value)))


def selfdel():
    me.__del__()
    yield 1


me = selfdel()
print(next(me, 'done'))


def stubborn():
    try:
        yield 1
    finally:
        yield 2


st = stubborn()
next(st)
st.__del__()
print(seen)


async def co():
    return 1


c = co()
print(type(c).__del__.__qualname__)
c.close()
c.__del__()
print(c.cr_frame)
try:
    gg.__del__(1)
except TypeError as e:
    print(e)
