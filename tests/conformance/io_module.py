# The io module over _io: ABCs, Python subclasses of the io classes,
# buffered and text layers over user-defined raw streams.
import io, sys


class Raw(io.RawIOBase):
    def __init__(self, data, chunk=3):
        self.data = data
        self.chunk = chunk
        self.out = []

    def readable(self):
        return True

    def writable(self):
        return True

    def readinto(self, b):
        n = len(b) if len(b) < self.chunk else self.chunk
        if n > len(self.data):
            n = len(self.data)
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

    def write(self, b):
        self.out.append(bytes(b))
        return len(b)


r = Raw(b"hello\nworld\nlast")
print(r.read(4), r.readline(), r.readall(), r.read())
print(list(Raw(b"a\nb\nc")), Raw(b"x\ny\n").readlines())
br = io.BufferedReader(Raw(b"one\ntwo\nthree"), buffer_size=4)
print(br.peek(1)[:1], br.read(2), br.readline(), br.read1(2), br.read())
t = io.TextIOWrapper(io.BufferedReader(Raw("é\nü\r\nend".encode())), encoding="utf-8")
print(t.readlines(), t.newlines)
w = Raw(b"")
bw = io.BufferedWriter(w, buffer_size=8)
bw.write(b"abc")
print(w.out)
bw.write(b"defghij")
print(w.out)
bw.flush()
print(w.out, bw.writable(), bw.readable())
tw = io.TextIOWrapper(io.BufferedWriter(Raw(b"")), encoding="ascii", errors="replace", line_buffering=True)
tw.write("a\u20acb\n")
print(tw.buffer.raw.out, tw.errors, tw.line_buffering)
tw.reconfigure(line_buffering=False)
tw.write("no flush\n")
print(tw.buffer.raw.out)
tw.flush()
print(tw.buffer.raw.out)

print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.TextIOWrapper, io.IOBase), isinstance(r, io.IOBase))
print(io.open is open, io.DEFAULT_BUFFER_SIZE, io.SEEK_END, issubclass(io.UnsupportedOperation, OSError))
print(io.StringIO.__module__, io.TextIOWrapper.__name__, io.BufferedRandom.__mro__[1].__name__)

try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    io.StringIO().detach()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print("printed", 42, file=u)
print(repr(u.getvalue()))


class Counting(io.BytesIO):
    reads = 0

    def read(self, n=-1):
        Counting.reads += 1
        return super().read(n)


c = Counting(b"xyz")
print(c.read(1), c.read(), Counting.reads)

b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", newline="\n")
t.write("line1\nline2\n")
t.seek(0)
print(repr(t.readline()), t.tell())
print(t.detach() is b, b.getvalue())

with io.StringIO() as s:
    s.writelines(["a", "b", "c"])
    print(s.getvalue(), s.tell())
print(s.closed)

print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.encoding, sys.stderr.errors)
print(type(sys.stdout).__name__, sys.stdout.buffer.mode, sys.stdout.fileno(), sys.stdin.fileno())
sys.stdout.write("direct write\n")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes to stdout\n")
sys.stdout.buffer.flush()
print("end")
