package py

import (
	"bytes"
	"sync"
)

// BytesIOType is _io.BytesIO: an in-memory binary stream.
var BytesIOType = newBuiltinType("BytesIO", BufferedIOBaseType)

type bytesIO struct {
	mu     sync.Mutex
	buf    []byte
	pos    int
	closed bool
}

// withBuffer and bufferFormat make a BytesIO a buffer exporter for
// getbuffer()'s memoryview.
func (b *bytesIO) withBuffer(fn func(p []byte) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return fn(b.buf)
}

func (b *bytesIO) bufferFormat() (string, int) { return "B", 1 }

func (b *bytesIO) isClosed(t *Thread) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed, nil
}

// ioWhence checks a seek whence argument.
func ioWhence(t *Thread, o Object) (int, error) {
	if o == nil {
		return 0, nil
	}
	w, err := AsInt64(t, o)
	if err != nil {
		return 0, err
	}
	if w < 0 || w > 2 {
		return 0, ValueErrorf("invalid whence (%d, should be 0, 1 or 2)", w)
	}
	return int(w), nil
}

func init() {
	bt := BytesIOType
	bt.hasDict = true
	bt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return newSubclassInstance(typ, &bytesIO{}), nil
	}
	get := func(self Object) (*bytesIO, error) {
		b, err := ioGetState[*bytesIO](self, BytesIOType)
		if err != nil {
			return nil, err
		}
		return b, nil
	}
	// locked runs fn with the state locked, after the closed check.
	locked := func(self Object, fn func(b *bytesIO) (Object, error)) (Object, error) {
		b, err := get(self)
		if err != nil {
			return nil, err
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.closed {
			return nil, ioClosedError()
		}
		return fn(b)
	}
	bt.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		var initial Object
		if err := ParseArgs("BytesIO", args, kw, []string{"initial_bytes"}, 0, &initial); err != nil {
			return err
		}
		var data []byte
		if initial != nil && initial != None {
			d, err := ioBytesLike(t, initial)
			if err != nil {
				return err
			}
			data = append([]byte(nil), d...)
		}
		b, err := get(self)
		if err != nil {
			return err
		}
		b.mu.Lock()
		b.buf, b.pos = data, 0
		b.mu.Unlock()
		return nil
	}
	readN := func(b *bytesIO, n int) []byte {
		avail := len(b.buf) - b.pos
		if avail < 0 {
			avail = 0
		}
		if n < 0 || n > avail {
			n = avail
		}
		out := append([]byte(nil), b.buf[b.pos:b.pos+n]...)
		b.pos += n
		return out
	}
	readLine := func(b *bytesIO, limit int) []byte {
		if b.pos >= len(b.buf) {
			return nil
		}
		rest := b.buf[b.pos:]
		n := len(rest)
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			n = i + 1
		}
		if limit >= 0 && n > limit {
			n = limit
		}
		return readN(b, n)
	}
	for _, name := range []string{"read", "read1"} {
		bt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			var size Object
			if err := ParseArgs(name, args, kw, []string{""}, 0, &size); err != nil {
				return nil, err
			}
			n, err := ioSizeArg(t, size)
			if err != nil {
				return nil, err
			}
			return locked(self, func(b *bytesIO) (Object, error) { return NewBytes(readN(b, n)), nil })
		})
	}
	for _, name := range []string{"readinto", "readinto1"} {
		bt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
			}
			n, err := ioReadIntoSize(t, name, args[0])
			if err != nil {
				return nil, err
			}
			r, err := locked(self, func(b *bytesIO) (Object, error) { return NewBytes(readN(b, n)), nil })
			if err != nil {
				return nil, err
			}
			data := r.(*Bytes).b
			return Int(len(data)), ioStoreInto(t, args[0], data)
		})
	}
	bt.AddMethod("readline", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var size Object
		if err := ParseArgs("readline", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		return locked(self, func(b *bytesIO) (Object, error) { return NewBytes(readLine(b, n)), nil })
	})
	bt.Next = func(t *Thread, self Object) (Object, error) {
		if ioOverrides(self, "readline") {
			return IOBaseType.Next(t, self)
		}
		r, err := locked(self, func(b *bytesIO) (Object, error) { return NewBytes(readLine(b, -1)), nil })
		if err != nil || len(r.(*Bytes).b) == 0 {
			return nil, err
		}
		return r, nil
	}
	bt.AddMethod("getvalue", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(self, func(b *bytesIO) (Object, error) { return NewBytes(append([]byte(nil), b.buf...)), nil })
	})
	bt.AddMethod("getbuffer", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 0 || len(kw) != 0 {
			return nil, TypeErrorf("BytesIO.getbuffer() takes no arguments (%d given)", len(args)+len(kw))
		}
		b, err := get(self)
		if err != nil {
			return nil, err
		}
		b.mu.Lock()
		closed := b.closed
		b.mu.Unlock()
		if closed {
			return nil, ValueErrorf("I/O operation on closed file.")
		}
		// A writable view of the live buffer, like CPython's. Unlike
		// CPython, writes that resize the buffer while the view exists are
		// not refused (a view's lifetime is not known without reference
		// counts); the view then sees the bytes that are still in range.
		return exporterView(self, b), nil
	})
	bt.AddMethod("write", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("write() takes exactly one argument (%d given)", len(args))
		}
		data, err := ioBytesLike(t, args[0])
		if err != nil {
			return nil, err
		}
		return locked(self, func(b *bytesIO) (Object, error) {
			end := b.pos + len(data)
			if end > len(b.buf) {
				if end > cap(b.buf) {
					nb := make([]byte, end, max(end, 2*cap(b.buf)))
					copy(nb, b.buf)
					b.buf = nb
				} else {
					old := len(b.buf)
					b.buf = b.buf[:end]
					clear(b.buf[old:end])
				}
			}
			copy(b.buf[b.pos:], data)
			b.pos = end
			return Int(len(data)), nil
		})
	})
	bt.AddMethod("seek", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var posObj, whenceObj Object
		if err := ParseArgs("seek", args, kw, []string{"", ""}, 1, &posObj, &whenceObj); err != nil {
			return nil, err
		}
		pos, err := AsInt64(t, posObj)
		if err != nil {
			return nil, err
		}
		whence, err := ioWhence(t, whenceObj)
		if err != nil {
			return nil, err
		}
		return locked(self, func(b *bytesIO) (Object, error) {
			switch whence {
			case 0:
				if pos < 0 {
					return nil, ValueErrorf("negative seek value %d", pos)
				}
			case 1:
				pos += int64(b.pos)
			case 2:
				pos += int64(len(b.buf))
			}
			if pos < 0 {
				pos = 0
			}
			b.pos = int(pos)
			return Int(pos), nil
		})
	})
	bt.AddMethod("tell", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(self, func(b *bytesIO) (Object, error) { return Int(b.pos), nil })
	})
	bt.AddMethod("truncate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var sizeObj Object
		if err := ParseArgs("truncate", args, kw, []string{""}, 0, &sizeObj); err != nil {
			return nil, err
		}
		return locked(self, func(b *bytesIO) (Object, error) {
			size := int64(b.pos)
			if sizeObj != nil && sizeObj != None {
				var err error
				if size, err = AsInt64(t, sizeObj); err != nil {
					return nil, err
				}
				if size < 0 {
					return nil, ValueErrorf("negative size value %d", size)
				}
			}
			if int(size) < len(b.buf) {
				b.buf = b.buf[:size]
			}
			return Int(size), nil
		})
	})
	for _, name := range []string{"readable", "writable", "seekable"} {
		bt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return locked(self, func(b *bytesIO) (Object, error) { return True, nil })
		})
	}
	bt.AddMethod("isatty", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(self, func(b *bytesIO) (Object, error) { return False, nil })
	})
	bt.AddMethod("flush", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(self, func(b *bytesIO) (Object, error) { return None, nil })
	})
	bt.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		b, err := get(self)
		if err != nil {
			return nil, err
		}
		b.mu.Lock()
		b.closed = true
		b.buf = nil
		b.mu.Unlock()
		return None, nil
	})
	bt.AddGetSet("closed", func(t *Thread, o Object) (Object, error) {
		b, err := get(o)
		if err != nil {
			return nil, err
		}
		c, _ := b.isClosed(t)
		return Bool(c), nil
	}, nil)
	registerType(BytesIOType)
}
