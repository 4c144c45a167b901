package py

import (
	"math"
	"strings"

	"freepy/interp/pyfmt"
	"freepy/interp/strops"
)

// The methods bytes and bytearray share (CPython's bytes_methods.c), the
// bytes constructor and bytes % args. Each method is registered on both
// types; a bytearray is read through a snapshot taken under its lock, and
// results are made with the receiver's type (bytes or bytearray).

// bytesLike returns the content of a bytes-like object. For a bytearray it
// is a private copy; for bytes it is shared (do not modify).
func bytesLike(o Object) ([]byte, bool) {
	switch x := unwrap(o).(type) {
	case *Bytes:
		return x.b, true
	case *ByteArray:
		return x.snapshot(), true
	case bufferExporter:
		return exporterBytes(x), true
	case *MemoryView:
		// A released view is not bytes-like any more.
		if b, err := x.bytes(); err == nil {
			return b, true
		}
	}
	return nil, false
}

// bytesLikeT is bytesLike that also takes an object exporting its buffer
// through C (an mmap, a ctypes array), by copying it: a consumer with a
// thread at hand (struct.unpack) uses it.
func bytesLikeT(t *Thread, o Object) ([]byte, bool) {
	if b, ok := bytesLike(o); ok {
		return b, true
	}
	if ForeignBuffer != nil {
		if b, ok, err := ForeignBuffer(t, o); ok && err == nil {
			return b, true
		}
	}
	return nil, false
}

// needBytesLikeT is needBytesLike that also takes an object exporting
// its buffer through C (bytesLikeT).
func needBytesLikeT(t *Thread, o Object) ([]byte, error) {
	if b, ok := bytesLikeT(t, o); ok {
		return b, nil
	}
	return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(o))
}

// needBytesLike requires a bytes-like argument.
func needBytesLike(o Object) ([]byte, error) {
	if b, ok := bytesLike(o); ok {
		return b, nil
	}
	return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(o))
}

// byteSub is the sub argument of find, count, ...: bytes-like or an int
// in range(256).
func byteSub(t *Thread, o Object) ([]byte, error) {
	if b, ok := bytesLike(o); ok {
		return b, nil
	}
	if isIntLike(o) || LoadPtr(&o.Type().Index) != nil {
		v, err := AsInt64(t, o)
		if err != nil {
			return nil, ValueErrorf("byte must be in range(0, 256)")
		}
		if v < 0 || v > 255 {
			return nil, ValueErrorf("byte must be in range(0, 256)")
		}
		return []byte{byte(v)}, nil
	}
	return nil, TypeErrorf("argument should be integer or bytes-like object, not '%s'", typeName(o))
}

// bytesMaker builds a result of the receiver's type.
type bytesMaker func(b []byte) Object

func makeBytes(b []byte) Object     { return NewBytes(b) }
func makeByteArray(b []byte) Object { return &ByteArray{b: b} }

type bytesMethod func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error)

// addBytesMethod registers a method on bytes and bytearray.
func addBytesMethod(name string, fn bytesMethod) {
	BytesType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		b, ok := unwrap(self).(*Bytes)
		if !ok {
			return nil, TypeErrorf("descriptor '%s' requires a 'bytes' object but received a '%s'", name, typeName(self))
		}
		return fn(t, b.b, makeBytes, args, kw)
	})
	ByteArrayType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		a, ok := unwrap(self).(*ByteArray)
		if !ok {
			return nil, TypeErrorf("descriptor '%s' requires a 'bytearray' object but received a '%s'", name, typeName(self))
		}
		return fn(t, a.snapshot(), makeByteArray, args, kw)
	})
}

func bytesList(parts [][]byte, mk bytesMaker) *List {
	items := make([]Object, len(parts))
	for i, p := range parts {
		items[i] = mk(p)
	}
	return NewList(items...)
}

// bytesFillArg parses the fill byte of center, ljust and rjust.
func bytesFillArg(name string, args []Object) (byte, error) {
	if len(args) < 2 {
		return ' ', nil
	}
	f, ok := bytesLike(args[1])
	if !ok || len(f) != 1 {
		return 0, TypeErrorf("%s() argument 2 must be a byte string of length 1, not %s", name, typeName(args[1]))
	}
	return f[0], nil
}

// bytesJoin is sep.join(iterable).
func bytesJoin(t *Thread, sep []byte, it Object) ([]byte, error) {
	items, err := ToSlice(t, it)
	if err != nil {
		return nil, err
	}
	parts := make([][]byte, len(items))
	for i, v := range items {
		b, ok := bytesLikeT(t, v)
		if !ok {
			return nil, TypeErrorf("sequence item %d: expected a bytes-like object, %s found", i, typeName(v))
		}
		parts[i] = b
	}
	return strops.BJoin(sep, parts), nil
}

// ForeignBuffer, when set (by package capi), copies the buffer of an
// object whose type exports one through C (tp_as_buffer: _ctypes' arrays
// and structures); ok is false for any other object.
var ForeignBuffer func(t *Thread, o Object) (b []byte, ok bool, err error)

// bytesFromObject is bytes(x) / bytearray(x) for one argument without an
// encoding.
func bytesFromObject(t *Thread, x Object, fname string) ([]byte, error) {
	if m, ok := unwrap(x).(*MemoryView); ok {
		// the view's own error (released; an exported array resized
		// under it) rather than iterating its items as ints
		return m.bytes()
	}
	if b, ok := bytesLike(x); ok {
		return append([]byte(nil), b...), nil
	}
	if ForeignBuffer != nil {
		if b, ok, err := ForeignBuffer(t, x); ok || err != nil {
			return b, err
		}
	}
	switch v := unwrap(x).(type) {
	case *Str:
		return nil, TypeErrorf("string argument without an encoding")
	case Int, *BigInt, Bool:
		n, err := AsInt64(t, v)
		if err != nil {
			return nil, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
		}
		if n < 0 {
			return nil, ValueErrorf("negative count")
		}
		if n > 1<<34 {
			return nil, NewError(MemoryErrorType, "")
		}
		return make([]byte, n), nil
	}
	if LoadPtr(&x.Type().Index) != nil {
		n, err := IndexInt(t, x)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, ValueErrorf("negative count")
		}
		return make([]byte, n), nil
	}
	if LoadPtr(&x.Type().Iter) == nil && LoadPtr(&x.Type().GetItem) == nil {
		return nil, TypeErrorf("cannot convert '%s' object to %s", typeName(x), fname)
	}
	// bytearray says "byte" where bytes says "bytes", as CPython does.
	rangeMsg := "bytes must be in range(0, 256)"
	if fname == "bytearray" {
		rangeMsg = "byte must be in range(0, 256)"
	}
	var out []byte
	err := Iterate(t, x, func(v Object) (bool, error) {
		if !isIntLike(v) && LoadPtr(&v.Type().Index) == nil {
			return false, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(v))
		}
		// An error from __index__ itself propagates.
		iv, err := Index(t, v)
		if err != nil {
			return false, err
		}
		n, ok := iv.(Int)
		if !ok || n < 0 || n > 255 {
			return false, ValueErrorf("%s", rangeMsg)
		}
		out = append(out, byte(n))
		return true, nil
	})
	return out, err
}

// bytesCtorArgs is the shared argument handling of bytes() and
// bytearray(): (source, encoding, errors).
func bytesCtorArgs(t *Thread, fname string, args []Object, kw []string) ([]byte, error) {
	var x, enc, errs Object
	if err := ParseArgs(fname, args, kw, []string{"source", "encoding", "errors"}, 0, &x, &enc, &errs); err != nil {
		return nil, err
	}
	if x == nil {
		if enc != nil {
			return nil, TypeErrorf("encoding without a string argument")
		}
		if errs != nil {
			return nil, TypeErrorf("errors without a string argument")
		}
		return nil, nil
	}
	if enc != nil || errs != nil {
		s, ok := unwrap(x).(*Str)
		if !ok {
			if enc != nil {
				return nil, TypeErrorf("encoding without a string argument")
			}
			return nil, TypeErrorf("errors without a string argument")
		}
		if enc == nil {
			// errors alone does not make utf-8 the encoding.
			return nil, TypeErrorf("string argument without an encoding")
		}
		encoding, errors := "utf-8", "strict"
		if enc != nil {
			e, ok := unwrap(enc).(*Str)
			if !ok {
				return nil, TypeErrorf("%s() argument 'encoding' must be str, not %s", fname, typeName(enc))
			}
			encoding = e.s
		}
		if errs != nil {
			e, ok := unwrap(errs).(*Str)
			if !ok {
				return nil, TypeErrorf("%s() argument 'errors' must be str, not %s", fname, typeName(errs))
			}
			errors = e.s
		}
		r, err := EncodeStr(t, s, encoding, errors)
		if err != nil {
			return nil, err
		}
		return r.(*Bytes).b, nil
	}
	return bytesFromObject(t, x, fname)
}

func bytesNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	// An object with __bytes__ wins over the other forms.
	if len(args) == 1 && len(kw) == 0 {
		if _, isBytes := args[0].(*Bytes); isBytes && typ == BytesType {
			return args[0], nil
		}
		// A str subclass may define __bytes__ too (plain str has none).
		if _, isStr := args[0].(*Str); !isStr {
			r, found, err := callSpecial(t, args[0], "__bytes__")
			if found {
				if err != nil {
					return nil, err
				}
				rb, ok := unwrap(r).(*Bytes)
				if !ok {
					return nil, TypeErrorf("__bytes__ returned non-bytes (type %s)", typeName(r))
				}
				if typ != BytesType {
					return newSubclassInstance(typ, rb), nil
				}
				return r, nil
			}
		}
	}
	b, err := bytesCtorArgs(t, "bytes", args, kw)
	if err != nil {
		return nil, err
	}
	if b == nil {
		b = []byte{}
	}
	if typ != BytesType {
		return newSubclassInstance(typ, NewBytes(b)), nil
	}
	return NewBytes(b), nil
}

// bytesPercent is bytes % args (PEP 461).
func bytesPercent(t *Thread, format []byte, args Object) ([]byte, error) {
	dirs := pyfmt.ParsePercent(string(format))
	var argList []Object
	var mapping Object
	if tup, ok := args.(*Tuple); ok {
		argList = tup.items
	} else {
		argList = []Object{args}
		_, isBytes := bytesLike(args)
		if LoadPtr(&args.Type().GetItem) != nil && !isBytes && !isStrLike(unwrap(args)) {
			if _, isTuple := unwrap(args).(*Tuple); !isTuple {
				mapping = args
			}
		}
	}
	next := 0
	takeArg := func() (Object, error) {
		if next >= len(argList) {
			return nil, TypeErrorf("not enough arguments for format string")
		}
		v := argList[next]
		next++
		return v, nil
	}
	usedMapping := false
	out := make([]byte, 0, len(format))
	for _, d := range dirs {
		out = append(out, d.Literal...)
		if d.Conv == 0 && d.Err == nil {
			continue
		}
		var arg Object
		if d.HasKey {
			if mapping == nil {
				return nil, TypeErrorf("format requires a mapping")
			}
			if d.KeyIncomplete {
				return nil, fromPyfmt(d.Err)
			}
			v, err := GetItem(t, mapping, NewBytes([]byte(d.Key)))
			if err != nil {
				return nil, err
			}
			arg, usedMapping = v, true
		}
		if err := percentStars(t, &d, takeArg); err != nil {
			return nil, err
		}
		if d.Err != nil {
			return nil, fromPyfmt(d.Err)
		}
		if arg == nil {
			v, err := takeArg()
			if err != nil {
				return nil, err
			}
			arg = v
		}
		var piece []byte
		switch d.Conv {
		case 'b', 's':
			b, ok := bytesLike(arg)
			if !ok {
				r, found, err := callSpecial(t, arg, "__bytes__")
				if !found {
					return nil, TypeErrorf("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", typeName(arg))
				}
				if err != nil {
					return nil, err
				}
				rb, ok := unwrap(r).(*Bytes)
				if !ok {
					return nil, TypeErrorf("__bytes__ returned non-bytes (type %s)", typeName(r))
				}
				b = rb.b
			}
			piece = b
		case 'r', 'a':
			r, err := Ascii(t, arg)
			if err != nil {
				return nil, err
			}
			piece = []byte(r.(*Str).s)
		case 'c':
			if b, ok := bytesLike(arg); ok {
				if len(b) != 1 {
					return nil, TypeErrorf("%%c requires an integer in range(256) or a single byte")
				}
				piece = b
			} else {
				n, err := AsInt64(t, arg)
				if err != nil {
					if IsInstanceOf(err, TypeErrorType) {
						return nil, TypeErrorf("%%c requires an integer in range(256) or a single byte")
					}
					return nil, Errorf(OverflowErrorType, "%%c arg not in range(256)")
				}
				if n < 0 || n > 255 {
					return nil, Errorf(OverflowErrorType, "%%c arg not in range(256)")
				}
				piece = []byte{byte(n)}
			}
		default:
			s, err := percentOne(t, d, arg, true)
			if err != nil {
				return nil, err
			}
			out = append(out, s...)
			continue
		}
		if d.Conv != 'c' && d.Prec >= 0 && d.Prec < len(piece) {
			piece = piece[:d.Prec]
		}
		pad := d.Width - len(piece)
		if pad > 0 && d.Flags&pyfmt.FlagLeft == 0 {
			out = append(out, strings.Repeat(" ", pad)...)
		}
		out = append(out, piece...)
		if pad > 0 && d.Flags&pyfmt.FlagLeft != 0 {
			out = append(out, strings.Repeat(" ", pad)...)
		}
	}
	if next < len(argList) && !usedMapping && mapping == nil {
		return nil, TypeErrorf("not all arguments converted during bytes formatting")
	}
	return out, nil
}

// bytesRepeat is b * n.
func bytesRepeat(b []byte, n int, overflow bool) ([]byte, error) {
	if n <= 0 || len(b) == 0 {
		return []byte{}, nil
	}
	if overflow && n > math.MaxInt/len(b) {
		// bytes says so; bytearray, like list, reports MemoryError
		return nil, NewError(OverflowErrorType, "repeated bytes are too long")
	}
	if n > (1<<34)/len(b) {
		return nil, NewError(MemoryErrorType, "")
	}
	return []byte(strings.Repeat(string(b), n)), nil
}

// bytesPrefixMatch is startswith/endswith.
func bytesPrefixMatch(t *Thread, name string, b []byte, mk bytesMaker, args []Object, kw []string, match func(b, p []byte, start, end int) bool) (Object, error) {
	if err := bytesArgCountVarargs(mk, name, args, kw, 1, 3); err != nil {
		return nil, err
	}
	start, end, err := startEnd(t, optArg(args, 1), optArg(args, 2))
	if err != nil {
		return nil, err
	}
	if tup, ok := unwrap(args[0]).(*Tuple); ok {
		for _, it := range tup.items {
			p, ok := bytesLike(it)
			if !ok {
				return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(it))
			}
			if match(b, p, start, end) {
				return True, nil
			}
		}
		return False, nil
	}
	p, ok := bytesLike(args[0])
	if !ok {
		return nil, TypeErrorf("%s first arg must be bytes or a tuple of bytes, not %s", name, typeName(args[0]))
	}
	return NewBool(match(b, p, start, end)), nil
}

// installBytesSlots sets the slots of bytes. containers.go defines
// simpler versions of some of them in its init, which runs after this
// file's (files initialise in name order), so mod_codecs.go's init calls
// this.
func installBytesSlots() {
	BytesType.New = bytesNew
	BytesType.Num[NbMul] = func(t *Thread, a, b Object) (Object, error) {
		s, n, ok, err := seqRepeatArgs(t, a, b, BytesType)
		if !ok || err != nil {
			return NotImplemented, err
		}
		r, err := bytesRepeat(unwrap(s).(*Bytes).b, n, true)
		if err != nil {
			return nil, err
		}
		return NewBytes(r), nil
	}
	BytesType.Num[NbMod] = func(t *Thread, a, b Object) (Object, error) {
		x, ok := unwrap(a).(*Bytes)
		if !ok {
			return NotImplemented, nil
		}
		r, err := bytesPercent(t, x.b, b)
		if err != nil {
			return nil, err
		}
		return NewBytes(r), nil
	}
	BytesType.Num[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := unwrap(a).(*Bytes)
		y, ok2 := bytesLikeT(t, b)
		if !ok1 || !ok2 {
			// declined, so that b.__radd__ is tried; binaryOpError
			// says "can't concat" when nothing takes it
			return NotImplemented, nil
		}
		out := make([]byte, 0, len(x.b)+len(y))
		return NewBytes(append(append(out, x.b...), y...)), nil
	}
	BytesType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := unwrap(a).(*Bytes)
		if _, ok := unwrap(b).(*MemoryView); ok {
			// the view compares by its format and shape
			// (b'\x01\x00' != memoryview(b'\x01\x00').cast('H'))
			return NotImplemented, nil
		}
		y, ok2 := bytesLike(b)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return NewBool(cmpResult(strings.Compare(string(x.b), string(y)), op)), nil
	}
	BytesType.GetItem = func(t *Thread, o, key Object) (Object, error) {
		b := unwrap(o).(*Bytes).b
		if sl, ok := key.(*Slice); ok {
			start, _, step, n, err := sliceIndices(t, sl, len(b))
			if err != nil {
				return nil, err
			}
			if step == 1 {
				return NewBytes(b[start : start+n]), nil
			}
			out := make([]byte, n)
			for i := 0; i < n; i++ {
				out[i] = b[start+i*step]
			}
			return NewBytes(out), nil
		}
		if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
			return nil, TypeErrorf("byte indices must be integers or slices, not %s", typeName(key))
		}
		idx, err := AsInt64(t, key)
		if err != nil {
			if !IsInstanceOf(err, OverflowErrorType) {
				return nil, err // __index__ failed
			}
			return nil, Errorf(IndexErrorType, "cannot fit '%s' into an index-sized integer", typeName(key))
		}
		i := int(idx)
		if i < 0 {
			i += len(b)
		}
		if i < 0 || i >= len(b) {
			return nil, Errorf(IndexErrorType, "index out of range")
		}
		return Int(b[i]), nil
	}
	BytesType.Iter = func(t *Thread, o Object) (Object, error) {
		return &bytesIter{b: unwrap(o).(*Bytes).b}, nil
	}
	BytesType.Contains = func(t *Thread, o, v Object) (bool, error) {
		sub, err := byteSub(t, v)
		if err != nil {
			return false, err
		}
		return strings.Contains(string(unwrap(o).(*Bytes).b), string(sub)), nil
	}
}

func init() {
	BytesType.AddMethod("__getnewargs__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("bytes.__getnewargs__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewTuple(NewBytes(unwrap(self).(*Bytes).b)), nil
	})
	BytesType.AddMethod("__bytes__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("bytes.__bytes__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewBytes(unwrap(self).(*Bytes).b), nil
	})

	caseM := func(name string, fn func([]byte) []byte) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			if err := bytesArgCount(mk, name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return mk(fn(b)), nil
		})
	}
	caseM("lower", strops.BLower)
	caseM("upper", strops.BUpper)
	caseM("swapcase", strops.BSwapcase)
	caseM("capitalize", strops.BCapitalize)
	caseM("title", strops.BTitle)
	pred := func(name string, fn func([]byte) bool) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			if err := bytesArgCount(mk, name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return NewBool(fn(b)), nil
		})
	}
	pred("isalpha", strops.BIsAlpha)
	pred("isalnum", strops.BIsAlnum)
	pred("isdigit", strops.BIsDigit)
	pred("isspace", strops.BIsSpace)
	pred("isascii", strops.BIsASCII)
	pred("islower", strops.BIsLower)
	pred("isupper", strops.BIsUpper)
	pred("istitle", strops.BIsTitle)

	padM := func(name string, fn func([]byte, int, byte) ([]byte, error)) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			if err := bytesArgCount(mk, name, args, kw, 1, 2); err != nil {
				return nil, err
			}
			w, err := SsizeArg(t, args[0])
			if err != nil {
				return nil, err
			}
			fill, err := bytesFillArg(name, args)
			if err != nil {
				return nil, err
			}
			r, err := fn(b, w, fill)
			if err != nil {
				return nil, fromStrops(err)
			}
			return mk(r), nil
		})
	}
	padM("center", strops.BCenter)
	padM("ljust", strops.BLJust)
	padM("rjust", strops.BRJust)
	addBytesMethod("zfill", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		if err := bytesArgCount(mk, "zfill", args, kw, 1, 1); err != nil {
			return nil, err
		}
		w, err := SsizeArg(t, args[0])
		if err != nil {
			return nil, err
		}
		r, err := strops.BZFill(b, w)
		if err != nil {
			return nil, fromStrops(err)
		}
		return mk(r), nil
	})
	addBytesMethod("expandtabs", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		var ts Object
		if err := parseClinicKw("expandtabs", args, kw, []string{"tabsize"}, 0, 1, &ts); err != nil {
			return nil, err
		}
		size := 8
		if ts != nil {
			v, err := CIntArg(t, ts)
			if err != nil {
				return nil, err
			}
			size = v
		}
		r, err := strops.BExpandTabs(b, size)
		if err != nil {
			return nil, fromStrops(err)
		}
		return mk(r), nil
	})

	search := func(name string, fn func(b, sub []byte, start, end int) int, raise bool) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			if err := bytesArgCountVarargs(mk, name, args, kw, 1, 3); err != nil {
				return nil, err
			}
			sub, err := byteSub(t, args[0])
			if err != nil {
				return nil, err
			}
			start, end, err := startEnd(t, optArg(args, 1), optArg(args, 2))
			if err != nil {
				return nil, err
			}
			i := fn(b, sub, start, end)
			if i < 0 && raise {
				return nil, ValueErrorf("subsection not found")
			}
			return Int(i), nil
		})
	}
	search("find", strops.BFind, false)
	search("rfind", strops.BRFind, false)
	search("index", strops.BFind, true)
	search("rindex", strops.BRFind, true)
	search("count", strops.BCount, false)
	addBytesMethod("startswith", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		return bytesPrefixMatch(t, "startswith", b, mk, args, kw, strops.BStartsWith)
	})
	addBytesMethod("endswith", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		return bytesPrefixMatch(t, "endswith", b, mk, args, kw, strops.BEndsWith)
	})

	stripM := func(name string, ws func([]byte) []byte, chars func(b, c []byte) []byte) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			if err := bytesArgCount(mk, name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			if len(args) == 0 || args[0] == None {
				return mk(ws(b)), nil
			}
			c, err := needBytesLike(args[0])
			if err != nil {
				return nil, err
			}
			return mk(chars(b, c)), nil
		})
	}
	stripM("strip", strops.BStrip, strops.BStripChars)
	stripM("lstrip", strops.BLStrip, strops.BLStripChars)
	stripM("rstrip", strops.BRStrip, strops.BRStripChars)

	splitM := func(name string, ws func([]byte, int) [][]byte, sep func(b, sep []byte, n int) ([][]byte, error)) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			sepObj, n, err := splitArgs(t, name, args, kw)
			if err != nil {
				return nil, err
			}
			if sepObj == None {
				return bytesList(ws(b, n), mk), nil
			}
			s, err := needBytesLike(sepObj)
			if err != nil {
				return nil, err
			}
			parts, err := sep(b, s, n)
			if err != nil {
				return nil, fromStrops(err)
			}
			return bytesList(parts, mk), nil
		})
	}
	splitM("split", strops.BSplitWhitespace, strops.BSplit)
	splitM("rsplit", strops.BRSplitWhitespace, strops.BRSplit)
	addBytesMethod("splitlines", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		var keep Object
		if err := parseClinicKw("splitlines", args, kw, []string{"keepends"}, 0, 1, &keep); err != nil {
			return nil, err
		}
		k := false
		if keep != nil {
			// keepends is a C int: a float or str is refused
			v, err := CIntArg(t, keep)
			if err != nil {
				return nil, err
			}
			k = v != 0
		}
		return bytesList(strops.BSplitlines(b, k), mk), nil
	})
	partM := func(name string, fn func(b, sep []byte) ([]byte, []byte, []byte, error)) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			if err := bytesArgCount(mk, name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			sep, err := needBytesLike(args[0])
			if err != nil {
				return nil, err
			}
			x, y, z, err := fn(b, sep)
			if err != nil {
				return nil, fromStrops(err)
			}
			return NewTuple(mk(x), mk(y), mk(z)), nil
		})
	}
	partM("partition", strops.BPartition)
	partM("rpartition", strops.BRPartition)
	addBytesMethod("replace", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		if err := bytesArgCount(mk, "replace", args, kw, 2, 3); err != nil {
			return nil, err
		}
		old, err := needBytesLike(args[0])
		if err != nil {
			return nil, err
		}
		nw, err := needBytesLike(args[1])
		if err != nil {
			return nil, err
		}
		count := -1
		if len(args) > 2 {
			if count, err = SsizeArg(t, args[2]); err != nil {
				return nil, err
			}
		}
		r, err := strops.BReplace(b, old, nw, count)
		if err != nil {
			return nil, fromStrops(err)
		}
		return mk(r), nil
	})
	affix := func(name string, cut func(b, p []byte) ([]byte, bool)) {
		addBytesMethod(name, func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
			if err := bytesArgCount(mk, name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			p, err := needBytesLike(args[0])
			if err != nil {
				return nil, err
			}
			r, _ := cut(b, p)
			return mk(append([]byte(nil), r...)), nil
		})
	}
	affix("removeprefix", func(b, p []byte) ([]byte, bool) {
		s, ok := strings.CutPrefix(string(b), string(p))
		return []byte(s), ok
	})
	affix("removesuffix", func(b, p []byte) ([]byte, bool) {
		s, ok := strings.CutSuffix(string(b), string(p))
		return []byte(s), ok
	})
	addBytesMethod("join", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		if err := bytesArgCount(mk, "join", args, kw, 1, 1); err != nil {
			return nil, err
		}
		r, err := bytesJoin(t, b, args[0])
		if err != nil {
			return nil, err
		}
		return mk(r), nil
	})
	addBytesMethod("translate", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		var table, del Object
		if err := parseClinicKw("translate", args, kw, []string{"", "delete"}, 1, 2, &table, &del); err != nil {
			return nil, err
		}
		var tb, db []byte
		if table != None {
			var err error
			if tb, err = needBytesLike(table); err != nil {
				return nil, err
			}
			if len(tb) != 256 {
				return nil, ValueErrorf("translation table must be 256 characters long")
			}
		}
		if del != nil {
			var err error
			if db, err = needBytesLike(del); err != nil {
				return nil, err
			}
		}
		r, err := strops.BTranslate(b, tb, db)
		if err != nil {
			return nil, fromStrops(err)
		}
		return mk(r), nil
	})
	addBytesMethod("decode", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		enc, errs, err := encodingArgs("decode", args, kw)
		if err != nil {
			return nil, err
		}
		return DecodeBytes(t, b, enc, errs)
	})
	addBytesMethod("hex", func(t *Thread, b []byte, mk bytesMaker, args []Object, kw []string) (Object, error) {
		var sep, per Object
		if err := parseClinicKw("hex", args, kw, []string{"sep", "bytes_per_sep"}, 0, 2, &sep, &per); err != nil {
			return nil, err
		}
		if sep == nil {
			return newASCIIStr(strops.Hex(b)), nil
		}
		// the length is checked first, as CPython does: hex([]) is a
		// ValueError, hex(5) the TypeError of len()
		if n, err := Len(t, sep); err != nil {
			return nil, err
		} else if n != 1 {
			return nil, ValueErrorf("sep must be length 1.")
		}
		var sepStr string
		switch x := unwrap(sep).(type) {
		case *Str:
			sepStr = x.s
		default:
			sb, ok := bytesLike(sep)
			if !ok {
				return nil, TypeErrorf("sep must be str or bytes.")
			}
			sepStr = string(sb)
		}
		n := 1
		if per != nil {
			v, err := CIntArg(t, per)
			if err != nil {
				return nil, err
			}
			n = v
		}
		r, err := strops.HexSep(b, sepStr, n)
		if err != nil {
			return nil, fromStrops(err)
		}
		return NewStr(r), nil
	})
	fromhex := func(typ *Type, mk bytesMaker) BuiltinFunc {
		return func(t *Thread, cls Object, args []Object, kw []string) (Object, error) {
			if err := bytesArgCount(mk, "fromhex", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, ok := unwrap(args[0]).(*Str)
			if !ok {
				return nil, TypeErrorf("fromhex() argument must be str, not %s", typeName(args[0]))
			}
			b, err := strops.FromHex(s.s)
			if err != nil {
				return nil, fromStrops(err)
			}
			r := mk(b)
			if c, ok := cls.(*Type); ok && c != typ {
				return Call(t, c, []Object{r}, nil)
			}
			return r, nil
		}
	}
	BytesType.AddClassMethod("fromhex", fromhex(BytesType, makeBytes))
	ByteArrayType.AddClassMethod("fromhex", fromhex(ByteArrayType, makeByteArray))
	maketransOf := func(qual string) BuiltinFunc {
		return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount(qual, args, kw, 2, 2); err != nil {
				return nil, err
			}
			return bytesMaketrans(args)
		}
	}
	BytesType.AddStaticMethod("maketrans", maketransOf("bytes.maketrans"))
	ByteArrayType.AddStaticMethod("maketrans", maketransOf("bytearray.maketrans"))
}

// bytesMaketrans is bytes.maketrans(frm, to) once the count is checked.
func bytesMaketrans(args []Object) (Object, error) {
	from, err := needBytesLike(args[0])
	if err != nil {
		return nil, err
	}
	to, err := needBytesLike(args[1])
	if err != nil {
		return nil, err
	}
	if len(from) != len(to) {
		return nil, ValueErrorf("maketrans arguments must have same length")
	}
	table := make([]byte, 256)
	for i := range table {
		table[i] = byte(i)
	}
	for i, c := range from {
		table[c] = to[i]
	}
	return NewBytes(table), nil
}

// bytesIter iterates over the bytes of a bytes object.
type bytesIter struct {
	b []byte
	i atomicInt
}

func (*bytesIter) Type() *Type { return BytesIteratorType }

// BytesIteratorType is the type of iter(b'...').
var BytesIteratorType = newBuiltinType("bytes_iterator", ObjectType)

func init() {
	BytesIteratorType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	BytesIteratorType.Next = func(t *Thread, o Object) (Object, error) {
		it := o.(*bytesIter)
		i := it.i.add(1) - 1
		if i >= int64(len(it.b)) {
			return nil, nil
		}
		return Int(it.b[i]), nil
	}
	BytesIteratorType.Flags.And(^uint64(FlagBaseType))
	registerType(BytesIteratorType)
}
