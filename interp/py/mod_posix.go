package py

import (
	"crypto/rand"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"freepy/interp/strops"
)

// The posix native module: what os.py builds the os module from.

// posixIsatty is isatty(fd): whether fd is a terminal (TCGETS succeeds).
func posixIsatty(fd int) bool {
	var tio syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(syscall.TCGETS), uintptr(unsafe.Pointer(&tio)))
	return e == 0
}

// posixPath is a path argument: a file name (str or bytes) or an fd.
type posixPath struct {
	obj     Object
	s       string
	isBytes bool
	fd      int
	isFd    bool
}

func posixPathArg(t *Thread, fname, argname string, o Object, allowFd bool) (posixPath, error) {
	if allowFd {
		switch v := o.(type) {
		case Int:
			return posixPath{obj: o, fd: int(v), isFd: true}, nil
		case Bool:
			fd := 0
			if v {
				fd = 1
			}
			return posixPath{obj: o, fd: fd, isFd: true}, nil
		}
	}
	bad := func() error {
		if allowFd {
			return TypeErrorf("%s: %s should be string, bytes, os.PathLike or integer, not %s", fname, argname, typeName(o))
		}
		return TypeErrorf("%s: %s should be string, bytes or os.PathLike, not %s", fname, argname, typeName(o))
	}
	p, err := ioFsPath(t, o)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return posixPath{}, bad()
		}
		return posixPath{}, err
	}
	switch v := unwrap(p).(type) {
	case *Str:
		s := v.s
		if !v.ascii {
			b, err := strops.Encode(s, "utf-8", "surrogateescape")
			if err != nil {
				return posixPath{}, ioCodecError(err)
			}
			s = string(b)
		}
		if strings.IndexByte(s, 0) >= 0 {
			return posixPath{}, ValueErrorf("embedded null byte")
		}
		return posixPath{obj: o, s: s}, nil
	case *Bytes:
		if strings.IndexByte(string(v.b), 0) >= 0 {
			return posixPath{}, ValueErrorf("embedded null byte")
		}
		return posixPath{obj: o, s: string(v.b), isBytes: true}, nil
	}
	return posixPath{}, bad()
}

// posixName makes a file name object: bytes when the caller used bytes.
func posixName(s string, asBytes bool) Object {
	if asBytes {
		return NewBytes([]byte(s))
	}
	return posixDecode(s)
}

// posixDecode is os.fsdecode for OS text (UTF-8 with surrogateescape).
func posixDecode(s string) *Str {
	if strops.IsASCII(s) {
		return NewStr(s)
	}
	d, err := strops.Decode([]byte(s), "utf-8", "surrogateescape")
	if err != nil {
		return NewStr(s)
	}
	return NewStr(d)
}

var (
	posixTypesOnce   sync.Once
	posixStatResult  *StructSeq
	posixTimesResult *StructSeq
	posixUnameResult *StructSeq
	posixTermSize    *StructSeq
)

func posixTypes() {
	posixTypesOnce.Do(func() {
		posixStatResult = NewStructSeqType("stat_result", "os", []string{"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"})
		st := posixStatResult.Type
		st.Dict.SetStr("n_fields", Int(19))
		st.Dict.SetStr("n_unnamed_fields", Int(3))
		// the float times and the extra fields live in the instance dict
		for _, name := range []string{"st_atime", "st_mtime", "st_ctime"} {
			name := name
			st.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
				if in, ok := o.(*Instance); ok && LoadPtr(&in.dict) != nil {
					if v := LoadPtr(&in.dict).GetStr(name); v != nil {
						return v, nil
					}
				}
				return None, nil
			}, nil)
		}
		posixTimesResult = NewStructSeqType("times_result", "posix", []string{"user", "system", "children_user", "children_system", "elapsed"})
		posixUnameResult = NewStructSeqType("uname_result", "posix", []string{"sysname", "nodename", "release", "version", "machine"})
		posixTermSize = NewStructSeqType("terminal_size", "os", []string{"columns", "lines"})
	})
}

func posixTimespec(ts syscall.Timespec) (Float, Object) {
	ns := ts.Sec*1e9 + ts.Nsec
	return Float(float64(ts.Sec) + float64(ts.Nsec)*1e-9), Int(ns)
}

// posixStatObj builds an os.stat_result.
func posixStatObj(st *syscall.Stat_t) Object {
	posixTypes()
	in := posixStatResult.Make(Int(st.Mode), Int(int64(st.Ino)), Int(int64(st.Dev)), Int(int64(st.Nlink)), Int(st.Uid), Int(st.Gid),
		Int(st.Size), Int(st.Atim.Sec), Int(st.Mtim.Sec), Int(st.Ctim.Sec)).(*Instance)
	in.dict = NewDict()
	d := LoadPtr(&in.dict)
	af, ans := posixTimespec(st.Atim)
	mf, mns := posixTimespec(st.Mtim)
	cf, cns := posixTimespec(st.Ctim)
	d.SetStr("st_atime", af)
	d.SetStr("st_mtime", mf)
	d.SetStr("st_ctime", cf)
	d.SetStr("st_atime_ns", ans)
	d.SetStr("st_mtime_ns", mns)
	d.SetStr("st_ctime_ns", cns)
	d.SetStr("st_blksize", Int(st.Blksize))
	d.SetStr("st_blocks", Int(st.Blocks))
	d.SetStr("st_rdev", Int(int64(st.Rdev)))
	return in
}

func posixInt(t *Thread, o Object) (int, error) {
	n, err := AsInt64(t, o)
	return int(n), err
}

// ---- DirEntry ----

// DirEntryType is posix.DirEntry, made by scandir.
var DirEntryType = newBuiltinType("DirEntry", ObjectType)

type dirEntry struct {
	name, path string
	isBytes    bool
	typ        os.FileMode // d_type bits
	ino        uint64
	dirFd      int // scandir(fd): stat is fstatat(dirFd, name)
	mu         sync.Mutex
	st, lst    Object
}

func (*dirEntry) Type() *Type { return DirEntryType }

// ScandirIteratorType is the iterator scandir returns.
var ScandirIteratorType = newBuiltinType("ScandirIterator", ObjectType)

type scandirIter struct {
	mu      sync.Mutex
	entries []*dirEntry
	i       int
}

func (*scandirIter) Type() *Type { return ScandirIteratorType }

func (e *dirEntry) stat(t *Thread, follow bool) (Object, error) {
	e.mu.Lock()
	cached := e.lst
	if follow {
		cached = e.st
	}
	e.mu.Unlock()
	if cached != nil {
		return cached, nil
	}
	if follow && e.typ&os.ModeSymlink == 0 {
		r, err := e.stat(t, false)
		if err != nil {
			return nil, err
		}
		e.mu.Lock()
		e.st = r
		e.mu.Unlock()
		return r, nil
	}
	r, err := posixStatAt(posixAtPath{posixPath{obj: posixName(e.path, e.isBytes), s: e.path, isBytes: e.isBytes}, e.dirFd, follow})
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	if follow {
		e.st = r
	} else {
		e.lst = r
	}
	e.mu.Unlock()
	return r, nil
}

// testMode is is_dir/is_file: d_type first, stat for symlinks.
func (e *dirEntry) testMode(t *Thread, follow bool, want uint32) (bool, error) {
	if e.typ&os.ModeSymlink == 0 || !follow {
		switch want {
		case syscall.S_IFDIR:
			return e.typ.IsDir(), nil
		case syscall.S_IFREG:
			return e.typ.IsRegular(), nil
		}
	}
	st, err := e.stat(t, follow)
	if err != nil {
		if IsInstanceOf(err, FileNotFoundErrorType) {
			return false, nil
		}
		return false, err
	}
	mode, err := GetAttrString(t, st, "st_mode")
	if err != nil {
		return false, err
	}
	m, _ := mode.(Int)
	return uint32(m)&syscall.S_IFMT == want, nil
}

func init() {
	dt := DirEntryType
	dt.Flags.And(^uint64(FlagBaseType))
	get := func(o Object) *dirEntry { return o.(*dirEntry) }
	dt.AddGetSet("name", func(t *Thread, o Object) (Object, error) { return posixName(get(o).name, get(o).isBytes), nil }, nil)
	dt.AddGetSet("path", func(t *Thread, o Object) (Object, error) { return posixName(get(o).path, get(o).isBytes), nil }, nil)
	followArg := func(fname string, args []Object, kw []string) (Object, error) {
		var follow Object
		if len(args) > len(kw) {
			return nil, TypeErrorf("%s() takes no positional arguments", fname)
		}
		err := ParseArgs(fname, args, kw, []string{"follow_symlinks"}, 0, &follow)
		return follow, err
	}
	dt.AddMethod("is_dir", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := followArg("is_dir", args, kw)
		if err != nil {
			return nil, err
		}
		follow, err := optBool(t, f, true)
		if err != nil {
			return nil, err
		}
		r, err := get(self).testMode(t, follow, syscall.S_IFDIR)
		return Bool(r), err
	})
	dt.AddMethod("is_file", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := followArg("is_file", args, kw)
		if err != nil {
			return nil, err
		}
		follow, err := optBool(t, f, true)
		if err != nil {
			return nil, err
		}
		r, err := get(self).testMode(t, follow, syscall.S_IFREG)
		return Bool(r), err
	})
	dt.AddMethod("is_symlink", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return Bool(get(self).typ&os.ModeSymlink != 0), nil
	})
	dt.AddMethod("stat", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := followArg("stat", args, kw)
		if err != nil {
			return nil, err
		}
		follow, err := optBool(t, f, true)
		if err != nil {
			return nil, err
		}
		return get(self).stat(t, follow)
	})
	dt.AddMethod("inode", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return Int(int64(get(self).ino)), nil
	})
	dt.AddMethod("__fspath__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return posixName(get(self).path, get(self).isBytes), nil
	})
	dt.Repr = func(t *Thread, o Object) (Object, error) {
		r, err := ReprString(t, posixName(get(o).name, get(o).isBytes))
		if err != nil {
			return nil, err
		}
		return NewStr("<DirEntry " + r + ">"), nil
	}
	it := ScandirIteratorType
	it.Flags.And(^uint64(FlagBaseType))
	it.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	it.Next = func(t *Thread, o Object) (Object, error) {
		s := o.(*scandirIter)
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.i >= len(s.entries) {
			return nil, nil
		}
		e := s.entries[s.i]
		s.i++
		return e, nil
	}
	closeIt := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		s := self.(*scandirIter)
		s.mu.Lock()
		s.i = len(s.entries)
		s.mu.Unlock()
		return None, nil
	}
	it.AddMethod("close", closeIt)
	it.AddMethod("__enter__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) { return self, nil })
	it.AddMethod("__exit__", closeIt)
	registerType(DirEntryType, ScandirIteratorType)

	RegisterNativeModule("posix", posixModule)
}

func posixModule(t *Thread) (*Module, error) {
	posixTypes()
	m := NewModule("posix")
	d := m.dict
	fn := m.AddFunc
	d.SetStr("error", OSErrorType)
	d.SetStr("stat_result", posixStatResult.Type)
	d.SetStr("times_result", posixTimesResult.Type)
	d.SetStr("uname_result", posixUnameResult.Type)
	d.SetStr("terminal_size", posixTermSize.Type)
	d.SetStr("DirEntry", DirEntryType)
	ioFixPosixNames()
	for name, v := range posixConstants {
		d.SetStr(name, Int(v))
	}
	d.SetStr("_have_functions", NewList())
	posixAddProcess(t, m)
	posixAddFS(t, m)
	posixAddAt(m)
	env := NewDict()
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env.SetItem(t, NewBytes([]byte(k)), NewBytes([]byte(v)))
	}
	d.SetStr("environ", env)

	fn("fstat", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var fd Object
		if err := ParseArgs("fstat", args, kw, []string{"fd"}, 1, &fd); err != nil {
			return nil, err
		}
		n, err := posixInt(t, fd)
		if err != nil {
			return nil, err
		}
		var st syscall.Stat_t
		if err := syscall.Fstat(n, &st); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return posixStatObj(&st), nil
	})
	fn("chdir", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path Object
		if err := ParseArgs("chdir", args, kw, []string{"path"}, 1, &path); err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "chdir", "path", path, true)
		if err != nil {
			return nil, err
		}
		if err := Audit(t, "os.chdir", path); err != nil {
			return nil, err
		}
		if p.isFd {
			err = syscall.Fchdir(p.fd)
		} else {
			err = syscall.Chdir(p.s)
		}
		if err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		return None, nil
	})
	fn("getcwd", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		wd, err := syscall.Getwd()
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return posixDecode(wd), nil
	})
	fn("getcwdb", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		wd, err := syscall.Getwd()
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewBytes([]byte(wd)), nil
	})
	fn("listdir", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path Object
		if err := ParseArgs("listdir", args, kw, []string{"path"}, 0, &path); err != nil {
			return nil, err
		}
		p := posixPath{obj: NewStr("."), s: "."}
		if path != nil && path != None {
			var err error
			if p, err = posixPathArg(t, "listdir", "path", path, true); err != nil {
				return nil, err
			}
		}
		if err := Audit(t, "os.listdir", orNone(path)); err != nil {
			return nil, err
		}
		var f *os.File
		var err error
		if p.isFd {
			nfd, derr := syscall.Dup(p.fd)
			if derr != nil {
				return nil, osErrorFrom(derr, nil)
			}
			f = os.NewFile(uintptr(nfd), "")
			syscall.Seek(nfd, 0, 0)
		} else if f, err = os.Open(p.s); err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		names, err := f.Readdirnames(-1)
		f.Close()
		if err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		out := make([]Object, len(names))
		for i, n := range names {
			out[i] = posixName(n, p.isBytes)
		}
		return NewList(out...), nil
	})
	fn("truncate", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path, length Object
		if err := ParseArgs("truncate", args, kw, []string{"path", "length"}, 2, &path, &length); err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "truncate", "path", path, true)
		if err != nil {
			return nil, err
		}
		n, err := AsInt64(t, length)
		if err != nil {
			return nil, err
		}
		if err := Audit(t, "os.truncate", path, Int(n)); err != nil {
			return nil, err
		}
		if p.isFd {
			err = syscall.Ftruncate(p.fd, n)
		} else {
			err = syscall.Truncate(p.s, n)
		}
		if err != nil {
			return nil, osErrorFrom(err, p.obj)
		}
		return None, nil
	})

	// ---- file descriptors ----
	fdFunc := func(name string, do func(fd int) error) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var fdo Object
			if err := ParseArgs(name, args, kw, []string{"fd"}, 1, &fdo); err != nil {
				return nil, err
			}
			fd, err := posixInt(t, fdo)
			if err != nil {
				return nil, err
			}
			if err := do(fd); err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return None, nil
		})
	}
	fdFunc("close", syscall.Close)
	fdFunc("fsync", syscall.Fsync)
	fdFunc("fchdir", syscall.Fchdir)
	fn("closerange", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("closerange expected 2 arguments, got %d", len(args))
		}
		lo, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		hi, err := posixInt(t, args[1])
		if err != nil {
			return nil, err
		}
		for fd := lo; fd < hi; fd++ {
			syscall.Close(fd)
		}
		return None, nil
	})
	fn("read", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("read expected 2 arguments, got %d", len(args))
		}
		fd, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		n, err := posixInt(t, args[1])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, newOSError(int(syscall.EINVAL), nil, nil)
		}
		buf := make([]byte, n)
		for {
			k, err := syscall.Read(fd, buf)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return NewBytes(buf[:k]), nil
		}
	})
	fn("write", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("write expected 2 arguments, got %d", len(args))
		}
		fd, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		b, err := ioBytesLike(t, args[1])
		if err != nil {
			return nil, err
		}
		for {
			k, err := syscall.Write(fd, b)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return Int(k), nil
		}
	})
	fn("lseek", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 3 {
			return nil, TypeErrorf("lseek expected 3 arguments, got %d", len(args))
		}
		fd, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		pos, err := AsInt64(t, args[1])
		if err != nil {
			return nil, err
		}
		wh, err := posixInt(t, args[2])
		if err != nil {
			return nil, err
		}
		r, err := syscall.Seek(fd, pos, wh)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(r), nil
	})
	fn("ftruncate", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("ftruncate expected 2 arguments, got %d", len(args))
		}
		fd, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		n, err := AsInt64(t, args[1])
		if err != nil {
			return nil, err
		}
		if err := syscall.Ftruncate(fd, n); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fn("isatty", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("isatty() takes exactly one argument (%d given)", len(args))
		}
		fd, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		return Bool(posixIsatty(fd)), nil
	})
	fn("dup", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("dup() takes exactly one argument (%d given)", len(args))
		}
		fd, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		r, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 0)
		if e != 0 {
			return nil, osErrorFrom(e, nil)
		}
		return Int(int(r)), nil
	})
	fn("dup2", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var a, b, inh Object
		if err := ParseArgs("dup2", args, kw, []string{"fd", "fd2", "inheritable"}, 2, &a, &b, &inh); err != nil {
			return nil, err
		}
		fd, err := posixInt(t, a)
		if err != nil {
			return nil, err
		}
		fd2, err := posixInt(t, b)
		if err != nil {
			return nil, err
		}
		inheritable, err := optBool(t, inh, true)
		if err != nil {
			return nil, err
		}
		flags := 0
		if !inheritable {
			flags = syscall.O_CLOEXEC
		}
		if fd == fd2 {
			return Int(fd2), nil
		}
		if err := syscall.Dup3(fd, fd2, flags); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(fd2), nil
	})
	fn("pipe", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var p [2]int
		if err := syscall.Pipe2(p[:], syscall.O_CLOEXEC); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewTuple(Int(p[0]), Int(p[1])), nil
	})
	inheritable := func(name string, get bool) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) < 1 {
				return nil, TypeErrorf("%s expected arguments", name)
			}
			fd, err := posixInt(t, args[0])
			if err != nil {
				return nil, err
			}
			flags, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
			if e != 0 {
				return nil, osErrorFrom(e, nil)
			}
			if get {
				return Bool(flags&syscall.FD_CLOEXEC == 0), nil
			}
			if len(args) != 2 {
				return nil, TypeErrorf("%s expected 2 arguments, got %d", name, len(args))
			}
			on, err := IsTrue(t, args[1])
			if err != nil {
				return nil, err
			}
			if on {
				flags &^= syscall.FD_CLOEXEC
			} else {
				flags |= syscall.FD_CLOEXEC
			}
			if _, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_SETFD, flags); e != 0 {
				return nil, osErrorFrom(e, nil)
			}
			return None, nil
		})
	}
	inheritable("get_inheritable", true)
	inheritable("set_inheritable", false)
	blocking := func(name string, get bool) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) < 1 {
				return nil, TypeErrorf("%s expected arguments", name)
			}
			fd, err := posixInt(t, args[0])
			if err != nil {
				return nil, err
			}
			flags, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0)
			if e != 0 {
				return nil, osErrorFrom(e, nil)
			}
			if get {
				return Bool(flags&syscall.O_NONBLOCK == 0), nil
			}
			if len(args) != 2 {
				return nil, TypeErrorf("%s expected 2 arguments, got %d", name, len(args))
			}
			on, err := IsTrue(t, args[1])
			if err != nil {
				return nil, err
			}
			if on {
				flags &^= syscall.O_NONBLOCK
			} else {
				flags |= syscall.O_NONBLOCK
			}
			if _, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_SETFL, flags); e != 0 {
				return nil, osErrorFrom(e, nil)
			}
			return None, nil
		})
	}
	blocking("get_blocking", true)
	blocking("set_blocking", false)
	fn("device_encoding", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("device_encoding() takes exactly one argument (%d given)", len(args))
		}
		fd, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		if posixIsatty(fd) {
			return NewStr("UTF-8"), nil
		}
		return None, nil
	})

	// ---- process ----
	ids := map[string]func() int{"getpid": syscall.Getpid, "getppid": syscall.Getppid, "getuid": syscall.Getuid,
		"geteuid": syscall.Geteuid, "getgid": syscall.Getgid, "getegid": syscall.Getegid, "getpgrp": syscall.Getpgrp}
	for name, f := range ids {
		f := f
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("%s() takes no arguments (%d given)", name, len(args))
			}
			return Int(f()), nil
		})
	}
	fn("getgroups", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		gs, err := syscall.Getgroups()
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		out := make([]Object, len(gs))
		for i, g := range gs {
			out[i] = Int(g)
		}
		return NewList(out...), nil
	})
	fn("getlogin", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if u := os.Getenv("LOGNAME"); u != "" {
			return NewStr(u), nil
		}
		return nil, newOSError(int(syscall.ENXIO), nil, nil)
	})
	fn("kill", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("kill expected 2 arguments, got %d", len(args))
		}
		pid, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		sig, err := posixInt(t, args[1])
		if err != nil {
			return nil, err
		}
		if pid == os.Getpid() && sig > 0 && sig < nsig {
			// recorded at once, as the kernel marks it pending before
			// kill returns; Go would pass it on asynchronously
			return None, sigSend(t, sig)
		}
		if err := syscall.Kill(pid, syscall.Signal(sig)); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		if pid == 0 {
			return None, selfSignalled(t, sig)
		}
		return None, nil
	})
	fn("_exit", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("_exit() takes exactly one argument (%d given)", len(args))
		}
		code, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		os.Exit(code)
		return None, nil
	})
	fn("cpu_count", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		return Int(runtime.NumCPU()), nil
	})
	fn("times", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var tms syscall.Tms
		ticks, err := syscall.Times(&tms)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		const hz = 100.0
		return posixTimesResult.Make(Float(float64(tms.Utime)/hz), Float(float64(tms.Stime)/hz), Float(float64(tms.Cutime)/hz),
			Float(float64(tms.Cstime)/hz), Float(float64(ticks)/hz)), nil
	})
	fn("umask", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("umask() takes exactly one argument (%d given)", len(args))
		}
		m, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		return Int(syscall.Umask(m)), nil
	})
	fn("uname", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var u syscall.Utsname
		if err := syscall.Uname(&u); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		str := func(a [65]int8) Object {
			b := make([]byte, 0, len(a))
			for _, c := range a {
				if c == 0 {
					break
				}
				b = append(b, byte(c))
			}
			return posixDecode(string(b))
		}
		return posixUnameResult.Make(str(u.Sysname), str(u.Nodename), str(u.Release), str(u.Version), str(u.Machine)), nil
	})
	fn("get_terminal_size", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		fd := 1
		if len(args) > 0 {
			var err error
			if fd, err = posixInt(t, args[0]); err != nil {
				return nil, err
			}
		}
		var ws struct{ Row, Col, X, Y uint16 }
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(syscall.TIOCGWINSZ), uintptr(unsafe.Pointer(&ws))); e != 0 {
			return nil, osErrorFrom(e, nil)
		}
		return posixTermSize.Make(Int(ws.Col), Int(ws.Row)), nil
	})
	fn("urandom", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("urandom() takes exactly one argument (%d given)", len(args))
		}
		n, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, ValueErrorf("negative argument not allowed")
		}
		b := make([]byte, n)
		if _, err := rand.Read(b); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewBytes(b), nil
	})
	fn("strerror", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("strerror() takes exactly one argument (%d given)", len(args))
		}
		n, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		return NewStr(errnoMessage(n)), nil
	})
	fn("fspath", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var path Object
		if err := ParseArgs("fspath", args, kw, []string{"path"}, 1, &path); err != nil {
			return nil, err
		}
		return ioFsPath(t, path)
	})
	fn("putenv", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("putenv expected 2 arguments, got %d", len(args))
		}
		k, err := posixPathArg(t, "putenv", "name", args[0], false)
		if err != nil {
			return nil, err
		}
		v, err := posixPathArg(t, "putenv", "value", args[1], false)
		if err != nil {
			return nil, err
		}
		if k.s == "" || strings.Contains(k.s, "=") {
			return nil, ValueErrorf("illegal environment variable name")
		}
		if err := os.Setenv(k.s, v.s); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fn("unsetenv", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("unsetenv() takes exactly one argument (%d given)", len(args))
		}
		k, err := posixPathArg(t, "unsetenv", "name", args[0], false)
		if err != nil {
			return nil, err
		}
		if k.s == "" || strings.Contains(k.s, "=") {
			return nil, ValueErrorf("illegal environment variable name")
		}
		os.Unsetenv(k.s)
		return None, nil
	})
	waitMacro := func(name string, f func(ws syscall.WaitStatus) Object) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var st Object
			if err := ParseArgs(name, args, kw, []string{"status"}, 1, &st); err != nil {
				return nil, err
			}
			n, err := posixInt(t, st)
			if err != nil {
				return nil, err
			}
			return f(syscall.WaitStatus(n)), nil
		})
	}
	waitMacro("WIFEXITED", func(ws syscall.WaitStatus) Object { return Bool(ws.Exited()) })
	waitMacro("WEXITSTATUS", func(ws syscall.WaitStatus) Object { return Int(ws.ExitStatus()) })
	waitMacro("WIFSIGNALED", func(ws syscall.WaitStatus) Object { return Bool(ws.Signaled()) })
	waitMacro("WTERMSIG", func(ws syscall.WaitStatus) Object { return Int(int(ws.Signal())) })
	waitMacro("WIFSTOPPED", func(ws syscall.WaitStatus) Object { return Bool(ws.Stopped()) })
	waitMacro("WSTOPSIG", func(ws syscall.WaitStatus) Object { return Int(int(ws.StopSignal())) })
	waitMacro("WCOREDUMP", func(ws syscall.WaitStatus) Object { return Bool(ws.CoreDump()) })
	waitMacro("WIFCONTINUED", func(ws syscall.WaitStatus) Object { return Bool(ws.Continued()) })
	fn("waitstatus_to_exitcode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var st Object
		if err := ParseArgs("waitstatus_to_exitcode", args, kw, []string{"status"}, 1, &st); err != nil {
			return nil, err
		}
		n, err := posixInt(t, st)
		if err != nil {
			return nil, err
		}
		ws := syscall.WaitStatus(n)
		switch {
		case ws.Exited():
			return Int(ws.ExitStatus()), nil
		case ws.Signaled():
			return Int(-int(ws.Signal())), nil
		}
		return nil, ValueErrorf("invalid wait status: %d", n)
	})
	fn("waitpid", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("waitpid expected 2 arguments, got %d", len(args))
		}
		pid, err := posixInt(t, args[0])
		if err != nil {
			return nil, err
		}
		opts, err := posixInt(t, args[1])
		if err != nil {
			return nil, err
		}
		r, ws, err := waitpidBlocking(t, pid, opts)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewTuple(Int(r), Int(int(ws))), nil
	})
	return m, nil
}

// ioFixPosixNames labels DirEntry and ScandirIterator as posix types.
func ioFixPosixNames() {
	DirEntryType.Dict.SetStr("__module__", Intern("posix"))
	ScandirIteratorType.Dict.SetStr("__module__", Intern("posix"))
}

// posixConstants are the integer constants of the posix module (Linux
// x86-64 values).
var posixConstants = map[string]int{
	"F_OK": 0, "R_OK": 4, "W_OK": 2, "X_OK": 1,
	"O_RDONLY": syscall.O_RDONLY, "O_WRONLY": syscall.O_WRONLY, "O_RDWR": syscall.O_RDWR,
	"O_APPEND": syscall.O_APPEND, "O_CREAT": syscall.O_CREAT, "O_EXCL": syscall.O_EXCL,
	"O_TRUNC": syscall.O_TRUNC, "O_NONBLOCK": syscall.O_NONBLOCK, "O_NDELAY": syscall.O_NONBLOCK,
	"O_CLOEXEC": syscall.O_CLOEXEC, "O_DIRECTORY": syscall.O_DIRECTORY, "O_NOFOLLOW": syscall.O_NOFOLLOW,
	"O_SYNC": syscall.O_SYNC, "O_DSYNC": syscall.O_DSYNC, "O_NOCTTY": syscall.O_NOCTTY,
	"O_ACCMODE": syscall.O_ACCMODE, "O_ASYNC": syscall.O_ASYNC, "O_DIRECT": syscall.O_DIRECT,
	"O_LARGEFILE": 0, "O_NOATIME": syscall.O_NOATIME, "O_PATH": 0o10000000, "O_TMPFILE": 0o20200000,
	"O_RSYNC": syscall.O_RSYNC, "O_FSYNC": syscall.O_FSYNC,
	"SEEK_DATA": 3, "SEEK_HOLE": 4,
	"WNOHANG": 1, "WUNTRACED": 2, "WCONTINUED": 8, "WEXITED": 4, "WSTOPPED": 2, "WNOWAIT": 0x1000000,
	"EX_OK": 0, "EX_USAGE": 64, "EX_DATAERR": 65, "EX_NOINPUT": 66, "EX_NOUSER": 67, "EX_NOHOST": 68,
	"EX_UNAVAILABLE": 69, "EX_SOFTWARE": 70, "EX_OSERR": 71, "EX_OSFILE": 72, "EX_CANTCREAT": 73,
	"EX_IOERR": 74, "EX_TEMPFAIL": 75, "EX_PROTOCOL": 76, "EX_NOPERM": 77, "EX_CONFIG": 78,
	"TMP_MAX": 238328, "NGROUPS_MAX": 65536,
	"P_PID": 1, "P_PGID": 2, "P_ALL": 0,
	"PRIO_PROCESS": 0, "PRIO_PGRP": 1, "PRIO_USER": 2,
	"RTLD_LAZY": 1, "RTLD_NOW": 2, "RTLD_GLOBAL": 0x100, "RTLD_LOCAL": 0, "RTLD_NODELETE": 0x1000,
	"RTLD_NOLOAD": 4, "RTLD_DEEPBIND": 8,
	"F_LOCK": 1, "F_TLOCK": 2, "F_ULOCK": 0, "F_TEST": 3,
}
