# The os module's configuration queries, file-system and fd functions.
import os, sys, stat, tempfile, errno, shutil

print(len(os.sysconf_names) > 100, sorted(os.sysconf_names.items())[:3], sorted(os.confstr_names.items())[:3])
print(sorted(os.sysconf_names.items()))
print(sorted(os.confstr_names.items()))
print(sorted(os.pathconf_names.items()))


def attempt(f, *a):
    try:
        return f(*a)
    except OSError as e:
        return "errno %d" % e.errno


print([(k, attempt(os.confstr, k)) for k in sorted(os.confstr_names)])
print([(k, attempt(os.pathconf, "/", k)) for k in sorted(os.pathconf_names)])
print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGE_SIZE"]), os.sysconf("SC_NPROCESSORS_CONF") >= 1,
      os.sysconf("SC_ARG_MAX") > 0, os.sysconf("SC_OPEN_MAX") > 0)
print(os.confstr("CS_PATH"), type(os.confstr("CS_GNU_LIBC_VERSION")).__name__)
for bad in ["NOPE", 1.5, None]:
    for f in (os.sysconf, os.confstr, os.pathconf and (lambda n: os.pathconf("/", n))):
        try:
            f(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
try:
    os.sysconf(99999)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.pathconf("/", "PC_NAME_MAX") > 0, os.fpathconf(0, "PC_PIPE_BUF") > 0 or "tty")
try:
    os.pathconf("/nonexistent-x", "PC_NAME_MAX")
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)

d = tempfile.mkdtemp()
path = os.path.join(d, "f")
st = os.statvfs(d)
print(type(st).__name__, len(st), all(type(x) is int for x in st), st.f_bsize > 0, st.f_namemax > 0,
      type(st.f_fsid).__name__, st.f_flag & os.ST_RDONLY, st[0] == st.f_bsize)
print(st.f_flag, st.f_namemax, st.f_frsize == st.f_bsize, st.f_favail == st.f_ffree)
print(os.fstatvfs(os.open(d, os.O_RDONLY)).f_bsize == st.f_bsize, os.statvfs(os.open(d, os.O_RDONLY)).f_files == st.f_files)
print(os.ST_RDONLY, os.ST_NOSUID, os.ST_NODEV, os.ST_NOEXEC, os.ST_SYNCHRONOUS, os.ST_MANDLOCK, os.ST_WRITE,
      os.ST_APPEND, os.ST_NOATIME, os.ST_NODIRATIME, os.ST_RELATIME)
try:
    os.statvfs(d + "/missing")
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename == d + "/missing")
la = os.getloadavg()
print(type(la).__name__, len(la), all(type(x) is float and x >= 0 for x in la))
os.sync()

# positioned and vector I/O
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
print(os.pwrite(fd, b"hello world", 3), os.pread(fd, 5, 3), os.pread(fd, 100, 0), os.lseek(fd, 0, 1))
print(os.writev(fd, [b"ab", bytearray(b"cd"), memoryview(b"ef")]), os.pread(fd, 20, 0))
os.lseek(fd, 0, 0)
b1, b2 = bytearray(3), bytearray(4)
print(os.readv(fd, [b1, b2]), b1, b2)
b3 = bytearray(5)
print(os.preadv(fd, [b3], 8), b3, os.pwritev(fd, [b"XY", b"Z"], 0), os.pread(fd, 5, 0))
print(os.pwritev(fd, [b"Q"], 0, os.RWF_DSYNC), os.pread(fd, 2, 0))
for f, bad in [(os.readv, [b"immutable"]), (os.readv, 3), (os.readv, [3]), (os.writev, ["s"]), (os.preadv, 3)]:
    try:
        f(fd, bad, *([0] if f is os.preadv else []))
    except (TypeError, BufferError) as e:
        print(type(e).__name__, e)
try:
    os.pread(fd, -1, 0)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.RWF_HIPRI, os.RWF_DSYNC, os.RWF_SYNC, os.RWF_NOWAIT, os.RWF_APPEND)
os.fdatasync(fd)
with open(path, "rb") as f:
    os.fdatasync(f)
try:
    os.fdatasync("x")
except TypeError as e:
    print("TypeError", e)
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
os.posix_fallocate(fd, 0, 100)
print(os.fstat(fd).st_size)
try:
    os.posix_fadvise(fd, 0, 0, 99)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.posix_fallocate(fd, 0, 0)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.POSIX_FADV_NORMAL, os.POSIX_FADV_RANDOM, os.POSIX_FADV_SEQUENTIAL, os.POSIX_FADV_WILLNEED,
      os.POSIX_FADV_DONTNEED, os.POSIX_FADV_NOREUSE)
os.lockf(fd, os.F_LOCK, 0)
os.lockf(fd, os.F_TEST, 0)
os.lockf(fd, os.F_ULOCK, 0)
try:
    os.lockf(fd, 99, 0)
except OSError as e:
    print(type(e).__name__, e.errno)

# copies between fds
out = os.open(path + "2", os.O_RDWR | os.O_CREAT, 0o644)
print(os.sendfile(out, fd, 0, 5), os.sendfile(out, fd, None, 3), os.pread(out, 20, 0), os.lseek(fd, 0, 1))
print(os.copy_file_range(fd, out, 4, 0, 10), os.pread(out, 20, 0))
print(os.copy_file_range(fd, out, 2), os.lseek(fd, 0, 1))
try:
    os.copy_file_range(fd, out, -1)
except ValueError as e:
    print("ValueError", e)
r, w = os.pipe()
print(os.splice(fd, w, 6, offset_src=1), os.read(r, 10), os.SPLICE_F_MOVE, os.SPLICE_F_NONBLOCK, os.SPLICE_F_MORE)
try:
    os.splice(fd, out, 3)
except OSError as e:
    print(type(e).__name__, e.errno)
os.close(r); os.close(w)
r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
print(os.get_blocking(r), os.get_inheritable(w))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.close(r); os.close(w)
try:
    os.pipe2(-1)
except OSError as e:
    print(type(e).__name__, e.errno)

# ownership and modes
os.fchmod(fd, 0o600)
print(oct(os.stat(path).st_mode & 0o777))
uid, gid = os.getuid(), os.getgid()
os.chown(path, uid, gid); os.chown(path, -1, -1); os.lchown(path, uid, -1); os.fchown(fd, -1, gid); os.chown(fd, uid, gid)
os.symlink(path, path + "L")
os.chown(path + "L", uid, gid, follow_symlinks=False)
os.chown("f", uid, gid, dir_fd=os.open(d, os.O_RDONLY))
print(os.stat(path).st_uid == uid)
for args, kw in [((path + "x", uid, gid), {}), ((fd, uid, gid), {"follow_symlinks": False}), ((path, 1.0, gid), {}),
                 ((path, "a", gid), {}), ((None, uid, gid), {})]:
    try:
        os.chown(*args, **kw)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, getattr(e, "errno", None), getattr(e, "filename", None) == path + "x" or e)
try:
    os.lchown(fd, uid, gid)
except TypeError as e:
    print("TypeError", e)
try:
    os.fchmod(999, 0o600)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.chroot(d + "/missing")
except OSError as e:
    print(type(e).__name__, e.errno, e.filename == d + "/missing")

# special files
os.mkfifo(path + "F")
os.mkfifo("F2", 0o600, dir_fd=os.open(d, os.O_RDONLY))
print(stat.S_ISFIFO(os.stat(path + "F").st_mode), oct(os.stat(d + "/F2").st_mode & 0o777 & ~0o022))
try:
    os.mkfifo(path + "F")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == path + "F")
os.mknod(path + "N", 0o600 | stat.S_IFREG)
print(stat.S_ISREG(os.stat(path + "N").st_mode))
dev = os.makedev(8, 1)
print(dev, os.major(dev), os.minor(dev), os.makedev(259, 70000), os.major(os.makedev(259, 70000)), os.minor(os.makedev(259, 70000)))
print(os.major(os.stat("/dev/null").st_rdev), os.minor(os.stat("/dev/null").st_rdev))

# terminals
print(os.ctermid())
try:
    os.ttyname(fd)
except OSError as e:
    print(type(e).__name__, e.errno)
m, s = os.openpty()
print(os.isatty(s), os.ttyname(s).startswith("/dev/pts/"), os.get_inheritable(m), os.get_inheritable(s))
os.write(m, b"hi\n")
print(os.read(s, 10))
try:
    os.tcgetpgrp(fd)
except OSError as e:
    print(type(e).__name__, e.errno)
os.close(m); os.close(s)

# kernel objects
print(len(os.getrandom(16)), os.getrandom(0), len(os.getrandom(8, os.GRND_NONBLOCK)), os.GRND_NONBLOCK, os.GRND_RANDOM)
try:
    os.getrandom(-1)
except OSError as e:
    print(type(e).__name__, e.errno)
mfd = os.memfd_create("test")
print(os.write(mfd, b"memfd data"), os.pread(mfd, 100, 0), os.get_inheritable(mfd), os.MFD_CLOEXEC, os.MFD_HUGE_2MB)
os.close(mfd)
try:
    os.memfd_create("x", 1 << 20)
except OSError as e:
    print(type(e).__name__, e.errno)
efd = os.eventfd(3)
os.eventfd_write(efd, 4)
print(os.eventfd_read(efd), os.get_inheritable(efd))
os.close(efd)
efd = os.eventfd(0, os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
os.eventfd_write(efd, 2)
print(os.eventfd_read(efd), os.eventfd_read(efd))
try:
    os.eventfd_read(efd)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
try:
    os.eventfd_write(efd, -1)
except ValueError as e:
    print("ValueError", e)
for bad in [2**64, -1]:
    try:
        os.eventfd(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__)
os.close(efd)
print(os.EFD_CLOEXEC, os.EFD_NONBLOCK, os.EFD_SEMAPHORE)

# extended attributes (the file system may refuse user attributes)
try:
    os.setxattr(path, "user.test", b"value")
except OSError as e:
    print("xattr unsupported here:", errno.errorcode[e.errno])
else:
    print(os.getxattr(path, "user.test"), os.getxattr(fd, b"user.test"), "user.test" in os.listxattr(path),
          "user.test" in os.listxattr(fd))
    try:
        os.setxattr(path, "user.test", b"v2", os.XATTR_CREATE)
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    os.setxattr(path, "user.test", b"v2", os.XATTR_REPLACE)
    print(os.getxattr(path, "user.test"))
    os.removexattr(path, "user.test")
    try:
        os.getxattr(path, "user.test")
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == path)
try:
    os.getxattr(path + "missing", "user.x")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.getxattr(fd, "user.x", follow_symlinks=False)
except ValueError as e:
    print("ValueError", e)
print(type(os.listxattr()).__name__, os.XATTR_CREATE, os.XATTR_REPLACE, os.XATTR_SIZE_MAX)

os.close(fd); os.close(out)
shutil.rmtree(d)
