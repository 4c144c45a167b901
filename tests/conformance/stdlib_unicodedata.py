# unicodedata: properties, names/aliases/named sequences, normalisation, ucd_3_2_0 (idna, stringprep), errors; table sweeps.
# timeout: 60
import unicodedata as U, hashlib, stringprep, encodings.idna
O = U.ucd_3_2_0

def show(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(getattr(f, "__name__", f), a if len(repr(a)) < 60 else "...", "->", repr(r))

print(U.unidata_version, O.unidata_version, type(O), type(O).__name__, U.UCD is type(O))
for c in "A", "é", "\u0301", "٣", "½", "Ⅻ", "\u2028", "\ufeff", "日", "가", "\U0001F600", "\U000E0001", "\uD800", "\uE000", "\U0010FFFF", "\u0378":
    print(ascii(c), U.category(c), U.bidirectional(c), U.combining(c), U.east_asian_width(c), U.mirrored(c),
          U.decimal(c, None), U.digit(c, None), U.numeric(c, None), U.decomposition(c), U.name(c, None))
    print("  3.2:", O.category(c), O.bidirectional(c), O.combining(c), O.east_asian_width(c), O.mirrored(c),
          O.decimal(c, None), O.digit(c, None), O.numeric(c, None), O.decomposition(c), O.name(c, None))

# names, aliases, named sequences, algorithmic names
for n in ["LATIN SMALL LETTER A", "latin small letter a", "NUL", "nul", "BYTE ORDER MARK", "BOM", "LINE FEED", "LF", "VS17",
          "LATIN CAPITAL LETTER GHA", "LATIN CAPITAL LETTER OI", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
          "TAMIL SYLLABLE KSSAA", "KEYCAP NUMBER SIGN", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00",
          "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-9FFF", "CJK UNIFIED IDEOGRAPH-2A6DF",
          "CJK UNIFIED IDEOGRAPH-2A6E0", "CJK COMPATIBILITY IDEOGRAPH-F900", "cjk compatibility ideograph-f900",
          "CJK COMPATIBILITY IDEOGRAPH-0F900", "TANGUT IDEOGRAPH-17000", "KHITAN SMALL SCRIPT CHARACTER-18B00",
          "nushu character-1b170", "HANGUL SYLLABLE GA", "HANGUL SYLLABLE A", "HANGUL SYLLABLE GAGG", "HANGUL SYLLABLE GAGS",
          "HANGUL SYLLABLE HIH", "hangul syllable ga", "HANGUL SYLLABLE ", "HANGUL SYLLABLE GGGA", "GRINNING FACE",
          "LATIN SMALL LETTER A\x00", "LATİN SMALL LETTER A", "x" * 256, "x" * 257, "", b"NUL", b"EURO SIGN"]:
    show(U.lookup, n)
    show(O.lookup, n)
for bad in 1, bytearray(b"NUL"), memoryview(b"NUL"), None:
    show(lambda: U.lookup(bad))
for c in "\x00", "\x1f", "a", "\uac00", "\ud7a3", "\u4e00", "\u9fff", "\U0002a6df", "\uf900", "\U00017000", "\U0001b170", "\U00018b00", "\U0001f600", "\U000e0100", "\U0001fbf9":
    show(U.name, c)
    show(O.name, c)
print("\N{NUL}\N{LINE FEED}\N{BOM}\N{EURO SIGN}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}\N{latin small letter a}")
import codecs
for b in b"\\N{BOM}x", b"\\N{nope}", b"a\\Nb", b"\\N{}x", b"\\N{abc", b"\\N{EM DASH}\\N{nul}", b"\\N{KEYCAP NUMBER SIGN}":
    for errs in "strict", "replace":
        show(codecs.decode, b, "unicode_escape", errs)
    show(codecs.decode, b, "raw_unicode_escape")

# normalisation
texts = ["e\u0301", "\u00e9", "A\u030a\u0323", "\u212b", "ﬁ", "ｶﾞ", "\u1100\u1161\u11a8", "\uac01", "\u0f73", "\u0344",
         "\U0001d15e", "Å\u0301\u0300", "\u1e0b\u0323", "\U0002f868", "\u2f868", "x\u0308\u0301\u0323y", "", "abc", "\U0001F600e\u0301"]
for form in "NFC", "NFD", "NFKC", "NFKD":
    print(form, [ascii(U.normalize(form, t)) for t in texts])
    print(form, [U.is_normalized(form, t) for t in texts])
    print(form, [ascii(O.normalize(form, t)) for t in texts])
    print(form, [O.is_normalized(form, t) for t in texts])
class S(str): pass
print(type(U.normalize("NFC", S("abc"))).__name__, type(U.normalize("NFC", S("e\u0301"))).__name__, type(O.normalize("NFC", S("abc"))).__name__)

# errors
for f in U.name, U.category, U.bidirectional, U.combining, U.east_asian_width, U.mirrored, U.decimal, U.digit, U.numeric, U.decomposition, O.category, O.decimal:
    show(f, "ab")
    show(f, 1)
    show(f, "")
    show(f)
    show(f, "a", "b", "c")
for f in U.decimal, U.digit, U.numeric, U.name, O.numeric:
    show(f, "x")
    show(f, "x", -1)
show(U.normalize, "NFX", "a"); show(U.normalize, 1, "a"); show(U.normalize, "NFC", 1); show(U.normalize, "NFC")
show(U.is_normalized, "nfc", "a"); show(U.is_normalized, "NFC", b"a"); show(O.normalize, "NFKD")
for call in (lambda: U.UCD(), lambda: U.decimal("1", default=3), lambda: U.category(chr="a"), lambda: U.UCD.category(O, "a")):
    show(call)
try:
    class X(U.UCD): pass
except TypeError as e:
    print(e)

# idna and stringprep go through ucd_3_2_0
print("x".encode("idna"), "bücher.example".encode("idna"), "Straße.de".encode("idna"), "ａｂｃ.com".encode("idna"),
      b"xn--bcher-kva.example".decode("idna"), encodings.idna.nameprep("Ｘ\u00adＹ"))
print([stringprep.in_table_a1(c) for c in "\u0221\u0220a\U0001F600"], stringprep.in_table_d1("\u05d0"),
      stringprep.in_table_d2("a"), stringprep.map_table_b2("\u00c5"), stringprep.map_table_b3("ǅ"))
print("ｗｉｄｔｈ".isidentifier(), "µ".isidentifier())
exec("µ = 3\nprint(μ, ｍｕ if False else 4)")

# Sweeps: digests of every property over the planes where characters are
# assigned, plus a stride over the rest, so that table errors show.
chars = "".join(map(chr, range(0x32000))) + "".join(map(chr, range(0xE0000, 0xE01F0))) + "".join(map(chr, range(0x32000, 0x110000, 97)))
def digest(results):
    return hashlib.md5("\x1f".join(map(str, results)).encode("utf-8", "surrogatepass")).hexdigest()[:12]
for db in U, O:
    print(db.unidata_version, [(f.__name__, digest(map(f, chars))) for f in
          (db.category, db.bidirectional, db.east_asian_width, db.combining, db.mirrored, db.decomposition)])
    print(db.unidata_version, [(f.__name__, digest(map(f, chars, [None] * len(chars)))) for f in
          (db.decimal, db.digit, db.numeric, db.name)])
    print(db.unidata_version, [(form, digest(map(db.normalize, [form] * len(chars), chars))) for form in ("NFC", "NFKD")])
for form in "NFD", "NFKC":
    print(form, digest(map(U.normalize, [form] * len(chars), chars)))
# names round trip through lookup, every 7th code point
named = [c for c in chars[::7] if U.name(c, None)]
print(len(named), all(U.lookup(U.name(c)) == c for c in named), all(O.lookup(O.name(c)) == c for c in named if O.name(c, None)))
