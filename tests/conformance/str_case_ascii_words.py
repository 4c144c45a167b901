# upper() and lower() of ASCII text map eight bytes at a time: every
# ASCII byte, in every position of a word and of the tail, at lengths
# around the word size.
import hashlib
import random

r = random.Random(5)
alpha = "azAZ@[`{09 _-~\x7f\x00" + "".join(chr(i) for i in range(128))
out = []
for n in list(range(0, 40)) + [100, 1000]:
    for _ in range(30):
        s = "".join(r.choice(alpha) for _ in range(n))
        out.append(s.upper() + "|" + s.lower())
print(hashlib.sha256("\n".join(out).encode()).hexdigest())
every = "".join(chr(i) for i in range(128))
for shift in range(8):
    s = every[shift:] + every[:shift]
    assert s.upper() == "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in s), shift
    assert s.lower() == "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s), shift
print("aBc".upper(), "aBc".lower(), "".upper() == "", "ÀbC".lower(), "xyzXYZ{}@[".upper())
