package py

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"weak"

	"freepy/interp/strops"
)

// TextIOWrapperType is _io.TextIOWrapper: text over a buffered binary
// stream.
var TextIOWrapperType = newBuiltinType("TextIOWrapper", TextIOBaseType)

// textIO is the Go state of a TextIOWrapper. Decoded text not yet returned
// is kept untranslated (with its \r\n) in pending[ppos:], so that tell()
// can count the bytes it came from; newline translation happens as text is
// handed out.
type textIO struct {
	lock      ioLock
	buffer    Object
	native    *buffered // buffer when it is exactly a native buffered type
	encoding  string    // as given
	codec     string    // strops codec name
	bomDone   bool      // a native UTF-16/32 codec has written its BOM
	errors    string
	newline   Object
	univ      bool   // universal newlines on read
	translate bool   // translate \r\n and \r to \n on read
	readnl    string // line end when not universal
	writenl   string // "\n" is written as this ("" none)
	lineBuf   bool
	writeThru bool
	pending   string
	ppos      int
	undecoded []byte
	eof       bool
	seen      int
	detached  bool
	ok        bool
	hasRead   bool
	chunk     int
	wpend     []byte // encoded text not yet passed to the buffer (CPython's pending_bytes)
	// codecs strops does not implement go through Python's codecs
	// module: incremental coder objects and the codec's encode function
	pyDec, pyEnc, pyEncode Object
}

// decode decodes data (after the undecoded carry) into text; consumed
// is how many bytes of in were used.
func (x *textIO) decode(t *Thread, in []byte, final bool) (string, int, error) {
	if x.pyDec == nil {
		s, n, err := strops.DecodePartial(in, x.codec, x.errors, final, nil)
		if err != nil {
			return "", 0, ioCodecErrorValue(err)
		}
		return s, n, nil
	}
	r, err := Call(t, mustAttr(t, x.pyDec, "decode"), []Object{NewBytes(in), Bool(final)}, nil)
	if err != nil {
		return "", 0, err
	}
	so, ok := unwrap(r).(*Str)
	if !ok {
		return "", 0, TypeErrorf("decoder should return a string result, not '%s'", typeName(r))
	}
	return so.s, len(in), nil
}

func (x *textIO) encode(t *Thread, s string) ([]byte, error) {
	if x.pyEnc == nil {
		codec := x.codec
		if x.bomDone {
			// like the incremental encoder, UTF-16 and UTF-32 write
			// their byte order mark once, at the start
			switch codec {
			case strops.CodecUTF16:
				codec = strops.CodecUTF16LE
			case strops.CodecUTF32:
				codec = strops.CodecUTF32LE
			}
		}
		b, err := strops.Encode(s, codec, x.errors)
		if err != nil {
			return nil, ioCodecErrorValue(err)
		}
		if len(b) > 0 {
			x.bomDone = true
		}
		return b, nil
	}
	r, err := CallMethod(t, x.pyEnc, "encode", NewStr(s))
	if err != nil {
		return nil, err
	}
	return ioBytesLike(t, r)
}

func (x *textIO) isClosed(t *Thread) (bool, error) {
	if err := x.check(); err != nil {
		return false, err
	}
	if x.native != nil {
		return x.native.isClosed(t)
	}
	v, err := GetAttrString(t, x.buffer, "closed")
	if err != nil {
		return false, err
	}
	return IsTrue(t, v)
}

func (x *textIO) check() error {
	if !x.ok {
		return ValueErrorf("I/O operation on uninitialized object")
	}
	if x.detached {
		return ValueErrorf("underlying buffer has been detached")
	}
	return nil
}

func (x *textIO) checkOpen(t *Thread) error {
	c, err := x.isClosed(t)
	if err != nil {
		return err
	}
	if c {
		return ValueErrorf("I/O operation on closed file.")
	}
	return nil
}

// ioCodecError converts a strops codec error into the Python exception.
func ioCodecError(err error) error {
	switch e := err.(type) {
	case *strops.UnicodeError:
		typ := UnicodeDecodeErrorType
		if e.Encode {
			typ = UnicodeEncodeErrorType
		}
		var obj Object = NewBytes(e.Data)
		if e.Encode {
			obj = NewStr(e.Object)
		}
		ex := NewError(typ, e.Error())
		d := ex.Dict()
		d.SetStr("encoding", NewStr(e.Encoding))
		d.SetStr("object", obj)
		d.SetStr("start", Int(e.Start))
		d.SetStr("end", Int(e.End))
		d.SetStr("reason", NewStr(e.Reason))
		return ex
	case *strops.UnknownEncodingError:
		return Errorf(LookupErrorType, "unknown encoding: %s", e.Name)
	case *strops.Error:
		return Errorf(excTypeNamedAny(e.Type), "%s", e.Msg)
	}
	return err
}

func excTypeNamedAny(name string) *Type {
	for _, et := range excTypes {
		if et.Name() == name {
			return et
		}
	}
	return ValueErrorType
}

// ---- reading (x.lock held) ----

// fill decodes another chunk into pending; false at EOF.
func (x *textIO) fill(t *Thread) (bool, error) {
	if x.eof {
		return false, nil
	}
	var data []byte
	var err error
	if x.native != nil {
		data, err = x.native.read1(t, x.chunk)
	} else {
		var r Object
		r, err = CallMethod(t, x.buffer, "read1", Int(x.chunk))
		if err == nil && r != None {
			data, err = ioBytesLike(t, r)
		}
	}
	if err != nil {
		return false, err
	}
	final := len(data) == 0
	in := data
	if len(x.undecoded) > 0 {
		in = append(x.undecoded, data...)
	}
	s, n, derr := x.decode(t, in, final)
	if derr != nil {
		return false, derr
	}
	x.undecoded = append([]byte(nil), in[n:]...)
	if x.ppos > 0 {
		x.pending = x.pending[x.ppos:]
		x.ppos = 0
	}
	x.pending += s
	if final {
		x.eof = true
		return s != "", nil
	}
	return true, nil
}

func ioCodecErrorValue(err error) error { return ioCodecError(err) }

// emit translates a piece of pending text for the reader.
func (x *textIO) emit(s string) string {
	if x.univ {
		x.seen = ioScanNewlines(s, x.seen)
	}
	if x.translate && strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

func (x *textIO) prepRead(t *Thread) error {
	if err := x.checkOpen(t); err != nil {
		return err
	}
	if x.native != nil {
		if !x.native.readable {
			return ioUnsupported("not readable")
		}
	}
	if !x.hasRead {
		x.hasRead = true
	}
	return x.flushWrites(t)
}

func (x *textIO) readAll(t *Thread) (string, error) {
	var data []byte
	if x.native != nil {
		b, err := x.native.read(t, -1)
		if err != nil {
			return "", err
		}
		data = b
	} else {
		r, err := CallMethod(t, x.buffer, "read")
		if err != nil {
			return "", err
		}
		if r != None {
			if data, err = ioBytesLike(t, r); err != nil {
				return "", err
			}
		}
	}
	in := append(x.undecoded, data...)
	s, _, err := x.decode(t, in, true)
	if err != nil {
		return "", err
	}
	out := x.pending[x.ppos:] + s
	x.pending, x.ppos, x.undecoded, x.eof = "", 0, nil, true
	return x.emit(out), nil
}

func (x *textIO) readChars(t *Thread, n int) (string, error) {
	var out strings.Builder
	count := 0
	for count < n {
		if x.ppos >= len(x.pending) {
			more, err := x.fill(t)
			if err != nil {
				return "", err
			}
			if !more && x.ppos >= len(x.pending) {
				break
			}
			continue
		}
		rest := x.pending[x.ppos:]
		if x.translate && rest[0] == '\r' {
			if len(rest) == 1 && !x.eof {
				if more, err := x.fill(t); err != nil {
					return "", err
				} else if more {
					continue
				}
				rest = x.pending[x.ppos:]
			}
			k := 1
			if len(rest) > 1 && rest[1] == '\n' {
				k = 2
			}
			out.WriteString(x.emit(rest[:k]))
			x.ppos += k
			count++
			continue
		}
		// a run up to the next \r (when translating), n-count chars at most
		end := len(rest)
		if x.translate {
			if i := strings.IndexByte(rest, '\r'); i >= 0 {
				end = i
			}
		}
		bl, chars := ioRuneSpan(rest[:end], n-count)
		out.WriteString(x.emit(rest[:bl]))
		x.ppos += bl
		count += chars
	}
	return out.String(), nil
}

// ioRuneSpan is the byte length of the first max code points of s.
func ioRuneSpan(s string, max int) (int, int) {
	count := 0
	for i := 0; i < len(s); {
		if count == max {
			return i, count
		}
		c := s[i]
		switch {
		case c < 0x80:
			i++
		case c < 0xE0:
			i += 2
		case c < 0xF0:
			i += 3
		default:
			i += 4
		}
		count++
		if i > len(s) {
			return len(s), count
		}
	}
	return len(s), count
}

func (x *textIO) readLine(t *Thread, limit int) (string, error) {
	scanned := 0
	for {
		rest := x.pending[x.ppos:]
		end := -1
		if x.univ {
			if i := strings.IndexAny(rest[scanned:], "\r\n"); i >= 0 {
				i += scanned
				if rest[i] == '\n' {
					end = i + 1
				} else if i+1 < len(rest) {
					end = i + 1
					if rest[i+1] == '\n' {
						end = i + 2
					}
				} else if x.eof {
					end = i + 1
				} else {
					scanned = i
				}
			} else {
				scanned = len(rest)
			}
		} else {
			if i := strings.Index(rest[scanned:], x.readnl); i >= 0 {
				end = scanned + i + len(x.readnl)
			} else {
				scanned = max(0, len(rest)-len(x.readnl)+1)
			}
		}
		if limit >= 0 {
			span := len(rest)
			if end >= 0 {
				span = end
			}
			if bl, chars := ioRuneSpan(rest[:span], limit); chars >= limit && (end < 0 || bl < end) {
				end = bl
			}
		}
		if end >= 0 {
			x.ppos += end
			return x.emit(rest[:end]), nil
		}
		more, err := x.fill(t)
		if err != nil {
			return "", err
		}
		if !more {
			rest := x.pending[x.ppos:]
			x.ppos = len(x.pending)
			return x.emit(rest), nil
		}
		// fill dropped the consumed prefix: pending[ppos:] still starts at rest
	}
}

// ---- writing ----

// flushWrites passes the pending encoded text to the buffer.
func (x *textIO) flushWrites(t *Thread) error {
	if len(x.wpend) == 0 {
		return nil
	}
	data := x.wpend
	x.wpend = nil
	if x.native != nil {
		if err := x.native.lock.lock(t, "BufferedWriter"); err != nil {
			return err
		}
		_, err := x.native.write(t, data)
		x.native.lock.unlock()
		return err
	}
	_, err := CallMethod(t, x.buffer, "write", NewBytes(data))
	return err
}

func (x *textIO) write(t *Thread, s string) (int, error) {
	if err := x.checkOpen(t); err != nil {
		return 0, err
	}
	n := strops.Len(s)
	if x.native != nil && !x.native.writable {
		return 0, ioUnsupported("not writable")
	}
	hasNL := x.lineBuf && strings.ContainsAny(s, "\n\r")
	if x.writenl != "" && strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", x.writenl)
	}
	var data []byte
	if x.codec == strops.CodecUTF8 && x.errors != "surrogatepass" && strops.IsASCII(s) {
		data = []byte(s)
	} else {
		b, err := x.encode(t, s)
		if err != nil {
			return 0, err
		}
		data = b
	}
	// read-ahead is dropped: the write goes where the reader is
	if x.ppos < len(x.pending) || len(x.undecoded) > 0 {
		if pos, err := x.tell(t); err == nil {
			if _, err := x.seekBuffer(t, pos, 0); err != nil {
				return 0, err
			}
		}
	}
	x.pending, x.ppos, x.undecoded, x.eof = "", 0, nil, false
	if len(x.wpend)+len(data) > x.chunk {
		if err := x.flushWrites(t); err != nil {
			return 0, err
		}
	}
	if len(x.wpend) == 0 {
		x.wpend = make([]byte, 0, max(len(data), 256))
	}
	x.wpend = append(x.wpend, data...)
	if len(x.wpend) >= x.chunk || hasNL || x.writeThru {
		if err := x.flushWrites(t); err != nil {
			return 0, err
		}
	}
	if hasNL {
		if err := x.flushBuffer(t); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func (x *textIO) flush(t *Thread) error {
	if err := x.checkOpen(t); err != nil {
		return err
	}
	if err := x.flushWrites(t); err != nil {
		return err
	}
	return x.flushBuffer(t)
}

func (x *textIO) flushBuffer(t *Thread) error {
	if x.native != nil {
		if err := x.native.lock.lock(t, "BufferedWriter"); err != nil {
			return err
		}
		defer x.native.lock.unlock()
		return x.native.flushLocked(t)
	}
	_, err := CallMethod(t, x.buffer, "flush")
	return err
}

// ---- positioning ----

func (x *textIO) bufferTell(t *Thread) (int64, error) {
	if x.native != nil {
		if err := x.native.lock.lock(t, "tell"); err != nil {
			return 0, err
		}
		defer x.native.lock.unlock()
		return x.native.tell(t)
	}
	r, err := CallMethod(t, x.buffer, "tell")
	if err != nil {
		return 0, err
	}
	return AsInt64(t, r)
}

func (x *textIO) seekBuffer(t *Thread, pos int64, whence int) (int64, error) {
	if x.native != nil {
		if err := x.native.lock.lock(t, "seek"); err != nil {
			return 0, err
		}
		defer x.native.lock.unlock()
		return x.native.seek(t, pos, whence)
	}
	r, err := CallMethod(t, x.buffer, "seek", Int(pos), Int(whence))
	if err != nil {
		return 0, err
	}
	return AsInt64(t, r)
}

// tell is the byte position of the next character to read.
func (x *textIO) tell(t *Thread) (int64, error) {
	if err := x.flush(t); err != nil {
		return 0, err
	}
	pos, err := x.bufferTell(t)
	if err != nil {
		return 0, err
	}
	rest := x.pending[x.ppos:]
	if rest != "" {
		switch x.codec {
		case strops.CodecUTF8:
			if x.errors == "surrogateescape" {
				b, err := strops.Encode(rest, x.codec, x.errors)
				if err == nil {
					pos -= int64(len(b))
					break
				}
			}
			pos -= int64(len(rest))
		case strops.CodecLatin1, strops.CodecASCII:
			pos -= int64(strops.Len(rest))
		case "":
			if x.pyEncode == nil {
				pos -= int64(len(rest))
				break
			}
			r, err := Call(t, x.pyEncode, []Object{NewStr(rest), NewStr(x.errors)}, nil)
			if err != nil {
				return 0, err
			}
			if tup, ok := r.(*Tuple); ok && len(tup.items) == 2 {
				if b, ok := unwrap(tup.items[0]).(*Bytes); ok {
					pos -= int64(len(b.b))
				}
			}
		default:
			b, err := strops.Encode(rest, x.codec, "surrogatepass")
			if err != nil {
				return 0, ioCodecErrorValue(err)
			}
			pos -= int64(len(b))
		}
	}
	return pos - int64(len(x.undecoded)), nil
}

func (x *textIO) seek(t *Thread, cookie int64, whence int) (int64, error) {
	if err := x.checkOpen(t); err != nil {
		return 0, err
	}
	switch whence {
	case 1:
		if cookie != 0 {
			return 0, ioUnsupported("can't do nonzero cur-relative seeks")
		}
		return x.tell(t)
	case 2:
		if cookie != 0 {
			return 0, ioUnsupported("can't do nonzero end-relative seeks")
		}
	case 0:
		if cookie < 0 {
			return 0, ValueErrorf("negative seek position %d", cookie)
		}
	default:
		return 0, ValueErrorf("invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	if err := x.flush(t); err != nil {
		return 0, err
	}
	x.pending, x.ppos, x.undecoded, x.eof = "", 0, nil, false
	if x.pyDec != nil {
		if _, err := CallMethod(t, x.pyDec, "reset"); err != nil {
			return 0, err
		}
	}
	x.bomDone = !(cookie == 0 && whence == 0)
	if x.pyEnc != nil {
		// a BOM is written again only at the start of the file
		var err error
		if cookie == 0 && whence == 0 {
			_, err = CallMethod(t, x.pyEnc, "reset")
		} else {
			_, err = CallMethod(t, x.pyEnc, "setstate", Int(0))
		}
		if err != nil {
			return 0, err
		}
	}
	return x.seekBuffer(t, cookie, whence)
}

func (x *textIO) close(t *Thread, self Object) error {
	c, err := x.isClosed(t)
	if err != nil || c {
		return err
	}
	ferr := x.flush(t)
	var cerr error
	if x.native != nil {
		if err := x.native.lock.lock(t, "close"); err != nil {
			return err
		}
		cerr = x.native.close(t)
		x.native.lock.unlock()
	} else {
		_, cerr = CallMethod(t, x.buffer, "close")
	}
	if ferr != nil {
		return ferr
	}
	return cerr
}

// ---- construction ----

// ioLocaleEncoding is what encoding=None means (locale.getpreferredencoding
// with UTF-8 mode semantics: freepy always uses UTF-8).
func ioLocaleEncoding() string { return "UTF-8" }

func (x *textIO) configure(t *Thread, encoding, errors, newline Object, lineBuf, writeThru bool, setEnc, setNL bool) error {
	if setEnc {
		enc := ioLocaleEncoding()
		if encoding != nil && encoding != None {
			s, ok := encoding.(*Str)
			if !ok {
				return TypeErrorf("TextIOWrapper() argument 'encoding' must be str or None, not %s", typeName(encoding))
			}
			enc = s.s
			if enc == "locale" {
				enc = ioLocaleEncoding()
			}
		}
		codec, ok := strops.NormalizeEncoding(enc)
		x.pyDec, x.pyEnc, x.pyEncode = nil, nil, nil
		errs := "strict"
		if errors != nil && errors != None {
			s, ok := errors.(*Str)
			if !ok {
				return TypeErrorf("TextIOWrapper() argument 'errors' must be str or None, not %s", typeName(errors))
			}
			errs = s.s
		}
		x.encoding, x.codec, x.errors = enc, codec, errs
		if !ok {
			if err := x.lookupPyCodec(t); err != nil {
				return err
			}
		}
	}
	if setNL {
		nl, isNone, err := ioNewlineArg(newline)
		if err != nil {
			return err
		}
		if newline == nil {
			newline = None
		}
		x.newline = newline
		x.univ = isNone || nl == ""
		x.translate = isNone
		x.readnl = nl
		x.writenl = ""
		if isNone {
			if os.PathSeparator != '/' {
				x.writenl = "\r\n"
			}
		} else if nl != "" && nl != "\n" {
			x.writenl = nl
		}
	}
	x.lineBuf, x.writeThru = lineBuf, writeThru
	return nil
}

func textIOInit(t *Thread, self Object, args []Object, kw []string) error {
	var buffer, encoding, errors, newline, lineBuf, writeThru Object
	if err := ParseArgs("TextIOWrapper", args, kw, []string{"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1,
		&buffer, &encoding, &errors, &newline, &lineBuf, &writeThru); err != nil {
		return err
	}
	x, err := ioGetState[*textIO](self, TextIOWrapperType)
	if err != nil {
		return err
	}
	lb, wt := false, false
	if lineBuf != nil {
		if lb, err = IsTrue(t, lineBuf); err != nil {
			return err
		}
	}
	if writeThru != nil {
		if wt, err = IsTrue(t, writeThru); err != nil {
			return err
		}
	}
	nx := &textIO{chunk: ioDefaultBufferSize}
	if err := nx.configure(t, encoding, errors, newline, lb, wt, true, true); err != nil {
		return err
	}
	// appending to a non-empty file writes no byte order mark
	bomDone := false
	if nx.codec == strops.CodecUTF16 || nx.codec == strops.CodecUTF32 || nx.pyEnc != nil {
		if ioTruthyCall(t, buffer, "seekable") && ioTruthyCall(t, buffer, "writable") {
			if pos, err := CallMethod(t, buffer, "tell"); err == nil {
				if n, ok := pos.(Int); ok && n != 0 {
					bomDone = true
					if nx.pyEnc != nil {
						if _, err := CallMethod(t, nx.pyEnc, "setstate", Int(0)); err != nil {
							return err
						}
					}
				}
			}
		}
	}
	if err := x.lock.lock(t, "TextIOWrapper"); err != nil {
		return err
	}
	defer x.lock.unlock()
	x.bomDone = bomDone
	x.buffer, x.native = buffer, nil
	if in, ok := buffer.(*Instance); ok && (LoadPtr(&in.typ) == BufferedReaderType || LoadPtr(&in.typ) == BufferedWriterType || LoadPtr(&in.typ) == BufferedRandomType) {
		x.native = in.Base.(*buffered)
	}
	x.encoding, x.codec, x.errors = nx.encoding, nx.codec, nx.errors
	x.pyDec, x.pyEnc, x.pyEncode = nx.pyDec, nx.pyEnc, nx.pyEncode
	x.newline, x.univ, x.translate, x.readnl, x.writenl = nx.newline, nx.univ, nx.translate, nx.readnl, nx.writenl
	x.lineBuf, x.writeThru, x.chunk = lb, wt, nx.chunk
	x.pending, x.ppos, x.undecoded, x.eof, x.detached, x.ok = "", 0, nil, false, false, true
	return nil
}

// WriteText writes s to a text file object, without a Python call when it
// is a native TextIOWrapper (print's fast path).
func ioWriteText(t *Thread, file Object) (func(string) error, bool) {
	in, ok := file.(*Instance)
	if !ok || LoadPtr(&in.typ) != TextIOWrapperType {
		return nil, false
	}
	x, ok := in.Base.(*textIO)
	if !ok {
		return nil, false
	}
	return func(s string) error {
		if err := x.lock.lock(t, "TextIOWrapper"); err != nil {
			return err
		}
		defer x.lock.unlock()
		if err := x.check(); err != nil {
			return err
		}
		_, err := x.write(t, s)
		return err
	}, true
}

func init() {
	tt := TextIOWrapperType
	tt.hasDict = true
	tt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		x := &textIO{chunk: ioDefaultBufferSize}
		in := newSubclassInstance(typ, x).(*Instance)
		// a collected wrapper writes its pending text and closes its
		// buffer, as CPython's finalizer does (native buffers only)
		runtime.AddCleanup(in, func(x *textIO) {
			if x.ok && !x.detached && x.native != nil {
				if x.lock.lock(nil, "close") == nil {
					x.close(nil, nil)
					x.lock.unlock()
				}
			}
			ioUnregisterText(x)
		}, x)
		ioRegisterText(x)
		return in, nil
	}
	tt.Init = textIOInit
	get := func(self Object) (*textIO, error) { return ioGetState[*textIO](self, TextIOWrapperType) }
	locked := func(t *Thread, self Object, fn func(x *textIO) (Object, error)) (Object, error) {
		x, err := get(self)
		if err != nil {
			return nil, err
		}
		if err := x.check(); err != nil {
			return nil, err
		}
		if err := x.lock.lock(t, "TextIOWrapper"); err != nil {
			return nil, err
		}
		defer x.lock.unlock()
		return fn(x)
	}
	tt.AddMethod("write", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("write() takes exactly one argument (%d given)", len(args))
		}
		s, ok := unwrap(args[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("write() argument must be str, not %s", typeName(args[0]))
		}
		return locked(t, self, func(x *textIO) (Object, error) {
			n, err := x.write(t, s.s)
			return Int(n), err
		})
	})
	tt.AddMethod("read", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var size Object
		if err := ParseArgs("read", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		return locked(t, self, func(x *textIO) (Object, error) {
			if err := x.prepRead(t); err != nil {
				return nil, err
			}
			var s string
			if n < 0 {
				s, err = x.readAll(t)
			} else {
				s, err = x.readChars(t, n)
			}
			if err != nil {
				return nil, err
			}
			return NewStr(s), nil
		})
	})
	readline := func(t *Thread, self Object, limit int) (Object, error) {
		return locked(t, self, func(x *textIO) (Object, error) {
			if err := x.prepRead(t); err != nil {
				return nil, err
			}
			s, err := x.readLine(t, limit)
			if err != nil {
				return nil, err
			}
			return NewStr(s), nil
		})
	}
	tt.AddMethod("readline", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var size Object
		if err := ParseArgs("readline", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		return readline(t, self, n)
	})
	tt.Next = func(t *Thread, self Object) (Object, error) {
		if ioOverrides(self, "readline") {
			return IOBaseType.Next(t, self)
		}
		r, err := readline(t, self, -1)
		if err != nil || r.(*Str).s == "" {
			return nil, err
		}
		return r, nil
	}
	tt.AddMethod("flush", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(t, self, func(x *textIO) (Object, error) { return None, x.flush(t) })
	})
	tt.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(t, self, func(x *textIO) (Object, error) { return None, x.close(t, self) })
	})
	tt.AddMethod("tell", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(t, self, func(x *textIO) (Object, error) {
			if err := x.checkOpen(t); err != nil {
				return nil, err
			}
			p, err := x.tell(t)
			return Int(p), err
		})
	})
	tt.AddMethod("seek", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var posObj, whenceObj Object
		if err := ParseArgs("seek", args, kw, []string{"", ""}, 1, &posObj, &whenceObj); err != nil {
			return nil, err
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
		return locked(t, self, func(x *textIO) (Object, error) {
			p, err := x.seek(t, pos, int(whence))
			return Int(p), err
		})
	})
	tt.AddMethod("truncate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var posObj Object
		if err := ParseArgs("truncate", args, kw, []string{""}, 0, &posObj); err != nil {
			return nil, err
		}
		x, err := get(self)
		if err != nil {
			return nil, err
		}
		if _, err := CallMethod(t, self, "flush"); err != nil {
			return nil, err
		}
		if posObj == nil || posObj == None {
			if posObj, err = CallMethod(t, self, "tell"); err != nil {
				return nil, err
			}
		}
		return CallMethod(t, x.buffer, "truncate", posObj)
	})
	tt.AddMethod("detach", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(t, self, func(x *textIO) (Object, error) {
			if err := x.flush(t); err != nil {
				return nil, err
			}
			x.detached = true
			return x.buffer, nil
		})
	})
	tt.AddMethod("reconfigure", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > len(kw) {
			return nil, TypeErrorf("reconfigure() takes no positional arguments")
		}
		var encoding, errors, newline, lineBuf, writeThru Object
		if err := ParseArgs("reconfigure", args, kw, []string{"encoding", "errors", "newline", "line_buffering", "write_through"}, 0,
			&encoding, &errors, &newline, &lineBuf, &writeThru); err != nil {
			return nil, err
		}
		return locked(t, self, func(x *textIO) (Object, error) {
			if err := x.flush(t); err != nil {
				return nil, err
			}
			lb, wt := x.lineBuf, x.writeThru
			var err error
			if lineBuf != nil && lineBuf != None {
				if lb, err = IsTrue(t, lineBuf); err != nil {
					return nil, err
				}
			}
			if writeThru != nil && writeThru != None {
				if wt, err = IsTrue(t, writeThru); err != nil {
					return nil, err
				}
			}
			setEnc := encoding != nil || errors != nil
			if setEnc {
				if encoding == nil || encoding == None {
					encoding = NewStr(x.encoding)
					if errors == nil {
						errors = NewStr(x.errors)
					}
				}
			}
			if err := x.configure(t, encoding, errors, newline, lb, wt, setEnc, newline != nil); err != nil {
				return nil, err
			}
			return None, nil
		})
	})
	delegate := func(name string) {
		tt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			x, err := get(self)
			if err != nil {
				return nil, err
			}
			if err := x.check(); err != nil {
				return nil, err
			}
			return CallMethod(t, x.buffer, name)
		})
	}
	delegate("fileno")
	delegate("isatty")
	delegate("readable")
	delegate("writable")
	delegate("seekable")
	attr := func(name string, fn func(x *textIO) Object) {
		tt.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			x, err := get(o)
			if err != nil {
				return nil, err
			}
			if err := x.check(); err != nil {
				return nil, err
			}
			return fn(x), nil
		}, nil)
	}
	attr("encoding", func(x *textIO) Object { return NewStr(x.encoding) })
	attr("errors", func(x *textIO) Object { return NewStr(x.errors) })
	attr("line_buffering", func(x *textIO) Object { return Bool(x.lineBuf) })
	attr("write_through", func(x *textIO) Object { return Bool(x.writeThru) })
	attr("buffer", func(x *textIO) Object { return x.buffer })
	attr("newlines", func(x *textIO) Object {
		if !x.univ {
			return None
		}
		return ioSeenNewlines(x.seen)
	})
	attr("_CHUNK_SIZE", func(x *textIO) Object { return Int(x.chunk) })
	for _, name := range []string{"closed", "name"} {
		name := name
		tt.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			x, err := get(o)
			if err != nil {
				return nil, err
			}
			if err := x.check(); err != nil {
				return nil, err
			}
			return GetAttrString(t, x.buffer, name)
		}, nil)
	}
	tt.Repr = func(t *Thread, o Object) (Object, error) {
		x, err := get(o)
		if err != nil {
			return nil, err
		}
		tn := "_io." + o.Type().Name()
		if o.Type().isHeap() {
			tn = o.Type().FullName()
		}
		if !x.ok {
			return NewStr("<" + tn + ">"), nil
		}
		s := "<" + tn
		if x.detached {
			return NewStr(s + " encoding='" + x.encoding + "'>"), nil
		}
		if name, err := GetAttrOpt(t, o, Intern("name")); err == nil && name != nil {
			r, err := ReprString(t, name)
			if err != nil {
				return nil, err
			}
			s += " name=" + r
		}
		if d := instanceDict(o); d != nil {
			if mode := d.GetStr("mode"); mode != nil {
				r, err := ReprString(t, mode)
				if err != nil {
					return nil, err
				}
				s += " mode=" + r
			}
		}
		return NewStr(s + " encoding='" + x.encoding + "'>"), nil
	}
	registerType(TextIOWrapperType)
}

// Live TextIOWrappers, whose pending text is written at exit.
var (
	ioTextMu   sync.Mutex
	ioOpenText = map[weak.Pointer[textIO]]struct{}{}
)

func ioRegisterText(x *textIO) {
	ioTextMu.Lock()
	ioOpenText[weak.Make(x)] = struct{}{}
	ioTextMu.Unlock()
}

func ioUnregisterText(x *textIO) {
	ioTextMu.Lock()
	delete(ioOpenText, weak.Make(x))
	ioTextMu.Unlock()
}

// ioFlushOpenText writes every live wrapper's pending text to its buffer.
func ioFlushOpenText(t *Thread) {
	ioTextMu.Lock()
	var list []*textIO
	for w := range ioOpenText {
		if x := w.Value(); x != nil {
			list = append(list, x)
		}
	}
	ioTextMu.Unlock()
	for _, x := range list {
		if !x.ok || x.detached || len(x.wpend) == 0 {
			continue
		}
		if x.native == nil && t == nil {
			continue
		}
		if x.lock.tryLock() {
			x.flushWrites(t)
			x.lock.unlock()
		}
	}
}

// lookupPyCodec sets up a codec from Python's codecs module.
func (x *textIO) lookupPyCodec(t *Thread) error {
	codecs, err := t.Import("codecs", nil, nil, 0)
	if err != nil {
		return err
	}
	info, err := CallMethod(t, codecs, "lookup", NewStr(x.encoding))
	if err != nil {
		return err
	}
	if v, err := GetAttrOpt(t, info, Intern("_is_text_encoding")); err == nil && v != nil {
		if b, _ := IsTrue(t, v); !b {
			r, _ := ReprString(t, NewStr(x.encoding))
			return Errorf(LookupErrorType, "%s is not a text encoding; use codecs.open() to handle arbitrary codecs", r)
		}
	}
	errs := NewStr(x.errors)
	if x.pyDec, err = CallMethod(t, info, "incrementaldecoder", errs); err != nil {
		return err
	}
	if x.pyEnc, err = CallMethod(t, info, "incrementalencoder", errs); err != nil {
		return err
	}
	x.pyEncode, err = GetAttrString(t, info, "encode")
	x.codec = ""
	if name, _ := GetAttrOpt(t, info, Intern("name")); name != nil {
		if ns, ok := name.(*Str); ok && ns.s == "utf-8-sig" {
			// past its BOM utf-8-sig is utf-8: positions count as such
			x.pyEncode = nil
		}
	}
	return err
}

// ioTruthyCall calls a no-argument method and tests its result (false on
// any error).
func ioTruthyCall(t *Thread, o Object, name string) bool {
	r, err := CallMethod(t, o, name)
	if err != nil {
		return false
	}
	b, err := IsTrue(t, r)
	return err == nil && b
}
