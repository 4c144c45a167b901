# range with bounds beyond 64 bits (longrange).
r = range(1 << 100, (1 << 100) + 10, 3)
print(r, list(r), (1 << 100) + 3 in r, (1 << 100) + 4 in r, r[1], r[-1])
print(type(iter(range(1 << 1000))).__name__, range(10**30)[5])
try:
    len(range(1 << 100))
except OverflowError as e:
    print("OverflowError", e)
