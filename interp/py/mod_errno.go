package py

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"syscall"
)

// The errno module, OSError's errno-aware construction and str(), and the
// conversion of Go's OS errors into Python exceptions.

func init() {
	RegisterNativeModule("errno", func(t *Thread) (*Module, error) {
		m := NewModule("errno")
		codes := NewDict()
		for _, e := range errnoNames {
			m.dict.SetStr(e.name, Int(e.code))
			if p, ok := errnoPrimary[e.code]; !ok || p == e.name {
				codes.SetItem(t, Int(e.code), NewStr(e.name))
			}
		}
		m.dict.SetStr("errorcode", codes)
		return m, nil
	})

	// OSError(errno, strerror[, filename[, winerror[, filename2]]]) picks
	// the subclass for errno when called on OSError itself.
	if OSErrorType.New == nil {
		OSErrorType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 && !typ.isHeap() {
				return nil, TypeErrorf("%s() takes no keyword arguments", typ.Name())
			}
			npos := len(args) - len(kw)
			if typ == OSErrorType && npos >= 2 && npos <= 5 {
				if code, ok := args[0].(Int); ok {
					if sub := osErrorSubclass(int(code)); sub != nil {
						typ = sub
					}
				}
			}
			e := newExceptionInstance(typ, args, kw)
			osErrorFill(e, args[:npos])
			return e, nil
		}
	}
	if OSErrorType.Init == nil {
		OSErrorType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
			e, ok := self.(*BaseException)
			if !ok {
				return nil
			}
			if len(kw) > 0 && !e.typ.isHeap() {
				return TypeErrorf("%s() takes no keyword arguments", e.typ.Name())
			}
			npos := len(args) - len(kw)
			e.SetArgs(NewTuple(append([]Object(nil), args[:npos]...)...))
			osErrorFill(e, args[:npos])
			return nil
		}
	}
	if OSErrorType.Str == nil {
		OSErrorType.Str = func(t *Thread, o Object) (Object, error) {
			e := o.(*BaseException)
			d := e.Dict()
			errno, strerror := d.GetStr("errno"), d.GetStr("strerror")
			fn, fn2 := d.GetStr("filename"), d.GetStr("filename2")
			if errno == nil {
				errno = None
			}
			if strerror == nil {
				strerror = None
			}
			if fn != nil && fn != None {
				es, err := StrString(t, errno)
				if err != nil {
					return nil, err
				}
				ss, err := StrString(t, strerror)
				if err != nil {
					return nil, err
				}
				r1, err := ReprString(t, fn)
				if err != nil {
					return nil, err
				}
				if fn2 != nil && fn2 != None {
					r2, err := ReprString(t, fn2)
					if err != nil {
						return nil, err
					}
					return NewStr("[Errno " + es + "] " + ss + ": " + r1 + " -> " + r2), nil
				}
				return NewStr("[Errno " + es + "] " + ss + ": " + r1), nil
			}
			if errno != None && strerror != None {
				es, err := StrString(t, errno)
				if err != nil {
					return nil, err
				}
				ss, err := StrString(t, strerror)
				if err != nil {
					return nil, err
				}
				return NewStr("[Errno " + es + "] " + ss), nil
			}
			return BaseExceptionType.Str(t, o)
		}
	}
}

// osErrorFill sets errno/strerror/filename/filename2 from the constructor
// arguments; with a filename the args tuple keeps only (errno, strerror).
func osErrorFill(e *BaseException, args []Object) {
	if len(args) < 2 || len(args) > 5 {
		return
	}
	d := e.Dict()
	d.SetStr("errno", args[0])
	d.SetStr("strerror", args[1])
	if len(args) >= 3 {
		d.SetStr("filename", args[2])
		if len(args) == 5 {
			d.SetStr("filename2", args[4])
		}
		e.SetArgs(NewTuple(args[0], args[1]))
	}
}

// osErrorSubclass is the OSError subclass CPython raises for an errno.
func osErrorSubclass(code int) *Type {
	switch syscall.Errno(code) {
	case syscall.EAGAIN, syscall.EALREADY, syscall.EINPROGRESS:
		return BlockingIOErrorType
	case syscall.ECHILD:
		return ChildProcessErrorType
	case syscall.EPIPE, syscall.ESHUTDOWN:
		return excTypeNamed("BrokenPipeError")
	case syscall.ECONNABORTED:
		return excTypeNamed("ConnectionAbortedError")
	case syscall.ECONNREFUSED:
		return excTypeNamed("ConnectionRefusedError")
	case syscall.ECONNRESET:
		return excTypeNamed("ConnectionResetError")
	case syscall.EEXIST:
		return FileExistsErrorType
	case syscall.ENOENT:
		return FileNotFoundErrorType
	case syscall.EISDIR:
		return IsADirectoryErrorType
	case syscall.ENOTDIR:
		return NotADirectoryErrorType
	case syscall.EINTR:
		return InterruptedErrorType
	case syscall.EACCES, syscall.EPERM:
		return PermissionErrorType
	case syscall.ESRCH:
		return ProcessLookupErrorType
	case syscall.ETIMEDOUT:
		return TimeoutErrorType
	}
	return nil
}

// excTypeNamed finds a built-in exception class by name.
func excTypeNamed(name string) *Type {
	for _, et := range excTypes {
		if et.Name() == name {
			return et
		}
	}
	return OSErrorType
}

// errnoMessage is C's strerror(code).
func errnoMessage(code int) string {
	if s, ok := errnoMessages[code]; ok {
		return s
	}
	if code == 0 {
		return "Success"
	}
	return "Unknown error " + strconv.Itoa(code)
}

// newOSError makes the OSError (subclass) for errno code, with optional
// file names (nil for none).
func newOSError(code int, filename, filename2 Object) *BaseException {
	typ := osErrorSubclass(code)
	if typ == nil {
		typ = OSErrorType
	}
	args := []Object{Int(code), NewStr(errnoMessage(code))}
	e := NewException(typ, args...)
	d := e.Dict()
	d.SetStr("errno", Int(code))
	d.SetStr("strerror", args[1])
	if filename != nil {
		d.SetStr("filename", filename)
		if filename2 != nil {
			d.SetStr("filename2", filename2)
		}
	}
	return e
}

// osErrorFrom converts an error from Go's os/syscall packages into the
// Python OSError CPython would raise, naming filename (nil for none).
func osErrorFrom(err error, filename Object) error {
	return osErrorFrom2(err, filename, nil)
}

func osErrorFrom2(err error, filename, filename2 Object) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*BaseException); ok {
		return err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return newOSError(int(errno), filename, filename2)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return newOSError(int(syscall.ENOENT), filename, filename2)
	case errors.Is(err, fs.ErrExist):
		return newOSError(int(syscall.EEXIST), filename, filename2)
	case errors.Is(err, fs.ErrPermission):
		return newOSError(int(syscall.EACCES), filename, filename2)
	case errors.Is(err, os.ErrClosed):
		return newOSError(int(syscall.EBADF), filename, filename2)
	}
	return Errorf(OSErrorType, "%s", err.Error())
}
