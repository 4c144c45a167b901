# slice semantics: negative, out-of-range, steps, assignment, slice objects.
s = list(range(10))
for start in [None, -12, -3, 0, 2, 9, 12]:
    for stop in [None, -12, -1, 0, 5, 12]:
        for step in [None, 1, 2, -1, -3]:
            print(start, stop, step, s[start:stop:step], "abcdefghij"[start:stop:step])
sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step, s[sl], sl.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
t = tuple(s)
print(t[3:], t[:-7], t[::-4], b"abcdef"[1::2], bytearray(b"xyz")[::-1])
a = list(range(6))
a[1:4] = []
print(a)
a[1:1] = [7, 8, 9]
print(a)
a[::-2] = "XYZ"
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)
class Sliceable:
    def __getitem__(self, key):
        return key
o = Sliceable()
print(o[1:2], o[::3], o[1:2, 3], o[...], o[:, None], o[-1])
print(slice(1, 2) == slice(1, 2), repr(slice(None, None, None)))
