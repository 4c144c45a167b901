# range iterators at the int64 edges: which kind CPython picks (range_iterator
# or longrange_iterator) and their reductions, forward and reversed.
import pickle
M = 2**63
cases = [(M-3, M-1), (4*M, 4*M+2), (M-2, M-1, 2), (-M+1, -M, -2), (1, 2, M-1), (-1, -2, -M), (1, M-1, M-1), (-1, -M, -M), (5,), (0, 10, 3), (10, 0, -3), (0,), (-M, M-1, 2**62)]
for t in cases:
    r = range(*t)
    for it in (iter(r), reversed(r)):
        red = it.__reduce__()
        print(t, type(it).__name__, red[1:], list(pickle.loads(pickle.dumps(it)))[:3])
