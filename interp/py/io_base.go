package py

import (
	"strings"
	"sync"
	"sync/atomic"
)

// The _io base classes (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase)
// and helpers shared by the concrete io types.
//
// Every io object is an *Instance (so it has a __dict__ like CPython's io
// objects); the concrete types keep their Go state in Instance.Base. The
// base-class methods work through Python-level calls on self, as CPython's
// do, so that Python subclasses (io.RawIOBase subclasses defining only
// readinto, ...) get the generic behaviour.

// ioDefaultBufferSize is io.DEFAULT_BUFFER_SIZE.
const ioDefaultBufferSize = 8192

var (
	IOBaseType         = newBuiltinType("_IOBase", ObjectType)
	RawIOBaseType      = newBuiltinType("_RawIOBase", IOBaseType)
	BufferedIOBaseType = newBuiltinType("_BufferedIOBase", IOBaseType)
	TextIOBaseType     = newBuiltinType("_TextIOBase", IOBaseType)
)

// ioClosedState is implemented by the Go states of the concrete types.
type ioClosedState interface {
	isClosed(t *Thread) (bool, error)
}

// ioLock is a mutex that reports re-entry by the same thread (a Python
// method of a subclass calling back into the object) as CPython's buffered
// objects do, instead of deadlocking.
type ioLock struct {
	mu    sync.Mutex
	owner atomic.Pointer[Thread]
}

var ioNoThread = &Thread{}

func (l *ioLock) lock(t *Thread, what string) error {
	if t == nil {
		t = ioNoThread
	}
	if l.owner.Load() == t {
		return Errorf(RuntimeErrorType, "reentrant call inside %s", what)
	}
	l.mu.Lock()
	l.owner.Store(t)
	return nil
}

// tryLock takes the lock if it is free (exit-time flushes must not wait
// for a thread that will never release it).
func (l *ioLock) tryLock() bool {
	if !l.mu.TryLock() {
		return false
	}
	l.owner.Store(ioNoThread)
	return true
}

func (l *ioLock) unlock() {
	l.owner.Store(nil)
	l.mu.Unlock()
}

func ioUnsupported(msg string) error { return Errorf(UnsupportedOperationType(), "%s", msg) }

func ioClosedError() error { return ValueErrorf("I/O operation on closed file.") }

// ioIsClosed is `self.closed` with a fast path for the native types.
func ioIsClosed(t *Thread, self Object) (bool, error) {
	if st, ok := unwrap(self).(ioClosedState); ok && !ioOverrides(self, "closed") {
		return st.isClosed(t)
	}
	v, err := GetAttrString(t, self, "closed")
	if err != nil {
		return false, err
	}
	return IsTrue(t, v)
}

// ioOverrides reports whether self's class is a Python subclass that
// redefines name.
func ioOverrides(self Object, name string) bool {
	typ := self.Type()
	if !typ.isHeap() {
		return false
	}
	return definedInPython(typ, name)
}

func ioCheckClosed(t *Thread, self Object) error {
	c, err := ioIsClosed(t, self)
	if err != nil {
		return err
	}
	if c {
		return ioClosedError()
	}
	return nil
}

// ioBytesLike returns the bytes of a bytes-like object.
func ioBytesLike(t *Thread, o Object) ([]byte, error) {
	switch v := o.(type) {
	case *Bytes:
		return v.b, nil
	case *Str:
		return nil, TypeErrorf("a bytes-like object is required, not 'str'")
	case Int, Bool, *BigInt, Float, NoneType:
		return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(o))
	}
	if b, ok := unwrap(o).(*Bytes); ok {
		return b.b, nil
	}
	r, err := Call1(t, BytesType, o)
	if err != nil {
		return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(o))
	}
	if b, ok := unwrap(r).(*Bytes); ok {
		return b.b, nil
	}
	return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(o))
}

// ioStoreInto copies data into the writable buffer b (b[:n] = data).
// ioReadIntoSize checks readinto's argument as CPython's "w*" does and
// returns its size in bytes: a read-only buffer (bytes, a read-only
// memoryview) or a non-buffer is a TypeError, not a silent no-op or a
// slice-assignment error.
func ioReadIntoSize(t *Thread, name string, b Object) (int, error) {
	if with, ok := writableBuffer(b); ok {
		n := 0
		err := with(func(buf []byte) error {
			n = len(buf)
			return nil
		})
		return n, err
	}
	if _, isBytes := unwrap(b).(*Bytes); !isBytes && ForeignBuffer != nil {
		// a buffer exported through C (ctypes): stored through its
		// slice assignment
		if c, ok, err := ForeignBuffer(t, b); ok || err != nil {
			return len(c), err
		}
	}
	return 0, TypeErrorf("%s() argument must be read-write bytes-like object, not %s", name, typeName(b))
}

func ioStoreInto(t *Thread, b Object, data []byte) error {
	if len(data) == 0 {
		return nil
	}
	if with, ok := writableBuffer(b); ok {
		// copied into the buffer's bytes: an array of any item type
		// takes them as CPython's buffer protocol gives them
		return with(func(buf []byte) error {
			copy(buf, data)
			return nil
		})
	}
	sl := &Slice{Start: Int(0), Stop: Int(len(data)), Step: None}
	return SetItem(t, b, sl, NewBytes(data))
}

// ioSizeArg parses an optional size argument (None or missing: -1).
func ioSizeArg(t *Thread, o Object) (int, error) {
	if o == nil || o == None {
		return -1, nil
	}
	if LoadPtr(&o.Type().Index) == nil {
		if _, ok := o.(Int); !ok {
			return 0, TypeErrorf("argument should be integer or None, not '%s'", typeName(o))
		}
	}
	n, err := AsInt64(t, o)
	return int(n), err
}

// ioGetState returns the Go state of a concrete io object.
func ioGetState[T any](self Object, typ *Type) (T, error) {
	st, ok := unwrap(self).(T)
	if !ok {
		var zero T
		return zero, TypeErrorf("descriptor requires a '_io.%s' object but received '%s'", typ.Name(), typeName(self))
	}
	return st, nil
}

func ioNewBase(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	return NewInstance(typ), nil
}

// ioReadLineGeneric is _IOBase.readline: peek/read(1) based.
func ioReadLineGeneric(t *Thread, self Object, limit int) (Object, error) {
	peek, err := GetAttrOpt(t, self, Intern("peek"))
	if err != nil {
		return nil, err
	}
	var out []byte
	for limit < 0 || len(out) < limit {
		n := 1
		if peek != nil {
			r, err := Call1(t, peek, Int(1))
			if err != nil {
				return nil, err
			}
			pb, err := ioBytesLike(t, r)
			if err != nil {
				return nil, err
			}
			if len(pb) > 0 {
				if i := strings.IndexByte(string(pb), '\n'); i >= 0 {
					n = i + 1
				} else {
					n = len(pb)
				}
				if limit >= 0 && n > limit-len(out) {
					n = limit - len(out)
				}
			}
		}
		r, err := CallMethod(t, self, "read", Int(n))
		if err != nil {
			return nil, err
		}
		if r == None {
			break
		}
		b, ok := unwrap(r).(*Bytes)
		if !ok {
			return nil, Errorf(OSErrorType, "read() should have returned a bytes object, not '%s'", typeName(r))
		}
		if len(b.b) == 0 {
			break
		}
		out = append(out, b.b...)
		if out[len(out)-1] == '\n' {
			break
		}
	}
	return NewBytes(out), nil
}

// ioReadLines is readlines(hint) over iteration.
func ioReadLines(t *Thread, self Object, hintObj Object) (Object, error) {
	hint, err := ioSizeArg(t, hintObj)
	if err != nil {
		return nil, err
	}
	res := NewList()
	total := 0
	err = Iterate(t, self, func(line Object) (bool, error) {
		res.appendUnshared(line) // res is returned only when complete
		if hint > 0 {
			n, err := Len(t, line)
			if err != nil {
				return false, err
			}
			total += n
			if total >= hint {
				return false, nil
			}
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func ioCheckMode(t *Thread, self Object, meth, msg string) error {
	r, err := CallMethod(t, self, meth)
	if err != nil {
		return err
	}
	ok, err := IsTrue(t, r)
	if err != nil {
		return err
	}
	if !ok {
		return ioUnsupported(msg)
	}
	return nil
}

func init() {
	for _, typ := range []*Type{IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType} {
		typ.hasDict = true
		typ.New = ioNewBase
	}
	b := IOBaseType
	b.AddMethod("seek", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, ioUnsupported("seek")
	})
	b.AddMethod("tell", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return CallMethod(t, self, "seek", Int(0), Int(1))
	})
	b.AddMethod("truncate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, ioUnsupported("truncate")
	})
	b.AddMethod("flush", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return None, ioCheckClosed(t, self)
	})
	b.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		c, err := ioIsClosed(t, self)
		if err != nil || c {
			return None, err
		}
		_, ferr := CallMethod(t, self, "flush")
		if d := instanceDict(self); d != nil {
			d.SetStr("__IOBase_closed", True)
		}
		return None, ferr
	})
	b.AddGetSet("closed", func(t *Thread, o Object) (Object, error) {
		if d := instanceDict(o); d != nil {
			if v := d.GetStr("__IOBase_closed"); v != nil {
				return v, nil
			}
		}
		return False, nil
	}, nil)
	for _, name := range []string{"seekable", "readable", "writable"} {
		b.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) { return False, nil })
	}
	checks := []struct{ name, meth, msg string }{
		{"_checkSeekable", "seekable", "File or stream is not seekable."},
		{"_checkReadable", "readable", "File or stream is not readable."},
		{"_checkWritable", "writable", "File or stream is not writable."},
	}
	for _, c := range checks {
		c := c
		b.AddMethod(c.name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return True, ioCheckMode(t, self, c.meth, c.msg)
		})
	}
	b.AddMethod("_checkClosed", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return None, ioCheckClosed(t, self)
	})
	b.AddMethod("__enter__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := ioCheckClosed(t, self); err != nil {
			return nil, err
		}
		return self, nil
	})
	b.AddMethod("__exit__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return CallMethod(t, self, "close")
	})
	b.AddMethod("fileno", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, ioUnsupported("fileno")
	})
	b.AddMethod("isatty", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return False, ioCheckClosed(t, self)
	})
	b.AddMethod("readline", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var size Object
		if err := ParseArgs("readline", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		return ioReadLineGeneric(t, self, n)
	})
	b.AddMethod("readlines", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var hint Object
		if err := ParseArgs("readlines", args, kw, []string{""}, 0, &hint); err != nil {
			return nil, err
		}
		return ioReadLines(t, self, hint)
	})
	b.AddMethod("writelines", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("writelines() takes exactly one argument (%d given)", len(args))
		}
		if err := ioCheckClosed(t, self); err != nil {
			return nil, err
		}
		return None, Iterate(t, args[0], func(line Object) (bool, error) {
			_, err := CallMethod(t, self, "write", line)
			return err == nil, err
		})
	})
	b.Iter = func(t *Thread, self Object) (Object, error) {
		if err := ioCheckClosed(t, self); err != nil {
			return nil, err
		}
		return self, nil
	}
	b.Next = func(t *Thread, self Object) (Object, error) {
		line, err := CallMethod(t, self, "readline")
		if err != nil {
			return nil, err
		}
		n, err := Len(t, line)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, nil
		}
		return line, nil
	}

	r := RawIOBaseType
	r.AddMethod("read", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var size Object
		if err := ParseArgs("read", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return CallMethod(t, self, "readall")
		}
		buf, err := Call1(t, ByteArrayType, Int(n))
		if err != nil {
			return nil, err
		}
		got, err := CallMethod(t, self, "readinto", buf)
		if err != nil || got == None {
			return got, err
		}
		k, err := AsInt64(t, got)
		if err != nil {
			return nil, err
		}
		if k < 0 || int(k) > n {
			return nil, ValueErrorf("readinto returned %d outside buffer size %d", k, n)
		}
		all, err := ioBytesLike(t, buf)
		if err != nil {
			return nil, err
		}
		return NewBytes(append([]byte(nil), all[:k]...)), nil
	})
	r.AddMethod("readall", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var out []byte
		for {
			chunk, err := CallMethod(t, self, "read", Int(ioDefaultBufferSize))
			if err != nil {
				return nil, err
			}
			if chunk == None {
				if out == nil {
					return None, nil
				}
				break
			}
			b, err := ioBytesLike(t, chunk)
			if err != nil {
				return nil, err
			}
			if len(b) == 0 {
				break
			}
			out = append(out, b...)
		}
		return NewBytes(out), nil
	})
	r.AddMethod("readinto", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, NewError(NotImplementedErrorType, "")
	})
	r.AddMethod("write", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, NewError(NotImplementedErrorType, "")
	})

	bb := BufferedIOBaseType
	for _, name := range []string{"read", "read1", "write"} {
		name := name
		bb.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return nil, ioUnsupported(name)
		})
	}
	bb.AddMethod("detach", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, ioUnsupported("detach")
	})
	for _, name := range []string{"readinto", "readinto1"} {
		meth := "read"
		if name == "readinto1" {
			meth = "read1"
		}
		bb.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
			}
			n, err := Len(t, args[0])
			if err != nil {
				return nil, err
			}
			data, err := CallMethod(t, self, meth, Int(n))
			if err != nil {
				return nil, err
			}
			b, err := ioBytesLike(t, data)
			if err != nil {
				return nil, err
			}
			if len(b) > n {
				return nil, ValueErrorf("read() returned too much data: %d bytes requested, %d returned", n, len(b))
			}
			return Int(len(b)), ioStoreInto(t, args[0], b)
		})
	}

	tb := TextIOBaseType
	for _, name := range []string{"read", "readline", "write", "detach"} {
		name := name
		tb.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return nil, ioUnsupported(name)
		})
	}
	for _, name := range []string{"encoding", "newlines", "errors"} {
		tb.AddGetSet(name, func(t *Thread, o Object) (Object, error) { return None, nil }, nil)
	}
	registerType(IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType)
}

// The Go states answer their built-in type (the Instance holding them
// answers its own, possibly a Python subclass).
func (*fileIO) Type() *Type         { return FileIOType }
func (*bytesIO) Type() *Type        { return BytesIOType }
func (*stringIO) Type() *Type       { return StringIOType }
func (*buffered) Type() *Type       { return BufferedIOBaseType }
func (*textIO) Type() *Type         { return TextIOWrapperType }
func (*newlineDecoder) Type() *Type { return IncrementalNewlineDecoderType }
