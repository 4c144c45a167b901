package py

import (
	"os"
	"strings"
	"syscall"
)

// The posix functions that take dir_fd and follow_symlinks: each maps onto
// the *at system call (openat, newfstatat, unlinkat, ...), so a path is
// resolved relative to an open directory, as CPython does on Linux. What
// works is announced in _have_functions, from which os.py builds
// supports_dir_fd, supports_fd and supports_follow_symlinks (and defines
// os.fwalk, and shutil picks its fd-based rmtree).
var posixHaveFunctions = []string{
	"HAVE_EVENTFD", "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT",
	"HAVE_FCHOWN", "HAVE_FCHOWNAT", "HAVE_FEXECVE", "HAVE_FDOPENDIR", "HAVE_FPATHCONF",
	"HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS",
	"HAVE_FUTIMESAT", "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT",
	"HAVE_MEMFD_CREATE", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT",
	"HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT",
	"HAVE_UNLINKAT", "HAVE_UTIMENSAT",
}

// posixAtPath is a resolved (path, dir_fd, follow_symlinks) argument set.
type posixAtPath struct {
	posixPath
	dirFd  int
	follow bool
}

// flags is the AT_SYMLINK_NOFOLLOW bit when symlinks are not followed.
func (p posixAtPath) flags() int {
	if p.follow {
		return 0
	}
	return uxAT_SYMLINK_NOFOLLOW
}

// posixAtArgs converts path, dir_fd and follow_symlinks (nil when the
// function has no such parameter) with CPython's checks on combinations
// (chmod skips them: given an fd it is fchmod, whatever else is passed).
func posixAtArgs(t *Thread, name string, path, dirFd, follow Object, allowFd bool) (posixAtPath, error) {
	p, err := posixPathArg(t, name, "path", path, allowFd)
	if err != nil {
		return posixAtPath{}, err
	}
	r := posixAtPath{posixPath: p}
	if r.dirFd, err = posixDirFdArg(t, dirFd); err != nil {
		return r, err
	}
	if r.follow, err = optBool(t, follow, true); err != nil {
		return r, err
	}
	if p.isFd && name == "chmod" {
		return r, nil
	}
	if p.isFd && r.dirFd != uxAT_FDCWD {
		return r, ValueErrorf("%s: can't specify dir_fd without matching path", name)
	}
	if p.isFd && !r.follow {
		return r, ValueErrorf("%s: cannot use fd and follow_symlinks together", name)
	}
	return r, nil
}

// auditFd is a dir_fd as audit hooks see it: -1 for None.
func auditFd(fd int) Object {
	if fd == uxAT_FDCWD {
		return Int(-1)
	}
	return Int(fd)
}

// posixStatAt is stat, lstat and fstatat on a resolved path.
func posixStatAt(p posixAtPath) (Object, error) {
	var st syscall.Stat_t
	var err error
	if p.isFd {
		err = syscall.Fstat(p.fd, &st)
	} else {
		err = uxFstatat(p.dirFd, p.s, &st, p.flags())
	}
	if err != nil {
		if p.isFd {
			return nil, osErrorFrom(err, nil)
		}
		return nil, osErrorFrom(err, p.obj)
	}
	return posixStatObj(&st), nil
}

func posixStat(t *Thread, fname string, o Object, follow bool) (Object, error) {
	p, err := posixPathArg(t, fname, "path", o, true)
	if err != nil {
		return nil, err
	}
	return posixStatAt(posixAtPath{posixPath: p, dirFd: uxAT_FDCWD, follow: follow})
}

func posixAddAt(m *Module) {
	fn := m.AddFunc
	l := make([]Object, len(posixHaveFunctions))
	for i, s := range posixHaveFunctions {
		l[i] = NewStr(s)
	}
	m.dict.SetStr("_have_functions", NewList(l...))

	statFn := func(name string, follow bool) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var path, dirFd, fs Object
			if err := ParseArgs(name, args, kw, []string{"path", "dir_fd", "follow_symlinks"}, 1, &path, &dirFd, &fs); err != nil {
				return nil, err
			}
			p, err := posixAtArgs(t, name, path, dirFd, fs, true)
			if err != nil {
				return nil, err
			}
			p.follow = p.follow && follow
			return posixStatAt(p)
		})
	}
	statFn("stat", true)
	statFn("lstat", false)

	// unlink, remove and rmdir: unlinkat, with AT_REMOVEDIR for rmdir.
	unlink := func(name string, flags int) {
		event := "os.remove"
		if name == "rmdir" {
			event = "os.rmdir"
		}
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var path, dirFd Object
			if err := ParseArgs(name, args, kw, []string{"path", "dir_fd"}, 1, &path, &dirFd); err != nil {
				return nil, err
			}
			p, err := posixAtArgs(t, name, path, dirFd, nil, false)
			if err != nil {
				return nil, err
			}
			if err := Audit(t, event, p.obj, auditFd(p.dirFd)); err != nil {
				return nil, err
			}
			if err := uxUnlinkat(p.dirFd, p.s, flags); err != nil {
				return nil, osErrorFrom(err, p.obj)
			}
			return None, nil
		})
	}
	unlink("rmdir", uxAT_REMOVEDIR)
	unlink("remove", 0)
	unlink("unlink", 0)

	fn("mkdir", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path, mode, dirFd Object
		if err := ParseArgs("mkdir", args, kw, []string{"path", "mode", "dir_fd"}, 1, &path, &mode, &dirFd); err != nil {
			return nil, err
		}
		p, err := posixAtArgs(t, "mkdir", path, dirFd, nil, false)
		if err != nil {
			return nil, err
		}
		perm, err := posixOptInt(t, mode, 0o777)
		if err != nil {
			return nil, err
		}
		if err := Audit(t, "os.mkdir", p.obj, Int(perm), auditFd(p.dirFd)); err != nil {
			return nil, err
		}
		if err := syscall.Mkdirat(p.dirFd, p.s, uint32(perm)); err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		return None, nil
	})

	// rename, replace and link take a dir_fd for each side.
	twoPath := func(name string, isLink bool) {
		names := []string{"src", "dst", "src_dir_fd", "dst_dir_fd"}
		if isLink {
			names = append(names, "follow_symlinks")
		}
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var src, dst, sfd, dfd, fs Object
			if err := ParseArgs(name, args, kw, names, 2, &src, &dst, &sfd, &dfd, &fs); err != nil {
				return nil, err
			}
			a, err := posixPathArg(t, name, "src", src, false)
			if err != nil {
				return nil, err
			}
			b, err := posixPathArg(t, name, "dst", dst, false)
			if err != nil {
				return nil, err
			}
			sdir, err := posixDirFdArg(t, sfd)
			if err != nil {
				return nil, err
			}
			ddir, err := posixDirFdArg(t, dfd)
			if err != nil {
				return nil, err
			}
			follow, err := optBool(t, fs, true)
			if err != nil {
				return nil, err
			}
			event := "os.rename"
			if isLink {
				event = "os.link"
			}
			if err := Audit(t, event, a.obj, b.obj, auditFd(sdir), auditFd(ddir)); err != nil {
				return nil, err
			}
			switch {
			case !isLink:
				err = syscall.Renameat(sdir, a.s, ddir, b.s)
			case sdir == uxAT_FDCWD && ddir == uxAT_FDCWD && follow:
				// CPython calls link(2) here, which does not follow a
				// symlink src on Linux, whatever follow_symlinks says.
				err = syscall.Link(a.s, b.s)
			default:
				flags := 0
				if follow {
					flags = uxAT_SYMLINK_FOLLOW
				}
				err = uxLinkat(sdir, a.s, ddir, b.s, flags)
			}
			if err != nil {
				return nil, osErrorFrom2(err, a.obj, b.obj)
			}
			return None, nil
		})
	}
	twoPath("rename", false)
	twoPath("replace", false)
	twoPath("link", true)

	fn("symlink", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var src, dst, isDir, dfd Object
		if err := ParseArgs("symlink", args, kw, []string{"src", "dst", "target_is_directory", "dir_fd"}, 2, &src, &dst, &isDir, &dfd); err != nil {
			return nil, err
		}
		a, err := posixPathArg(t, "symlink", "src", src, false)
		if err != nil {
			return nil, err
		}
		b, err := posixAtArgs(t, "symlink", dst, dfd, nil, false)
		if err != nil {
			return nil, err
		}
		if err := Audit(t, "os.symlink", a.obj, b.obj, auditFd(b.dirFd)); err != nil {
			return nil, err
		}
		if err := uxSymlinkat(a.s, b.dirFd, b.s); err != nil {
			return nil, osErrorFrom2(err, a.obj, b.obj)
		}
		return None, nil
	})
	fn("readlink", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path, dfd Object
		if err := ParseArgs("readlink", args, kw, []string{"path", "dir_fd"}, 1, &path, &dfd); err != nil {
			return nil, err
		}
		p, err := posixAtArgs(t, "readlink", path, dfd, nil, false)
		if err != nil {
			return nil, err
		}
		s, err := uxReadlinkat(p.dirFd, p.s)
		if err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		return posixName(s, p.isBytes), nil
	})

	fn("access", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path, mode, dfd, eids, fs Object
		if err := ParseArgs("access", args, kw, []string{"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, &path, &mode, &dfd, &eids, &fs); err != nil {
			return nil, err
		}
		p, err := posixAtArgs(t, "access", path, dfd, fs, false)
		if err != nil {
			return nil, err
		}
		m, err := posixInt(t, mode)
		if err != nil {
			return nil, err
		}
		eff, err := optBool(t, eids, false)
		if err != nil {
			return nil, err
		}
		flags := p.flags()
		if eff {
			flags |= uxAT_EACCESS
		}
		return Bool(syscall.Faccessat(p.dirFd, p.s, uint32(m), flags) == nil), nil
	})
	fn("chmod", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path, mode, dfd, fs Object
		if err := ParseArgs("chmod", args, kw, []string{"path", "mode", "dir_fd", "follow_symlinks"}, 2, &path, &mode, &dfd, &fs); err != nil {
			return nil, err
		}
		p, err := posixAtArgs(t, "chmod", path, dfd, fs, true)
		if err != nil {
			return nil, err
		}
		m, err := posixInt(t, mode)
		if err != nil {
			return nil, err
		}
		if err := Audit(t, "os.chmod", p.obj, Int(m), auditFd(p.dirFd)); err != nil {
			return nil, err
		}
		switch {
		case p.isFd:
			err = syscall.Fchmod(p.fd, uint32(m))
		case !p.follow:
			// Linux cannot change a symlink's mode; like glibc's
			// fchmodat(AT_SYMLINK_NOFOLLOW), change anything else and
			// refuse for a symlink (CPython: NotImplementedError).
			var st syscall.Stat_t
			if err = uxFstatat(p.dirFd, p.s, &st, uxAT_SYMLINK_NOFOLLOW); err == nil {
				if st.Mode&syscall.S_IFMT == syscall.S_IFLNK {
					if p.dirFd != uxAT_FDCWD {
						return nil, ValueErrorf("chmod: cannot use dir_fd and follow_symlinks together")
					}
					return nil, NewError(NotImplementedErrorType, "chmod: follow_symlinks unavailable on this platform")
				}
				err = syscall.Fchmodat(p.dirFd, p.s, uint32(m), 0)
			}
		default:
			err = syscall.Fchmodat(p.dirFd, p.s, uint32(m), 0)
		}
		if err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		return None, nil
	})
	fn("utime", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path, times, ns, dfd, fs Object
		if err := ParseArgs("utime", args, kw, []string{"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, &path, &times, &ns, &dfd, &fs); err != nil {
			return nil, err
		}
		p, err := posixAtArgs(t, "utime", path, dfd, fs, true)
		if err != nil {
			return nil, err
		}
		ts, err := posixUtimeTimes(t, times, ns)
		if err != nil {
			return nil, err
		}
		if err := Audit(t, "os.utime", p.obj, orNone(times), orNone(ns), auditFd(p.dirFd)); err != nil {
			return nil, err
		}
		if p.isFd {
			err = uxUtimensat(p.fd, "", ts, 0)
		} else {
			err = uxUtimensat(p.dirFd, p.s, ts, p.flags())
		}
		if err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		return None, nil
	})

	fn("open", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path, flags, mode, dfd Object
		if err := ParseArgs("open", args, kw, []string{"path", "flags", "mode", "dir_fd"}, 2, &path, &flags, &mode, &dfd); err != nil {
			return nil, err
		}
		p, err := posixAtArgs(t, "open", path, dfd, nil, false)
		if err != nil {
			return nil, err
		}
		fl, err := posixInt(t, flags)
		if err != nil {
			return nil, err
		}
		perm, err := posixOptInt(t, mode, 0o777)
		if err != nil {
			return nil, err
		}
		if err := Audit(t, "open", p.obj, None, Int(fl)); err != nil {
			return nil, err
		}
		for {
			fd, err := syscall.Openat(p.dirFd, p.s, fl|syscall.O_CLOEXEC, uint32(perm))
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return nil, osErrorFrom(err, p.obj)
			}
			return Int(fd), nil
		}
	})

	fn("scandir", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path Object
		if err := ParseArgs("scandir", args, kw, []string{"path"}, 0, &path); err != nil {
			return nil, err
		}
		p := posixPath{obj: NewStr("."), s: "."}
		if path != nil && path != None {
			var err error
			if p, err = posixPathArg(t, "scandir", "path", path, true); err != nil {
				return nil, err
			}
		}
		if err := Audit(t, "os.scandir", orNone(path)); err != nil {
			return nil, err
		}
		return posixScandir(p, path == nil || path == None)
	})
}

// posixUtimeTimes converts utime's times= (seconds) or ns= (nanoseconds)
// pair; nil means now.
func posixUtimeTimes(t *Thread, times, ns Object) (*[2]syscall.Timespec, error) {
	if times != nil && times != None && ns != nil {
		return nil, ValueErrorf("utime: you may specify either 'times' or 'ns' but not both")
	}
	pair := func(o Object, what string, scale float64) (*[2]syscall.Timespec, error) {
		tup, ok := o.(*Tuple)
		if !ok || len(tup.items) != 2 {
			if what == "times" {
				return nil, TypeErrorf("utime: 'times' must be either a tuple of two ints or None")
			}
			return nil, TypeErrorf("utime: 'ns' must be a tuple of two ints")
		}
		var r [2]syscall.Timespec
		for i, it := range tup.items {
			var n int64
			switch v := it.(type) {
			case Float:
				n = int64(float64(v) * scale)
			default:
				k, err := AsInt64(t, it)
				if err != nil {
					return nil, err
				}
				n = k * int64(scale)
			}
			r[i] = syscall.NsecToTimespec(n)
		}
		return &r, nil
	}
	switch {
	case times != nil && times != None:
		return pair(times, "times", 1e9)
	case ns != nil:
		return pair(ns, "ns", 1)
	}
	return nil, nil
}

// posixScandir lists a directory by path or by fd (CPython's fdopendir
// form: names only, entries' paths are their names, and their stat calls
// are fstatat on that fd, which must stay open while they are used).
func posixScandir(p posixPath, implicit bool) (Object, error) {
	fd, err := 0, error(nil)
	if p.isFd {
		fd, err = syscall.Dup(p.fd)
		if err == nil {
			_, err = syscall.Seek(fd, 0, 0)
			if err != nil {
				syscall.Close(fd)
			}
		}
	} else {
		fd, err = syscall.Open(p.s, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	}
	if err != nil {
		if p.isFd {
			return nil, osErrorFrom(err, nil)
		}
		return nil, osErrorFrom(err, p.obj)
	}
	defer syscall.Close(fd)
	prefix := ""
	switch {
	case p.isFd:
	case implicit:
		prefix = "./"
	case strings.HasSuffix(p.s, "/"):
		prefix = p.s
	default:
		prefix = p.s + "/"
	}
	dirFd := uxAT_FDCWD
	if p.isFd {
		dirFd = p.fd
	}
	it := &scandirIter{}
	buf := make([]byte, 8192)
	for {
		n, err := uxGetdents(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		if n == 0 {
			return it, nil
		}
		for b := buf[:n]; len(b) >= 19; {
			// linux_dirent64: ino u64, off s64, reclen u16, type u8, name
			reclen := int(b[16]) | int(b[17])<<8
			ino := uint64(0)
			for i := 7; i >= 0; i-- {
				ino = ino<<8 | uint64(b[i])
			}
			typ := b[18]
			name := b[19:reclen]
			if i := strings.IndexByte(string(name), 0); i >= 0 {
				name = name[:i]
			}
			b = b[reclen:]
			s := string(name)
			if s == "." || s == ".." {
				continue
			}
			de := &dirEntry{name: s, path: prefix + s, isBytes: p.isBytes, ino: ino, dirFd: dirFd}
			de.typ = posixDirentMode(typ)
			if typ == 0 { // DT_UNKNOWN: the file system does not say
				var st syscall.Stat_t
				if uxFstatat(dirFd, de.path, &st, uxAT_SYMLINK_NOFOLLOW) == nil {
					de.typ = posixStatMode(st.Mode)
				}
			}
			it.entries = append(it.entries, de)
		}
	}
}

// posixDirentMode maps a d_type to the os.FileMode type bits DirEntry keeps.
func posixDirentMode(t byte) os.FileMode {
	switch t {
	case syscall.DT_DIR:
		return os.ModeDir
	case syscall.DT_LNK:
		return os.ModeSymlink
	case syscall.DT_FIFO:
		return os.ModeNamedPipe
	case syscall.DT_SOCK:
		return os.ModeSocket
	case syscall.DT_CHR:
		return os.ModeDevice | os.ModeCharDevice
	case syscall.DT_BLK:
		return os.ModeDevice
	}
	return 0
}

// posixStatMode maps st_mode's type to the same bits.
func posixStatMode(m uint32) os.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return os.ModeDir
	case syscall.S_IFLNK:
		return os.ModeSymlink
	case syscall.S_IFIFO:
		return os.ModeNamedPipe
	case syscall.S_IFSOCK:
		return os.ModeSocket
	case syscall.S_IFCHR:
		return os.ModeDevice | os.ModeCharDevice
	case syscall.S_IFBLK:
		return os.ModeDevice
	}
	return 0
}
