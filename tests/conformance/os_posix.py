# The posix and errno modules directly (os.py builds on them).
import sys, posix, errno

D = "/tmp/freepy_conf_os_posix_" + sys.implementation.name


def cleanup():
    try:
        names = posix.listdir(D)
    except FileNotFoundError:
        return
    for n in names:
        p = D + "/" + n
        if posix.lstat(p).st_mode & 0o170000 == 0o040000:
            for m in posix.listdir(p):
                posix.remove(p + "/" + m)
            posix.rmdir(p)
        else:
            posix.remove(p)
    posix.rmdir(D)


cleanup()
posix.mkdir(D)
try:
    posix.mkdir(D)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == D)
print(errno.ENOENT, errno.EEXIST, errno.errorcode[errno.EACCES], errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[11])
print(posix.strerror(errno.ENOENT), "|", posix.strerror(errno.EISDIR))

fd = posix.open(D + "/f.txt", posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(posix.write(fd, b"hello world\n"), posix.lseek(fd, 0, 1))
posix.close(fd)
st = posix.stat(D + "/f.txt")
print(st.st_size, st[6], len(st), st.st_mode & 0o777, type(st.st_mtime).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == st[8], st.st_nlink, type(st).__name__, isinstance(st, tuple))
fd = posix.open(D + "/f.txt", posix.O_RDONLY)
print(posix.read(fd, 5), posix.lseek(fd, -6, 2), posix.read(fd, 100), posix.read(fd, 10))
print(posix.fstat(fd).st_size, posix.isatty(fd))
posix.close(fd)
try:
    posix.close(fd)
except OSError as e:
    print(type(e).__name__, e)

posix.mkdir(D + "/sub")
posix.rename(D + "/f.txt", D + "/sub/g.txt")
print(sorted(posix.listdir(D)), posix.listdir(D + "/sub"), posix.listdir(D.encode() + b"/sub"))
ents = sorted(posix.scandir(D), key=lambda e: e.name)
print([(e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.path == D + "/" + e.name) for e in ents])
print(repr(ents[0]), posix.fspath(ents[0]) == D + "/sub")
posix.symlink(D + "/sub/g.txt", D + "/link")
print(posix.readlink(D + "/link") == D + "/sub/g.txt", posix.lstat(D + "/link").st_mode & 0o170000 == 0o120000)
print(posix.stat(D + "/link").st_size, posix.access(D + "/link", posix.R_OK), posix.access(D + "/nope", posix.F_OK))
posix.utime(D + "/sub/g.txt", (1000000000, 1500000000))
st = posix.stat(D + "/sub/g.txt")
print(st.st_atime, st.st_mtime, st[7], st[8])
posix.replace(D + "/sub/g.txt", D + "/h.txt")
try:
    posix.rmdir(D)
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOTEMPTY)
try:
    posix.remove(D + "/missing")
except FileNotFoundError as e:
    print(str(e).replace(D, "D"))
try:
    posix.rename(D + "/missing", D + "/other")
except FileNotFoundError as e:
    print(str(e).replace(D, "D"))
try:
    posix.stat(42.0)
except TypeError as e:
    print(e)
try:
    posix.stat("a\0b")
except ValueError as e:
    print(e)

cwd = posix.getcwd()
posix.chdir(D)
print(posix.getcwd() == D, posix.getcwdb() == D.encode(), sorted(posix.listdir()))
posix.chdir(cwd)

print(type(posix.environ).__name__, [k for k in posix.environ if type(k) is not bytes] == [])
print(posix.getpid() > 0, posix.getppid() > 0, posix.getuid() >= 0, type(posix.getgid()).__name__)
print(len(posix.urandom(16)), posix.cpu_count() >= 1, posix.uname().sysname, len(posix.uname()))
print(len(posix.times()), posix.umask(0o22) >= 0, posix.fspath("x"), posix.fspath(b"y"))
r, w = posix.pipe()
posix.write(w, b"through a pipe")
print(posix.read(r, 100), posix.get_inheritable(r), posix.get_blocking(r))
w2 = posix.dup(w)
posix.write(w2, b"dup")
print(posix.read(r, 100))
for x in (r, w, w2):
    posix.close(x)
print(OSError(2, "No such file or directory"), type(OSError(2, "x")).__name__, OSError(13, "x", "f").args)
print(type(OSError(errno.EPIPE, "x")).__name__, OSError("plain"), OSError(1, "a", "f", None, "g"))
cleanup()
print(posix.access(D, posix.F_OK))
