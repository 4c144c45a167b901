package py

import (
	"runtime"
	"strconv"
	"sync"
	"syscall"
)

// FileIOType is _io.FileIO: raw, unbuffered I/O on an OS file descriptor.
var FileIOType = newBuiltinType("FileIO", RawIOBaseType)

// fileIO is the Go state of a FileIO.
type fileIO struct {
	mu        sync.Mutex
	fd        int // -1 once closed
	readable  bool
	writable  bool
	appending bool
	created   bool
	closefd   bool
	seekable  int // -1 unknown, 0 no, 1 yes
	blksize   int64
	finalize  bool // close the fd when collected
}

func (f *fileIO) isClosed(t *Thread) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.fd < 0, nil
}

func (f *fileIO) getFd() (int, error) {
	f.mu.Lock()
	fd := f.fd
	f.mu.Unlock()
	if fd < 0 {
		return -1, ValueErrorf("I/O operation on closed file")
	}
	return fd, nil
}

func (f *fileIO) modeString() string {
	switch {
	case f.created:
		if f.readable {
			return "xb+"
		}
		return "xb"
	case f.appending:
		if f.readable {
			return "ab+"
		}
		return "ab"
	case f.readable:
		if f.writable {
			return "rb+"
		}
		return "rb"
	}
	return "wb"
}

// read reads at most n bytes (n < 0: everything). nil, nil means the read
// would block (EAGAIN).
func (f *fileIO) read(n int) ([]byte, error) {
	fd, err := f.getFd()
	if err != nil {
		return nil, err
	}
	if !f.readable {
		return nil, ioUnsupported("File not open for reading")
	}
	if n < 0 {
		return f.readall(fd)
	}
	buf := make([]byte, n)
	for {
		k, err := syscall.Read(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			return nil, nil
		}
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return buf[:k], nil
	}
}

func (f *fileIO) readall(fd int) ([]byte, error) {
	size := 0
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Size > 0 {
		if pos, err := syscall.Seek(fd, 0, 1); err == nil && st.Size >= pos {
			size = int(st.Size-pos) + 1
		}
	}
	if size < ioDefaultBufferSize {
		size = ioDefaultBufferSize
	}
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		k, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			if len(buf) == 0 {
				return nil, nil
			}
			break
		}
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		if k == 0 {
			break
		}
		buf = buf[:len(buf)+k]
	}
	return buf, nil
}

// write writes b (possibly partially) and returns the count; -1 means
// the write would block.
func (f *fileIO) write(b []byte) (int, error) {
	fd, err := f.getFd()
	if err != nil {
		return 0, err
	}
	if !f.writable {
		return 0, ioUnsupported("File not open for writing")
	}
	for {
		k, err := syscall.Write(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			return -1, nil
		}
		if err != nil {
			return 0, osErrorFrom(err, nil)
		}
		return k, nil
	}
}

// writeAll writes all of b.
func (f *fileIO) writeAll(b []byte) error {
	for len(b) > 0 {
		k, err := f.write(b)
		if err != nil {
			return err
		}
		if k < 0 {
			return NewOSErrorEAGAIN()
		}
		b = b[k:]
	}
	return nil
}

// NewOSErrorEAGAIN is the BlockingIOError of a write that would block.
func NewOSErrorEAGAIN() error { return newOSError(int(syscall.EAGAIN), nil, nil) }

func (f *fileIO) seek(pos int64, whence int) (int64, error) {
	fd, err := f.getFd()
	if err != nil {
		return 0, err
	}
	r, err := syscall.Seek(fd, pos, whence)
	if err != nil {
		return 0, osErrorFrom(err, nil)
	}
	return r, nil
}

func (f *fileIO) isSeekable() (bool, error) {
	fd, err := f.getFd()
	if err != nil {
		return false, err
	}
	f.mu.Lock()
	s := f.seekable
	f.mu.Unlock()
	if s < 0 {
		_, err := syscall.Seek(fd, 0, 1)
		s = 1
		if err != nil {
			s = 0
		}
		f.mu.Lock()
		f.seekable = s
		f.mu.Unlock()
	}
	return s == 1, nil
}

func (f *fileIO) close() error {
	f.mu.Lock()
	fd := f.fd
	f.fd = -1
	closefd := f.closefd
	f.mu.Unlock()
	if fd >= 0 && closefd {
		if err := syscall.Close(fd); err != nil {
			return osErrorFrom(err, nil)
		}
	}
	return nil
}

// ioFsPath is os.fspath for a file argument: str, bytes or __fspath__.
func ioFsPath(t *Thread, o Object) (Object, error) {
	switch o.(type) {
	case *Str, *Bytes:
		return o, nil
	}
	if u := unwrap(o); u != o {
		if _, ok := u.(*Str); ok {
			return o, nil
		}
		if _, ok := u.(*Bytes); ok {
			return o, nil
		}
	}
	m, err := lookupSpecial(t, o, "__fspath__")
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(o))
	}
	r, err := Call(t, m, nil, nil)
	if err != nil {
		return nil, err
	}
	switch unwrap(r).(type) {
	case *Str, *Bytes:
		return r, nil
	}
	return nil, TypeErrorf("expected %s.__fspath__() to return str or bytes, not %s", typeName(o), typeName(r))
}

// fsPathString is PyUnicode_FSDecoder for a file name given to compile()
// or symtable(): a str, bytes or os.PathLike, as a Go string.
func fsPathString(t *Thread, o Object) (string, error) {
	p, err := ioFsPath(t, o)
	if err != nil {
		return "", err
	}
	return ioPathString(p)
}

// ioPathString is the Go string of a str/bytes path (with the NUL check).
func ioPathString(o Object) (string, error) {
	var s string
	switch v := unwrap(o).(type) {
	case *Str:
		s = v.s
	case *Bytes:
		s = string(v.b)
	default:
		return "", TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(o))
	}
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return "", ValueErrorf("embedded null byte")
		}
	}
	return s, nil
}

// fileIOInit is FileIO.__init__(file, mode='r', closefd=True, opener=None).
func fileIOInit(t *Thread, self Object, args []Object, kw []string) error {
	var file, modeObj, closefdObj, opener Object
	if err := ParseArgs("FileIO", args, kw, []string{"file", "mode", "closefd", "opener"}, 1, &file, &modeObj, &closefdObj, &opener); err != nil {
		return err
	}
	in, ok := self.(*Instance)
	if !ok {
		return TypeErrorf("FileIO.__init__ needs a FileIO")
	}
	f, ok := in.Base.(*fileIO)
	if !ok {
		return TypeErrorf("FileIO.__init__ needs a FileIO")
	}
	if f.fd >= 0 {
		if f.closefd {
			f.close()
		}
	}
	mode := "r"
	if modeObj != nil {
		ms, ok := modeObj.(*Str)
		if !ok {
			return TypeErrorf("FileIO() argument 'mode' must be str, not %s", typeName(modeObj))
		}
		mode = ms.s
	}
	closefd := true
	if closefdObj != nil {
		b, err := IsTrue(t, closefdObj)
		if err != nil {
			return err
		}
		closefd = b
	}
	var rwa, plus bool
	flags := 0
	nf := &fileIO{fd: -1, seekable: -1, closefd: true}
	for _, c := range mode {
		switch c {
		case 'x', 'r', 'w', 'a':
			if rwa {
				return ValueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
			}
			rwa = true
			switch c {
			case 'x':
				nf.created, nf.writable = true, true
				flags |= syscall.O_EXCL | syscall.O_CREAT
			case 'r':
				nf.readable = true
			case 'w':
				nf.writable = true
				flags |= syscall.O_CREAT | syscall.O_TRUNC
			case 'a':
				nf.writable, nf.appending = true, true
				flags |= syscall.O_APPEND | syscall.O_CREAT
			}
		case 'b':
		case '+':
			if plus {
				return ValueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
			}
			nf.readable, nf.writable, plus = true, true, true
		default:
			return ValueErrorf("invalid mode: %s", mode)
		}
	}
	if !rwa {
		return ValueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
	}
	switch {
	case nf.readable && nf.writable:
		flags |= syscall.O_RDWR
	case nf.readable:
		flags |= syscall.O_RDONLY
	default:
		flags |= syscall.O_WRONLY
	}
	flags |= syscall.O_CLOEXEC
	var nameObj Object
	switch v := file.(type) {
	case Float:
		return TypeErrorf("integer argument expected, got float")
	case Int:
		if v < 0 {
			return ValueErrorf("negative file descriptor")
		}
		nf.fd = int(v)
		nf.closefd = closefd
		nameObj = file
	case Bool:
		nf.fd = 0
		if v {
			nf.fd = 1
		}
		nf.closefd = closefd
		nameObj = file
	default:
		if !closefd {
			return ValueErrorf("Cannot use closefd=False with file name")
		}
		p, err := ioFsPath(t, file)
		if err != nil {
			return err
		}
		path, err := ioPathString(p)
		if err != nil {
			return err
		}
		nameObj = file
		if err := Audit(t, "open", file, NewStr(mode), Int(flags)); err != nil {
			return err
		}
		if opener != nil && opener != None {
			r, err := Call2(t, opener, p, Int(flags))
			if err != nil {
				return err
			}
			fdv, ok := r.(Int)
			if !ok {
				return TypeErrorf("expected integer from opener")
			}
			if fdv < 0 {
				return ValueErrorf("opener returned %d", int64(fdv))
			}
			nf.fd = int(fdv)
		} else {
			for {
				fd, err := syscall.Open(path, flags, 0o666)
				if err == syscall.EINTR {
					continue
				}
				if err != nil {
					return osErrorFrom(err, file)
				}
				nf.fd = fd
				break
			}
		}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(nf.fd, &st); err != nil {
		if err == syscall.EBADF {
			return osErrorFrom(err, nil)
		}
	} else {
		if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
			if nf.closefd {
				syscall.Close(nf.fd)
			}
			return newOSError(int(syscall.EISDIR), file, nil)
		}
		if st.Blksize > 1 {
			nf.blksize = st.Blksize
		}
	}
	if nf.blksize == 0 {
		nf.blksize = ioDefaultBufferSize
	}
	LoadPtr(&in.dict).SetStr("name", nameObj)
	if nf.appending {
		syscall.Seek(nf.fd, 0, 2)
	}
	f.mu.Lock()
	f.fd, f.readable, f.writable, f.appending, f.created = nf.fd, nf.readable, nf.writable, nf.appending, nf.created
	f.closefd, f.seekable, f.blksize = nf.closefd, -1, nf.blksize
	f.mu.Unlock()
	return nil
}

func init() {
	ft := FileIOType
	ft.hasDict = true
	ft.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		f := &fileIO{fd: -1, seekable: -1, closefd: true}
		in := newSubclassInstance(typ, f).(*Instance)
		// an unreferenced FileIO closes its descriptor, as CPython's
		// finalizer does (buffered objects flush first: they hold it)
		runtime.AddCleanup(in, func(f *fileIO) { f.close() }, f)
		return in, nil
	}
	ft.Init = fileIOInit
	get := func(self Object) (*fileIO, error) { return ioGetState[*fileIO](self, FileIOType) }
	ft.AddMethod("read", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		var size Object
		if err := ParseArgs("read", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		b, err := f.read(n)
		if err != nil {
			return nil, err
		}
		if b == nil {
			return None, nil
		}
		return NewBytes(b), nil
	})
	ft.AddMethod("readall", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		b, err := f.read(-1)
		if err != nil {
			return nil, err
		}
		if b == nil {
			return None, nil
		}
		return NewBytes(b), nil
	})
	ft.AddMethod("readinto", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, TypeErrorf("readinto() takes exactly one argument (%d given)", len(args))
		}
		n, err := ioReadIntoSize(t, "readinto", args[0])
		if err != nil {
			return nil, err
		}
		b, err := f.read(n)
		if err != nil {
			return nil, err
		}
		if b == nil {
			return None, nil
		}
		return Int(len(b)), ioStoreInto(t, args[0], b)
	})
	ft.AddMethod("write", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, TypeErrorf("write() takes exactly one argument (%d given)", len(args))
		}
		b, err := ioBytesLike(t, args[0])
		if err != nil {
			return nil, err
		}
		n, err := f.write(b)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return None, nil
		}
		return Int(n), nil
	})
	ft.AddMethod("seek", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		var posObj, whenceObj Object
		if err := ParseArgs("seek", args, kw, []string{"", ""}, 1, &posObj, &whenceObj); err != nil {
			return nil, err
		}
		if _, ok := posObj.(Float); ok {
			return nil, TypeErrorf("an integer is required")
		}
		pos, err := AsInt64(t, posObj)
		if err != nil {
			return nil, err
		}
		whence := int64(0)
		if whenceObj != nil {
			if whence, err = AsInt64(t, whenceObj); err != nil {
				return nil, err
			}
		}
		r, err := f.seek(pos, int(whence))
		return Int(r), err
	})
	ft.AddMethod("tell", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		r, err := f.seek(0, 1)
		return Int(r), err
	})
	ft.AddMethod("truncate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		fd, err := f.getFd()
		if err != nil {
			return nil, err
		}
		if !f.writable {
			return nil, ioUnsupported("File not open for writing")
		}
		var size int64
		if len(args) > 0 && args[0] != None {
			if size, err = AsInt64(t, args[0]); err != nil {
				return nil, err
			}
		} else if size, err = f.seek(0, 1); err != nil {
			return nil, err
		}
		if err := syscall.Ftruncate(fd, size); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(size), nil
	})
	ft.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		if c, _ := f.isClosed(t); c {
			return None, nil
		}
		// _RawIOBase.close: flush (a subclass may override it), then close
		var ferr error
		if ioOverrides(self, "flush") {
			_, ferr = CallMethod(t, self, "flush")
		}
		if err := f.close(); err != nil && ferr == nil {
			ferr = err
		}
		return None, ferr
	})
	ft.AddMethod("fileno", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		fd, err := f.getFd()
		return Int(fd), err
	})
	ft.AddMethod("isatty", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		fd, err := f.getFd()
		if err != nil {
			return nil, err
		}
		return Bool(posixIsatty(fd)), nil
	})
	ft.AddMethod("readable", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		if _, err := f.getFd(); err != nil {
			return nil, err
		}
		return Bool(f.readable), nil
	})
	ft.AddMethod("writable", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		if _, err := f.getFd(); err != nil {
			return nil, err
		}
		return Bool(f.writable), nil
	})
	ft.AddMethod("seekable", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		f, err := get(self)
		if err != nil {
			return nil, err
		}
		s, err := f.isSeekable()
		return Bool(s), err
	})
	ft.AddGetSet("closed", func(t *Thread, o Object) (Object, error) {
		f, err := get(o)
		if err != nil {
			return nil, err
		}
		c, _ := f.isClosed(t)
		return Bool(c), nil
	}, nil)
	ft.AddGetSet("closefd", func(t *Thread, o Object) (Object, error) {
		f, err := get(o)
		if err != nil {
			return nil, err
		}
		return Bool(f.closefd), nil
	}, nil)
	ft.AddGetSet("mode", func(t *Thread, o Object) (Object, error) {
		f, err := get(o)
		if err != nil {
			return nil, err
		}
		return NewStr(f.modeString()), nil
	}, nil)
	ft.AddGetSet("_blksize", func(t *Thread, o Object) (Object, error) {
		f, err := get(o)
		if err != nil {
			return nil, err
		}
		return Int(f.blksize), nil
	}, nil)
	ft.Repr = func(t *Thread, o Object) (Object, error) {
		f, err := get(o)
		if err != nil {
			return nil, err
		}
		tn := "_io." + o.Type().Name()
		if o.Type().isHeap() {
			tn = o.Type().FullName()
		}
		if c, _ := f.isClosed(t); c {
			return NewStr("<" + tn + " [closed]>"), nil
		}
		name, err := GetAttrOpt(t, o, Intern("name"))
		if err != nil {
			return nil, err
		}
		cf := "True"
		if !f.closefd {
			cf = "False"
		}
		if name == nil {
			return NewStr("<" + tn + " fd=" + strconv.Itoa(f.fd) + " mode='" + f.modeString() + "' closefd=" + cf + ">"), nil
		}
		r, err := ReprString(t, name)
		if err != nil {
			return nil, err
		}
		return NewStr("<" + tn + " name=" + r + " mode='" + f.modeString() + "' closefd=" + cf + ">"), nil
	}
	registerType(FileIOType)
}
