package py

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// The file-system and fd half of the posix additions.

// posixDirFdArg converts dir_fd: None (or absent) is the current directory.
func posixDirFdArg(t *Thread, o Object) (int, error) {
	if o == nil || o == None {
		return uxAT_FDCWD, nil
	}
	if !isIntLike(o) {
		return 0, TypeErrorf("argument should be integer or None, not %s", typeName(o))
	}
	return posixInt(t, o)
}

// posixConfName is CPython's conv_confname: an int, or a name of table.
func posixConfName(t *Thread, o Object, table map[string]int) (int, error) {
	if isIntLike(o) {
		return posixInt(t, o)
	}
	s, ok := o.(*Str)
	if !ok {
		return 0, TypeErrorf("configuration names must be strings or integers")
	}
	v, ok := table[s.s]
	if !ok {
		return 0, ValueErrorf("unrecognized configuration name")
	}
	return v, nil
}

func posixNamesDict(table map[string]int) *Dict {
	d := NewDict()
	for k, v := range table {
		d.SetStr(k, Int(v))
	}
	return d
}

// posixBuffers collects the buffers of readv/writev: writable ones when
// write is false (the data read goes into them).
func posixBuffers(t *Thread, name string, o Object, writable bool) ([]func(fn func([]byte) error) error, error) {
	if !isSequence(o) {
		if name == "preadv" {
			name = "preadv2" // CPython's message names the C function
		}
		return nil, TypeErrorf("%s() arg 2 must be a sequence", name)
	}
	items, err := ToSlice(t, o)
	if err != nil {
		return nil, err
	}
	out := make([]func(fn func([]byte) error) error, len(items))
	for i, it := range items {
		if writable {
			w, ok := writableBuffer(it)
			if !ok {
				if _, err := ioBytesLike(t, it); err != nil {
					return nil, err
				}
				return nil, NewError(BufferErrorType, "Object is not writable.")
			}
			out[i] = w
			continue
		}
		b, err := ioBytesLike(t, it)
		if err != nil {
			return nil, err
		}
		out[i] = func(fn func([]byte) error) error { return fn(b) }
	}
	return out, nil
}

// posixVectorIO runs readv/writev/preadv/pwritev over the buffers: each
// buffer's bytes are gathered into (or scattered from) one Go slice, so
// that no buffer's lock is held during the system call.
func posixVectorIO(t *Thread, fd int, bufs []func(fn func([]byte) error) error, read bool, off int64, flags int, positioned bool) (Object, error) {
	var sizes []int
	var flat []byte
	for _, b := range bufs {
		if err := b(func(p []byte) error {
			sizes = append(sizes, len(p))
			if !read {
				flat = append(flat, p...)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	if read {
		total := 0
		for _, n := range sizes {
			total += n
		}
		flat = make([]byte, total)
	}
	iov := [][]byte{flat}
	var n int
	err := posixBlocking(t, true, func() error {
		var err error
		switch {
		case positioned && read:
			n, err = uxPreadv2(fd, iov, off, flags)
		case positioned:
			n, err = uxPwritev2(fd, iov, off, flags)
		case read:
			n, err = uxReadv(fd, iov)
		default:
			n, err = uxWritev(fd, iov)
		}
		return err
	})
	if err != nil {
		return nil, osErrorFrom(err, nil)
	}
	if read {
		rest := flat[:n]
		for _, b := range bufs {
			if len(rest) == 0 {
				break
			}
			if err := b(func(p []byte) error {
				k := copy(p, rest)
				rest = rest[k:]
				return nil
			}); err != nil {
				return nil, err
			}
		}
	}
	return Int(n), nil
}

// posixOptOffset converts an optional offset (None: the file position).
func posixOptOffset(t *Thread, o Object) (*int64, error) {
	if o == nil || o == None {
		return nil, nil
	}
	n, err := AsInt64(t, o)
	if err != nil {
		return nil, err
	}
	return &n, nil
}

func posixAddFS(t *Thread, m *Module) {
	d := m.dict
	fn := m.AddFunc
	for name, v := range posixConstantsExtra {
		d.SetStr(name, Int(v))
	}
	d.SetStr("sysconf_names", posixNamesDict(posixSysconfNames))
	d.SetStr("confstr_names", posixNamesDict(posixConfstrNames))
	d.SetStr("pathconf_names", posixNamesDict(posixPathconfNames))

	fn("sysconf", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("sysconf", args, kw, []string{""}, 1)
		if err != nil {
			return nil, err
		}
		n, err := posixConfName(t, a[0], posixSysconfNames)
		if err != nil {
			return nil, err
		}
		r, err := cSysconf(n)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(r), nil
	})
	fn("confstr", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("confstr", args, kw, []string{""}, 1)
		if err != nil {
			return nil, err
		}
		n, err := posixConfName(t, a[0], posixConfstrNames)
		if err != nil {
			return nil, err
		}
		s, ok, err := cConfstr(n)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		if !ok {
			return None, nil
		}
		return posixDecode(s), nil
	})
	fn("fpathconf", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("fpathconf", args, kw, []string{"fd", "name"}, 2)
		if err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "fpathconf", "fd", a[0], true)
		if err != nil {
			return nil, err
		}
		return posixPathconf(t, p, a[1])
	})
	fn("pathconf", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("pathconf", args, kw, []string{"path", "name"}, 2)
		if err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "pathconf", "path", a[0], true)
		if err != nil {
			return nil, err
		}
		return posixPathconf(t, p, a[1])
	})

	// ownership
	chown := func(name string, hasFd, follow bool) {
		names := []string{"path", "uid", "gid", "dir_fd", "follow_symlinks"}
		if !hasFd && !follow {
			names = names[:3]
		}
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			a, err := posixArgs(name, args, kw, names, 3)
			if err != nil {
				return nil, err
			}
			a = append(a, nil, nil)
			p, err := posixPathArg(t, name, "path", a[0], hasFd)
			if err != nil {
				return nil, err
			}
			uid, err := posixIDArg(t, a[1], "uid")
			if err != nil {
				return nil, err
			}
			gid, err := posixIDArg(t, a[2], "gid")
			if err != nil {
				return nil, err
			}
			dirFd, err := posixDirFdArg(t, a[3])
			if err != nil {
				return nil, err
			}
			fs, err := optBool(t, a[4], follow)
			if err != nil {
				return nil, err
			}
			if p.isFd && (dirFd != uxAT_FDCWD || !fs) {
				if !fs {
					return nil, ValueErrorf("%s: cannot use fd and follow_symlinks together", name)
				}
				return nil, ValueErrorf("%s: can't specify both dir_fd and fd", name)
			}
			flags := 0
			if !fs {
				flags = uxAT_SYMLINK_NOFOLLOW
			}
			if p.isFd {
				err = syscall.Fchown(p.fd, uid, gid)
			} else {
				err = uxFchownat(dirFd, p.s, uid, gid, flags)
			}
			if err != nil {
				return nil, osErrorFrom(err, p.obj)
			}
			return None, nil
		})
	}
	chown("chown", true, true)
	chown("lchown", false, false)
	fn("fchown", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("fchown", args, kw, []string{"fd", "uid", "gid"}, 3)
		if err != nil {
			return nil, err
		}
		fd, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		uid, err := posixIDArg(t, a[1], "uid")
		if err != nil {
			return nil, err
		}
		gid, err := posixIDArg(t, a[2], "gid")
		if err != nil {
			return nil, err
		}
		if err := syscall.Fchown(fd, uid, gid); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fn("chroot", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("chroot", args, kw, []string{"path"}, 1)
		if err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "chroot", "path", a[0], false)
		if err != nil {
			return nil, err
		}
		if err := syscall.Chroot(p.s); err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		return None, nil
	})
	mkNode := func(name string, names []string, defMode int) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			a, err := posixArgs(name, args, kw, names, 1)
			if err != nil {
				return nil, err
			}
			p, err := posixPathArg(t, name, "path", a[0], false)
			if err != nil {
				return nil, err
			}
			mode, err := posixOptInt(t, a[1], defMode)
			if err != nil {
				return nil, err
			}
			var dev uint64
			dirObj := a[len(a)-1]
			if name == "mknod" && a[2] != nil {
				n, err := AsInt64(t, a[2])
				if err != nil {
					return nil, err
				}
				dev = uint64(n)
			}
			dirFd, err := posixDirFdArg(t, dirObj)
			if err != nil {
				return nil, err
			}
			if name == "mkfifo" {
				err = uxMkfifoat(dirFd, p.s, uint32(mode))
			} else {
				err = uxMknodat(dirFd, p.s, uint32(mode), int(dev))
			}
			if err != nil {
				// CPython names no file in these errors
				return nil, osErrorFrom(err, nil)
			}
			return None, nil
		})
	}
	mkNode("mkfifo", []string{"path", "mode", "dir_fd"}, 0o666)
	mkNode("mknod", []string{"path", "mode", "device", "dir_fd"}, 0o600)
	devPart := func(name string, f func(uint64) uint32) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			a, err := posixArgs(name, args, kw, []string{"device"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := AsInt64(t, a[0])
			if err != nil {
				return nil, err
			}
			return Int(int64(f(uint64(n)))), nil
		})
	}
	devPart("major", uxMajor)
	devPart("minor", uxMinor)
	fn("makedev", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "makedev", args, kw, "major", "minor")
		if err != nil {
			return nil, err
		}
		return Int(int64(uxMkdev(uint32(a[0]), uint32(a[1])))), nil
	})

	// statvfs
	statvfsObj := func(st *syscall.Statfs_t) Object {
		in := posixStatvfs.Make(Int(st.Bsize), Int(st.Frsize), Int(int64(st.Blocks)), Int(int64(st.Bfree)),
			Int(int64(st.Bavail)), Int(int64(st.Files)), Int(int64(st.Ffree)), Int(int64(st.Ffree)),
			Int(posixStatvfsFlags(st.Flags)), Int(st.Namelen)).(*Instance)
		in.dict = NewDict()
		fsid := uint64(uint32(st.Fsid.X__val[0])) | uint64(uint32(st.Fsid.X__val[1]))<<32
		in.dict.SetStr("f_fsid", Int(int64(fsid)))
		return in
	}
	fn("statvfs", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("statvfs", args, kw, []string{"path"}, 1)
		if err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "statvfs", "path", a[0], true)
		if err != nil {
			return nil, err
		}
		var st syscall.Statfs_t
		if p.isFd {
			err = posixRetry(t, func() error { return syscall.Fstatfs(p.fd, &st) })
		} else {
			err = posixRetry(t, func() error { return syscall.Statfs(p.s, &st) })
		}
		if err != nil {
			if p.isFd {
				return nil, osErrorFrom(err, nil)
			}
			return nil, osErrorFrom(err, p.obj)
		}
		return statvfsObj(&st), nil
	})
	fn("fstatvfs", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "fstatvfs", args, kw, "")
		if err != nil {
			return nil, err
		}
		var st syscall.Statfs_t
		if err := posixRetry(t, func() error { return syscall.Fstatfs(a[0], &st) }); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return statvfsObj(&st), nil
	})
	fn("getloadavg", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if _, err := posixArgs("getloadavg", args, kw, nil, 0); err != nil {
			return nil, err
		}
		b, err := os.ReadFile("/proc/loadavg")
		f := strings.Fields(string(b))
		if err != nil || len(f) < 3 {
			return nil, Errorf(OSErrorType, "Load averages are unobtainable")
		}
		out := make([]Object, 3)
		for i := range out {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, Errorf(OSErrorType, "Load averages are unobtainable")
			}
			out[i] = Float(v)
		}
		return NewTuple(out...), nil
	})
	fn("fdatasync", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("fdatasync", args, kw, []string{"fd"}, 1)
		if err != nil {
			return nil, err
		}
		fd, err := posixFildes(t, a[0])
		if err != nil {
			return nil, err
		}
		if err := posixBlocking(t, true, func() error { return syscall.Fdatasync(fd) }); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fn("lockf", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("lockf", args, kw, []string{"", "", ""}, 3)
		if err != nil {
			return nil, err
		}
		fd, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		cmd, err := posixInt(t, a[1])
		if err != nil {
			return nil, err
		}
		n, err := AsInt64(t, a[2])
		if err != nil {
			return nil, err
		}
		if err := posixBlocking(t, cmd == 1, func() error { return posixLockf(fd, cmd, n) }); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fadv := func(name string, names []string, f func(fd int, off, n int64, adv int) error) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			a, err := posixArgs(name, args, kw, names, len(names))
			if err != nil {
				return nil, err
			}
			fd, err := posixInt(t, a[0])
			if err != nil {
				return nil, err
			}
			off, err := AsInt64(t, a[1])
			if err != nil {
				return nil, err
			}
			n, err := AsInt64(t, a[2])
			if err != nil {
				return nil, err
			}
			adv := 0
			if len(a) > 3 {
				if adv, err = posixInt(t, a[3]); err != nil {
					return nil, err
				}
			}
			if err := posixRetry(t, func() error { return f(fd, off, n, adv) }); err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return None, nil
		})
	}
	fadv("posix_fadvise", []string{"", "", "", ""}, uxFadvise)
	fadv("posix_fallocate", []string{"", "", ""}, func(fd int, off, n int64, _ int) error {
		if off < 0 || n <= 0 {
			return syscall.EINVAL
		}
		return syscall.Fallocate(fd, 0, off, n)
	})

	// positioned and vector I/O
	fn("pread", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("pread", args, kw, []string{"", "", ""}, 3)
		if err != nil {
			return nil, err
		}
		fd, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		n, err := posixInt(t, a[1])
		if err != nil {
			return nil, err
		}
		off, err := AsInt64(t, a[2])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, newOSError(int(syscall.EINVAL), nil, nil)
		}
		buf := make([]byte, n)
		var k int
		if err := posixBlocking(t, true, func() (err error) { k, err = syscall.Pread(fd, buf, off); return }); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewBytes(buf[:k]), nil
	})
	fn("pwrite", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("pwrite", args, kw, []string{"", "", ""}, 3)
		if err != nil {
			return nil, err
		}
		fd, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		b, err := ioBytesLike(t, a[1])
		if err != nil {
			return nil, err
		}
		off, err := AsInt64(t, a[2])
		if err != nil {
			return nil, err
		}
		var k int
		if err := posixBlocking(t, true, func() (err error) { k, err = syscall.Pwrite(fd, b, off); return }); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(k), nil
	})
	vec := func(name string, read, positioned bool) {
		names := []string{"", ""}
		req := 2
		if positioned {
			names, req = []string{"", "", "", ""}, 3
		}
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			a, err := posixArgs(name, args, kw, names, req)
			if err != nil {
				return nil, err
			}
			fd, err := posixInt(t, a[0])
			if err != nil {
				return nil, err
			}
			bufs, err := posixBuffers(t, name, a[1], read)
			if err != nil {
				return nil, err
			}
			var off int64
			flags := 0
			if positioned {
				if off, err = AsInt64(t, a[2]); err != nil {
					return nil, err
				}
				if flags, err = posixOptInt(t, a[3], 0); err != nil {
					return nil, err
				}
			}
			return posixVectorIO(t, fd, bufs, read, off, flags, positioned)
		})
	}
	vec("readv", true, false)
	vec("writev", false, false)
	vec("preadv", true, true)
	vec("pwritev", false, true)
	fn("sendfile", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("sendfile", args, kw, []string{"out_fd", "in_fd", "offset", "count"}, 4)
		if err != nil {
			return nil, err
		}
		out, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		in, err := posixInt(t, a[1])
		if err != nil {
			return nil, err
		}
		off, err := posixOptOffset(t, a[2])
		if err != nil {
			return nil, err
		}
		cnt, err := posixInt(t, a[3])
		if err != nil {
			return nil, err
		}
		var n int
		if err := posixBlocking(t, true, func() (err error) { n, err = syscall.Sendfile(out, in, off, cnt); return }); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(n), nil
	})
	copyLike := func(name string, names []string) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			a, err := posixArgs(name, args, kw, names, 3)
			if err != nil {
				return nil, err
			}
			src, err := posixInt(t, a[0])
			if err != nil {
				return nil, err
			}
			dst, err := posixInt(t, a[1])
			if err != nil {
				return nil, err
			}
			cnt, err := posixInt(t, a[2])
			if err != nil {
				return nil, err
			}
			if cnt < 0 {
				return nil, ValueErrorf("negative value for 'count' not allowed")
			}
			offSrc, err := posixOptOffset(t, a[3])
			if err != nil {
				return nil, err
			}
			offDst, err := posixOptOffset(t, a[4])
			if err != nil {
				return nil, err
			}
			flags, err := posixOptInt(t, a[5], 0)
			if err != nil {
				return nil, err
			}
			var n int
			err = posixBlocking(t, true, func() (err error) {
				if name == "splice" {
					var n64 int64
					n64, err = syscall.Splice(src, offSrc, dst, offDst, cnt, flags)
					n = int(n64)
					return
				}
				n, err = uxCopyFileRange(src, offSrc, dst, offDst, cnt, flags)
				return
			})
			if err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return Int(n), nil
		})
	}
	copyLike("copy_file_range", []string{"src", "dst", "count", "offset_src", "offset_dst", ""})
	copyLike("splice", []string{"src", "dst", "count", "offset_src", "offset_dst", "flags"})
	fn("pipe2", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "pipe2", args, kw, "")
		if err != nil {
			return nil, err
		}
		var p [2]int
		if err := syscall.Pipe2(p[:], a[0]); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewTuple(Int(p[0]), Int(p[1])), nil
	})

	// terminals
	fn("ttyname", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "ttyname", args, kw, "")
		if err != nil {
			return nil, err
		}
		if !posixIsatty(a[0]) {
			var st syscall.Stat_t
			if err := syscall.Fstat(a[0], &st); err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return nil, newOSError(int(syscall.ENOTTY), nil, nil)
		}
		s, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(a[0]))
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return posixDecode(s), nil
	})
	fn("openpty", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if _, err := posixArgs("openpty", args, kw, nil, 0); err != nil {
			return nil, err
		}
		mfd, sfd, err := posixOpenpty()
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewTuple(Int(mfd), Int(sfd)), nil
	})

	// kernel objects
	fn("getrandom", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("getrandom", args, kw, []string{"size", "flags"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		fl, err := posixOptInt(t, a[1], 0)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, newOSError(int(syscall.EINVAL), nil, nil)
		}
		buf := make([]byte, n)
		var k int
		if err := posixRetry(t, func() (err error) { k, err = uxGetrandom(buf, fl); return }); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewBytes(buf[:k]), nil
	})
	fn("memfd_create", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("memfd_create", args, kw, []string{"name", "flags"}, 1)
		if err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "memfd_create", "name", a[0], false)
		if err != nil {
			return nil, err
		}
		fl, err := posixOptInt(t, a[1], uxMFD_CLOEXEC)
		if err != nil {
			return nil, err
		}
		fd, err := uxMemfdCreate(p.s, fl)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(fd), nil
	})
	fn("eventfd", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("eventfd", args, kw, []string{"initval", "flags"}, 1)
		if err != nil {
			return nil, err
		}
		iv, err := AsInt64(t, a[0])
		if err != nil {
			return nil, err
		}
		if iv < 0 {
			return nil, ValueErrorf("value must be positive")
		}
		if iv > 0xffffffff {
			return nil, NewError(OverflowErrorType, "Python int too large to convert to C unsigned int")
		}
		fl, err := posixOptInt(t, a[1], uxEFD_CLOEXEC)
		if err != nil {
			return nil, err
		}
		fd, err := uxEventfd(uint(iv), fl)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(fd), nil
	})
	fn("eventfd_read", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("eventfd_read", args, kw, []string{"fd"}, 1)
		if err != nil {
			return nil, err
		}
		fd, err := posixFildes(t, a[0])
		if err != nil {
			return nil, err
		}
		var buf [8]byte
		err = posixBlocking(t, true, func() error {
			_, err := syscall.Read(fd, buf[:])
			return err
		})
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return posixUint64Obj(*(*uint64)(unsafe.Pointer(&buf[0]))), nil
	})
	fn("eventfd_write", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("eventfd_write", args, kw, []string{"fd", "value"}, 2)
		if err != nil {
			return nil, err
		}
		fd, err := posixFildes(t, a[0])
		if err != nil {
			return nil, err
		}
		v, err := posixAsUint64(t, a[1])
		if err != nil {
			return nil, err
		}
		var buf [8]byte
		*(*uint64)(unsafe.Pointer(&buf[0])) = v
		err = posixBlocking(t, true, func() error {
			_, err := syscall.Write(fd, buf[:])
			return err
		})
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	posixAddXattr(m)
	posixAddSched(m)
}

// posixPathconf is pathconf/fpathconf on a path or an fd.
func posixPathconf(t *Thread, p posixPath, nameObj Object) (Object, error) {
	n, err := posixConfName(t, nameObj, posixPathconfNames)
	if err != nil {
		return nil, err
	}
	var r int
	if p.isFd {
		r, err = cFpathconf(p.fd, n)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
	} else if r, err = cPathconf(p.s, n); err != nil {
		return nil, osErrorFrom(err, p.obj)
	}
	return Int(r), nil
}

// posixStatvfsFlags maps statfs(2)'s f_flags to statvfs's f_flag: glibc
// keeps the ST_* bits and drops ST_VALID (0x20).
func posixStatvfsFlags(f int64) int64 { return f &^ 0x20 }

// posixLockf is lockf(3) over fcntl record locks, as glibc implements it.
func posixLockf(fd, cmd int, n int64) error {
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 1, Len: n}
	switch cmd {
	case 0: // F_ULOCK
		lk.Type = syscall.F_UNLCK
		return syscall.FcntlFlock(uintptr(fd), syscall.F_SETLK, &lk)
	case 1: // F_LOCK
		return syscall.FcntlFlock(uintptr(fd), syscall.F_SETLKW, &lk)
	case 2: // F_TLOCK
		return syscall.FcntlFlock(uintptr(fd), syscall.F_SETLK, &lk)
	case 3: // F_TEST
		lk.Type = syscall.F_RDLCK
		if err := syscall.FcntlFlock(uintptr(fd), syscall.F_GETLK, &lk); err != nil {
			return err
		}
		if lk.Type == syscall.F_UNLCK || int(lk.Pid) == syscall.Getpid() {
			return nil
		}
		return syscall.EACCES
	}
	return syscall.EINVAL
}

// posixOpenpty opens a pseudo-terminal pair, both ends non-inheritable.
func posixOpenpty() (int, int, error) {
	mfd, err := syscall.Open("/dev/ptmx", syscall.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return -1, -1, err
	}
	if err := uxIoctlSetPointerInt(mfd, syscall.TIOCSPTLCK, 0); err != nil {
		syscall.Close(mfd)
		return -1, -1, err
	}
	n, err := uxIoctlGetUint32(mfd, syscall.TIOCGPTN)
	if err != nil {
		syscall.Close(mfd)
		return -1, -1, err
	}
	sfd, err := syscall.Open("/dev/pts/"+strconv.Itoa(int(n)), syscall.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		syscall.Close(mfd)
		return -1, -1, err
	}
	return mfd, sfd, nil
}
