package py

import (
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"io"
	"sync"
)

// Decompression for zlib: the zlib (RFC 1950) and gzip (RFC 1952)
// containers are parsed here around Go's raw DEFLATE reader, so that
// error messages, wbits checks and the bytes left after the end of the
// stream (unused_data) behave as CPython's zlib module.

// zlibFormat is the container a wbits value selects.
type zlibFormat int

const (
	fmtZlib zlibFormat = iota
	fmtRaw
	fmtGzip
	fmtAuto // zlib or gzip, from the first byte
)

// zlibDataError is an inflate failure; code is zlib's (-3 Z_DATA_ERROR,
// -5 Z_BUF_ERROR, 2 Z_NEED_DICT) and msg its text.
type zlibDataError struct {
	code  int
	msg   string
	while string // what failed, when not "while decompressing data"
}

func (e *zlibDataError) Error() string { return e.msg }

var errTruncated = &zlibDataError{code: -5, msg: "incomplete or truncated stream"}

// inflateFormat maps decompress's wbits to a container and window size.
func inflateFormat(wbits int) (zlibFormat, int, bool) {
	switch {
	case wbits == 0:
		return fmtZlib, 15, true
	case wbits >= 8 && wbits <= 15:
		return fmtZlib, wbits, true
	case wbits >= -15 && wbits <= -8:
		return fmtRaw, -wbits, true
	case wbits >= 24 && wbits <= 31:
		return fmtGzip, wbits - 16, true
	case wbits >= 40 && wbits <= 47:
		return fmtAuto, wbits - 32, true
	}
	return 0, 0, false
}

// byteSource is what the inflater reads from: Go's flate reader consumes
// exactly the bytes of the stream when its source is an io.ByteReader.
type byteSource interface {
	io.Reader
	io.ByteReader
}

func readN(src byteSource, n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(src, b); err != nil {
		return nil, errTruncated
	}
	return b, nil
}

// inflateStream decodes one stream from src, passing output to emit. It
// returns nil at the end of the stream, leaving src just past it.
func inflateStream(src byteSource, format zlibFormat, window int, zdict []byte, emit func([]byte) error) error {
	if format == fmtAuto {
		b, err := src.ReadByte()
		if err != nil {
			return errTruncated
		}
		format = fmtZlib
		if b == 0x1f {
			format = fmtGzip
		}
		src = &prefixSource{first: b, has: true, src: src}
	}
	var check hash.Hash32
	switch format {
	case fmtZlib:
		h, err := readN(src, 2)
		if err != nil {
			return err
		}
		if (int(h[0])<<8|int(h[1]))%31 != 0 {
			return &zlibDataError{code: -3, msg: "incorrect header check"}
		}
		if h[0]&0x0f != 8 {
			return &zlibDataError{code: -3, msg: "unknown compression method"}
		}
		if int(h[0]>>4)+8 > window {
			return &zlibDataError{code: -3, msg: "invalid window size"}
		}
		if h[1]&0x20 != 0 {
			id, err := readN(src, 4)
			if err != nil {
				return err
			}
			if zdict == nil {
				return &zlibDataError{code: 2}
			}
			if binary.BigEndian.Uint32(id) != adler32.Checksum(zdict) {
				return &zlibDataError{code: -3, msg: "invalid input data", while: "while setting zdict"}
			}
		} else {
			zdict = nil
		}
		check = adler32.New()
	case fmtGzip:
		if err := skipGzipHeader(src); err != nil {
			return err
		}
		check = crc32.NewIEEE()
		zdict = nil
	}
	fr := flate.NewReaderDict(src, zdict)
	buf := make([]byte, 32<<10)
	var total uint32
	for {
		n, err := fr.Read(buf)
		if n > 0 {
			if check != nil {
				check.Write(buf[:n])
			}
			total += uint32(n)
			if e := emit(append([]byte(nil), buf[:n]...)); e != nil {
				return e
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return errTruncated
			}
			var ce flate.CorruptInputError
			if errors.As(err, &ce) {
				return &zlibDataError{code: -3, msg: "invalid input data"}
			}
			return err
		}
	}
	switch format {
	case fmtZlib:
		t, err := readN(src, 4)
		if err != nil {
			return err
		}
		if binary.BigEndian.Uint32(t) != check.Sum32() {
			return &zlibDataError{code: -3, msg: "incorrect data check"}
		}
	case fmtGzip:
		t, err := readN(src, 8)
		if err != nil {
			return err
		}
		if binary.LittleEndian.Uint32(t) != check.Sum32() {
			return &zlibDataError{code: -3, msg: "incorrect data check"}
		}
		if binary.LittleEndian.Uint32(t[4:]) != total {
			return &zlibDataError{code: -3, msg: "incorrect length check"}
		}
	}
	return nil
}

func skipGzipHeader(src byteSource) error {
	h, err := readN(src, 10)
	if err != nil {
		return err
	}
	if h[0] != 0x1f || h[1] != 0x8b {
		return &zlibDataError{code: -3, msg: "incorrect header check"}
	}
	if h[2] != 8 {
		return &zlibDataError{code: -3, msg: "unknown compression method"}
	}
	flg := h[3]
	if flg&0xe0 != 0 {
		return &zlibDataError{code: -3, msg: "unknown header flags set"}
	}
	if flg&0x04 != 0 { // FEXTRA
		x, err := readN(src, 2)
		if err != nil {
			return err
		}
		if _, err := readN(src, int(binary.LittleEndian.Uint16(x))); err != nil {
			return err
		}
	}
	for _, bit := range []byte{0x08, 0x10} { // FNAME, FCOMMENT: NUL-terminated
		if flg&bit != 0 {
			for {
				c, err := src.ReadByte()
				if err != nil {
					return errTruncated
				}
				if c == 0 {
					break
				}
			}
		}
	}
	if flg&0x02 != 0 { // FHCRC
		if _, err := readN(src, 2); err != nil {
			return err
		}
	}
	return nil
}

// prefixSource puts back one byte read ahead.
type prefixSource struct {
	first byte
	has   bool
	src   byteSource
}

func (p *prefixSource) ReadByte() (byte, error) {
	if p.has {
		p.has = false
		return p.first, nil
	}
	return p.src.ReadByte()
}

func (p *prefixSource) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	if p.has {
		p.has = false
		b[0] = p.first
		return 1, nil
	}
	return p.src.Read(b)
}

// streamInflater runs inflateStream in a goroutine fed chunk by chunk, so
// that a decompressobj can take its input in pieces: Go's flate reader
// cannot resume after its source runs dry, but it can wait for it.
type streamInflater struct {
	in       chan []byte
	ev       chan inflateEvent
	quit     chan struct{} // closed to end the goroutine
	stopOnce sync.Once
	waiting  bool // the goroutine wants input
	started  bool
}

func newStreamInflater() *streamInflater {
	return &streamInflater{in: make(chan []byte), ev: make(chan inflateEvent), quit: make(chan struct{})}
}

type inflateEvent struct {
	out  []byte
	need bool
	done bool
	rest []byte // after done: input past the end of the stream
	err  error
}

// chunkSource hands the goroutine its input, asking for more when empty.
type chunkSource struct {
	buf  []byte
	in   chan []byte
	ev   chan inflateEvent
	quit chan struct{}
}

func (c *chunkSource) fill() error {
	for len(c.buf) == 0 {
		select {
		case c.ev <- inflateEvent{need: true}:
		case <-c.quit:
			return io.EOF
		}
		select {
		case b, ok := <-c.in:
			if !ok {
				return io.EOF
			}
			c.buf = b
		case <-c.quit:
			return io.EOF
		}
	}
	return nil
}

func (c *chunkSource) ReadByte() (byte, error) {
	if err := c.fill(); err != nil {
		return 0, err
	}
	b := c.buf[0]
	c.buf = c.buf[1:]
	return b, nil
}

func (c *chunkSource) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if err := c.fill(); err != nil {
		return 0, err
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}

func (s *streamInflater) start(format zlibFormat, window int, zdict []byte) {
	s.started = true
	src := &chunkSource{in: s.in, ev: s.ev, quit: s.quit}
	go func() {
		send := func(e inflateEvent) error {
			select {
			case s.ev <- e:
				return nil
			case <-s.quit:
				return io.EOF
			}
		}
		err := inflateStream(src, format, window, zdict, func(b []byte) error { return send(inflateEvent{out: b}) })
		if err != nil {
			send(inflateEvent{err: err})
			return
		}
		send(inflateEvent{done: true, rest: src.buf})
	}()
}

// feed gives the goroutine data and collects what it produces until it
// wants more input, finishes or fails.
func (s *streamInflater) feed(data []byte) (out []byte, done bool, rest []byte, err error) {
	pending := data
	if s.waiting {
		if len(pending) == 0 {
			return nil, false, nil, nil
		}
		s.in <- pending
		pending = nil
		s.waiting = false
	}
	for {
		e := <-s.ev
		switch {
		case e.out != nil:
			out = append(out, e.out...)
		case e.need:
			if len(pending) == 0 {
				s.waiting = true
				return out, false, nil, nil
			}
			s.in <- pending
			pending = nil
		case e.done:
			return out, true, append(append([]byte(nil), e.rest...), pending...), nil
		default:
			return out, false, nil, e.err
		}
	}
}

// stop ends the goroutine (when the stream object is finished or lost).
func (s *streamInflater) stop() { s.stopOnce.Do(func() { close(s.quit) }) }
