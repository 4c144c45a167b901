# Slices and repeats near sys.maxsize give results or MemoryError, never
# a Go runtime error (found by CPython's seq_tests, test_bytes, test_unicode).
import sys

for seq in ([0, 1, 2, 3, 4], (0, 1, 2, 3, 4), "abcde", b"abcde", bytearray(b"abcde")):
    print(seq[3::sys.maxsize], seq[3::-sys.maxsize], seq[::-sys.maxsize - 1],
          seq[-2**70::2**70], seq[1:sys.maxsize:sys.maxsize - 1], seq[-pow(2, 128):3], seq[3:pow(2, 145)])
x = [0, 1, 2, 3, 4]
del x[::sys.maxsize]
print(x)
for f in (lambda: "ab" * (sys.maxsize // 2 + 5), lambda: b"ab" * (sys.maxsize // 2 + 5),
          lambda: "a" * sys.maxsize, lambda: bytearray(b"ab") * (sys.maxsize // 2 + 5)):
    try:
        f()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)
t = (1, 2)
e = ()
print(t * 1 is t, e * 5 is e)
