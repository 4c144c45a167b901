package py

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"freepy/interp/strops"
	"freepy/interp/syntax"
)

// Codecs: str.encode, bytes.decode, the codec and error-handler
// registries, the Unicode{Encode,Decode,Translate}Error attributes and the
// _codecs native module that codecs.py and the encodings package build on.
// The common codecs (utf-8, ascii, latin-1, utf-16, utf-32) run in Go
// (package strops); every other encoding goes through the registry, where
// the encodings package finds pure-Python codecs such as cp1252 (which
// call back into _codecs.charmap_*).

// ---- Unicode error exceptions ----

// newUnicodeError builds the UnicodeEncodeError or UnicodeDecodeError a
// strops codec failure stands for.
func newUnicodeError(e *strops.UnicodeError) *BaseException {
	if e.Encode {
		return makeUnicodeError(UnicodeEncodeErrorType, e.Encoding, NewStr(e.Object), e.Start, e.End, e.Reason)
	}
	return makeUnicodeError(UnicodeDecodeErrorType, e.Encoding, NewBytes(append([]byte(nil), e.Data...)), e.Start, e.End, e.Reason)
}

func makeUnicodeError(typ *Type, encoding string, obj Object, start, end int, reason string) *BaseException {
	var args []Object
	if typ == UnicodeTranslateErrorType {
		args = []Object{obj, Int(start), Int(end), NewStr(reason)}
	} else {
		args = []Object{NewStr(encoding), obj, Int(start), Int(end), NewStr(reason)}
	}
	exc := &BaseException{typ: typ, args: NewTuple(args...)}
	setUnicodeErrorAttrs(exc, args)
	return exc
}

func setUnicodeErrorAttrs(exc *BaseException, args []Object) {
	d := exc.Dict()
	if exc.typ.IsSubtype(UnicodeTranslateErrorType) {
		d.SetStr("encoding", None)
		args = append([]Object{None}, args...)
	} else {
		d.SetStr("encoding", args[0])
	}
	d.SetStr("object", args[1])
	d.SetStr("start", args[2])
	d.SetStr("end", args[3])
	d.SetStr("reason", args[4])
}

// unicodeErrorInit is __init__ of the three Unicode error classes.
func unicodeErrorInit(kind int) InitFunc {
	return func(t *Thread, self Object, args []Object, kw []string) error {
		e, ok := self.(*BaseException)
		if !ok {
			return TypeErrorf("bad exception object")
		}
		e.SetArgs(NewTuple(append([]Object(nil), args[:len(args)-len(kw)]...)...))
		want := 5
		if kind == 2 {
			want = 4
		}
		if len(args) != want || len(kw) > 0 {
			return TypeErrorf("function takes exactly %d arguments (%d given)", want, len(args))
		}
		i := 0
		if kind != 2 {
			if _, ok := unwrap(args[0]).(*Str); !ok {
				return TypeErrorf("argument 1 must be str, not %s", typeName(args[0]))
			}
			i = 1
		}
		switch kind {
		case 1:
			if _, ok := bytesLike(args[i]); !ok {
				return TypeErrorf("a bytes-like object is required, not '%s'", typeName(args[i]))
			}
			if ba, ok := unwrap(args[i]).(*ByteArray); ok {
				args[i] = NewBytes(ba.snapshot())
			}
		default:
			if _, ok := unwrap(args[i]).(*Str); !ok {
				return TypeErrorf("argument %d must be str, not %s", i+1, typeName(args[i]))
			}
		}
		for k := i + 1; k < i+3; k++ {
			if _, err := IndexInt(t, args[k]); err != nil {
				return err
			}
		}
		if _, ok := unwrap(args[i+3]).(*Str); !ok {
			return TypeErrorf("argument %d must be str, not %s", i+4, typeName(args[i+3]))
		}
		setUnicodeErrorAttrs(e, args)
		return nil
	}
}

// unicodeErrorStr is str() of a Unicode error, from its attributes.
func unicodeErrorStr(t *Thread, o Object) (Object, error) {
	e := o.(*BaseException)
	d := e.Dict()
	get := func(name string) Object {
		if v := d.GetStr(name); v != nil {
			return v
		}
		return None
	}
	obj := unwrap(get("object"))
	if obj == None {
		return Intern(""), nil
	}
	reason, err := StrString(t, get("reason"))
	if err != nil {
		return nil, err
	}
	enc := ""
	if !e.typ.IsSubtype(UnicodeTranslateErrorType) {
		if enc, err = StrString(t, get("encoding")); err != nil {
			return nil, err
		}
	}
	start, err1 := IndexInt(t, get("start"))
	end, err2 := IndexInt(t, get("end"))
	if err1 != nil || err2 != nil {
		return Intern(""), nil
	}
	if e.typ.IsSubtype(UnicodeDecodeErrorType) {
		b, _ := bytesLike(obj)
		// CPython formats the raw start and end, unclamped (the
		// attributes may have been set to anything)
		if end == start+1 && start >= 0 && start < len(b) {
			return NewStr("'" + enc + "' codec can't decode byte 0x" + hex2(int(b[start])) + " in position " + strconv.Itoa(start) + ": " + reason), nil
		}
		return NewStr("'" + enc + "' codec can't decode bytes in position " + strconv.Itoa(start) + "-" + strconv.Itoa(end-1) + ": " + reason), nil
	}
	s, ok := obj.(*Str)
	if !ok {
		return Intern(""), nil
	}
	verb, head := "encode", "'"+enc+"' codec can't "
	if e.typ.IsSubtype(UnicodeTranslateErrorType) {
		verb, head = "translate", "can't "
	}
	if end == start+1 && start >= 0 && start < s.n {
		return NewStr(head + verb + " character '" + escapeRune(s.At(start)) + "' in position " + strconv.Itoa(start) + ": " + reason), nil
	}
	return NewStr(head + verb + " characters in position " + strconv.Itoa(start) + "-" + strconv.Itoa(end-1) + ": " + reason), nil
}

// escapeRune is \xNN, \uNNNN or \UNNNNNNNN.
func escapeRune(r rune) string {
	switch {
	case r <= 0xff:
		return `\x` + hex2(int(r))
	case r <= 0xffff:
		return `\u` + hexN(int(r), 4)
	}
	return `\U` + hexN(int(r), 8)
}

// unicodeErrorFields reads an error handler's argument.
func unicodeErrorFields(t *Thread, exc Object) (e *BaseException, obj Object, start, end int, err error) {
	e, ok := exc.(*BaseException)
	if !ok || !e.typ.IsSubtype(UnicodeErrorType) {
		return nil, nil, 0, 0, TypeErrorf("don't know how to handle %s in error callback", typeName(exc))
	}
	d := e.Dict()
	obj = d.GetStr("object")
	if obj == nil {
		return nil, nil, 0, 0, TypeErrorf("object attribute not set")
	}
	s, e1 := IndexInt(t, orNone(d.GetStr("start")))
	n, e2 := IndexInt(t, orNone(d.GetStr("end")))
	if e1 != nil || e2 != nil {
		return nil, nil, 0, 0, TypeErrorf("start/end attribute must be int")
	}
	return e, unwrap(obj), s, n, nil
}

func orNone(o Object) Object {
	if o == nil {
		return None
	}
	return o
}

// ---- error handler registry ----

var (
	errHandlersMu sync.RWMutex
	errHandlers   = map[string]Object{}
)

// builtinErrorHandler makes the Python-callable form of a standard error
// handler, for codecs.lookup_error and for codecs written in Python.
func builtinErrorHandler(name string) *Builtin {
	fn := func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount(name+"_errors", args, kw, 1, 1); err != nil {
			return nil, err
		}
		e, obj, start, end, err := unicodeErrorFields(t, args[0])
		if err != nil {
			return nil, err
		}
		isDecode := e.typ.IsSubtype(UnicodeDecodeErrorType)
		isEncode := e.typ.IsSubtype(UnicodeEncodeErrorType)
		cantHandle := TypeErrorf("don't know how to handle %s in error callback", e.typ.Name())
		var runes []rune
		var data []byte
		if isDecode {
			data, _ = bytesLike(obj)
			start, end = max(0, min(start, len(data))), max(0, min(end, len(data)))
		} else if s, ok := obj.(*Str); ok {
			runes = s.Runes()
			start, end = max(0, min(start, len(runes))), max(0, min(end, len(runes)))
		}
		if end < start {
			end = start
		}
		var out strings.Builder
		switch name {
		case "strict":
			return nil, e
		case "ignore":
		case "replace":
			if isDecode {
				out.WriteRune(0xFFFD)
			} else {
				c := '?'
				if !isEncode {
					c = 0xFFFD
				}
				for range end - start {
					out.WriteRune(c)
				}
			}
		case "backslashreplace":
			if isDecode {
				for _, c := range data[start:end] {
					out.WriteString(`\x` + hex2(int(c)))
				}
			} else {
				for _, r := range runes[start:end] {
					out.WriteString(escapeRune(r))
				}
			}
		case "xmlcharrefreplace":
			if !isEncode {
				return nil, cantHandle
			}
			for _, r := range runes[start:end] {
				out.WriteString("&#" + strconv.Itoa(int(r)) + ";")
			}
		case "surrogateescape":
			if isDecode {
				k := start
				for ; k < end && k-start < 4 && data[k] >= 0x80; k++ {
					out.WriteString(encodeSurrogate(0xDC00 + rune(data[k])))
				}
				if k == start {
					return nil, e
				}
				return NewTuple(NewStr(out.String()), Int(k)), nil
			}
			if !isEncode {
				return nil, cantHandle
			}
			b := make([]byte, 0, end-start)
			for _, r := range runes[start:end] {
				if r < 0xDC80 || r > 0xDCFF {
					return nil, e
				}
				b = append(b, byte(r-0xDC00))
			}
			return NewTuple(NewBytes(b), Int(end)), nil
		case "surrogatepass":
			if isDecode {
				if end-start >= 1 && start+3 <= len(data) && data[start]&0xF0 == 0xE0 {
					r := rune(data[start]&0x0F)<<12 | rune(data[start+1]&0x3F)<<6 | rune(data[start+2]&0x3F)
					if r >= 0xD800 && r <= 0xDFFF {
						return NewTuple(NewStr(encodeSurrogate(r)), Int(start+3)), nil
					}
				}
				return nil, e
			}
			if !isEncode {
				return nil, cantHandle
			}
			b := []byte{}
			for _, r := range runes[start:end] {
				if r < 0xD800 || r > 0xDFFF {
					return nil, e
				}
				b = append(b, encodeSurrogate(r)...)
			}
			return NewTuple(NewBytes(b), Int(end)), nil
		}
		return NewTuple(NewStr(out.String()), Int(end)), nil
	}
	return &Builtin{Name: name + "_errors", Fn: fn}
}

func init() {
	for _, n := range []string{"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"} {
		errHandlers[n] = builtinErrorHandler(n)
	}
}

func lookupErrorHandler(name string) (Object, error) {
	errHandlersMu.RLock()
	h := errHandlers[name]
	errHandlersMu.RUnlock()
	if h == nil {
		return nil, Errorf(LookupErrorType, "unknown error handler name '%s'", name)
	}
	return h, nil
}

// customHandler bridges strops to error handlers registered from Python.
func customHandler(t *Thread, name string) strops.CustomHandler {
	return func(ue *strops.UnicodeError) (string, bool, int, error) {
		h, err := lookupErrorHandler(name)
		if err != nil {
			return "", false, 0, err
		}
		exc := newUnicodeError(ue)
		r, err := Call(t, h, []Object{exc}, nil)
		if err != nil {
			return "", false, 0, err
		}
		return handlerResult(t, r, ue.Encode)
	}
}

func handlerResult(t *Thread, r Object, encode bool) (string, bool, int, error) {
	bad := func() (string, bool, int, error) {
		if encode {
			return "", false, 0, TypeErrorf("encoding error handler must return (str/bytes, int) tuple")
		}
		return "", false, 0, TypeErrorf("decoding error handler must return (str, int) tuple")
	}
	tup, ok := unwrap(r).(*Tuple)
	if !ok || len(tup.items) != 2 {
		return bad()
	}
	pos, err := IndexInt(t, tup.items[1])
	if err != nil {
		return bad()
	}
	switch x := unwrap(tup.items[0]).(type) {
	case *Str:
		return x.s, false, pos, nil
	case *Bytes:
		if encode {
			return string(x.b), true, pos, nil
		}
	}
	return bad()
}

// ---- codec registry ----

var codecRegistry struct {
	mu     sync.Mutex
	search []Object
	cache  map[string]Object
}

// normalizeCodecName is codecs.lookup's normalisation: lower case, runs
// of characters other than alphanumerics and '.' turned into one '_'.
func normalizeCodecName(name string) string {
	var b strings.Builder
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			punct = false
			b.WriteByte(c)
		} else {
			punct = true
		}
	}
	return b.String()
}

// codecLookup is codecs.lookup(encoding).
func codecLookup(t *Thread, encoding string) (Object, error) {
	codecRegistry.mu.Lock()
	needImport := len(codecRegistry.search) == 0
	codecRegistry.mu.Unlock()
	if needImport {
		// CPython imports the encodings package at startup; it registers
		// the search function that finds the pure-Python codecs. Threads
		// racing here all import it: the import lock makes the later ones
		// wait until the first has finished (and registered).
		if _, err := t.Import("encodings", nil, nil, 0); err != nil {
			return nil, err
		}
	}
	key := normalizeCodecName(encoding)
	codecRegistry.mu.Lock()
	if v, ok := codecRegistry.cache[key]; ok {
		codecRegistry.mu.Unlock()
		return v, nil
	}
	search := append([]Object(nil), codecRegistry.search...)
	codecRegistry.mu.Unlock()
	for _, fn := range search {
		r, err := Call(t, fn, []Object{NewStr(key)}, nil)
		if err != nil {
			return nil, err
		}
		if r == None {
			continue
		}
		if tup, ok := unwrap(r).(*Tuple); !ok || len(tup.items) != 4 {
			return nil, TypeErrorf("codec search functions must return 4-tuples")
		}
		codecRegistry.mu.Lock()
		if codecRegistry.cache == nil {
			codecRegistry.cache = map[string]Object{}
		}
		codecRegistry.cache[key] = r
		codecRegistry.mu.Unlock()
		return r, nil
	}
	return nil, Errorf(LookupErrorType, "unknown encoding: %s", encoding)
}

// codecFunc returns item i (0 encode, 1 decode) of a codec's CodecInfo,
// after checking that it is a text encoding when text is set.
func codecFunc(t *Thread, encoding string, i int, text bool) (Object, error) {
	info, err := codecLookup(t, encoding)
	if err != nil {
		return nil, err
	}
	if text {
		v, err := GetAttrOpt(t, info, Intern("_is_text_encoding"))
		if err != nil {
			return nil, err
		}
		if v != nil {
			ok, err := IsTrue(t, v)
			if err != nil {
				return nil, err
			}
			if !ok {
				verb := "codecs.encode()"
				if i == 1 {
					verb = "codecs.decode()"
				}
				return nil, Errorf(LookupErrorType, "'%s' is not a text encoding; use %s to handle arbitrary codecs", encoding, verb)
			}
		}
	}
	return unwrap(info).(*Tuple).items[i], nil
}

// callCodec runs an encoder or decoder and returns the first item of its
// result.
func callCodec(t *Thread, fn, v Object, errors string) (Object, error) {
	r, err := Call(t, fn, []Object{v, NewStr(errors)}, nil)
	if err != nil {
		return nil, err
	}
	tup, ok := unwrap(r).(*Tuple)
	if !ok || len(tup.items) != 2 {
		return nil, TypeErrorf("encoder must return a tuple (object, integer)")
	}
	return tup.items[0], nil
}

// EncodeStr is str.encode(encoding, errors).
func EncodeStr(t *Thread, s *Str, encoding, errors string) (Object, error) {
	b, err := strops.EncodeCustom(s.s, encoding, errors, customHandler(t, errors))
	if err == nil {
		return NewBytes(b), nil
	}
	if _, ok := err.(*strops.UnknownEncodingError); !ok {
		return nil, fromStrops(err)
	}
	fn, err := codecFunc(t, encoding, 0, true)
	if err != nil {
		return nil, err
	}
	r, err := callCodec(t, fn, s, errors)
	if err != nil {
		return nil, err
	}
	switch x := unwrap(r).(type) {
	case *Bytes:
		return x, nil
	case *ByteArray:
		return NewBytes(x.snapshot()), nil
	}
	return nil, TypeErrorf("'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types", encoding, typeName(r))
}

// DecodeBytes is bytes.decode(encoding, errors).
func DecodeBytes(t *Thread, b []byte, encoding, errors string) (*Str, error) {
	s, err := strops.DecodeCustom(b, encoding, errors, customHandler(t, errors))
	if err == nil {
		return NewStr(s), nil
	}
	if _, ok := err.(*strops.UnknownEncodingError); !ok {
		return nil, fromStrops(err)
	}
	fn, err := codecFunc(t, encoding, 1, true)
	if err != nil {
		return nil, err
	}
	r, err := callCodec(t, fn, NewBytes(b), errors)
	if err != nil {
		return nil, err
	}
	if s, ok := r.(*Str); ok {
		return s, nil
	}
	if s, ok := unwrap(r).(*Str); ok {
		return s, nil
	}
	return nil, TypeErrorf("'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types", encoding, typeName(r))
}

// encodingArgs parses (encoding='utf-8', errors='strict').
func encodingArgs(fname string, args []Object, kw []string) (string, string, error) {
	var enc, errs Object
	if err := parseClinicKw(fname, args, kw, []string{"encoding", "errors"}, 0, 2, &enc, &errs); err != nil {
		return "", "", err
	}
	encoding, errors := "utf-8", "strict"
	if enc != nil {
		s, ok := unwrap(enc).(*Str)
		if !ok {
			return "", "", TypeErrorf("%s() argument 'encoding' must be str, not %s", fname, typeName(enc))
		}
		encoding = s.s
	}
	if errs != nil {
		s, ok := unwrap(errs).(*Str)
		if !ok {
			return "", "", TypeErrorf("%s() argument 'errors' must be str, not %s", fname, typeName(errs))
		}
		errors = s.s
	}
	return encoding, errors, nil
}

func init() {
	installBytesSlots()
	UnicodeEncodeErrorType.Init = unicodeErrorInit(0)
	UnicodeDecodeErrorType.Init = unicodeErrorInit(1)
	UnicodeTranslateErrorType.Init = unicodeErrorInit(2)
	for _, typ := range []*Type{UnicodeEncodeErrorType, UnicodeDecodeErrorType, UnicodeTranslateErrorType} {
		typ.Str = unicodeErrorStr
	}
	addStrMethod("encode", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		enc, errs, err := encodingArgs("encode", args, kw)
		if err != nil {
			return nil, err
		}
		return EncodeStr(t, s, enc, errs)
	})
}

// ---- the _codecs module ----

// registerCodecFuncs add functions to _codecs from other files.
var registerCodecFuncs []func(m *Module)

// codecStrArg requires a str argument of a _codecs function.
func codecStrArg(fname string, o Object) (*Str, error) {
	if s, ok := unwrap(o).(*Str); ok {
		return s, nil
	}
	return nil, TypeErrorf("%s() argument 1 must be str, not %s", fname, typeName(o))
}

// codecErrorsArg reads an optional errors argument (None means strict).
func codecErrorsArg(fname string, o Object, pos int) (string, error) {
	if o == nil || o == None {
		return "strict", nil
	}
	s, ok := unwrap(o).(*Str)
	if !ok {
		return "", TypeErrorf("%s() argument %d must be str or None, not %s", fname, pos, typeName(o))
	}
	return s.s, nil
}

// codecEncodeFunc makes NAME_encode(str, errors=None) for a strops codec.
func codecEncodeFunc(fname, codec string) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount(fname, args, kw, 1, 2); err != nil {
			return nil, err
		}
		s, err := codecStrArg(fname, args[0])
		if err != nil {
			return nil, err
		}
		errs, err := codecErrorsArg(fname, optArg(args, 1), 2)
		if err != nil {
			return nil, err
		}
		b, err := strops.EncodeCustom(s.s, codec, errs, customHandler(t, errs))
		if err != nil {
			return nil, fromStrops(err)
		}
		return NewTuple(NewBytes(b), Int(s.n)), nil
	}
}

// codecDecodeFunc makes NAME_decode(data, errors=None, final=False).
func codecDecodeFunc(fname, codec string, hasFinal bool) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		maxArgs := 2
		if hasFinal {
			maxArgs = 3
		}
		if err := argCount(fname, args, kw, 1, maxArgs); err != nil {
			return nil, err
		}
		b, err := needBytesLike(args[0])
		if err != nil {
			return nil, err
		}
		errs, err := codecErrorsArg(fname, optArg(args, 1), 2)
		if err != nil {
			return nil, err
		}
		final := !hasFinal
		if hasFinal && len(args) > 2 {
			if final, err = IsTrue(t, args[2]); err != nil {
				return nil, err
			}
		}
		s, n, err := strops.DecodePartial(b, codec, errs, final, customHandler(t, errs))
		if err != nil {
			return nil, fromStrops(err)
		}
		return NewTuple(NewStr(s), Int(n)), nil
	}
}

// codecExDecode is utf_16_ex_decode / utf_32_ex_decode(data, errors=None,
// byteorder=0, final=False): it also reports the byte order found.
func codecExDecode(fname string, unit int) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount(fname, args, kw, 1, 4); err != nil {
			return nil, err
		}
		b, err := needBytesLike(args[0])
		if err != nil {
			return nil, err
		}
		errs, err := codecErrorsArg(fname, optArg(args, 1), 2)
		if err != nil {
			return nil, err
		}
		order := 0
		if len(args) > 2 {
			if order, err = IndexInt(t, args[2]); err != nil {
				return nil, err
			}
		}
		final := false
		if len(args) > 3 {
			if final, err = IsTrue(t, args[3]); err != nil {
				return nil, err
			}
		}
		base := "utf-16"
		bomLE, bomBE := "\xff\xfe", "\xfe\xff"
		if unit == 4 {
			base, bomLE, bomBE = "utf-32", "\xff\xfe\x00\x00", "\x00\x00\xfe\xff"
		}
		codec := base
		switch {
		case order < 0:
			codec = base + "-le"
		case order > 0:
			codec = base + "-be"
		default:
			if strings.HasPrefix(string(b), bomLE) {
				order = -1
			} else if strings.HasPrefix(string(b), bomBE) {
				order = 1
			}
		}
		s, n, err := strops.DecodePartial(b, codec, errs, final, customHandler(t, errs))
		if err != nil {
			return nil, fromStrops(err)
		}
		return NewTuple(NewStr(s), Int(n), Int(order)), nil
	}
}

// utfEncodeOrder is utf_16_encode / utf_32_encode(str, errors=None,
// byteorder=0).
func utfEncodeOrder(fname, base string) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount(fname, args, kw, 1, 3); err != nil {
			return nil, err
		}
		order := 0
		if len(args) > 2 {
			var err error
			if order, err = IndexInt(t, args[2]); err != nil {
				return nil, err
			}
		}
		codec := base
		if order < 0 {
			codec += "-le"
		} else if order > 0 {
			codec += "-be"
		}
		return codecEncodeFunc(fname, codec)(t, nil, args[:min(len(args), 2)], nil)
	}
}

// callErrorHandler runs the named handler on a new Unicode error and
// returns its replacement (str or bytes) and resume position.
func callErrorHandler(t *Thread, name string, exc *BaseException, encode bool, length int) (string, bool, int, error) {
	h, err := lookupErrorHandler(name)
	if err != nil {
		return "", false, 0, err
	}
	r, err := Call(t, h, []Object{exc}, nil)
	if err != nil {
		return "", false, 0, err
	}
	repl, isBytes, pos, err := handlerResult(t, r, encode)
	if err != nil {
		return "", false, 0, err
	}
	if pos < 0 {
		pos += length
	}
	if pos < 0 || pos > length {
		return "", false, 0, Errorf(IndexErrorType, "position %d from error handler out of bounds", pos)
	}
	return repl, isBytes, pos, nil
}

// encodingMap is what charmap_build returns: the inverse of a decoding
// table, for charmap_encode.
type encodingMap struct{ m map[rune]byte }

// EncodingMapType is the type of charmap_build's result.
var EncodingMapType = newBuiltinType("EncodingMap", ObjectType)

func (*encodingMap) Type() *Type { return EncodingMapType }

// charmapLookup encodes one code point through a mapping.
func charmapLookup(t *Thread, mapping Object, r rune) ([]byte, bool, error) {
	if em, ok := mapping.(*encodingMap); ok {
		c, ok := em.m[r]
		return []byte{c}, ok, nil
	}
	v, err := GetItem(t, mapping, Int(r))
	if err != nil {
		if IsInstanceOf(err, LookupErrorType) {
			return nil, false, nil
		}
		return nil, false, err
	}
	switch x := unwrap(v).(type) {
	case NoneType:
		return nil, false, nil
	case Int:
		if x < 0 || x > 255 {
			return nil, false, TypeErrorf("character mapping must be in range(256)")
		}
		return []byte{byte(x)}, true, nil
	case *Bytes:
		return x.b, true, nil
	}
	return nil, false, TypeErrorf("character mapping must return integer, bytes or None, not %s", typeName(v))
}

func charmapEncode(t *Thread, s *Str, errs string, mapping Object) ([]byte, error) {
	if mapping == nil || mapping == None {
		b, err := strops.EncodeCustom(s.s, "latin-1", errs, customHandler(t, errs))
		return b, fromStrops(err)
	}
	rs := s.Runes()
	out := make([]byte, 0, len(rs))
	for i := 0; i < len(rs); {
		b, ok, err := charmapLookup(t, mapping, rs[i])
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, b...)
			i++
			continue
		}
		end := i + 1
		for end < len(rs) {
			_, ok, err := charmapLookup(t, mapping, rs[end])
			if err != nil {
				return nil, err
			}
			if ok {
				break
			}
			end++
		}
		exc := makeUnicodeError(UnicodeEncodeErrorType, "charmap", s, i, end, "character maps to <undefined>")
		if errs == "strict" {
			return nil, exc
		}
		repl, isBytes, pos, err := callErrorHandler(t, errs, exc, true, len(rs))
		if err != nil {
			return nil, err
		}
		if isBytes {
			out = append(out, repl...)
		} else {
			for _, r := range strops.Runes(repl) {
				b, ok, err := charmapLookup(t, mapping, r)
				if err != nil {
					return nil, err
				}
				if !ok {
					return nil, exc
				}
				out = append(out, b...)
			}
		}
		i = pos
	}
	return out, nil
}

func charmapDecode(t *Thread, data []byte, errs string, mapping Object) (string, error) {
	if mapping == nil || mapping == None {
		s, err := strops.DecodeCustom(data, "latin-1", errs, customHandler(t, errs))
		return s, fromStrops(err)
	}
	var table []rune
	if ts, ok := unwrap(mapping).(*Str); ok {
		table = ts.Runes()
	}
	var out []byte
	for i := 0; i < len(data); {
		c := data[i]
		var piece string
		found := false
		if table != nil {
			if int(c) < len(table) && table[c] != 0xFFFE {
				piece, found = strFromRune(table[c]).s, true
			}
		} else {
			v, err := GetItem(t, mapping, Int(c))
			if err != nil && !IsInstanceOf(err, LookupErrorType) {
				return "", err
			}
			if err == nil {
				switch x := unwrap(v).(type) {
				case NoneType:
				case Int:
					if x < 0 || x > 0x10ffff {
						return "", TypeErrorf("character mapping must be in range(0x110000)")
					}
					if x != 0xFFFE {
						piece, found = strFromRune(rune(x)).s, true
					}
				case *Str:
					if !(x.n == 1 && x.At(0) == 0xFFFE) {
						piece, found = x.s, true
					}
				default:
					return "", TypeErrorf("character mapping must return integer, None or str")
				}
			}
		}
		if found {
			out = append(out, piece...)
			i++
			continue
		}
		exc := makeUnicodeError(UnicodeDecodeErrorType, "charmap", NewBytes(append([]byte(nil), data...)), i, i+1, "character maps to <undefined>")
		if errs == "strict" {
			return "", exc
		}
		rs, _, pos, err := callErrorHandler(t, errs, exc, false, len(data))
		if err != nil {
			return "", err
		}
		out = append(out, rs...)
		i = pos
	}
	return string(out), nil
}

// escapeEncode is _codecs.escape_encode: bytes to the body of a bytes
// literal.
func escapeEncode(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		switch {
		case c == '\\' || c == '\'':
			out = append(out, '\\', c)
		case c == '\t':
			out = append(out, '\\', 't')
		case c == '\n':
			out = append(out, '\\', 'n')
		case c == '\r':
			out = append(out, '\\', 'r')
		case c < 0x20 || c >= 0x7f:
			out = append(out, '\\', 'x', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			out = append(out, c)
		}
	}
	return out
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// escapeDecode is _codecs.escape_decode: the escapes of a bytes literal.
// invalid is the character after the first backslash that starts no
// escape (CPython warns about it), or -1.
func escapeDecode(b []byte, errs string) (out []byte, invalid int, err error) {
	invalid = -1
	out = make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(b) {
			return nil, -1, ValueErrorf("Trailing \\ in string")
		}
		c = b[i]
		switch c {
		case '\n':
		case '\\', '\'', '"':
			out = append(out, c)
		case 'a':
			out = append(out, 7)
		case 'b':
			out = append(out, 8)
		case 'f':
			out = append(out, 12)
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, 11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for k := 0; k < 2 && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '7'; k++ {
				i++
				v = v*8 + int(b[i]-'0')
			}
			out = append(out, byte(v))
		case 'x':
			if i+2 < len(b)+0 && i+2 <= len(b)-1 && hexVal(b[i+1]) >= 0 && hexVal(b[i+2]) >= 0 {
				out = append(out, byte(hexVal(b[i+1])<<4|hexVal(b[i+2])))
				i += 2
				continue
			}
			switch errs {
			case "ignore":
			case "replace":
				out = append(out, '?')
			default:
				if errs != "strict" {
					return nil, -1, ValueErrorf("decoding error; unknown error handling code: %s", errs)
				}
				return nil, -1, ValueErrorf("invalid \\x escape at position %d", i-1)
			}
			for k := 0; k < 2 && i+1 < len(b) && hexVal(b[i+1]) >= 0; k++ {
				i++
			}
		default:
			if invalid < 0 {
				invalid = int(c)
			}
			out = append(out, '\\', c)
		}
	}
	return out, invalid, nil
}

// unicodeEscapeEncode is the unicode_escape (raw=false) or
// raw_unicode_escape codec's encoder.
func unicodeEscapeEncode(s *Str, raw bool) []byte {
	out := make([]byte, 0, len(s.s))
	for _, r := range s.Runes() {
		switch {
		case raw && r < 0x100:
			out = append(out, byte(r))
		case !raw && r == '\\':
			out = append(out, '\\', '\\')
		case !raw && r == '\t':
			out = append(out, '\\', 't')
		case !raw && r == '\n':
			out = append(out, '\\', 'n')
		case !raw && r == '\r':
			out = append(out, '\\', 'r')
		case r >= 0x20 && r < 0x7f:
			out = append(out, byte(r))
		default:
			out = append(out, escapeRune(r)...)
		}
	}
	return out
}

// unicodeEscapeDecode is the unicode_escape or raw_unicode_escape decoder
// (strict error handling; other handlers replace the bad escape).
func unicodeEscapeDecode(t *Thread, b []byte, errs string, raw bool) (string, error) {
	codec := "unicodeescape"
	if raw {
		codec = "rawunicodeescape"
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' || i+1 >= len(b) && raw {
			out = strops.AppendRune(out, rune(c))
			i++
			continue
		}
		start := i
		i++
		if i >= len(b) {
			exc := makeUnicodeError(UnicodeDecodeErrorType, codec, NewBytes(b), start, len(b), "\\ at end of string")
			if errs == "strict" {
				return "", exc
			}
			rs, _, pos, err := callErrorHandler(t, errs, exc, false, len(b))
			if err != nil {
				return "", err
			}
			out = append(out, rs...)
			i = pos
			continue
		}
		c = b[i]
		digits := 0
		switch c {
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		}
		if raw && c != 'u' && c != 'U' {
			out = append(out, '\\')
			continue
		}
		if c == 'N' {
			r, end, reason := nameEscape(b, i+1)
			if reason == "" {
				out = strops.AppendRune(out, r)
				i = end
				continue
			}
			exc := makeUnicodeError(UnicodeDecodeErrorType, codec, NewBytes(b), start, end, reason)
			if errs == "strict" {
				return "", exc
			}
			rs, _, pos, err := callErrorHandler(t, errs, exc, false, len(b))
			if err != nil {
				return "", err
			}
			out = append(out, rs...)
			i = pos
			continue
		}
		if digits == 0 {
			i++
			switch c {
			case '\n':
			case '\\', '\'', '"':
				out = append(out, c)
			case 'a':
				out = append(out, 7)
			case 'b':
				out = append(out, 8)
			case 'f':
				out = append(out, 12)
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'v':
				out = append(out, 11)
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := rune(c - '0')
				for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
					v = v*8 + rune(b[i]-'0')
					i++
				}
				out = strops.AppendRune(out, v)
			default:
				out = append(out, '\\')
				out = strops.AppendRune(out, rune(c))
			}
			continue
		}
		i++
		var v rune
		n := 0
		for n < digits && i < len(b) && hexVal(b[i]) >= 0 {
			v = v<<4 | rune(hexVal(b[i]))
			i++
			n++
		}
		reason := ""
		if n < digits {
			reason = map[int]string{2: "truncated \\xXX escape", 4: "truncated \\uXXXX escape", 8: "truncated \\UXXXXXXXX escape"}[digits]
		} else if v > 0x10ffff {
			reason = "illegal Unicode character"
		}
		if reason == "" {
			out = strops.AppendRune(out, v)
			continue
		}
		exc := makeUnicodeError(UnicodeDecodeErrorType, codec, NewBytes(b), start, i, reason)
		if errs == "strict" {
			return "", exc
		}
		rs, _, pos, err := callErrorHandler(t, errs, exc, false, len(b))
		if err != nil {
			return "", err
		}
		out = append(out, rs...)
		i = pos
	}
	return string(out), nil
}

// nameEscape reads the "{name}" of a \\N escape starting at b[i]: the
// character (a name or alias, as in string literals) and the end of the
// escape, or the reason it is bad and where the bad part ends (CPython's
// positions: after the N when no brace follows, at the closing brace of
// an empty name, after it for an unknown name).
func nameEscape(b []byte, i int) (rune, int, string) {
	const malformed = "malformed \\N character escape"
	if i >= len(b) || b[i] != '{' {
		return 0, i, malformed
	}
	j := bytes.IndexByte(b[i+1:], '}')
	if j < 0 {
		return 0, len(b), malformed
	}
	if j == 0 {
		return 0, i + 1, malformed
	}
	end := i + j + 2
	if r, ok := syntax.LookupUnicodeName(string(b[i+1 : i+1+j])); ok {
		return r, end, ""
	}
	return 0, end, "unknown Unicode character name"
}

func init() {
	RegisterNativeModule("_codecs", func(t *Thread) (*Module, error) {
		m := NewModule("_codecs")
		m.AddFunc("register", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("register", args, kw, 1, 1); err != nil {
				return nil, err
			}
			if LoadPtr(&args[0].Type().Call) == nil && args[0].Type().LookupString("__call__") == nil {
				return nil, TypeErrorf("argument must be callable")
			}
			codecRegistry.mu.Lock()
			codecRegistry.search = append(codecRegistry.search, args[0])
			codecRegistry.mu.Unlock()
			return None, nil
		})
		m.AddFunc("unregister", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("unregister", args, kw, 1, 1); err != nil {
				return nil, err
			}
			codecRegistry.mu.Lock()
			defer codecRegistry.mu.Unlock()
			for i, f := range codecRegistry.search {
				if f == args[0] {
					codecRegistry.search = append(codecRegistry.search[:i:i], codecRegistry.search[i+1:]...)
					codecRegistry.cache = nil
					break
				}
			}
			return None, nil
		})
		m.AddFunc("lookup", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("lookup", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, err := codecStrArg("lookup", args[0])
			if err != nil {
				return nil, err
			}
			return codecLookup(t, s.s)
		})
		generic := func(name string, idx int) BuiltinFunc {
			return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				var obj, enc, errs Object
				if err := ParseArgs(name, args, kw, []string{"obj", "encoding", "errors"}, 1, &obj, &enc, &errs); err != nil {
					return nil, err
				}
				encoding, errors := "utf-8", "strict"
				if enc != nil {
					s, err := codecStrArg(name, enc)
					if err != nil {
						return nil, err
					}
					encoding = s.s
				}
				if errs != nil {
					s, err := codecStrArg(name, errs)
					if err != nil {
						return nil, err
					}
					errors = s.s
				}
				fn, err := codecFunc(t, encoding, idx, false)
				if err != nil {
					return nil, err
				}
				return callCodec(t, fn, obj, errors)
			}
		}
		m.AddFunc("encode", generic("encode", 0))
		m.AddFunc("decode", generic("decode", 1))
		m.AddFunc("register_error", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("register_error", args, kw, 2, 2); err != nil {
				return nil, err
			}
			s, err := codecStrArg("register_error", args[0])
			if err != nil {
				return nil, err
			}
			if LoadPtr(&args[1].Type().Call) == nil && args[1].Type().LookupString("__call__") == nil {
				return nil, TypeErrorf("handler must be callable")
			}
			errHandlersMu.Lock()
			errHandlers[s.s] = args[1]
			errHandlersMu.Unlock()
			return None, nil
		})
		m.AddFunc("lookup_error", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("lookup_error", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, err := codecStrArg("lookup_error", args[0])
			if err != nil {
				return nil, err
			}
			return lookupErrorHandler(s.s)
		})
		for _, c := range []struct{ name, codec string }{
			{"utf_8", "utf-8"}, {"ascii", "ascii"}, {"latin_1", "latin-1"},
			{"utf_16_le", "utf-16-le"}, {"utf_16_be", "utf-16-be"},
			{"utf_32_le", "utf-32-le"}, {"utf_32_be", "utf-32-be"},
		} {
			m.AddFunc(c.name+"_encode", codecEncodeFunc(c.name+"_encode", c.codec))
			hasFinal := c.name != "ascii" && c.name != "latin_1"
			m.AddFunc(c.name+"_decode", codecDecodeFunc(c.name+"_decode", c.codec, hasFinal))
		}
		m.AddFunc("utf_16_encode", utfEncodeOrder("utf_16_encode", "utf-16"))
		m.AddFunc("utf_32_encode", utfEncodeOrder("utf_32_encode", "utf-32"))
		m.AddFunc("utf_16_decode", codecDecodeFunc("utf_16_decode", "utf-16", true))
		m.AddFunc("utf_32_decode", codecDecodeFunc("utf_32_decode", "utf-32", true))
		m.AddFunc("utf_16_ex_decode", codecExDecode("utf_16_ex_decode", 2))
		m.AddFunc("utf_32_ex_decode", codecExDecode("utf_32_ex_decode", 4))
		m.AddFunc("escape_encode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("escape_encode", args, kw, 1, 2); err != nil {
				return nil, err
			}
			b, ok := unwrap(args[0]).(*Bytes)
			if !ok {
				return nil, TypeErrorf("escape_encode() argument 1 must be bytes, not %s", typeName(args[0]))
			}
			return NewTuple(NewBytes(escapeEncode(b.b)), Int(len(b.b))), nil
		})
		m.AddFunc("escape_decode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("escape_decode", args, kw, 1, 2); err != nil {
				return nil, err
			}
			var b []byte
			if s, ok := unwrap(args[0]).(*Str); ok {
				b = []byte(s.s)
			} else {
				var err error
				if b, err = needBytesLike(args[0]); err != nil {
					return nil, err
				}
			}
			errs, err := codecErrorsArg("escape_decode", optArg(args, 1), 2)
			if err != nil {
				return nil, err
			}
			r, invalid, err := escapeDecode(b, errs)
			if err != nil {
				return nil, err
			}
			if invalid >= 0 {
				msg := "invalid escape sequence '\\" + string(rune(invalid)) + "'"
				if err := Warn(t, DeprecationWarningType, msg, 1); err != nil {
					return nil, err
				}
			}
			return NewTuple(NewBytes(r), Int(len(b))), nil
		})
		for _, raw := range []bool{false, true} {
			raw := raw
			name := "unicode_escape"
			if raw {
				name = "raw_unicode_escape"
			}
			m.AddFunc(name+"_encode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				if err := argCount(name+"_encode", args, kw, 1, 2); err != nil {
					return nil, err
				}
				s, err := codecStrArg(name+"_encode", args[0])
				if err != nil {
					return nil, err
				}
				return NewTuple(NewBytes(unicodeEscapeEncode(s, raw)), Int(s.n)), nil
			})
			m.AddFunc(name+"_decode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				if err := argCount(name+"_decode", args, kw, 1, 3); err != nil {
					return nil, err
				}
				var b []byte
				if s, ok := unwrap(args[0]).(*Str); ok {
					b = []byte(s.s)
				} else {
					var err error
					if b, err = needBytesLike(args[0]); err != nil {
						return nil, err
					}
				}
				errs, err := codecErrorsArg(name+"_decode", optArg(args, 1), 2)
				if err != nil {
					return nil, err
				}
				s, err := unicodeEscapeDecode(t, b, errs, raw)
				if err != nil {
					return nil, err
				}
				return NewTuple(NewStr(s), Int(len(b))), nil
			})
		}
		m.AddFunc("charmap_build", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("charmap_build", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, err := codecStrArg("charmap_build", args[0])
			if err != nil {
				return nil, err
			}
			em := &encodingMap{m: make(map[rune]byte, s.n)}
			for i, r := range s.Runes() {
				if i < 256 && r != 0xFFFE {
					if _, dup := em.m[r]; !dup {
						em.m[r] = byte(i)
					}
				}
			}
			return em, nil
		})
		m.AddFunc("charmap_encode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("charmap_encode", args, kw, 1, 3); err != nil {
				return nil, err
			}
			s, err := codecStrArg("charmap_encode", args[0])
			if err != nil {
				return nil, err
			}
			errs, err := codecErrorsArg("charmap_encode", optArg(args, 1), 2)
			if err != nil {
				return nil, err
			}
			b, err := charmapEncode(t, s, errs, optArg(args, 2))
			if err != nil {
				return nil, err
			}
			return NewTuple(NewBytes(b), Int(s.n)), nil
		})
		m.AddFunc("charmap_decode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("charmap_decode", args, kw, 1, 3); err != nil {
				return nil, err
			}
			b, err := needBytesLike(args[0])
			if err != nil {
				return nil, err
			}
			errs, err := codecErrorsArg("charmap_decode", optArg(args, 1), 2)
			if err != nil {
				return nil, err
			}
			s, err := charmapDecode(t, b, errs, optArg(args, 2))
			if err != nil {
				return nil, err
			}
			return NewTuple(NewStr(s), Int(len(b))), nil
		})
		m.AddFunc("readbuffer_encode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("readbuffer_encode", args, kw, 1, 2); err != nil {
				return nil, err
			}
			var b []byte
			if s, ok := unwrap(args[0]).(*Str); ok {
				b = []byte(s.s)
			} else {
				var err error
				if b, err = needBytesLike(args[0]); err != nil {
					return nil, err
				}
			}
			return NewTuple(NewBytes(append([]byte(nil), b...)), Int(len(b))), nil
		})
		for _, f := range registerCodecFuncs {
			f(m)
		}
		return m, nil
	})
	EncodingMapType.Flags.And(^uint64(FlagBaseType))
	registerType(EncodingMapType)
}
