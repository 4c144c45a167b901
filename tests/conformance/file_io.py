# open/read/write text and binary files in a temporary directory.
import os, tempfile
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "t.txt")
    with open(p, "w", encoding="utf-8") as f:
        print(f.write("line one\n"), f.writable(), f.readable(), f.mode, f.closed)
        f.write("línea dos\n")
        f.writelines(["three\n", "four"])
    print(f.closed)
    with open(p, encoding="utf-8") as f:
        print(repr(f.read()))
    with open(p, encoding="utf-8") as f:
        print(f.readline(), end="")
        print(f.readlines())
    with open(p, encoding="utf-8") as f:
        print([line.rstrip("\n") for line in f])
    with open(p, "a") as f:
        f.write("\nappended")
    with open(p, "rb") as f:
        data = f.read()
        print(type(data).__name__, len(data), data[:9], data.count(b"\n"))
        f.seek(0)
        print(f.read(4), f.tell(), f.seek(-8, 2), f.read())
    b = os.path.join(d, "b.bin")
    with open(b, "wb") as f:
        f.write(bytes(range(256)))
        f.write(b"\x00\xff")
    print(os.path.getsize(b), os.path.exists(b), os.path.isfile(b), os.path.isdir(d))
    with open(b, "r+b") as f:
        f.seek(10)
        f.write(b"XY")
        f.seek(8)
        print(f.read(6))
    with open(p, "r") as f:
        f.seek(5)
        print(repr(f.read(3)), f.tell())
    os.rename(p, p + ".renamed")
    print(sorted(os.listdir(d)))
    os.remove(b)
    print(sorted(os.listdir(d)))
    try:
        open(os.path.join(d, "missing.txt"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, os.path.basename(e.filename))
    with open(os.path.join(d, "x.txt"), "x") as f:
        f.write("exclusive")
    try:
        open(os.path.join(d, "x.txt"), "x")
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    with open(os.path.join(d, "nl.txt"), "w", newline="") as f:
        f.write("a\r\nb\rc\n")
    with open(os.path.join(d, "nl.txt")) as f:
        print(repr(f.read()))
    with open(os.path.join(d, "nl.txt"), newline="") as f:
        print(repr(f.read()))
    os.mkdir(os.path.join(d, "sub"))
    with open(os.path.join(d, "sub", "deep.txt"), "w") as f:
        f.write("deep")
    print(sorted(os.listdir(d)), [sorted(files) for _, _, files in os.walk(d)][1:])
    f = open(os.path.join(d, "sub", "deep.txt"))
    f.close()
    try:
        f.read()
    except ValueError as e:
        print("ValueError", e)
print(os.path.exists(d))
