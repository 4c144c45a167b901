# mmap through the host's compiled mmap module (lib-dynload).
import mmap, tempfile, os
m = mmap.mmap(-1, 64)
m.write(b"hello freepy world")
print(m.tell())
m.seek(0)
print(m[:5], m.find(b"freepy"), m.rfind(b"o"), m.find(b"zz"), m.find(b"o", 5, 15), m.rfind(b"o", 0, 10))
m.seek(0)
print(m.readline()[:10], m.read(4), len(m))
m[0:5] = b"HELLO"
print(m[:18], m[6:12])
try:
    m.find(b"x", "a")
except TypeError as e:
    print("TypeError", e)
m.close()
print(m.closed)
with tempfile.TemporaryFile() as f:
    f.write(b"abcdefgh" * 512)
    f.flush()
    with mmap.mmap(f.fileno(), 0) as mf:
        print(len(mf), mf[4090:4100], mf.find(b"hab", 100))
        mf[0] = ord("Z")
        mf.flush()
    f.seek(0)
    print(f.read(3))
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mr:
        try:
            mr[0] = 1
        except TypeError as e:
            print("TypeError", e)
try:
    mmap.mmap(-1, -1)
except Exception as e:
    print(type(e).__name__, e)
print(mmap.PAGESIZE > 0, mmap.ACCESS_COPY)
