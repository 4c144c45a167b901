# Calls of built-in methods through LOAD_METHOD/CALL_METHOD and as unbound
# descriptors: argument errors, wrong self types, subclasses, and str.join
# of lists of every size (the short ones are copied to a stack buffer).


def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


class S(str):
    pass


class L(list):
    pass


class D(dict):
    pass


s = "  Hello World  "
show(lambda: s.strip())
show(lambda: s.strip(" H"))
show(lambda: s.strip(1))
show(lambda: s.upper(1))
show(lambda: s.startswith("  H", 0, 100))
show(lambda: s.split(sep="l", maxsplit=1))
show(str.upper, "abc")
show(str.upper, S("abc"))
show(str.upper, b"abc")
show(str.upper)
show(str.join, ",", ["a", "b"])
show(str.strip, 5)
show(lambda: S(" x ").strip())
show(lambda: type(S(" x ").strip()).__name__)
show(lambda: type(S("x").strip()).__name__)

d = {"a": 1, 2: "b"}
show(lambda: d.get("a"))
show(lambda: d.get(2))
show(lambda: d.get(3, "dflt"))
show(lambda: d.get())
show(lambda: d.get(1, 2, 3))
show(lambda: d.get([]))
show(dict.get, d, "a")
show(dict.get, D(a=5), "a")
show(dict.get, [], "a")
show(lambda: D(x=1).get("x"))

lst = []
show(lambda: lst.append(1))
show(lambda: lst.append())
show(lambda: lst.append(1, 2))
show(list.append, lst, 2)
show(list.append, (), 2)
show(list.append, L(), 2)
print(lst)


class Holder:
    up = str.upper
    app = list.append


show(lambda: Holder().up())
show(lambda: Holder.up("q"))
show(lambda: Holder().app(1))

m = "abc".upper
show(m)
show(lambda: [].append.__self__)
show(lambda: str.upper.__name__)
show(lambda: str.upper.__qualname__)

# str.join over lists of many sizes, subclasses, errors
for n in (0, 1, 2, 15, 16, 17, 40):
    items = [str(i) for i in range(n)]
    r = "-".join(items)
    print(n, len(r), r[:20])
show(lambda: ",".join(["x"]))
show(lambda: ",".join([S("x")]))
show(lambda: type(",".join([S("x")])).__name__)
show(lambda: ",".join(["a", 1]))
show(lambda: ",".join(["a"] * 20 + [None]))
show(lambda: ",".join(L(["p", "q"])))
show(lambda: ",".join(("t", "u")))
show(lambda: ",".join(x for x in "abc"))
show(lambda: ",".join(5))
show(lambda: "é".join(["ü", "x"]))
show(lambda: len("é".join(["ü", "x"])))
big = ["ab"] * 16
print(",".join(big) == ",".join(tuple(big)))


class Weird:
    def __eq__(self, o):
        return True

    def __hash__(self):
        return hash("a")


show(lambda: d.get(Weird()))

# lists grown one append at a time
a = []
for i in range(10):
    a.append(i)
    print(len(a), a[-1], a)
b = [x for x in range(7)]
print(b, len(b))
c = [[x + y for y in range(5)] for x in range(3)]
print(c)
d = [1]
d.append(2); d.extend([3, 4, 5]); d += [6]
print(d)
e = []
e.extend(range(3)); e.append(9); e.insert(0, -1); print(e, e.pop(), e)
