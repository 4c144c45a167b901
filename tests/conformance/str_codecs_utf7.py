# UTF-7 codec and lone surrogates in str
import codecs
for s in ["Hi Mom -☺-!", "A≢Α.", "日本語", "~\\+x", "a\U0001f600b", "", "+-", "abc-", "é-", "a\ud800b"]:
    e = s.encode("utf-7")
    print(repr(s), e, e.decode("utf-7") == s)
for b in [b"+AGE", b"+AGE-", b"+AGEA", b"+ZeVnLIqe-", b"a+2D3eAA-b", b"+!", b"\x80", b"+AG", b"+2D0-x", b"a~b", b"+AGE"]:
    for errs in ["strict", "replace", "ignore"]:
        try:
            print(b, errs, repr(b.decode("utf-7", errs)))
        except UnicodeDecodeError as ex:
            print(b, errs, ex)
for b in [b"+AGE", b"a+AG", b"+2D3eAA", b"ab"]:
    print(codecs.utf_7_decode(b, "strict", False))
d = codecs.getincrementaldecoder("utf-7")()
print([d.decode(bytes([c])) for c in b"a+ZeVnLIqe-b"])
s = 'a\ud800b'
print(len(s), s[1] == '\ud800', list(map(ord, s)), s.encode('utf-8', 'surrogatepass'), 'x\U0001f600'[1])
