# range slicing and slice.indices with lengths, bounds and steps beyond int64.
import sys
M = sys.maxsize
for r in [range(10), range(0), range(1, 9, 3), range(8, 0, -3), range(M + 1, M + 10), range(-M - 5, M + 5, 7), range(2**70, -2**70, -3**30)]:
    for sl in [slice(0, 2), slice(0, 20), slice(1, None, 2), slice(None, None, -1), slice(-3, None), slice(5, 1, -2), slice(None, None, 2**65), slice(-2**80, 2**80)]:
        s = r[sl]
        print(r, sl, s, len(s) if len(s) < 2**62 else "big", list(s)[:3] if len(s) < 100 else s[0])
print(slice(1, None, 2).indices(2**70), slice(None, None, -1).indices(2**100), slice(-5, -1).indices(10**30), slice(None).indices(True))
for bad in [(slice(0, 1, 0), 5), (slice('a'), 5), (slice(1), -1), (slice(1), 'x'), (slice(1), 1.5)]:
    try:
        print(bad[0].indices(bad[1]))
    except Exception as e:
        print(type(e).__name__, e)
try:
    range(2**70)[::0]
except ValueError as e:
    print(e)
