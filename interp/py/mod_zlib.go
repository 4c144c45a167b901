package py

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"runtime"
	"sync"
)

// zlib on Go's compress/flate. Streams are valid and interoperable, and
// decompression matches CPython's results and errors, but compressed bytes
// are Go's encoder's, not the C library's (the same input may compress to
// different bytes). Full flushes act as sync flushes (Go cannot reset the
// dictionary mid-stream); copy() of a stream object is not supported.

const (
	zNoFlush = 0
	zFinish  = 4
	zDefBuf  = 16384
)

var (
	zlibOnce       sync.Once
	zlibErrorType  *Type
	CompressType   = newBuiltinType("Compress", ObjectType)
	DecompressType = newBuiltinType("Decompress", ObjectType)
)

func zlibError(msg string) error { return NewError(zlibErrorType, msg) }

// zlibErr converts an inflate failure into zlib.error "Error N while ...".
func zlibErr(err error, while string) error {
	if ze, ok := err.(*zlibDataError); ok {
		if ze.while != "" {
			while = ze.while
		}
		if ze.msg == "" {
			return zlibError("Error " + itoa(ze.code) + " " + while)
		}
		return zlibError("Error " + itoa(ze.code) + " " + while + ": " + ze.msg)
	}
	if be, ok := err.(*BaseException); ok {
		return be
	}
	return zlibError("Error -3 " + while + ": " + err.Error())
}

// deflater is one compression stream with its container.
type deflater struct {
	mu       sync.Mutex
	w        *flate.Writer
	out      bytes.Buffer
	format   zlibFormat
	check    hash.Hash32
	size     uint32
	finished bool
}

// Type returns zlib.Compress.
func (*deflater) Type() *Type { return CompressType }

func newDeflater(level, wbits, strategy int, zdict []byte) (*deflater, bool) {
	d := &deflater{}
	var window int
	switch {
	case wbits >= 8 && wbits <= 15:
		d.format, window = fmtZlib, wbits
		if window == 8 {
			window = 9
		}
	case wbits >= -15 && wbits <= -9:
		d.format, window = fmtRaw, -wbits
	case wbits >= 25 && wbits <= 31:
		d.format, window = fmtGzip, wbits-16
	default:
		return nil, false
	}
	if level < -1 || level > 9 || strategy < 0 || strategy > 4 {
		return nil, false
	}
	if level == -1 {
		level = 6
	}
	goLevel := level
	if strategy == 2 { // Z_HUFFMAN_ONLY
		goLevel = flate.HuffmanOnly
	}
	switch d.format {
	case fmtZlib:
		flags := 3
		switch {
		case strategy >= 2 || level < 2:
			flags = 0
		case level < 6:
			flags = 1
		case level == 6:
			flags = 2
		}
		h := (8+(window-8)<<4)<<8 | flags<<6
		if zdict != nil {
			h |= 0x20
		}
		h += 31 - h%31
		d.out.Write([]byte{byte(h >> 8), byte(h)})
		if zdict != nil {
			binary.Write(&d.out, binary.BigEndian, adler32.Checksum(zdict))
		}
		d.check = adler32.New()
	case fmtGzip:
		xfl := byte(0)
		if level == 9 {
			xfl = 2
		} else if strategy >= 2 || level < 2 {
			xfl = 4
		}
		d.out.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
		d.check = crc32.NewIEEE()
		zdict = nil
	}
	var err error
	if zdict != nil {
		d.w, err = flate.NewWriterDict(&d.out, goLevel, zdict)
	} else {
		d.w, err = flate.NewWriter(&d.out, goLevel)
	}
	return d, err == nil
}

func (d *deflater) write(b []byte) {
	d.w.Write(b)
	if d.check != nil {
		d.check.Write(b)
	}
	d.size += uint32(len(b))
}

func (d *deflater) take() []byte {
	b := append([]byte(nil), d.out.Bytes()...)
	d.out.Reset()
	return b
}

func (d *deflater) finish() []byte {
	d.w.Close()
	switch d.format {
	case fmtZlib:
		binary.Write(&d.out, binary.BigEndian, d.check.Sum32())
	case fmtGzip:
		binary.Write(&d.out, binary.LittleEndian, d.check.Sum32())
		binary.Write(&d.out, binary.LittleEndian, d.size)
	}
	d.finished = true
	return d.take()
}

// inflaterObj is a zlib.Decompress stream object.
type inflaterObj struct {
	mu      sync.Mutex
	s       *streamInflater
	format  zlibFormat
	window  int
	zdict   []byte
	pending []byte // decompressed but not yet returned (max_length)
	done    bool   // the stream has ended (eof once pending is empty)
	rest    []byte // input past the end of the stream
	eof     bool
	unused  []byte
	err     error
}

// Type returns zlib.Decompress.
func (*inflaterObj) Type() *Type { return DecompressType }

func (d *inflaterObj) feed(data []byte) error {
	if d.err != nil {
		return d.err
	}
	if d.done {
		d.rest = append(d.rest, data...)
		return nil
	}
	if !d.s.started {
		d.s.start(d.format, d.window, d.zdict)
	}
	out, done, rest, err := d.s.feed(data)
	d.pending = append(d.pending, out...)
	if err != nil {
		d.err = zlibErr(err, "while decompressing data")
		return d.err
	}
	if done {
		d.done = true
		d.rest = rest
	}
	return nil
}

// deliver returns up to max bytes (0: all) of the pending output; eof and
// unused_data appear once everything has been returned.
func (d *inflaterObj) deliver(max int) []byte {
	n := len(d.pending)
	if max > 0 && max < n {
		n = max
	}
	out := d.pending[:n:n]
	d.pending = d.pending[n:]
	if d.done && len(d.pending) == 0 {
		d.eof = true
		d.unused = d.rest
	}
	return out
}

func zlibBuffer(t *Thread, o Object) ([]byte, error) { return needBytesLikeT(t, o) }

func init() {
	CompressType.Flags.And(^uint64(FlagBaseType))
	DecompressType.Flags.And(^uint64(FlagBaseType))
	CompressType.CName = "zlib.Compress"
	DecompressType.CName = "zlib.Decompress"
	CompressType.AddMethod("compress", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var data Object
		if err := parseClinic("compress", args, kw, []string{"data"}, 1, 1, &data); err != nil {
			return nil, err
		}
		d := self.(*deflater)
		b, err := zlibBuffer(t, data)
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.finished {
			return nil, zlibError("Error -2 while compressing data: inconsistent stream state")
		}
		d.write(b)
		return NewBytes(d.take()), nil
	})
	CompressType.AddMethod("flush", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var mode Object
		if err := parseClinic("flush", args, kw, []string{"mode"}, 1, 0, &mode); err != nil {
			return nil, err
		}
		m := zFinish
		if mode != nil {
			v, err := IndexInt(t, mode)
			if err != nil {
				return nil, err
			}
			m = v
		}
		d := self.(*deflater)
		d.mu.Lock()
		defer d.mu.Unlock()
		if m == zNoFlush {
			return NewBytes(nil), nil
		}
		if d.finished {
			return nil, zlibError("Error -2 while flushing: inconsistent stream state")
		}
		if m == zFinish {
			return NewBytes(d.finish()), nil
		}
		d.w.Flush()
		return NewBytes(d.take()), nil
	})
	CompressType.AddMethod("copy", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, Errorf(NotImplementedErrorType, "copying a zlib stream is not supported by freepy")
	})
	DecompressType.AddMethod("copy", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, Errorf(NotImplementedErrorType, "copying a zlib stream is not supported by freepy")
	})
	DecompressType.AddMethod("decompress", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var data, maxLen Object
		if err := parseClinic("decompress", args, kw, []string{"data", "max_length"}, 1, 1, &data, &maxLen); err != nil {
			return nil, err
		}
		b, err := zlibBuffer(t, data)
		if err != nil {
			return nil, err
		}
		max := 0
		if maxLen != nil {
			if max, err = IndexInt(t, maxLen); err != nil {
				return nil, err
			}
			if max < 0 {
				return nil, ValueErrorf("max_length must be non-negative")
			}
		}
		d := self.(*inflaterObj)
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.eof {
			d.unused = append(append([]byte(nil), d.unused...), b...)
			return NewBytes(nil), nil
		}
		if err := d.feed(b); err != nil {
			return nil, err
		}
		out := d.deliver(max)
		if d.eof {
			d.s.stop()
		}
		return NewBytes(out), nil
	})
	DecompressType.AddMethod("flush", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var length Object
		if err := parseClinic("flush", args, kw, []string{"length"}, 1, 0, &length); err != nil {
			return nil, err
		}
		if length != nil {
			n, err := IndexInt(t, length)
			if err != nil {
				return nil, err
			}
			if n <= 0 {
				return nil, ValueErrorf("length must be greater than zero")
			}
		}
		d := self.(*inflaterObj)
		d.mu.Lock()
		defer d.mu.Unlock()
		return NewBytes(d.deliver(0)), nil
	})
	DecompressType.AddGetSet("unused_data", func(t *Thread, o Object) (Object, error) {
		d := o.(*inflaterObj)
		d.mu.Lock()
		defer d.mu.Unlock()
		return NewBytes(d.unused), nil
	}, nil)
	DecompressType.AddGetSet("unconsumed_tail", func(t *Thread, o Object) (Object, error) { return NewBytes(nil), nil }, nil)
	DecompressType.AddGetSet("eof", func(t *Thread, o Object) (Object, error) {
		d := o.(*inflaterObj)
		d.mu.Lock()
		defer d.mu.Unlock()
		return Bool(d.eof), nil
	}, nil)
	registerType(CompressType, DecompressType)

	RegisterNativeModule("zlib", func(t *Thread) (*Module, error) {
		var err error
		zlibOnce.Do(func() {
			ns := NewDict()
			ns.SetStr("__module__", NewStr("zlib"))
			var et Object
			et, err = Call(t, TypeType, []Object{NewStr("error"), NewTuple(ExceptionType), ns}, nil)
			if err == nil {
				zlibErrorType = et.(*Type)
			}
		})
		if err != nil {
			return nil, err
		}
		m := NewModule("zlib")
		CompressType.Dict.SetStr("__module__", NewStr("zlib"))
		DecompressType.Dict.SetStr("__module__", NewStr("zlib"))
		m.dict.SetStr("error", zlibErrorType)
		for name, v := range map[string]int{"MAX_WBITS": 15, "DEFLATED": 8, "DEF_MEM_LEVEL": 8, "DEF_BUF_SIZE": zDefBuf,
			"Z_NO_COMPRESSION": 0, "Z_BEST_SPEED": 1, "Z_BEST_COMPRESSION": 9, "Z_DEFAULT_COMPRESSION": -1,
			"Z_FILTERED": 1, "Z_HUFFMAN_ONLY": 2, "Z_RLE": 3, "Z_FIXED": 4, "Z_DEFAULT_STRATEGY": 0,
			"Z_NO_FLUSH": 0, "Z_PARTIAL_FLUSH": 1, "Z_SYNC_FLUSH": 2, "Z_FULL_FLUSH": 3, "Z_FINISH": 4, "Z_BLOCK": 5, "Z_TREES": 6} {
			m.dict.SetStr(name, Int(v))
		}
		m.dict.SetStr("ZLIB_VERSION", NewStr("1.2.13"))
		m.dict.SetStr("ZLIB_RUNTIME_VERSION", NewStr("1.2.13"))
		checksum := func(name string, initial uint32, update func(uint32, []byte) uint32) {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				if len(kw) > 0 {
					return nil, TypeErrorf("zlib.%s() takes no keyword arguments", name)
				}
				if len(args) < 1 || len(args) > 2 {
					return nil, crcArgCount(name, len(args), 1)
				}
				b, err := zlibBuffer(t, args[0])
				if err != nil {
					return nil, err
				}
				v := initial
				if len(args) == 2 {
					if v, err = maskedUint32(t, args[1]); err != nil {
						return nil, err
					}
				}
				return Int(update(v, b)), nil
			})
		}
		checksum("crc32", 0, func(v uint32, b []byte) uint32 { return crc32.Update(v, crc32.IEEETable, b) })
		checksum("adler32", 1, adler32Update)
		m.AddFunc("compress", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var data, level, wbits Object
			if err := parseClinic("compress", args, kw, []string{"data", "level", "wbits"}, 1, 1, &data, &level, &wbits); err != nil {
				return nil, err
			}
			b, err := zlibBuffer(t, data)
			if err != nil {
				return nil, err
			}
			lv, wb, err := intArgs(t, level, -1, wbits, 15)
			if err != nil {
				return nil, err
			}
			d, ok := newDeflater(lv, wb, 0, nil)
			if !ok {
				return nil, zlibError("Bad compression level")
			}
			d.write(b)
			return NewBytes(d.finish()), nil
		})
		m.AddFunc("decompress", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var data, wbits, bufsize Object
			if err := parseClinic("decompress", args, kw, []string{"data", "wbits", "bufsize"}, 1, 1, &data, &wbits, &bufsize); err != nil {
				return nil, err
			}
			b, err := zlibBuffer(t, data)
			if err != nil {
				return nil, err
			}
			wb, bs, err := intArgs(t, wbits, 15, bufsize, zDefBuf)
			if err != nil {
				return nil, err
			}
			if bs < 0 {
				return nil, ValueErrorf("bufsize must be non-negative")
			}
			format, window, ok := inflateFormat(wb)
			if !ok {
				return nil, zlibError("Error -2 while preparing to decompress data: inconsistent stream state")
			}
			var out []byte
			err = inflateStream(bytes.NewReader(b), format, window, nil, func(p []byte) error {
				out = append(out, p...)
				return nil
			})
			if err != nil {
				return nil, zlibErr(err, "while decompressing data")
			}
			return NewBytes(out), nil
		})
		m.AddFunc("compressobj", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var level, method, wbits, memLevel, strategy, zdict Object
			if err := parseClinic("compressobj", args, kw, []string{"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0, 0,
				&level, &method, &wbits, &memLevel, &strategy, &zdict); err != nil {
				return nil, err
			}
			lv, wb, err := intArgs(t, level, -1, wbits, 15)
			if err != nil {
				return nil, err
			}
			meth, ml, err := intArgs(t, method, 8, memLevel, 8)
			if err != nil {
				return nil, err
			}
			st, _, err := intArgs(t, strategy, 0, nil, 0)
			if err != nil {
				return nil, err
			}
			var dict []byte
			if zdict != nil {
				if dict, err = needBytesLike(zdict); err != nil {
					return nil, err
				}
			}
			if meth != 8 || ml < 1 || ml > 9 {
				return nil, ValueErrorf("Invalid initialization option")
			}
			d, ok := newDeflater(lv, wb, st, dict)
			if !ok {
				return nil, ValueErrorf("Invalid initialization option")
			}
			return d, nil
		})
		m.AddFunc("decompressobj", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var wbits, zdict Object
			if err := parseClinic("decompressobj", args, kw, []string{"wbits", "zdict"}, 0, 0, &wbits, &zdict); err != nil {
				return nil, err
			}
			wb, _, err := intArgs(t, wbits, 15, nil, 0)
			if err != nil {
				return nil, err
			}
			var dict []byte
			if zdict != nil {
				var ok bool
				if dict, ok = bytesLike(zdict); !ok {
					return nil, TypeErrorf("zdict argument must support the buffer protocol")
				}
				dict = append([]byte(nil), dict...)
			}
			format, window, ok := inflateFormat(wb)
			if !ok {
				return nil, ValueErrorf("Invalid initialization option")
			}
			d := &inflaterObj{s: newStreamInflater(), format: format, window: window, zdict: dict}
			// a stream abandoned half-way leaves its goroutine waiting for
			// input: end it when the object is collected
			s := d.s
			runtime.AddCleanup(d, func(s *streamInflater) { s.stop() }, s)
			return d, nil
		})
		return m, nil
	})
}

// intArgs reads two optional int arguments with defaults.
func intArgs(t *Thread, a Object, da int, b Object, db int) (int, int, error) {
	var err error
	x, y := da, db
	if a != nil {
		if x, err = IndexInt(t, a); err != nil {
			return 0, 0, err
		}
	}
	if b != nil {
		if y, err = IndexInt(t, b); err != nil {
			return 0, 0, err
		}
	}
	return x, y, nil
}

// adler32Update continues an Adler-32 checksum from v.
func adler32Update(v uint32, b []byte) uint32 {
	const mod = 65521
	s1, s2 := v&0xffff, v>>16
	for len(b) > 0 {
		n := len(b)
		if n > 5552 { // the most bytes before the sums can overflow
			n = 5552
		}
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		b = b[n:]
	}
	return s2<<16 | s1
}
