# bz2 and lzma through the host's compiled _bz2 and _lzma (lib-dynload).
import bz2, lzma, io
data = b"freepy " * 1000 + bytes(range(256))
for mod in (bz2, lzma):
    c = mod.compress(data)
    print(mod.__name__, len(c) < len(data), mod.decompress(c) == data)
    buf = io.BytesIO()
    with mod.open(buf, "wb") as f:
        f.write(data)
    buf.seek(0)
    with mod.open(buf, "rb") as f:
        print(f.read(10), len(f.read()))
    comp = mod.BZ2Compressor(9) if mod is bz2 else mod.LZMACompressor(preset=1)
    out = comp.compress(data[:500]) + comp.compress(data[500:]) + comp.flush()
    d = mod.BZ2Decompressor() if mod is bz2 else mod.LZMADecompressor()
    print(d.decompress(out, max_length=10), d.needs_input, d.eof)
    try:
        mod.decompress(b"not compressed data at all")
    except Exception as e:
        print(type(e).__name__, e)
print(lzma.decompress(lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_SHA256)) == data)
print(lzma.decompress(lzma.compress(data, format=lzma.FORMAT_ALONE)) == data)
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 6}]
print(lzma.decompress(lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters), format=lzma.FORMAT_RAW, filters=filters) == data)
print(lzma.is_check_supported(lzma.CHECK_CRC64))
try:
    lzma.LZMACompressor(format=lzma.FORMAT_RAW)
except Exception as e:
    print(type(e).__name__, e)
try:
    lzma.LZMACompressor(nosuch=1)
except TypeError as e:
    print("TypeError", e)
