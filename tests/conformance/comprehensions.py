# list/set/dict comprehensions and generator expressions: scoping and nesting.
print([x * 2 for x in range(5)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], [[y for y in range(x)] for x in range(4)])
print(sorted({x % 4 for x in range(10)}), {k: v for k, v in zip("abc", range(3))})
print(sum(x * x for x in range(10)), list(x for x in "ab"), tuple(c.upper() for c in "xyz"))
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = sum(v for v in items)
print(C.doubled, C.total)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
g = (n * n for n in range(4))
print(next(g), list(g), list(g))
print([y := 5, y ** 2], [z for z in range(3) if (w := z * 10) > 5], w)
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), max(len(s) for s in ["a", "abc"]))
def gen_in_func(n):
    return [i * n for i in range(n)]
print(gen_in_func(4), [c for c in "hello" if c not in "l"], [i for i in []])
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print("NameError", e)
print({(a, b): a * b for a in range(2) for b in range(2)}, [*range(3), *[9]])
