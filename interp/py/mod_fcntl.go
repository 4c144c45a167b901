package py

import (
	"math/big"
	"syscall"
	"unicode/utf8"
	"unsafe"
)

// fcntl: fcntl(2), ioctl(2), flock(2) and lockf (an fcntl F_SETLK[W]
// record lock) on file descriptors, with CPython 3.11's argument handling:
// the third argument of fcntl/ioctl is an int or a buffer that is copied
// into a 1024-byte scratch area, passed to the kernel as a pointer, and
// returned (bytes) or copied back (a mutable buffer given to ioctl).
//
// Calls that may wait (F_SETLKW, flock and lockf without LOCK_NB) let
// other threads run and are retried after EINTR once pending signal
// handlers have run (PEP 475). Go installs its handlers with SA_RESTART,
// so Ctrl-C does not interrupt a lock wait in the main thread as it does
// under CPython.

// fcntlBufSize is CPython's scratch buffer size for both calls.
const fcntlBufSize = 1024

// fcntlConstants are the names CPython 3.11 exports on Linux x86-64.
var fcntlConstants = map[string]int64{
	"DN_ACCESS": 1, "DN_ATTRIB": 32, "DN_CREATE": 4, "DN_DELETE": 8, "DN_MODIFY": 2,
	"DN_MULTISHOT": 0x80000000, "DN_RENAME": 16, "FASYNC": 0x2000, "FD_CLOEXEC": 1,
	"F_ADD_SEALS": 1033, "F_DUPFD": 0, "F_DUPFD_CLOEXEC": 1030, "F_EXLCK": 4,
	"F_GETFD": 1, "F_GETFL": 3, "F_GETLEASE": 1025, "F_GETLK": 5, "F_GETLK64": 5,
	"F_GETOWN": 9, "F_GETPIPE_SZ": 1032, "F_GETSIG": 11, "F_GET_SEALS": 1034,
	"F_NOTIFY": 1026, "F_OFD_GETLK": 36, "F_OFD_SETLK": 37, "F_OFD_SETLKW": 38,
	"F_RDLCK": 0, "F_SEAL_GROW": 4, "F_SEAL_SEAL": 1, "F_SEAL_SHRINK": 2,
	"F_SEAL_WRITE": 8, "F_SETFD": 2, "F_SETFL": 4, "F_SETLEASE": 1024, "F_SETLK": 6,
	"F_SETLK64": 6, "F_SETLKW": 7, "F_SETLKW64": 7, "F_SETOWN": 8, "F_SETPIPE_SZ": 1031,
	"F_SETSIG": 10, "F_SHLCK": 8, "F_UNLCK": 2, "F_WRLCK": 1, "LOCK_EX": 2,
	"LOCK_MAND": 32, "LOCK_NB": 4, "LOCK_READ": 64, "LOCK_RW": 192, "LOCK_SH": 1,
	"LOCK_UN": 8, "LOCK_WRITE": 128,
}

// cIntArg is CPython's "int" argument converter (_PyLong_AsInt).
func cIntArg(t *Thread, o Object) (int32, error) {
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	n, ok := v.(Int)
	if !ok || n > (1<<31-1) || n < -(1<<31) {
		return 0, NewError(OverflowErrorType, "Python int too large to convert to C int")
	}
	return int32(n), nil
}

// cUintMaskArg is the "I" converter: an int truncated to 32 bits, no
// overflow check.
func cUintMaskArg(t *Thread, o Object) (uint32, error) {
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	if n, ok := v.(Int); ok {
		return uint32(n), nil
	}
	b, _ := asBig(v)
	// two's complement truncation of a big value: the low 32 bits
	m := new(big.Int).And(b, big.NewInt(0xffffffff))
	return uint32(m.Uint64()), nil
}

// getargsInt is PyArg_Parse's "i" format, with its own overflow messages.
func getargsInt(t *Thread, o Object) (int32, error) {
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	n, ok := v.(Int)
	if !ok {
		if b, _ := asBig(v); b.Sign() < 0 {
			return 0, NewError(OverflowErrorType, "signed integer is less than minimum")
		}
		return 0, NewError(OverflowErrorType, "signed integer is greater than maximum")
	}
	if n > (1<<31 - 1) {
		return 0, NewError(OverflowErrorType, "signed integer is greater than maximum")
	}
	if n < -(1 << 31) {
		return 0, NewError(OverflowErrorType, "signed integer is less than minimum")
	}
	return int32(n), nil
}

// readOnlyBytes is getargs' "s#": a str (UTF-8) or an object whose buffer
// needs no release — of the built-in types, only bytes.
func readOnlyBytes(o Object) ([]byte, bool) {
	switch x := unwrap(o).(type) {
	case *Str:
		if !utf8.ValidString(x.s) {
			return nil, false
		}
		return []byte(x.s), true
	case *Bytes:
		return x.b, true
	}
	return nil, false
}

// anyBuffer is getargs' "s*": a str (UTF-8) or any C-contiguous buffer.
func anyBuffer(o Object) ([]byte, bool) {
	switch x := unwrap(o).(type) {
	case *Str:
		return readOnlyBytes(x)
	case *MemoryView:
		if x.check() != nil || !x.cContiguous() {
			return nil, false
		}
	}
	return bytesLike(o)
}

// writableBuffer is getargs' "w*": a writable C-contiguous buffer. It
// returns a function that runs fn on the live bytes under the owner's lock.
func writableBuffer(o Object) (func(fn func([]byte) error) error, bool) {
	switch x := unwrap(o).(type) {
	case *ByteArray:
		return func(fn func([]byte) error) error {
			x.mu.Lock()
			defer x.mu.Unlock()
			return fn(x.b)
		}, true
	case bufferExporter:
		return x.withBuffer, true
	case *MemoryView:
		if x.check() != nil || x.readonly() || !x.cContiguous() {
			return nil, false
		}
		n := x.nbytes()
		return func(fn func([]byte) error) error {
			return x.withBuf(func(b []byte) error {
				if x.start+n > len(b) {
					return errOutOfBounds(1)
				}
				return fn(b[x.start : x.start+n])
			})
		}, true
	}
	return nil, false
}

// fcntlSyscall runs fcntl(2) or ioctl(2) (trap) once, letting other
// threads run while it may wait.
func fcntlSyscall(t *Thread, trap uintptr, fd int, cmd uintptr, arg uintptr, p unsafe.Pointer) (int, syscall.Errno) {
	held := t.BeginBlocking()
	var r uintptr
	var e syscall.Errno
	if p != nil {
		r, _, e = syscall.Syscall(trap, uintptr(fd), cmd, uintptr(p))
	} else {
		r, _, e = syscall.Syscall(trap, uintptr(fd), cmd, arg)
	}
	t.EndBlocking(held)
	return int(int32(r)), e
}

// retrying repeats call after EINTR once signal handlers have run.
func retrying(t *Thread, call func() (int, syscall.Errno)) (int, error) {
	for {
		r, e := call()
		if e == 0 {
			return r, nil
		}
		if e != syscall.EINTR {
			return 0, newOSError(int(e), nil, nil)
		}
		if err := checkSignals(t); err != nil {
			return 0, err
		}
	}
}

func fcntlFcntl(t *Thread, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("fcntl.fcntl() takes no keyword arguments")
	}
	if err := arityCheck("fcntl", len(args), 2, 3); err != nil {
		return nil, err
	}
	fd, err := objectAsFd(t, args[0])
	if err != nil {
		return nil, err
	}
	cmd, err := cIntArg(t, args[1])
	if err != nil {
		return nil, err
	}
	var intArg uint32
	if len(args) == 3 {
		if data, ok := readOnlyBytes(args[2]); ok {
			if len(data) > fcntlBufSize {
				return nil, ValueErrorf("fcntl string arg too long")
			}
			buf := make([]byte, fcntlBufSize)
			copy(buf, data)
			if _, err := retrying(t, func() (int, syscall.Errno) {
				return fcntlSyscall(t, syscall.SYS_FCNTL, fd, uintptr(cmd), 0, unsafe.Pointer(&buf[0]))
			}); err != nil {
				return nil, err
			}
			return NewBytes(buf[:len(data)]), nil
		}
		if intArg, err = cUintMaskArg(t, args[2]); err != nil {
			return nil, err
		}
	}
	r, err := retrying(t, func() (int, syscall.Errno) {
		return fcntlSyscall(t, syscall.SYS_FCNTL, fd, uintptr(cmd), uintptr(intArg), nil)
	})
	if err != nil {
		return nil, err
	}
	return Int(r), nil
}

func fcntlIoctl(t *Thread, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("fcntl.ioctl() takes no keyword arguments")
	}
	if err := arityCheck("ioctl", len(args), 2, 4); err != nil {
		return nil, err
	}
	fd, err := objectAsFd(t, args[0])
	if err != nil {
		return nil, err
	}
	req, err := cUintMaskArg(t, args[1])
	if err != nil {
		return nil, err
	}
	mutate := true
	if len(args) == 4 {
		if mutate, err = IsTrue(t, args[3]); err != nil {
			return nil, err
		}
	}
	var intArg int32
	if len(args) >= 3 {
		arg := args[2]
		if with, ok := writableBuffer(arg); ok {
			// copied in and out around the call (CPython passes a buffer
			// over 1024 bytes in place; the result is the same)
			var buf []byte
			with(func(b []byte) error {
				buf = make([]byte, len(b)+1)
				copy(buf, b)
				return nil
			})
			n := len(buf) - 1
			if !mutate && n > fcntlBufSize {
				return nil, ValueErrorf("ioctl string arg too long")
			}
			r, e := fcntlSyscall(t, syscall.SYS_IOCTL, fd, uintptr(req), 0, unsafe.Pointer(&buf[0]))
			if mutate {
				with(func(b []byte) error {
					copy(b, buf[:n])
					return nil
				})
			}
			if e != 0 {
				return nil, newOSError(int(e), nil, nil)
			}
			if mutate {
				return Int(r), nil
			}
			return NewBytes(buf[:n]), nil
		}
		if data, ok := anyBuffer(arg); ok {
			if len(data) > fcntlBufSize {
				return nil, ValueErrorf("ioctl string arg too long")
			}
			buf := make([]byte, fcntlBufSize+1)
			copy(buf, data)
			if _, e := fcntlSyscall(t, syscall.SYS_IOCTL, fd, uintptr(req), 0, unsafe.Pointer(&buf[0])); e != 0 {
				return nil, newOSError(int(e), nil, nil)
			}
			return NewBytes(buf[:len(data)]), nil
		}
		if intArg, err = getargsInt(t, arg); err != nil {
			return nil, err
		}
	}
	// a C int passed through varargs: the kernel sees it zero-extended
	r, e := fcntlSyscall(t, syscall.SYS_IOCTL, fd, uintptr(req), uintptr(uint32(intArg)), nil)
	if e != 0 {
		return nil, newOSError(int(e), nil, nil)
	}
	return Int(r), nil
}

func fcntlFlock(t *Thread, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("fcntl.flock() takes no keyword arguments")
	}
	if len(args) != 2 {
		return nil, TypeErrorf("flock expected 2 arguments, got %d", len(args))
	}
	fd, err := objectAsFd(t, args[0])
	if err != nil {
		return nil, err
	}
	op, err := cIntArg(t, args[1])
	if err != nil {
		return nil, err
	}
	if _, err := retrying(t, func() (int, syscall.Errno) {
		return fcntlSyscall(t, syscall.SYS_FLOCK, fd, uintptr(op), 0, nil)
	}); err != nil {
		return nil, err
	}
	return None, nil
}

// flockT is struct flock on Linux x86-64 and arm64.
type flockT struct {
	typ, whence int16
	_           int32
	start, len  int64
	pid         int32
	_           int32
}

func fcntlLockf(t *Thread, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("fcntl.lockf() takes no keyword arguments")
	}
	if err := arityCheck("lockf", len(args), 2, 5); err != nil {
		return nil, err
	}
	fd, err := objectAsFd(t, args[0])
	if err != nil {
		return nil, err
	}
	code, err := cIntArg(t, args[1])
	if err != nil {
		return nil, err
	}
	var lenObj, startObj Object
	var whence int32
	if len(args) > 2 {
		lenObj = args[2]
	}
	if len(args) > 3 {
		startObj = args[3]
	}
	if len(args) > 4 {
		if whence, err = cIntArg(t, args[4]); err != nil {
			return nil, err
		}
	}
	var l flockT
	switch {
	case code == fcntlLockUn:
		l.typ = syscall.F_UNLCK
	case code&fcntlLockSh != 0:
		l.typ = syscall.F_RDLCK
	case code&fcntlLockEx != 0:
		l.typ = syscall.F_WRLCK
	default:
		return nil, ValueErrorf("unrecognized lockf argument")
	}
	// the start is converted before the length, as CPython does
	if startObj != nil {
		if l.start, err = AsInt64(t, startObj); err != nil {
			return nil, err
		}
	}
	if lenObj != nil {
		if l.len, err = AsInt64(t, lenObj); err != nil {
			return nil, err
		}
	}
	l.whence = int16(whence)
	cmd := uintptr(syscall.F_SETLKW)
	if code&fcntlLockNb != 0 {
		cmd = syscall.F_SETLK
	}
	if _, err := retrying(t, func() (int, syscall.Errno) {
		return fcntlSyscall(t, syscall.SYS_FCNTL, fd, cmd, 0, unsafe.Pointer(&l))
	}); err != nil {
		return nil, err
	}
	return None, nil
}

const (
	fcntlLockSh = 1
	fcntlLockEx = 2
	fcntlLockNb = 4
	fcntlLockUn = 8
)

// arityCheck is Argument Clinic's positional-only count check.
func arityCheck(name string, n, min, max int) error {
	if n < min {
		if min == max {
			return TypeErrorf("%s expected %d argument%s, got %d", name, min, plural(min), n)
		}
		return TypeErrorf("%s expected at least %d argument%s, got %d", name, min, plural(min), n)
	}
	if n > max {
		if min == max {
			return TypeErrorf("%s expected %d argument%s, got %d", name, min, plural(min), n)
		}
		return TypeErrorf("%s expected at most %d argument%s, got %d", name, max, plural(max), n)
	}
	return nil
}

func init() {
	RegisterNativeModule("fcntl", func(t *Thread) (*Module, error) {
		m := NewModule("fcntl")
		m.dict.SetStr("__doc__", NewStr("fcntl(2), ioctl(2), flock(2) and lockf on file descriptors."))
		for name, v := range fcntlConstants {
			m.dict.SetStr(name, Int(v))
		}
		m.AddFunc("fcntl", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return fcntlFcntl(t, args, kw)
		})
		m.AddFunc("ioctl", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return fcntlIoctl(t, args, kw)
		})
		m.AddFunc("flock", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return fcntlFlock(t, args, kw)
		})
		m.AddFunc("lockf", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return fcntlLockf(t, args, kw)
		})
		return m, nil
	})
}
