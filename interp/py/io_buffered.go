package py

import (
	"bytes"
	"runtime"
	"sync"
	"weak"
)

// The buffered binary streams: BufferedReader, BufferedWriter,
// BufferedRandom and BufferedRWPair.
var (
	BufferedReaderType = newBuiltinType("BufferedReader", BufferedIOBaseType)
	BufferedWriterType = newBuiltinType("BufferedWriter", BufferedIOBaseType)
	BufferedRandomType = newBuiltinType("BufferedRandom", BufferedIOBaseType)
	BufferedRWPairType = newBuiltinType("BufferedRWPair", BufferedIOBaseType)
)

// buffered is the Go state of BufferedReader/Writer/Random. At most one of
// rbuf (read-ahead) and wbuf (pending writes) holds data at a time.
type buffered struct {
	lock     ioLock
	raw      Object
	native   *fileIO // raw when it is exactly a FileIO: no Python calls
	readable bool
	writable bool
	size     int
	rbuf     []byte
	rpos     int
	wbuf     []byte
	detached bool
	ok       bool // __init__ ran
	closing  bool
}

// Open buffered writers, flushed at exit as CPython's finalization does.
var (
	ioOpenMu      sync.Mutex
	ioOpenWriters = map[weak.Pointer[buffered]]struct{}{}
)

func (b *buffered) register() {
	ioOpenMu.Lock()
	ioOpenWriters[weak.Make(b)] = struct{}{}
	ioOpenMu.Unlock()
}

func (b *buffered) unregister() {
	ioOpenMu.Lock()
	delete(ioOpenWriters, weak.Make(b))
	ioOpenMu.Unlock()
}

// FlushOpenFiles flushes every open buffered writer (at interpreter exit).
func FlushOpenFiles(t *Thread) {
	ioFlushOpenText(t)
	ioOpenMu.Lock()
	var list []*buffered
	for w := range ioOpenWriters {
		if b := w.Value(); b != nil {
			list = append(list, b)
		}
	}
	ioOpenMu.Unlock()
	for _, b := range list {
		if b.native == nil && t == nil {
			continue
		}
		if b.lock.tryLock() {
			b.flushLocked(t)
			b.lock.unlock()
		}
	}
}

func (b *buffered) check(t *Thread) error {
	if !b.ok {
		return ValueErrorf("I/O operation on uninitialized object")
	}
	if b.detached {
		return ValueErrorf("raw stream has been detached")
	}
	return nil
}

func (b *buffered) isClosed(t *Thread) (bool, error) {
	if err := b.check(t); err != nil {
		return false, err
	}
	if b.native != nil {
		return b.native.isClosed(t)
	}
	v, err := GetAttrString(t, b.raw, "closed")
	if err != nil {
		return false, err
	}
	return IsTrue(t, v)
}

func (b *buffered) checkOpen(t *Thread) error {
	c, err := b.isClosed(t)
	if err != nil {
		return err
	}
	if c {
		return ValueErrorf("I/O operation on closed file.")
	}
	return nil
}

// ---- the raw stream ----

// rawRead reads at most n bytes; nil, nil means it would block.
func (b *buffered) rawRead(t *Thread, n int) ([]byte, error) {
	if b.native != nil {
		return b.native.read(n)
	}
	r, err := CallMethod(t, b.raw, "read", Int(n))
	if err != nil || r == None {
		return nil, err
	}
	data, err := ioBytesLike(t, r)
	if err != nil {
		return nil, err
	}
	if len(data) > n {
		return nil, Errorf(OSErrorType, "raw read() returned invalid length %d (should have been between 0 and %d)", len(data), n)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

func (b *buffered) rawWriteAll(t *Thread, data []byte) error {
	if b.native != nil {
		return b.native.writeAll(data)
	}
	// the Python side may keep the bytes: they must not alias wbuf
	data = append([]byte(nil), data...)
	for len(data) > 0 {
		r, err := CallMethod(t, b.raw, "write", NewBytes(data))
		if err != nil {
			return err
		}
		if r == None {
			return NewOSErrorEAGAIN()
		}
		n, err := AsInt64(t, r)
		if err != nil {
			return err
		}
		if n < 0 || int(n) > len(data) {
			return Errorf(OSErrorType, "raw write() returned invalid length %d (should have been between 0 and %d)", n, len(data))
		}
		data = data[n:]
	}
	return nil
}

func (b *buffered) rawSeek(t *Thread, pos int64, whence int) (int64, error) {
	if b.native != nil {
		return b.native.seek(pos, whence)
	}
	r, err := CallMethod(t, b.raw, "seek", Int(pos), Int(whence))
	if err != nil {
		return 0, err
	}
	n, err := AsInt64(t, r)
	if err == nil && n < 0 {
		return 0, Errorf(OSErrorType, "Raw stream returned invalid position %d", n)
	}
	return n, err
}

// ---- buffer management (b.lock held) ----

func (b *buffered) flushLocked(t *Thread) error {
	if len(b.wbuf) == 0 {
		return nil
	}
	data := b.wbuf
	b.wbuf = b.wbuf[:0]
	if err := b.rawWriteAll(t, data); err != nil {
		return err
	}
	return nil
}

// dropReadAhead moves the raw position back to the logical one.
func (b *buffered) dropReadAhead(t *Thread) error {
	if n := len(b.rbuf) - b.rpos; n > 0 {
		if _, err := b.rawSeek(t, -int64(n), 1); err != nil {
			return err
		}
	}
	b.rbuf, b.rpos = nil, 0
	return nil
}

// fill reads more raw data into the read buffer; false at EOF (or when
// the read would block).
func (b *buffered) fill(t *Thread) (bool, error) {
	if b.rpos > 0 && b.rpos == len(b.rbuf) {
		b.rbuf, b.rpos = b.rbuf[:0], 0
	}
	data, err := b.rawRead(t, b.size)
	if err != nil || len(data) == 0 {
		return false, err
	}
	if b.rpos > 0 {
		b.rbuf = append(b.rbuf[:0], b.rbuf[b.rpos:]...)
		b.rpos = 0
	}
	b.rbuf = append(b.rbuf, data...)
	return true, nil
}

func (b *buffered) prepRead(t *Thread) error {
	if c, err := b.isClosed(t); err != nil {
		return err
	} else if c {
		return ValueErrorf("read of closed file")
	}
	if !b.readable {
		return ioUnsupported("read")
	}
	return b.flushLocked(t)
}

func (b *buffered) read(t *Thread, n int) ([]byte, error) {
	if err := b.prepRead(t); err != nil {
		return nil, err
	}
	avail := b.rbuf[b.rpos:]
	if n >= 0 && n <= len(avail) {
		out := append([]byte{}, avail[:n]...)
		b.rpos += n
		return out, nil
	}
	out := append([]byte(nil), avail...)
	b.rbuf, b.rpos = b.rbuf[:0], 0
	if n < 0 {
		for {
			var data []byte
			var err error
			if b.native != nil {
				data, err = b.native.read(-1)
			} else {
				data, err = b.rawRead(t, ioDefaultBufferSize)
			}
			if err != nil {
				return nil, err
			}
			if data == nil && len(out) == 0 {
				return nil, nil
			}
			if len(data) == 0 {
				return ioNZ(out), nil
			}
			out = append(out, data...)
			if b.native != nil {
				return out, nil
			}
		}
	}
	for len(out) < n {
		want := n - len(out)
		if want >= b.size {
			data, err := b.rawRead(t, want)
			if err != nil {
				return nil, err
			}
			if data == nil && len(out) == 0 {
				return nil, nil
			}
			if len(data) == 0 {
				break
			}
			out = append(out, data...)
			continue
		}
		more, err := b.fill(t)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		k := min(want, len(b.rbuf))
		out = append(out, b.rbuf[:k]...)
		b.rpos = k
	}
	return ioNZ(out), nil
}

// ioNZ makes an empty result non-nil: nil means "would block".
func ioNZ(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

func (b *buffered) read1(t *Thread, n int) ([]byte, error) {
	if err := b.prepRead(t); err != nil {
		return nil, err
	}
	if n < 0 {
		n = b.size
	}
	if n == 0 {
		return []byte{}, nil
	}
	if b.rpos == len(b.rbuf) {
		if _, err := b.fill(t); err != nil {
			return nil, err
		}
	}
	avail := b.rbuf[b.rpos:]
	k := min(n, len(avail))
	out := append([]byte{}, avail[:k]...)
	b.rpos += k
	return out, nil
}

func (b *buffered) readline(t *Thread, limit int) ([]byte, error) {
	if err := b.prepRead(t); err != nil {
		return nil, err
	}
	scanned := 0
	for {
		avail := b.rbuf[b.rpos:]
		end := -1
		if i := bytes.IndexByte(avail[scanned:], '\n'); i >= 0 {
			end = scanned + i + 1
		}
		if end < 0 && limit >= 0 && len(avail) >= limit {
			end = limit
		}
		if end >= 0 {
			if limit >= 0 && end > limit {
				end = limit
			}
			out := append([]byte{}, avail[:end]...)
			b.rpos += end
			return out, nil
		}
		scanned = len(avail)
		more, err := b.fill(t)
		if err != nil {
			return nil, err
		}
		if !more {
			out := append([]byte{}, b.rbuf[b.rpos:]...)
			b.rbuf, b.rpos = b.rbuf[:0], 0
			return out, nil
		}
	}
}

func (b *buffered) peek(t *Thread) ([]byte, error) {
	if err := b.prepRead(t); err != nil {
		return nil, err
	}
	if b.rpos == len(b.rbuf) {
		if _, err := b.fill(t); err != nil {
			return nil, err
		}
	}
	return append([]byte{}, b.rbuf[b.rpos:]...), nil
}

func (b *buffered) write(t *Thread, data []byte) (int, error) {
	if err := b.checkOpen(t); err != nil {
		return 0, err
	}
	if !b.writable {
		return 0, ioUnsupported("write")
	}
	if len(b.rbuf) > b.rpos {
		if err := b.dropReadAhead(t); err != nil {
			return 0, err
		}
	}
	b.rbuf, b.rpos = nil, 0
	if len(b.wbuf)+len(data) > b.size {
		if err := b.flushLocked(t); err != nil {
			return 0, err
		}
		if len(data) > b.size {
			return len(data), b.rawWriteAll(t, data)
		}
	}
	if b.wbuf == nil {
		b.wbuf = make([]byte, 0, b.size)
	}
	b.wbuf = append(b.wbuf, data...)
	return len(data), nil
}

func (b *buffered) tell(t *Thread) (int64, error) {
	pos, err := b.rawSeek(t, 0, 1)
	if err != nil {
		return 0, err
	}
	pos += int64(len(b.wbuf)) - int64(len(b.rbuf)-b.rpos)
	if pos < 0 {
		pos = 0
	}
	return pos, nil
}

func (b *buffered) seek(t *Thread, pos int64, whence int) (int64, error) {
	if err := b.checkOpen(t); err != nil {
		return 0, err
	}
	if err := b.flushLocked(t); err != nil {
		return 0, err
	}
	if whence == 1 {
		pos -= int64(len(b.rbuf) - b.rpos)
	}
	b.rbuf, b.rpos = b.rbuf[:0], 0
	return b.rawSeek(t, pos, whence)
}

func (b *buffered) close(t *Thread) error {
	c, err := b.isClosed(t)
	if err != nil || c {
		return err
	}
	ferr := b.flushLocked(t)
	b.unregister()
	var cerr error
	if b.native != nil {
		cerr = b.native.close()
	} else {
		_, cerr = CallMethod(t, b.raw, "close")
	}
	b.rbuf, b.rpos, b.wbuf = nil, 0, nil
	if ferr != nil {
		return ferr
	}
	return cerr
}

// ---- Python-level methods ----

func bufferedInit(kind *Type) InitFunc {
	return func(t *Thread, self Object, args []Object, kw []string) error {
		var raw, sizeObj Object
		if err := ParseArgs(kind.Name(), args, kw, []string{"raw", "buffer_size"}, 1, &raw, &sizeObj); err != nil {
			return err
		}
		b, err := ioGetState[*buffered](self, kind)
		if err != nil {
			return err
		}
		size := ioDefaultBufferSize
		if sizeObj != nil {
			n, err := AsInt64(t, sizeObj)
			if err != nil {
				return err
			}
			if n <= 0 {
				return ValueErrorf("buffer size must be strictly positive")
			}
			size = int(n)
		}
		readable := kind != BufferedWriterType
		writable := kind != BufferedReaderType
		if readable {
			if err := ioCheckMode(t, raw, "readable", "File or stream is not readable."); err != nil {
				return err
			}
		}
		if writable {
			if err := ioCheckMode(t, raw, "writable", "File or stream is not writable."); err != nil {
				return err
			}
		}
		if kind == BufferedRandomType {
			if err := ioCheckMode(t, raw, "seekable", "File or stream is not seekable."); err != nil {
				return err
			}
		}
		if err := b.lock.lock(t, kind.Name()); err != nil {
			return err
		}
		defer b.lock.unlock()
		b.raw, b.native = raw, nil
		if in, ok := raw.(*Instance); ok && LoadPtr(&in.typ) == FileIOType {
			b.native = in.Base.(*fileIO)
		}
		b.readable, b.writable, b.size = readable, writable, size
		b.rbuf, b.rpos, b.wbuf, b.detached, b.ok = nil, 0, nil, false, true
		if writable {
			b.register()
		}
		return nil
	}
}

func init() {
	for _, kind := range []*Type{BufferedReaderType, BufferedWriterType, BufferedRandomType} {
		kind := kind
		kind.hasDict = true
		kind.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
			b := &buffered{}
			in := newSubclassInstance(typ, b).(*Instance)
			// a collected writer flushes and closes its raw stream, like
			// CPython's finalizer (only when no Python code is needed)
			runtime.AddCleanup(in, func(b *buffered) {
				if b.ok && !b.detached && b.native != nil {
					if b.lock.lock(nil, "close") == nil {
						b.close(nil)
						b.lock.unlock()
					}
				}
			}, b)
			return in, nil
		}
		kind.Init = bufferedInit(kind)
		get := func(self Object) (*buffered, error) { return ioGetState[*buffered](self, kind) }
		// locked runs fn with the buffer's lock held.
		locked := func(t *Thread, self Object, what string, fn func(b *buffered) (Object, error)) (Object, error) {
			b, err := get(self)
			if err != nil {
				return nil, err
			}
			if err := b.check(t); err != nil {
				return nil, err
			}
			if err := b.lock.lock(t, kind.Name()); err != nil {
				return nil, err
			}
			defer b.lock.unlock()
			return fn(b)
		}
		bytesOrNone := func(data []byte, err error) (Object, error) {
			if err != nil {
				return nil, err
			}
			if data == nil {
				return None, nil
			}
			return NewBytes(data), nil
		}
		sizeArg := func(t *Thread, name string, args []Object, kw []string) (int, error) {
			var size Object
			if err := ParseArgs(name, args, kw, []string{""}, 0, &size); err != nil {
				return 0, err
			}
			return ioSizeArg(t, size)
		}
		if kind != BufferedWriterType {
			kind.AddMethod("read", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				n, err := sizeArg(t, "read", args, kw)
				if err != nil {
					return nil, err
				}
				if n < -1 {
					return nil, ValueErrorf("read length must be non-negative or -1")
				}
				return locked(t, self, "read", func(b *buffered) (Object, error) { return bytesOrNone(b.read(t, n)) })
			})
			kind.AddMethod("read1", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				n, err := sizeArg(t, "read1", args, kw)
				if err != nil {
					return nil, err
				}
				return locked(t, self, "read1", func(b *buffered) (Object, error) { return bytesOrNone(b.read1(t, n)) })
			})
			kind.AddMethod("readline", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				n, err := sizeArg(t, "readline", args, kw)
				if err != nil {
					return nil, err
				}
				return locked(t, self, "readline", func(b *buffered) (Object, error) { return bytesOrNone(b.readline(t, n)) })
			})
			kind.AddMethod("peek", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				return locked(t, self, "peek", func(b *buffered) (Object, error) { return bytesOrNone(b.peek(t)) })
			})
			for _, name := range []string{"readinto", "readinto1"} {
				name := name
				kind.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
					if len(args) != 1 {
						return nil, TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
					}
					n, err := ioReadIntoSize(t, name, args[0])
					if err != nil {
						return nil, err
					}
					r, err := locked(t, self, name, func(b *buffered) (Object, error) {
						if name == "readinto1" {
							return bytesOrNone(b.read1(t, n))
						}
						return bytesOrNone(b.read(t, n))
					})
					if err != nil || r == None {
						return r, err
					}
					data := r.(*Bytes).b
					return Int(len(data)), ioStoreInto(t, args[0], data)
				})
			}
			kind.Next = func(t *Thread, self Object) (Object, error) {
				if ioOverrides(self, "readline") {
					return IOBaseType.Next(t, self)
				}
				r, err := locked(t, self, "readline", func(b *buffered) (Object, error) { return bytesOrNone(b.readline(t, -1)) })
				if err != nil || len(r.(*Bytes).b) == 0 {
					return nil, err
				}
				return r, nil
			}
		}
		if kind != BufferedReaderType {
			kind.AddMethod("write", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				if len(args) != 1 {
					return nil, TypeErrorf("write() takes exactly one argument (%d given)", len(args))
				}
				data, err := ioBytesLike(t, args[0])
				if err != nil {
					return nil, err
				}
				return locked(t, self, "write", func(b *buffered) (Object, error) {
					n, err := b.write(t, data)
					return Int(n), err
				})
			})
		}
		kind.AddMethod("flush", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return locked(t, self, "flush", func(b *buffered) (Object, error) {
				if err := b.checkOpen(t); err != nil {
					return nil, err
				}
				return None, b.flushLocked(t)
			})
		})
		kind.AddMethod("seek", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
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
			return locked(t, self, "seek", func(b *buffered) (Object, error) {
				r, err := b.seek(t, pos, whence)
				return Int(r), err
			})
		})
		kind.AddMethod("tell", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return locked(t, self, "tell", func(b *buffered) (Object, error) {
				r, err := b.tell(t)
				return Int(r), err
			})
		})
		kind.AddMethod("truncate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			var posObj Object
			if err := ParseArgs("truncate", args, kw, []string{""}, 0, &posObj); err != nil {
				return nil, err
			}
			return locked(t, self, "truncate", func(b *buffered) (Object, error) {
				if err := b.checkOpen(t); err != nil {
					return nil, err
				}
				if !b.writable {
					return nil, ioUnsupported("truncate")
				}
				if err := b.flushLocked(t); err != nil {
					return nil, err
				}
				if err := b.dropReadAhead(t); err != nil {
					return nil, err
				}
				if posObj == nil {
					posObj = None
				}
				if posObj == None {
					p, err := b.rawSeek(t, 0, 1)
					if err != nil {
						return nil, err
					}
					posObj = Int(p)
				}
				return CallMethod(t, b.raw, "truncate", posObj)
			})
		})
		kind.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return locked(t, self, "close", func(b *buffered) (Object, error) { return None, b.close(t) })
		})
		kind.AddMethod("detach", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return locked(t, self, "detach", func(b *buffered) (Object, error) {
				if err := b.flushLocked(t); err != nil {
					return nil, err
				}
				b.unregister()
				b.detached = true
				return b.raw, nil
			})
		})
		delegate := func(name string) {
			kind.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				b, err := get(self)
				if err != nil {
					return nil, err
				}
				if err := b.check(t); err != nil {
					return nil, err
				}
				return CallMethod(t, b.raw, name)
			})
		}
		delegate("fileno")
		delegate("isatty")
		delegate("seekable")
		kind.AddMethod("readable", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			b, err := get(self)
			if err != nil {
				return nil, err
			}
			if err := b.check(t); err != nil {
				return nil, err
			}
			if !b.readable {
				return False, nil
			}
			return CallMethod(t, b.raw, "readable")
		})
		kind.AddMethod("writable", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			b, err := get(self)
			if err != nil {
				return nil, err
			}
			if err := b.check(t); err != nil {
				return nil, err
			}
			if !b.writable {
				return False, nil
			}
			return CallMethod(t, b.raw, "writable")
		})
		attr := func(name string) {
			kind.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
				b, err := get(o)
				if err != nil {
					return nil, err
				}
				if err := b.check(t); err != nil {
					return nil, err
				}
				return GetAttrString(t, b.raw, name)
			}, nil)
		}
		attr("closed")
		attr("name")
		attr("mode")
		kind.AddGetSet("raw", func(t *Thread, o Object) (Object, error) {
			b, err := get(o)
			if err != nil {
				return nil, err
			}
			if err := b.check(t); err != nil {
				return nil, err
			}
			return b.raw, nil
		}, nil)
		kind.Repr = func(t *Thread, o Object) (Object, error) {
			b, err := get(o)
			if err != nil {
				return nil, err
			}
			tn := "_io." + o.Type().Name()
			if o.Type().isHeap() {
				tn = o.Type().FullName()
			}
			if !b.ok || b.detached {
				return NewStr("<" + tn + ">"), nil
			}
			name, err := GetAttrOpt(t, o, Intern("name"))
			if err != nil && !IsInstanceOf(err, ValueErrorType) {
				return nil, err
			}
			if name == nil {
				return NewStr("<" + tn + ">"), nil
			}
			r, err := ReprString(t, name)
			if err != nil {
				return nil, err
			}
			return NewStr("<" + tn + " name=" + r + ">"), nil
		}
	}

	// BufferedRWPair(reader, writer, buffer_size): a reader and a writer
	// glued together.
	pt := BufferedRWPairType
	pt.hasDict = true

	pt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return newSubclassInstance(typ, &rwPair{}), nil
	}
	pt.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		var r, w, size Object
		if err := ParseArgs("BufferedRWPair", args, kw, []string{"", "", ""}, 2, &r, &w, &size); err != nil {
			return err
		}
		p, err := ioGetState[*rwPair](self, pt)
		if err != nil {
			return err
		}
		cargs := []Object{r}
		if size != nil {
			cargs = append(cargs, size)
		}
		if p.r, err = Call(t, BufferedReaderType, cargs, nil); err != nil {
			return err
		}
		cargs[0] = w
		p.w, err = Call(t, BufferedWriterType, cargs, nil)
		return err
	}
	pair := func(self Object) (*rwPair, error) {
		p, err := ioGetState[*rwPair](self, pt)
		if err == nil && p.r == nil {
			err = ValueErrorf("I/O operation on uninitialized object")
		}
		return p, err
	}
	for _, m := range []struct {
		name   string
		writer bool
	}{{"read", false}, {"read1", false}, {"readinto", false}, {"readinto1", false}, {"peek", false}, {"readable", false},
		{"write", true}, {"flush", true}, {"writable", true}} {
		m := m
		pt.AddMethod(m.name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			p, err := pair(self)
			if err != nil {
				return nil, err
			}
			target := p.r
			if m.writer {
				target = p.w
			}
			meth, err := GetAttrString(t, target, m.name)
			if err != nil {
				return nil, err
			}
			return Call(t, meth, args, kw)
		})
	}
	pt.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		p, err := pair(self)
		if err != nil {
			return nil, err
		}
		_, werr := CallMethod(t, p.w, "close")
		_, rerr := CallMethod(t, p.r, "close")
		if werr != nil {
			return nil, werr
		}
		return None, rerr
	})
	pt.AddMethod("isatty", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		p, err := pair(self)
		if err != nil {
			return nil, err
		}
		r, err := CallMethod(t, p.w, "isatty")
		if err != nil {
			return nil, err
		}
		if b, _ := IsTrue(t, r); b {
			return r, nil
		}
		return CallMethod(t, p.r, "isatty")
	})
	pt.AddGetSet("closed", func(t *Thread, o Object) (Object, error) {
		p, err := pair(o)
		if err != nil {
			return nil, err
		}
		return GetAttrString(t, p.w, "closed")
	}, nil)
	registerType(BufferedReaderType, BufferedWriterType, BufferedRandomType, BufferedRWPairType)
}

type rwPair struct{ r, w Object }

func (*rwPair) Type() *Type { return BufferedRWPairType }
