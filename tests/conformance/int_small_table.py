# Ints near the ends of the shared table of small ints (-1024..8191 are
# not boxed per value in freepy): results of arithmetic, range, abs(),
# negation and dict storage must be the right values on both sides of each
# end, and equal ints compare equal however they were made.
edges = [-1026, -1025, -1024, -1023, -1, 0, 1, 255, 256, 257, 8190, 8191, 8192, 8193]

for e in edges:
    a = e - 1 + 1
    b = -(-e)
    c = abs(e) * (1 if e >= 0 else -1)
    print(e, a, b, c, a == e, b == e, c == e, hash(a) == hash(e))

total = 0
for i in range(-1100, 8300):
    total += i
    if i in (-1025, -1024, 8191, 8192):
        print("range", i, i + 0, i * 1, i // 1)
print("sum", total, sum(range(-1100, 8300)))

d = {}
for i in range(-1030, 8200, 7):
    d[i * 1] = -i
print(len(d), d[-1030], d[8196], sum(d.values()), min(d), max(d))

# ints made by different operations meet as keys
s = {e * 2 // 2 for e in edges} | {e + 0 for e in edges}
print(sorted(s) == sorted(set(edges)))
xs = [x - 5000 for x in range(0, 14000, 997)]
print(xs, [abs(x) for x in xs], [-x for x in xs])
