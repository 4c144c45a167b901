# zlib: round trips in every container, streaming objects, checksums and errors.
# (Compressed bytes are not printed: freepy's encoder is Go's, not the C library's.)
import zlib, gzip, io

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k))[:100])
    except Exception as e:
        print(type(e).__name__, e)

data = b"".join(b"line %d of some text, repeated for compression\n" % i for i in range(2000))
print(zlib.crc32(b"hello"), zlib.crc32(b""), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(data), zlib.crc32(b"x", -1))
print(zlib.adler32(b"abc"), zlib.adler32(b""), zlib.adler32(data), zlib.adler32(b"def", zlib.adler32(b"abc")), zlib.adler32(b"\xff" * 10000, 2 ** 40))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH, zlib.Z_BEST_COMPRESSION, zlib.DEF_BUF_SIZE, issubclass(zlib.error, Exception))
for level in (-1, 0, 1, 6, 9):
    for wbits in (15, 9, -15, -9, 31, 25):
        c = zlib.compress(data, level, wbits)
        dw = {15: 15, 9: 15, -15: -15, -9: -15, 31: 31, 25: 31}[wbits]
        print(level, wbits, zlib.decompress(c, dw) == data, zlib.decompress(c, 47 if wbits > 0 else dw) == data, len(c) < len(data) or level == 0)
c = zlib.compress(b"abc")
print(c[:2], zlib.compress(b"abc", 9)[:2], zlib.compress(b"abc", 1)[:2], zlib.compress(b"abc", wbits=31)[:10], zlib.compress(b"a", wbits=9)[:2])
print(zlib.decompress(c), zlib.decompress(bytearray(c)), zlib.decompress(memoryview(c)), zlib.decompress(c + b"junk"), zlib.decompress(c, 0))
show(zlib.decompress, b"xyz")
show(zlib.decompress, c[:-2])
show(zlib.decompress, c[:-1] + b"x")
show(zlib.decompress, zlib.compress(b"abc"), 10)
show(zlib.decompress, zlib.compress(b"abc", wbits=9), 15)
show(zlib.decompress, b"", 100)
show(zlib.decompress, b"")
show(zlib.decompress, c, bufsize=-1)
show(zlib.compress, b"", 10)
show(zlib.compress, "str")
show(zlib.compressobj, 10)
show(zlib.compressobj, 1, 8, 20)
show(zlib.compressobj, 1, 7)
g = zlib.compress(b"gzip data", wbits=31)
show(zlib.decompress, g[:-1] + bytes([g[-1] ^ 1]), 31)
show(zlib.decompress, g[:-5] + bytes([g[-5] ^ 1]) + g[-4:], 31)
show(zlib.decompress, g, 15)

co = zlib.compressobj(6, zlib.DEFLATED, 15)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH)); parts.append(co.compress(b"tail")); parts.append(co.flush(zlib.Z_NO_FLUSH)); parts.append(co.flush())
stream = b"".join(parts)
print(zlib.decompress(stream) == data + b"tail")
show(co.compress, b"x")
show(co.flush)
do = zlib.decompressobj()
out = b"".join(do.decompress(stream[i:i + 333]) for i in range(0, len(stream), 333))
out += do.flush()
print(out == data + b"tail", do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
print(do.decompress(c + b"extra"), do.eof, do.unused_data)
print(do.decompress(b"more"), do.unused_data, do.eof)
do = zlib.decompressobj()
print(do.decompress(c[:3]), do.eof, do.decompress(c[3:]), do.eof, do.flush())
do = zlib.decompressobj()
got = do.decompress(zlib.compress(data), 100)
while do.unconsumed_tail:
    got += do.decompress(do.unconsumed_tail, 100)
got += do.flush()
print(len(got), got == data)
do = zlib.decompressobj()
show(do.decompress, b"abc")
show(do.decompress, b"abc")
show(zlib.decompressobj().decompress, c, -1)
show(zlib.decompressobj().flush, 0)
do = zlib.decompressobj(); print(do.decompress(c[:-3]), do.flush(), do.eof)
zd = b"common dictionary words"
co = zlib.compressobj(zdict=zd); s = co.compress(b"common words in the dictionary") + co.flush()
print(zlib.decompressobj(zdict=zd).decompress(s))
show(zlib.decompress, s)
show(zlib.decompressobj(zdict=b"wrong").decompress, s)
co = zlib.compressobj(wbits=-15, zdict=zd); s = co.compress(b"common words") + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(s))
show(zlib.compressobj, zdict="s")
for w in (31, 47, -15):
    co = zlib.compressobj(wbits=31 if w != -15 else -15); s = co.compress(data) + co.flush()
    do = zlib.decompressobj(w); print(w, do.decompress(s + b"Z") == data, do.eof, do.unused_data)

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    f.write(data)
raw = buf.getvalue()
print(raw[:4], gzip.decompress(raw) == data, gzip.decompress(gzip.compress(b"abc")), gzip.decompress(gzip.compress(b"x") * 3))
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read(10), len(f.read()), f.read())
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(sum(1 for _ in f), f.tell() if False else "")
show(gzip.decompress, raw[:-20])
show(gzip.decompress, b"not gzip data")
show(zlib.crc32, b'', value=1); show(zlib.adler32); show(zlib.compress); show(zlib.compress, b'', 1, 2, 3); show(zlib.compress, b'', x=1)
show(zlib.decompress, data=b''); show(zlib.compressobj, 1, 2, 3, 4, 5, 6, 7); show(zlib.decompressobj, 1, 2, 3)
c = zlib.compressobj(); show(c.compress); show(c.compress, b'', b''); show(c.flush, 1, 2); show(c.flush, mode=2)
d = zlib.decompressobj(); show(d.decompress); show(d.decompress, b'', 5, 6); show(d.decompress, b'', max_length=5); show(d.flush, 1, 2); show(d.flush, length=1)
