# dir_fd, follow_symlinks=False, scandir(fd), os.fwalk and shutil's
# fd-based rmtree.
import os, shutil, stat, tempfile

print(sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
print(sorted(f.__name__ for f in os.supports_effective_ids))
print(hasattr(os, "fwalk"), shutil._use_fd_functions, shutil.rmtree.avoids_symlink_attacks)

base = tempfile.mkdtemp()
d = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
try:
    os.mkdir("sub", 0o750, dir_fd=d)
    print(stat.S_ISDIR(os.stat("sub", dir_fd=d).st_mode), oct(os.stat(os.path.join(base, "sub")).st_mode & 0o777))
    fd = os.open("sub/a.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=d)
    os.write(fd, b"hello")
    os.close(fd)
    print(os.stat("sub/a.txt", dir_fd=d).st_size)
    os.symlink("sub/a.txt", "ln", dir_fd=d)
    os.symlink("missing", "dangling", dir_fd=d)
    print(os.readlink("ln", dir_fd=d), os.readlink(os.fsencode(base) + b"/ln"))
    print(stat.S_ISLNK(os.stat("ln", dir_fd=d, follow_symlinks=False).st_mode),
          stat.S_ISLNK(os.lstat("ln", dir_fd=d).st_mode),
          stat.S_ISREG(os.stat("ln", dir_fd=d).st_mode))
    os.rename("sub/a.txt", "b.txt", src_dir_fd=d, dst_dir_fd=d)
    print(sorted(os.listdir(base)))
    os.replace("b.txt", "sub/c.txt", src_dir_fd=d, dst_dir_fd=d)
    os.link("sub/c.txt", "hard", src_dir_fd=d, dst_dir_fd=d)
    print(os.stat("hard", dir_fd=d).st_nlink)
    # link with follow_symlinks=False links the symlink itself
    os.link("dangling", "dl2", src_dir_fd=d, dst_dir_fd=d, follow_symlinks=False)
    print(stat.S_ISLNK(os.lstat("dl2", dir_fd=d).st_mode))
    try:
        os.link("dangling", "dl3", src_dir_fd=d, dst_dir_fd=d, follow_symlinks=True)
    except FileNotFoundError as e:
        print("link follow:", e.errno == 2)
    print(os.access("hard", os.R_OK, dir_fd=d), os.access("nope", os.F_OK, dir_fd=d),
          os.access("dangling", os.F_OK, dir_fd=d), os.access("dangling", os.F_OK, dir_fd=d, follow_symlinks=False),
          os.access("hard", os.W_OK, dir_fd=d, effective_ids=True))
    os.chmod("hard", 0o600, dir_fd=d)
    print(oct(os.stat("hard", dir_fd=d).st_mode & 0o777))
    os.chmod("hard", 0o640, dir_fd=d, follow_symlinks=False)
    print(oct(os.stat("hard", dir_fd=d).st_mode & 0o777))
    for kw in [dict(dir_fd=d), {}]:
        try:
            os.chmod("ln" if kw else os.path.join(base, "ln"), 0o600, follow_symlinks=False, **kw)
        except (NotImplementedError, ValueError) as e:
            print(type(e).__name__, e)
    os.utime("hard", (1000, 2000), dir_fd=d)
    st = os.stat("hard", dir_fd=d)
    print(st.st_atime, st.st_mtime)
    os.utime("hard", ns=(5 * 10**9 + 7, 6 * 10**9 + 9), dir_fd=d)
    st = os.stat("hard", dir_fd=d)
    print(st.st_atime_ns, st.st_mtime_ns)
    os.utime("dangling", (3000, 4000), dir_fd=d, follow_symlinks=False)
    print(os.lstat("dangling", dir_fd=d).st_mtime)
    fd = os.open("hard", os.O_RDONLY, dir_fd=d)
    os.utime(fd, (7000, 8000))
    os.chmod(fd, 0o604, dir_fd=d, follow_symlinks=False)
    print(oct(os.fstat(fd).st_mode & 0o777))
    print(os.fstat(fd).st_mtime)
    os.close(fd)
    for bad in [lambda: os.utime("hard", (1, 2), ns=(1, 2), dir_fd=d),
                lambda: os.utime("hard", [1, 2]),
                lambda: os.utime("hard", ns=1),
                lambda: os.stat(d, dir_fd=d),
                lambda: os.stat(d, follow_symlinks=False),
                lambda: os.utime(d, dir_fd=d),
                lambda: os.utime(d, follow_symlinks=False),
                lambda: os.stat("x", dir_fd="3"),
                lambda: os.stat("nope", dir_fd=d),
                lambda: os.open("nope", os.O_RDONLY, dir_fd=d),
                lambda: os.unlink("nope", dir_fd=d),
                lambda: os.rmdir("hard", dir_fd=d),
                lambda: os.mkdir("sub", dir_fd=d),
                lambda: os.readlink("hard", dir_fd=d),
                lambda: os.rename("nope", "x", src_dir_fd=d, dst_dir_fd=d),
                lambda: os.stat("x", dir_fd=10**6)]:
        try:
            bad()
        except (OSError, ValueError, TypeError) as e:
            print(type(e).__name__, e.args[0] if not isinstance(e, OSError) else (e.errno, os.path.basename(e.filename or "")))
    # scandir by fd: names are str, paths are the names, stat is relative
    with os.scandir(d) as it:
        ents = sorted(it, key=lambda e: e.name)
    for e in ents:
        print(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.stat(follow_symlinks=False).st_ino == e.inode())
    print([e.name for e in ents if e.is_file()], [e.stat().st_size for e in ents if e.name == "hard"])
    with os.scandir(os.fsencode(base)) as it:
        print(sorted((e.name, os.path.basename(e.path)) for e in it))
    # fwalk
    os.makedirs(os.path.join(base, "sub", "deep", "deeper"))
    for root, dirs, files, rootfd in os.fwalk(base):
        dirs.sort()
        print(os.path.relpath(root, base), dirs, sorted(files), os.path.samestat(os.stat(rootfd), os.stat(root)))
    for root, dirs, files, rootfd in os.fwalk(os.fsencode(base), topdown=False):
        print(os.path.relpath(root, os.fsencode(base)), sorted(dirs), sorted(files))
    # unlink / rmdir with dir_fd
    os.unlink("dl2", dir_fd=d)
    os.remove("dangling", dir_fd=d)
    os.rmdir("sub/deep/deeper", dir_fd=d)
    print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "sub", "deep"))))
finally:
    os.close(d)

# shutil.rmtree: the fd-based walk, symlinks not followed, onerror
outside = tempfile.mkdtemp()
open(os.path.join(outside, "keep"), "w").close()
os.symlink(outside, os.path.join(base, "sub", "link_out"))
os.chmod(os.path.join(base, "sub", "c.txt"), 0o400)
shutil.rmtree(base)
print(os.path.exists(base), os.listdir(outside))
errs = []
shutil.rmtree(base, onerror=lambda f, p, e: errs.append((f.__name__, p == base, e[0].__name__)))
print(errs)
os.symlink(outside, base)
try:
    shutil.rmtree(base)
except OSError as e:
    print(type(e).__name__, e)
os.unlink(base)
shutil.rmtree(outside)
print(os.path.exists(outside))
