# _io.StringIO and _io.BytesIO.
import _io

s = _io.StringIO()
print(s.write("hello\n"), s.write("wörld\n"), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(2)
s.write("XY")
print(repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10)
s.write("!")
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering)
s = _io.StringIO("a\nb\nc")
print(list(s), s.read())
s.seek(0)
print(s.readlines(), s.seek(0, 2))
try:
    s.seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)
try:
    s.seek(-1)
except ValueError as e:
    print(e)
try:
    s.write(b"x")
except TypeError as e:
    print(e)
for nl in (None, "", "\n", "\r", "\r\n"):
    s = _io.StringIO("a\r\nb\rc\nd", newline=nl)
    print(repr(nl), s.readlines(), repr(s.getvalue()), s.newlines)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print(e)
with _io.StringIO("ctx") as s:
    print(s.read())
print(s.closed)
print(_io.StringIO("x").__class__.__module__, type(_io.StringIO()).__name__)

b = _io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.read(), b.read())
b.seek(0)
print(list(b))
b.seek(0, 2)
print(b.write(b"xyz"), b.getvalue(), b.tell())
b.seek(20)
b.write(b"!")
print(b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
b.seek(1)
ba = bytearray(3)
print(b.readinto(ba), ba)
print(b.seek(-2, 2), b.read1(), b.readable(), b.writable(), b.seekable(), b.isatty())
try:
    b.seek(-1)
except ValueError as e:
    print(e)
try:
    b.seek(0, 3)
except ValueError as e:
    print(e)
try:
    b.write("str")
except TypeError as e:
    print(e)
b.close()
try:
    b.read()
except ValueError as e:
    print(e)
with _io.BytesIO() as b:
    b.writelines([b"a", b"b"])
    print(b.getvalue())
print(b.closed)

# text over bytes
raw = _io.BytesIO("línea 1\r\nline 2\n".encode())
t = _io.TextIOWrapper(raw, encoding="utf-8")
print(t.readlines(), t.encoding)
raw = _io.BytesIO()
t = _io.TextIOWrapper(raw, encoding="latin-1", newline="\r\n")
t.write("é\n")
t.flush()
print(raw.getvalue())
d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
