# open() and the file objects it returns: modes, text/binary, newlines,
# encodings, seek/tell, truncate, errors. Uses only builtins and posix.
import sys, posix

D = "/tmp/freepy_conf_io_files_" + sys.implementation.name


def rmtree(d):
    try:
        names = posix.listdir(d)
    except FileNotFoundError:
        return
    for n in names:
        posix.remove(d + "/" + n)
    posix.rmdir(d)


rmtree(D)
posix.mkdir(D)
p = D + "/t.txt"

with open(p, "w") as f:
    print(f.write("line one\n"), f.writable(), f.readable(), f.seekable(), f.mode, f.closed)
    f.write("línea dos\n")
    f.writelines(["three\n", "four"])
    print(f.name == p, f.encoding, f.errors, f.line_buffering, f.buffer.name == p)
print(f.closed)
with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print(repr(f.readline()), f.readlines())
with open(p) as f:
    print([line for line in f])
with open(p) as f:
    print(repr(f.read(3)), repr(f.read(8)), repr(f.readline(4)), repr(f.readline()))
with open(p, "rb") as f:
    data = f.read()
    print(data, len(data))
    f.seek(0)
    print(f.read(4), f.tell(), f.seek(-4, 2), f.read(), f.read(), f.tell())
    f.seek(2)
    print(f.readline(), f.peek(1)[:1], f.read1(3), f.readlines())

# append, print(file=), flush
with open(p, "a") as f:
    print("appended", 1, 2, sep="-", file=f)
    f.flush()
with open(p, "rb") as f:
    print(f.read()[-20:])

# newline modes
with open(p, "w", newline="") as f:
    f.write("a\r\nb\rc\nd")
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(p, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
with open(p, "w", newline="\r\n") as f:
    f.write("x\ny\n")
with open(p, "rb") as f:
    print(f.read())
with open(p) as f:
    print(repr(f.read()))

# encodings
with open(p, "w", encoding="latin-1") as f:
    f.write("café ÿ")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="latin-1") as f:
    print(f.read(), f.encoding)
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(p, encoding="utf-8", errors="replace") as f:
    print(ascii(f.read()))
try:
    with open(p, "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)

# binary read/write, r+b, truncate
b = D + "/b.bin"
with open(b, "wb") as f:
    print(f.write(bytes(range(10))), f.tell())
with open(b, "r+b") as f:
    f.seek(3)
    f.write(b"XY")
    print(f.tell(), f.read(2))
    f.seek(0)
    print(f.read())
    print(f.truncate(4), f.tell())
    f.seek(0)
    print(f.read())
with open(b, "ab") as f:
    print(f.tell(), f.write(b"++"), f.mode)
with open(b, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(), f.mode, f.closefd)

# text seek/tell round trip
with open(p, "w") as f:
    f.write("héllo\nwörld\nend\n")
with open(p) as f:
    f.readline()
    pos = f.tell()
    print(repr(f.readline()))
    f.seek(pos)
    print(repr(f.readline()), repr(f.read()))
    f.seek(0, 2)
    print(repr(f.read()))
with open(p, "r+") as f:
    f.seek(0, 2)
    f.write("more\n")
    f.seek(0)
    print(f.read().splitlines())

# 'x' mode and errors
try:
    open(p, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
with open(D + "/new.txt", "x") as f:
    f.write("new")
with open(D + "/new.txt") as f:
    print(f.read())
try:
    open(D + "/missing.txt")
except FileNotFoundError as e:
    print(str(e).replace(D, "D"), e.errno, e.filename == D + "/missing.txt", e.args)
try:
    open(D)
except IsADirectoryError as e:
    print("IsADirectoryError", str(e).replace(D, "D"))
for mode in ("rw", "q", "rr", "tb", ""):
    try:
        open(p, mode)
    except ValueError as e:
        print(repr(mode), e)
for kw in ({"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}):
    try:
        open(p, "rb", **kw)
    except ValueError as e:
        print(e)
try:
    open(p, "w", buffering=0)
except ValueError as e:
    print(e)

# closed files
f = open(p)
f.close()
f.close()
for op in (f.read, f.readline, lambda: f.write("x"), lambda: iter(f), f.tell):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
with open(p, "rb") as f:
    pass
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
try:
    open(p).write("x")
except OSError as e:
    print(type(e).__name__, e)

# fd-level and opener
fd = posix.open(p, posix.O_RDONLY)
with open(fd, closefd=False) as f:
    print(repr(f.readline()), f.name == fd)
print(posix.read(fd, 3))
posix.close(fd)
with open(p, opener=lambda path, flags: posix.open(path, flags)) as f:
    print(repr(f.read(5)))

for n in posix.listdir(D):
    posix.remove(D + "/" + n)
posix.rmdir(D)
print(sorted(posix.listdir("/tmp")).count(D[5:]))
p = "/tmp/freepy_conf_io_files_enc_" + sys.implementation.name
with open(p, "w", encoding="utf-8-sig") as f:
    f.write("héllo\nworld\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-8-sig") as f:
    print(f.readline(), f.tell(), f.read())
with open(p, "w", encoding="cp1252") as f:
    f.write("€uro ‘q’\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="cp1252") as f:
    print(f.read())
try:
    open(p, encoding="nonexistent-enc")
except LookupError as e:
    print("LookupError", e)
try:
    open(p, encoding="rot13")
except LookupError as e:
    print("LookupError", e)
posix.remove(p)
