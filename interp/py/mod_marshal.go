package py

import (
	"encoding/binary"
	"math"
	"math/big"

	"freepy/interp/pyfmt"
)

// The marshal module. Data is written in CPython's format. Code objects
// are freepy's own (its instruction set is not CPython's): they are
// written as a code record of type 'C' (codecache.go), which only the
// build of freepy that wrote it reads back; CPython rejects it as an
// unknown type code. importlib imports marshal at startup and reads and
// writes freepy's .pyc files through it; shelve-like users and tests
// round-trip plain data.
//
// dumps writes no back-references (FLAG_REF): CPython decides those by
// reference counts, which freepy does not have. Its output is valid
// marshal data that CPython reads back to equal values; loads accepts
// references.

const marshalVersion = 4

func init() {
	RegisterNativeModule("marshal", func(t *Thread) (*Module, error) {
		m := NewModule("marshal")
		m.dict.SetStr("version", Int(marshalVersion))
		m.AddFunc("dumps", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var v, ver Object
			if err := ParseArgs("dumps", args, kw, []string{"", ""}, 1, &v, &ver); err != nil {
				return nil, err
			}
			version, err := marshalVersionArg(t, ver)
			if err != nil {
				return nil, err
			}
			w := &marshalWriter{t: t, version: version}
			if err := w.write(v, 0); err != nil {
				return nil, err
			}
			return NewBytes(w.buf), nil
		})
		m.AddFunc("dump", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var v, file, ver Object
			if err := ParseArgs("dump", args, kw, []string{"", "", ""}, 2, &v, &file, &ver); err != nil {
				return nil, err
			}
			version, err := marshalVersionArg(t, ver)
			if err != nil {
				return nil, err
			}
			w := &marshalWriter{t: t, version: version}
			if err := w.write(v, 0); err != nil {
				return nil, err
			}
			return CallMethod(t, file, "write", NewBytes(w.buf))
		})
		m.AddFunc("loads", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 || len(args) != 1 {
				return nil, TypeErrorf("loads() takes exactly one argument (%d given)", len(args)+len(kw))
			}
			data, err := needBytesLike(args[0])
			if err != nil {
				return nil, err
			}
			r := &marshalReader{t: t, data: data}
			return r.read(0)
		})
		m.AddFunc("load", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 || len(args) != 1 {
				return nil, TypeErrorf("load() takes exactly one argument (%d given)", len(args)+len(kw))
			}
			// read everything, then give back what was not used, as
			// CPython does through seek/readinto on a buffered file
			file := args[0]
			all, err := CallMethod(t, file, "read")
			if err != nil {
				return nil, err
			}
			data, err := needBytesLike(all)
			if err != nil {
				return nil, TypeErrorf("file.read() returned not bytes but %s", typeName(all))
			}
			r := &marshalReader{t: t, data: data}
			v, err := r.read(0)
			if err != nil {
				return nil, err
			}
			if rest := len(data) - r.pos; rest > 0 {
				if _, err := CallMethod(t, file, "seek", Int(-rest), Int(1)); err != nil {
					return nil, err
				}
			}
			return v, nil
		})
		return m, nil
	})
}

func marshalVersionArg(t *Thread, v Object) (int, error) {
	if v == nil {
		return marshalVersion, nil
	}
	n, err := AsInt64(t, v)
	if err != nil {
		return 0, err
	}
	return int(n), nil
}

// marshal type codes (CPython's marshal.c)
const (
	mNull        = '0'
	mNone        = 'N'
	mFalse       = 'F'
	mTrue        = 'T'
	mStopIter    = 'S'
	mEllipsis    = '.'
	mInt         = 'i'
	mInt64       = 'I'
	mFloat       = 'f'
	mBinFloat    = 'g'
	mComplex     = 'x'
	mBinComplex  = 'y'
	mLong        = 'l'
	mString      = 's'
	mInterned    = 't'
	mRef         = 'r'
	mTuple       = '('
	mList        = '['
	mDict        = '{'
	mUnicode     = 'u'
	mSet         = '<'
	mFrozenSet   = '>'
	mASCII       = 'a'
	mASCIIIntern = 'A'
	mSmallTuple  = ')'
	mShortASCII  = 'z'
	mShortASCIII = 'Z'
	mFlagRef     = 0x80
	mMaxDepth    = 2000
)

type marshalWriter struct {
	t       *Thread
	version int
	buf     []byte
}

func (w *marshalWriter) u32(n int) {
	w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(n))
}

func (w *marshalWriter) bytesWithLen(b []byte) {
	w.u32(len(b))
	w.buf = append(w.buf, b...)
}

func (w *marshalWriter) float(f float64) {
	if w.version > 1 {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(f))
		return
	}
	s := pyfmt.FloatRepr(f)
	w.buf = append(w.buf, byte(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *marshalWriter) seq(code byte, items []Object, depth int) error {
	if code == mTuple && w.version >= 4 && len(items) < 256 {
		w.buf = append(w.buf, mSmallTuple, byte(len(items)))
	} else {
		w.buf = append(w.buf, code)
		w.u32(len(items))
	}
	for _, it := range items {
		if err := w.write(it, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (w *marshalWriter) write(v Object, depth int) error {
	if depth > mMaxDepth {
		return ValueErrorf("object too deeply nested to marshal")
	}
	switch x := v.(type) {
	case NoneType:
		w.buf = append(w.buf, mNone)
	case Bool:
		if x {
			w.buf = append(w.buf, mTrue)
		} else {
			w.buf = append(w.buf, mFalse)
		}
	case EllipsisType:
		w.buf = append(w.buf, mEllipsis)
	case Int:
		if x >= math.MinInt32 && x <= math.MaxInt32 {
			w.buf = append(w.buf, mInt)
			w.u32(int(int32(x)))
			return nil
		}
		w.long(big.NewInt(int64(x)))
	case *BigInt:
		w.long(&x.v)
	case Float:
		if w.version > 1 {
			w.buf = append(w.buf, mBinFloat)
		} else {
			w.buf = append(w.buf, mFloat)
		}
		w.float(float64(x))
	case Complex:
		if w.version > 1 {
			w.buf = append(w.buf, mBinComplex)
		} else {
			w.buf = append(w.buf, mComplex)
		}
		w.float(real(x))
		w.float(imag(x))
	case *Str:
		if w.version >= 4 && x.ascii {
			if len(x.s) < 256 {
				w.buf = append(w.buf, mShortASCII, byte(len(x.s)))
				w.buf = append(w.buf, x.s...)
			} else {
				w.buf = append(w.buf, mASCII)
				w.bytesWithLen([]byte(x.s))
			}
			return nil
		}
		// the text is kept as UTF-8 with lone surrogates encoded as
		// such: exactly marshal's "surrogatepass" encoding
		w.buf = append(w.buf, mUnicode)
		w.bytesWithLen([]byte(x.s))
	case *Bytes:
		w.buf = append(w.buf, mString)
		w.bytesWithLen(x.b)
	case *ByteArray:
		w.buf = append(w.buf, mString)
		w.bytesWithLen(x.snapshot())
	case *Tuple:
		return w.seq(mTuple, x.items, depth)
	case *List:
		return w.seq(mList, x.Items(), depth)
	case *Dict:
		w.buf = append(w.buf, mDict)
		for _, e := range x.Items() {
			if err := w.write(e.key, depth+1); err != nil {
				return err
			}
			if err := w.write(e.value, depth+1); err != nil {
				return err
			}
		}
		w.buf = append(w.buf, mNull)
	case *Code:
		w.buf = append(w.buf, mFreepyCode)
		buf, err := appendCodeRecord(w.buf, x.Code)
		if err != nil {
			return ValueErrorf("unmarshallable object")
		}
		w.buf = buf
	case *Set:
		code := byte(mSet)
		if x.frozen {
			code = mFrozenSet
		}
		w.buf = append(w.buf, code)
		items := x.Items()
		w.u32(len(items))
		for _, it := range items {
			if err := w.write(it, depth+1); err != nil {
				return err
			}
		}
	default:
		if v == StopIterationType {
			w.buf = append(w.buf, mStopIter)
			return nil
		}
		if b, ok := bytesLike(v); ok {
			w.buf = append(w.buf, mString)
			w.bytesWithLen(b)
			return nil
		}
		return ValueErrorf("unmarshallable object")
	}
	return nil
}

// long writes an int as 15-bit digits, least significant first.
func (w *marshalWriter) long(v *big.Int) {
	w.buf = append(w.buf, mLong)
	mag := new(big.Int).Abs(v)
	var digits []uint16
	mask := big.NewInt(0x7fff)
	for mag.Sign() > 0 {
		digits = append(digits, uint16(new(big.Int).And(mag, mask).Uint64()))
		mag.Rsh(mag, 15)
	}
	n := len(digits)
	if v.Sign() < 0 {
		n = -n
	}
	w.u32(n)
	for _, d := range digits {
		w.buf = binary.LittleEndian.AppendUint16(w.buf, d)
	}
}

type marshalReader struct {
	t    *Thread
	data []byte
	pos  int
	refs []Object
}

func marshalEOF() error {
	return NewError(EOFErrorType, "marshal data too short")
}

func (r *marshalReader) take(n int) ([]byte, error) {
	if n < 0 || r.pos+n > len(r.data) {
		return nil, marshalEOF()
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b, nil
}

func (r *marshalReader) u32() (int32, error) {
	b, err := r.take(4)
	if err != nil {
		return 0, err
	}
	return int32(binary.LittleEndian.Uint32(b)), nil
}

func (r *marshalReader) size() (int, error) {
	n, err := r.u32()
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, ValueErrorf("bad marshal data (size out of range)")
	}
	return int(n), nil
}

func (r *marshalReader) binFloat() (float64, error) {
	b, err := r.take(8)
	if err != nil {
		return 0, err
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b)), nil
}

func (r *marshalReader) textFloat() (float64, error) {
	nb, err := r.take(1)
	if err != nil {
		return 0, err
	}
	b, err := r.take(int(nb[0]))
	if err != nil {
		return 0, err
	}
	f, err := parseFloatLiteral(string(b), NewBytes(b))
	if err != nil {
		return 0, err
	}
	return float64(f.(Float)), nil
}

// seqLen reads a container's item count: one byte for a small tuple.
func (r *marshalReader) seqLen(code byte) (int, error) {
	if code == mSmallTuple {
		nb, err := r.take(1)
		if err != nil {
			return 0, err
		}
		return int(nb[0]), nil
	}
	return r.size()
}

func (r *marshalReader) read(depth int) (Object, error) {
	if depth > mMaxDepth {
		return nil, ValueErrorf("recursion limit exceeded")
	}
	cb, err := r.take(1)
	if err != nil {
		return nil, NewError(EOFErrorType, "EOF read where object expected")
	}
	code := cb[0] &^ mFlagRef
	flag := cb[0]&mFlagRef != 0
	// a flagged container is registered before its items are read, so
	// that they can refer to it
	slot := -1
	if flag {
		slot = len(r.refs)
		r.refs = append(r.refs, nil)
	}
	v, err := r.readBody(code, depth, slot)
	if err != nil {
		return nil, err
	}
	if slot >= 0 {
		r.refs[slot] = v
	}
	return v, nil
}

func (r *marshalReader) readBody(code byte, depth, slot int) (Object, error) {
	t := r.t
	switch code {
	case mNone:
		return None, nil
	case mNull:
		return nil, TypeErrorf("NULL object in marshal data for object")
	case mTrue:
		return True, nil
	case mFalse:
		return False, nil
	case mEllipsis:
		return Ellipsis, nil
	case mStopIter:
		return StopIterationType, nil
	case mInt:
		n, err := r.u32()
		return Int(n), err
	case mInt64:
		b, err := r.take(8)
		if err != nil {
			return nil, err
		}
		return Int(int64(binary.LittleEndian.Uint64(b))), nil
	case mLong:
		n, err := r.u32()
		if err != nil {
			return nil, err
		}
		neg := n < 0
		if neg {
			n = -n
		}
		v := new(big.Int)
		for i := 0; i < int(n); i++ {
			b, err := r.take(2)
			if err != nil {
				return nil, err
			}
			d := binary.LittleEndian.Uint16(b)
			if d > 0x7fff {
				return nil, ValueErrorf("bad marshal data (digit out of range in long)")
			}
			v.Or(v, new(big.Int).Lsh(big.NewInt(int64(d)), uint(15*i)))
		}
		if neg {
			v.Neg(v)
		}
		return intFromBig(v), nil
	case mBinFloat:
		f, err := r.binFloat()
		return Float(f), err
	case mFloat:
		f, err := r.textFloat()
		return Float(f), err
	case mBinComplex, mComplex:
		rd := r.binFloat
		if code == mComplex {
			rd = r.textFloat
		}
		re, err := rd()
		if err != nil {
			return nil, err
		}
		im, err := rd()
		return Complex(complex(re, im)), err
	case mString:
		n, err := r.size()
		if err != nil {
			return nil, err
		}
		b, err := r.take(n)
		return NewBytes(append([]byte(nil), b...)), err
	case mUnicode, mInterned, mASCII, mASCIIIntern:
		n, err := r.size()
		if err != nil {
			return nil, err
		}
		b, err := r.take(n)
		if err != nil {
			return nil, err
		}
		return NewStr(string(b)), nil
	case mShortASCII, mShortASCIII:
		nb, err := r.take(1)
		if err != nil {
			return nil, err
		}
		b, err := r.take(int(nb[0]))
		if err != nil {
			return nil, err
		}
		return NewStr(string(b)), nil
	case mSmallTuple, mTuple, mList, mSet, mFrozenSet:
		n, err := r.seqLen(code)
		if err != nil {
			return nil, err
		}
		var list *List
		var set *Set
		var tup *Tuple
		switch code {
		case mTuple, mSmallTuple:
			// registered before its items, as CPython does, so that an
			// item may refer back to the tuple itself
			if slot >= 0 && n > 0 {
				tup = &Tuple{}
				r.refs[slot] = tup
			}
		case mList:
			list = NewList()
			if slot >= 0 {
				r.refs[slot] = list
			}
		case mSet:
			set = NewSet()
			if slot >= 0 {
				r.refs[slot] = set
			}
		case mFrozenSet:
			set = NewFrozenSet()
		}
		// every item takes a byte at least: a bogus count cannot make
		// a huge allocation
		items := make([]Object, 0, min(n, len(r.data)-r.pos))
		for i := 0; i < n; i++ {
			v, err := r.read(depth + 1)
			if err != nil {
				return nil, err
			}
			switch {
			case list != nil:
				list.Append(v)
			case set != nil:
				if err := set.add(t, v); err != nil {
					return nil, err
				}
			default:
				items = append(items, v)
			}
		}
		switch {
		case list != nil:
			return list, nil
		case set != nil:
			return set, nil
		case tup != nil:
			tup.items = items
			return tup, nil
		}
		return NewTuple(items...), nil
	case mDict:
		d := NewDict()
		if slot >= 0 {
			r.refs[slot] = d
		}
		for {
			if r.pos < len(r.data) && r.data[r.pos] == mNull {
				r.pos++
				return d, nil
			}
			k, err := r.read(depth + 1)
			if err != nil {
				return nil, err
			}
			v, err := r.read(depth + 1)
			if err != nil {
				return nil, err
			}
			if err := d.SetItem(t, k, v); err != nil {
				return nil, err
			}
		}
	case mFreepyCode:
		c, n, err := decodeCodeRecord(r.data[r.pos:])
		if err != nil {
			if err == errCodeShort {
				return nil, marshalEOF()
			}
			return nil, ValueErrorf("%s", err.Error())
		}
		r.pos += n
		return NewCode(c), nil
	case mRef:
		n, err := r.u32()
		if err != nil {
			return nil, err
		}
		if n < 0 || int(n) >= len(r.refs) || r.refs[n] == nil {
			return nil, ValueErrorf("bad marshal data (invalid reference)")
		}
		return r.refs[n], nil
	}
	return nil, ValueErrorf("bad marshal data (unknown type code)")
}
