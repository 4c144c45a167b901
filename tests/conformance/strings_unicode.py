# unicode handling: code points, encodings, normalization, escapes.
s = "naïve café 日本 😀"
print(len(s), [ord(c) for c in s[-4:]], s.encode("utf-8"), s.encode("utf-16"), s.encode("utf-32-be")[:8])
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
b = s.encode()
print(b.decode(), b[:4].decode("utf-8", "ignore"), b"\xe6\x97".decode("utf-8", "replace"), b"\x80abc".decode("utf-8", "backslashreplace"))
print("\u0041\U0001F600\x41\101\N{BLACK STAR}", "\t".isprintable(), "é".isprintable(), "\u200b".isprintable())
import unicodedata
print(unicodedata.name("é"), unicodedata.category("A"), unicodedata.normalize("NFD", "é").encode(), len(unicodedata.normalize("NFC", "e\u0301")))
print("ǅ".istitle(), "Ⅻ".isnumeric(), "٣".isdigit(), int("٣"), "ß".upper(), "ﬀ".upper(), "Σ".lower(), "ΑΣ".lower())
print(sorted("éèeêa"), "é" < "f", max("日本語"), "a😀b"[1], "a😀b"[::-1], "😀".encode("utf-16-le"))
print(repr("\x00\x1f\x7f\xa0\xad\u2028"), ascii("日本"), "%r" % "\u00e9", str(b"\xc3\xa9", "utf-8"))
print("İstanbul".lower(), "straße".upper(), "ǈ".swapcase(), "ﬁ".casefold(), "ΌΣΟΣ".lower())
print("x".center(5, "é"), "日本".ljust(5, "*"), "abc".encode("cp1252"), "€".encode("cp1252"), "€".encode("latin-1", "replace"))
print(b"caf\xe9".decode("latin-1"), "bytes: %s" % b"x", "surrogate".encode("utf-8", "surrogateescape"), b"\xff".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
