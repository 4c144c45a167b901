s = {1, 2, 3}
print(type(iter(s)).__name__, sorted(iter(frozenset('ab'))))
try:
    for x in s: s.add(x + 10)
except RuntimeError as e: print(e)
print(sum(1 for _ in {4, 5}) if False else len(list(iter({4, 5}))))
