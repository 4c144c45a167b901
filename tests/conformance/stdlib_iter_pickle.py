# Iterators survive pickle and copy with their position: the built-in
# sequence, dict and set iterators, enumerate/zip/map/filter/reversed, the
# itertools iterators and deque's. Each is advanced, then its reduction
# (where it prints no addresses) and the rest of its items from every
# pickle protocol, copy.copy and copy.deepcopy are compared; __setstate__
# clamps and rejects bad states as CPython does.
import collections
import copy
import itertools as I
import pickle


def rest(it, n=12):
    return list(I.islice(it, n))


def roundtrips(name, make, advance=1, show_reduce=True):
    for n in (0, advance, 50):
        it = make()
        for _ in range(n):
            if next(it, None) is None:
                break
        if show_reduce:
            r = it.__reduce__()
            print(name, n, "reduce", r[0].__name__, r[1:] if all(not hasattr(a, "__next__") for a in r[1]) else "...")
        outs = []
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            outs.append(rest(pickle.loads(pickle.dumps(it, proto))))
        outs.append(rest(copy.deepcopy(it)))
        outs.append(rest(copy.copy(it)))
        assert all(o == outs[0] for o in outs), (name, n, outs)
        print(name, n, outs[0], rest(it))


L = [1, 2, 3, 4]
roundtrips("list", lambda: iter([1, 2, 3, 4]))
roundtrips("tuple", lambda: iter((1, 2, 3)))
roundtrips("range", lambda: iter(range(1, 20, 3)))
roundtrips("bigrange", lambda: iter(range(2**70, 2**70 + 4)))
roundtrips("revrange", lambda: reversed(range(5)))
roundtrips("revbigrange", lambda: reversed(range(2**70, 2**70 + 4)))
roundtrips("str", lambda: iter("abcd"))
roundtrips("ustr", lambda: iter("äbçd€"), 2)
roundtrips("bytes", lambda: iter(b"abc"))
roundtrips("bytearray", lambda: iter(bytearray(b"abc")))
roundtrips("dictkeys", lambda: iter({1: 2, 3: 4, 5: 6}))
roundtrips("dictvalues", lambda: iter({1: 2, 3: 4}.values()))
roundtrips("dictitems", lambda: iter({1: 2, 3: 4}.items()))
roundtrips("dictrev", lambda: reversed({1: 2, 3: 4, 5: 6}))
roundtrips("dictrevitems", lambda: reversed({1: 2, 3: 4}.items()))
roundtrips("set", lambda: iter({1, 2, 3}))
roundtrips("revlist", lambda: reversed([1, 2, 3]))
roundtrips("revtuple", lambda: reversed((1, 2, 3)))
roundtrips("revstr", lambda: reversed("abc"))
roundtrips("enumerate", lambda: enumerate("abc", 10), show_reduce=False)
roundtrips("enumbig", lambda: enumerate("abc", 2**70), show_reduce=False)
roundtrips("zip", lambda: zip("abc", [1, 2, 3]), show_reduce=False)
roundtrips("map", lambda: map(abs, [-1, -2, -3]), show_reduce=False)
roundtrips("filter", lambda: filter(None, [0, 1, 0, 2, 3]), show_reduce=False)
roundtrips("count", lambda: I.count(3))
roundtrips("count2", lambda: I.count(3, 2))
roundtrips("countf", lambda: I.count(1.5))
roundtrips("countbig", lambda: I.count(2**70))
roundtrips("countbool", lambda: I.count(True))
roundtrips("cycle", lambda: I.cycle("abc"), 4, show_reduce=False)
roundtrips("repeat", lambda: I.repeat("x", 3))
roundtrips("repeatinf", lambda: I.repeat("x"))
roundtrips("chain", lambda: I.chain("ab", "cd"), 3, show_reduce=False)
roundtrips("from_iterable", lambda: I.chain.from_iterable(["ab", "cd"]), 1, show_reduce=False)
roundtrips("islice", lambda: I.islice("abcdefgh", 1, 7, 2), show_reduce=False)
roundtrips("islice_open", lambda: I.islice(I.count(), 2, None), show_reduce=False)
roundtrips("accumulate", lambda: I.accumulate([1, 2, 3, 4]), show_reduce=False)
roundtrips("accumulate_init", lambda: I.accumulate([1, 2, 3], initial=10), show_reduce=False)
roundtrips("accumulate_func", lambda: I.accumulate([3, 1, 4], max), show_reduce=False)
roundtrips("takewhile", lambda: I.takewhile(bool, [1, 2, 0, 3]), show_reduce=False)
roundtrips("dropwhile", lambda: I.dropwhile(bool, [1, 0, 2, 3]), show_reduce=False)
roundtrips("filterfalse", lambda: I.filterfalse(None, [0, 1, 0, 2]), show_reduce=False)
roundtrips("starmap", lambda: I.starmap(pow, [(2, 3), (3, 2), (2, 2)]), show_reduce=False)
roundtrips("compress", lambda: I.compress("abcd", [1, 0, 1, 1]), show_reduce=False)
roundtrips("zip_longest", lambda: I.zip_longest("abc", "d", fillvalue="-"), show_reduce=False)
roundtrips("product", lambda: I.product("ab", repeat=2), 2)
roundtrips("product_empty", lambda: I.product("ab", ""))
roundtrips("permutations", lambda: I.permutations("abc", 2), 2)
roundtrips("permutations_big_r", lambda: I.permutations("ab", 3))
roundtrips("combinations", lambda: I.combinations("abcd", 2), 2)
roundtrips("combinations_big_r", lambda: I.combinations("ab", 3))
roundtrips("cwr", lambda: I.combinations_with_replacement("abc", 2), 2)
roundtrips("cwr_empty", lambda: I.combinations_with_replacement("", 2))
roundtrips("deque", lambda: iter(collections.deque([1, 2, 3])))
roundtrips("deque_rev", lambda: reversed(collections.deque([1, 2, 3])))

# a callable iterator: pickling copies the callable's list
ci = iter([5, 6, 0, 7].pop, 0)
print(next(ci), list(pickle.loads(pickle.dumps(ci))), list(ci), pickle.loads(pickle.dumps(ci)).__reduce__()[1])

# groupby and its groups
g = I.groupby("aabbbc")
k, grp = next(g)
print([(k, list(v)) for k, v in pickle.loads(pickle.dumps(g))])
g = I.groupby("aabbbc")
k, grp = next(g)
print(k, list(pickle.loads(pickle.dumps(grp))), list(grp))
g = I.groupby([1, 2, 3, 4], key=lambda x: x > 2)
print([(k, list(v)) for k, v in copy.deepcopy(g)])

# the reductions with their states
print(I.permutations("abc", 2).__reduce__())
p = I.permutations("abc", 2)
next(p)
print(p.__reduce__())
i = I.islice("abcdefg", 1, None, 2)
next(i)
print(i.__reduce__()[1][1:], i.__reduce__()[2])
print(I.accumulate([1, 2]).__reduce__()[1][1:], I.accumulate([1, 2]).__reduce__()[2])

# __setstate__: clamping and bad states
it = iter([1, 2, 3])
for st in (-5, 10, 1, True):
    it.__setstate__(st)
    print("list setstate", st, it.__reduce__()[2])
for bad in ("x", 1.5, 2**70):
    try:
        iter([1]).__setstate__(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
r = reversed([1, 2, 3])
for st in (-5, 10, 1):
    r.__setstate__(st)
    print("reversed setstate", st, r.__reduce__()[2])
it = iter(range(5))
it.__setstate__(9)
print(it.__reduce__()[2], list(it))
it = iter("abc")
it.__setstate__(9)
print(list(it), it.__reduce__()[1])
c = I.cycle("ab")
for bad in (1, (1,), ([1], 2, 3), ("ab", True)):
    try:
        c.__setstate__(bad)
    except TypeError as e:
        print("cycle", type(e).__name__, e)
ch = I.chain("ab")
for st in (1, (), (iter("x"),), ("ab",), (iter("x"), iter("y")), (1, 2, 3)):
    try:
        ch.__setstate__(st)
        print("chain ok", list(ch))
    except TypeError as e:
        print("chain", type(e).__name__, e)
for st in ((1, 1), (5, -3), (0,), "x"):
    p = I.product("ab", "cd")
    try:
        p.__setstate__(st)
        print("product ok", list(p))
    except ValueError as e:
        print("product", type(e).__name__, e)
for st in (((2, 1, 0), (1, 1)), ((0, 1, 2), (1,)), 3, ((0, 1), (1, 1)), ([0, 1, 2], (1, 1))):
    p = I.permutations("abc", 2)
    try:
        p.__setstate__(st)
        print("permutations ok", list(p))
    except (TypeError, ValueError) as e:
        print("permutations", type(e).__name__, e)
c = I.combinations("abcd", 2)
c.__setstate__((1, 3))
print(list(c))
c = I.combinations_with_replacement("abc", 2)
c.__setstate__((1, 1))
print(list(c))
z = I.zip_longest("ab", "c", fillvalue=0)
z.__setstate__(9)
print(list(z))
print(hasattr(I.count(), "__setstate__"), hasattr(I.cycle("a"), "__setstate__"), hasattr(iter({}), "__setstate__"))
for obj in (I.pairwise("abc"), (x for x in "ab")):
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print(type(e).__name__, e)
