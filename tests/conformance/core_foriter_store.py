# FOR_ITER fused with the STORE_FAST after it, and BINARY_OP specialised
# for // and % (interp/py/quicken.go): every kind of iterator, loops that
# end, break, raise or change their iterable, and the operators' edge
# cases.
import sys


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Broken:
    def __iter__(self):
        return self

    def __next__(self):
        raise KeyError("next failed")


def gen():
    yield "a"
    yield "b"


def loops():
    out = []
    for i in range(3):
        out.append(i)
    for i in range(-5, 5, 3):
        out.append(i)
    for x in [1, "two", None]:
        out.append(x)
    for k in {"k1": 1, "k2": 2}:
        out.append(k)
    for v in {"k1": 1, "k2": 2}.values():
        out.append(v)
    for c in "xyz":
        out.append(c)
    for t in (1.5, 2.5):
        out.append(t)
    for g in gen():
        out.append(g)
    for n in Countdown(3):
        out.append(n)
    for b in b"AB":
        out.append(b)
    for s in {3}:
        out.append(s)
    for e in enumerate("pq"):
        out.append(e)
    for z in zip(range(2), "mn"):
        out.append(z)
    for big in range(sys.maxsize - 1, sys.maxsize + 2):
        out.append(big)
    for i in range(10):
        if i == 2:
            break
    out.append(("after break", i))
    for i in []:
        out.append("never")
    return out


print(loops())


def mutating():
    lst = [1, 2, 3]
    seen = []
    for x in lst:
        seen.append(x)
        if x == 1:
            lst.append(4)
        if len(lst) > 6:
            break
    return seen


print(mutating())


def changes_dict():
    d = {1: 1}
    try:
        for k in d:
            d[k + 1] = 1
    except RuntimeError as e:
        return str(e)


print(changes_dict())


def broken():
    try:
        for x in Broken():
            pass
    except KeyError as e:
        return "KeyError " + str(e)


print(broken())


def unbound_after_empty():
    for item in ():
        pass
    try:
        return item
    except UnboundLocalError as e:
        return "UnboundLocalError"


print(unbound_after_empty())


def divmods():
    out = []
    for a in (7, -7, 0, 1 << 62, -(1 << 63), 10**20, 7.5, -7.5, True):
        for b in (2, -2, 3, 1, -1, 0.5, -0.0, 0, 10**20, True):
            try:
                out.append((a // b, a % b))
            except ZeroDivisionError as e:
                out.append("ZeroDivisionError: " + str(e))
    x = 17
    x //= 5
    y = -17
    y %= 5
    out.append((x, y, "%s-%d" % ("fmt", 5), b"%d" % 3))
    return out


print(divmods())


class D(int):
    def __floordiv__(self, o):
        return "D//"

    def __rmod__(self, o):
        return "D%r"


print(D(7) // 2, 7 % D(2), D(7) % 2)
