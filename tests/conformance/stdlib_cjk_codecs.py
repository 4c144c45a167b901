# The CJK codecs from the host's compiled _multibytecodec and _codecs_*
# modules (lib-dynload): round trips, error handlers on both sides,
# incremental and stream codecs.
import codecs, io

TEXT = "中文 日本語 한국어 abc 繁體 ｶﾀｶﾅ"
ENCS = ["gbk", "gb2312", "gb18030", "hz", "big5", "big5hkscs", "cp950",
        "shift_jis", "cp932", "euc_jp", "euc_jis_2004", "shift_jis_2004",
        "iso2022_jp", "iso2022_jp_2", "iso2022_jp_3", "iso2022_kr",
        "euc_kr", "cp949", "johab"]
for enc in ENCS:
    for errors in ("strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
        try:
            b = TEXT.encode(enc, errors)
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e.encoding, e.start, e.end, e.reason)
            continue
        back = b.decode(enc)
        print(enc, errors, b.hex(), back == TEXT, back)

# decoding errors
BAD = {"gbk": b"ab\x81\xffcd\xd6", "shift_jis": b"x\x81\x00y\x82", "euc_kr": b"\xb0\xa1\xff\xfe!",
       "big5": b"\xa4\xa4\x80\x80z", "iso2022_jp": b"\x1b$BCf\x1b(Bq\x1b$Z", "gb18030": b"\x81\x30\x81"}
for enc, data in BAD.items():
    for errors in ("strict", "replace", "ignore", "backslashreplace", "surrogateescape"):
        try:
            print(enc, errors, ascii(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, "UnicodeDecodeError", e.start, e.end, e.reason, ascii(e.object))

# a custom error handler gets the exception object the codec filled in
def handler(e):
    if isinstance(e, UnicodeEncodeError):
        return ("<%s %d-%d %s>" % (type(e).__name__, e.start, e.end, e.reason), e.end)
    return ("[%s]" % e.object[e.start:e.end].hex(), e.end)
codecs.register_error("test.cjk", handler)
print("αβ中€x".encode("gb2312", "test.cjk"))
print("中\u20acé文".encode("euc_kr", "test.cjk"))
print(b"\xd6\xd0\xff\xfe\xce\xc4".decode("gbk", "test.cjk"))
def badhandler(e):
    return 42
codecs.register_error("test.bad", badhandler)
try:
    "€".encode("gb2312", "test.bad")
except TypeError as e:
    # CPython adds "encoding with 'gb2312' codec failed (...)" around the
    # message; freepy's str.encode does not wrap codec errors yet
    print("TypeError", "must return (str, int) tuple" in str(e))
try:
    "x".encode("gbk", "no.such.handler")
    "€".encode("gb2312", "no.such.handler")
except LookupError as e:
    print("LookupError", "unknown error handler name 'no.such.handler'" in str(e))

# incremental codecs, fed in pieces, with state round trips
CN = "中文 日本語 abc 繁體"
data = CN.encode("gbk")
dec = codecs.getincrementaldecoder("gbk")()
out = "".join(dec.decode(data[i:i + 1]) for i in range(len(data))) + dec.decode(b"", final=True)
print(out == CN)
dec = codecs.getincrementaldecoder("gbk")()
print(repr(dec.decode(b"\xd6")), dec.getstate())
try:
    dec.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
enc = codecs.getincrementalencoder("iso2022_jp")()
parts = [enc.encode(c) for c in "日本a語"] + [enc.encode("", final=True)]
print(parts)
enc = codecs.getincrementalencoder("iso2022_jp")()
enc.encode("日")
st = enc.getstate()
print(type(st).__name__, st != 0)
enc2 = codecs.getincrementalencoder("iso2022_jp")()
enc2.setstate(st)
print(enc2.encode("本", final=True))
enc.reset()
print(enc.encode("a", final=True))

# stream reader and writer
buf = io.BytesIO()
w = codecs.getwriter("shift_jis")(buf)
w.write("日本語\n")
w.writelines(["テスト\n", "abc"])
print(buf.getvalue())
r = codecs.getreader("shift_jis")(io.BytesIO(buf.getvalue()))
print(r.readline(), r.readlines())
r = codecs.getreader("euc_jp")(io.BytesIO("一\n二\n三".encode("euc_jp")))
print(r.read(2), r.read())

# codecs.lookup and the codec objects
ci = codecs.lookup("gbk")
print(ci.name, ci.encode("中文"), ci.decode(b"\xd6\xd0"))
print(codecs.encode("中", "big5"), codecs.decode(b"\xa4\xa4", "big5"))
try:
    b"\xa4".decode("big5")
except UnicodeDecodeError as e:
    print(str(e))
try:
    "\u20ac".encode("big5")
except UnicodeEncodeError as e:
    print(str(e))
print(len(("中" * 10000).encode("gbk")), ("中" * 10000).encode("gbk").decode("gbk") == "中" * 10000)
print("\U0001f600".encode("gb18030"), b"\x951\x829".decode("gb18030"))
