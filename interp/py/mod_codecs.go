package py

import (
	"strconv"
	"strings"
	"sync"

	"freepy/interp/strops"
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
	exc := &BaseException{typ: typ, Args: NewTuple(args...)}
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
		e.Args = NewTuple(append([]Object(nil), args[:len(args)-len(kw)]...)...)
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
		start = max(0, min(start, len(b)-1))
		end = max(1, min(end, len(b)))
		if end == start+1 && start < len(b) {
			return NewStr("'" + enc + "' codec can't decode byte 0x" + hex2(int(b[start])) + " in position " + strconv.Itoa(start) + ": " + reason), nil
		}
		return NewStr("'" + enc + "' codec can't decode bytes in position " + strconv.Itoa(start) + "-" + strconv.Itoa(end-1) + ": " + reason), nil
	}
	s, ok := obj.(*Str)
	if !ok {
		return Intern(""), nil
	}
	start = max(0, min(start, s.n-1))
	end = max(1, min(end, s.n))
	verb, head := "encode", "'"+enc+"' codec can't "
	if e.typ.IsSubtype(UnicodeTranslateErrorType) {
		verb, head = "translate", "can't "
	}
	if end == start+1 && start < s.n {
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
		cantHandle := TypeErrorf("don't know how to handle %s in error callback", e.typ.Name)
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
	mu       sync.Mutex
	search   []Object
	cache    map[string]Object
	imported bool
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
	needImport := !codecRegistry.imported
	codecRegistry.imported = true
	codecRegistry.mu.Unlock()
	if needImport {
		// CPython imports the encodings package at startup; it registers
		// the search function that finds the pure-Python codecs.
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
	if err := ParseArgs(fname, args, kw, []string{"encoding", "errors"}, 0, &enc, &errs); err != nil {
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
