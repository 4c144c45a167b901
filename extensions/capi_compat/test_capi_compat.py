import capi_compat as m

print(m.resize(3, 5), m.resize(4, 2), m.resize(0, 2), m.resize(3, 0), m.resize(2, 2))
print(m.resize_shared())
print(m.ucs4("a\xe9\u20ac\U0001F600"))
try:
    m.ucs4_short("abc")
except SystemError as e:
    print("SystemError")
print(repr(m.latin1(bytes(range(250, 256)) + b"az")), m.latin1(b"") == "")
print([m.sign(x) for x in (0, 5, -5, 2**100, -(2**100), True)])
print(m.find_self() is m)
print(m.locale_roundtrip(b"caf\xc3\xa9 \xff"))
try:
    m.strict_locale(b"\xff")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
print(m.misc())
