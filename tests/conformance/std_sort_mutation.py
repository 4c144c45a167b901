# list.sort() detects a key or comparison that mutates the list even
# when the mutation leaves its length as it was (append then pop), as
# CPython's ValueError 'list modified during sort' does.
from functools import cmp_to_key
def mutating_cmp(x, y):
    L.append(3)
    L.pop()
    return (x > y) - (x < y)
L = [1, 2]
try:
    L.sort(key=cmp_to_key(mutating_cmp)); print("sorted", L)
except ValueError as e:
    print("ValueError", e)
def mutating_cmp2(x, y):
    L.append(3)
    del L[:]
    return (x > y) - (x < y)
L = [1, 2]
try:
    L.sort(key=cmp_to_key(mutating_cmp2)); print("sorted", L)
except ValueError as e:
    print("ValueError", e)
data = list(range(10))
def k(x):
    del data[:]
    data[:] = range(20)
    return x
try:
    data.sort(key=k)
except ValueError as e:
    print("ValueError", e)
L = [3, 1, 2]; L.sort(key=lambda x: -x); print(L)
