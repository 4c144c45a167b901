package py

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"sync"
)

// _struct: packing values into bytes by a format (the C half of the
// struct module), with CPython 3.11's sizes, alignment and messages.

// structCode is one format item: count copies of code (for 's' and 'p',
// one item of count bytes).
type structCode struct {
	code   byte
	count  int
	size   int // of one item
	offset int
}

type structFormat struct {
	format string
	order  binary.ByteOrder
	native bool // '@': native sizes and alignment
	codes  []structCode
	size   int
	nitems int // values packed/unpacked
}

var (
	structErrorOnce sync.Once
	structErrorType *Type
	structCache     sync.Map // string -> *structFormat
	StructType      = newBuiltinType("Struct", ObjectType)
)

// StructObj is a _struct.Struct.
type StructObj struct{ f *structFormat }

// Type returns Struct.
func (*StructObj) Type() *Type { return StructType }

func structError(msg string) error { return NewError(structErrorType, msg) }

func structItemSize(c byte, native bool) (int, bool) {
	switch c {
	case 'x', 'c', 'b', 'B', '?', 's', 'p':
		return 1, true
	case 'h', 'H', 'e':
		return 2, true
	case 'i', 'I', 'f':
		return 4, true
	case 'q', 'Q', 'd':
		return 8, true
	case 'l', 'L':
		if native {
			return 8, true
		}
		return 4, true
	case 'n', 'N', 'P':
		return 8, native
	}
	return 0, false
}

func compileStruct(format string) (*structFormat, error) {
	if v, ok := structCache.Load(format); ok {
		return v.(*structFormat), nil
	}
	f := &structFormat{format: format, order: binary.LittleEndian, native: true}
	s := format
	if len(s) > 0 {
		switch s[0] {
		case '@':
			s = s[1:]
		case '=', '<':
			f.native, s = false, s[1:]
		case '>', '!':
			f.native, f.order, s = false, binary.BigEndian, s[1:]
		}
	}
	off := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		count := 1
		if c >= '0' && c <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(s[i:j])
			if err != nil {
				return nil, structError("total struct size too long")
			}
			if j >= len(s) {
				return nil, structError("repeat count given without format specifier")
			}
			count, i, c = n, j, s[j]
		}
		size, ok := structItemSize(c, f.native)
		if !ok {
			return nil, structError("bad char in struct format")
		}
		if f.native && size > 1 && c != 's' && c != 'p' && c != 'x' {
			off = (off + size - 1) / size * size
		}
		switch c {
		case 's', 'p':
			f.codes = append(f.codes, structCode{c, count, count, off})
			off += count
			f.nitems++
		case 'x':
			off += count
		default:
			for k := 0; k < count; k++ {
				f.codes = append(f.codes, structCode{c, 1, size, off})
				off += size
				f.nitems++
			}
		}
		i++
	}
	f.size = off
	structCache.Store(format, f)
	return f, nil
}

func structFormatArg(o Object) (string, error) {
	switch x := unwrap(o).(type) {
	case *Str:
		return x.s, nil
	case *Bytes:
		return string(x.b), nil
	}
	return "", TypeErrorf("Struct() argument 1 must be a str or bytes object, not %s", typeName(o))
}

func (f *structFormat) intRange(c structCode) (lo, hi *big.Int) {
	bits := uint(c.size * 8)
	switch c.code {
	case 'b', 'h', 'i', 'l', 'q', 'n':
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
	default:
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
		lo = big.NewInt(0)
	}
	return
}

func (f *structFormat) rangeError(c structCode) error {
	lo, hi := f.intRange(c)
	switch {
	case c.code == 'b':
		return structError("byte format requires -128 <= number <= 127")
	case c.code == 'B':
		return structError("ubyte format requires 0 <= number <= 255")
	case c.code == 'h':
		return structError("short format requires -32768 <= number <= 32767")
	case c.code == 'H':
		return structError("ushort format requires 0 <= number <= 65535")
	case c.size == 8:
		if f.native && (c.code == 'n' || c.code == 'N') {
			return structError("argument out of range")
		}
		if !f.native {
			return structError("argument out of range")
		}
	}
	return structError("'" + string(c.code) + "' format requires " + lo.String() + " <= number <= " + hi.String())
}

func (f *structFormat) pack(t *Thread, args []Object, buf []byte) error {
	if len(args) != f.nitems {
		return structError("pack expected " + itoa(f.nitems) + " items for packing (got " + itoa(len(args)) + ")")
	}
	for i, c := range f.codes {
		v := args[i]
		b := buf[c.offset : c.offset+c.size]
		switch c.code {
		case 'c':
			bs, ok := unwrap(v).(*Bytes)
			if !ok || len(bs.b) != 1 {
				if ba, ok := unwrap(v).(*ByteArray); ok && len(ba.snapshot()) == 1 {
					b[0] = ba.snapshot()[0]
					continue
				}
				return structError("char format requires a bytes object of length 1")
			}
			b[0] = bs.b[0]
		case '?':
			tv, err := IsTrue(t, v)
			if err != nil {
				return err
			}
			b[0] = 0
			if tv {
				b[0] = 1
			}
		case 's', 'p':
			data, ok := bytesLike(v)
			if !ok {
				return structError("argument for '" + string(c.code) + "' must be a bytes object")
			}
			for k := range b {
				b[k] = 0
			}
			if c.code == 's' {
				copy(b, data)
				continue
			}
			if c.count == 0 {
				continue
			}
			n := min(len(data), c.count-1, 255)
			copy(b[1:], data[:n])
			b[0] = byte(n)
		case 'e', 'f', 'd':
			x, err := structFloat(t, v)
			if err != nil {
				return err
			}
			switch c.code {
			case 'd':
				f.order.PutUint64(b, math.Float64bits(x))
			case 'f':
				if math.Abs(x) > math.MaxFloat32 && !math.IsInf(x, 0) && !math.IsNaN(x) {
					return NewError(OverflowErrorType, "float too large to pack with f format")
				}
				f.order.PutUint32(b, math.Float32bits(float32(x)))
			default:
				h, err := float16Bits(x)
				if err != nil {
					return err
				}
				f.order.PutUint16(b, h)
			}
		default:
			iv, err := structInt(t, v)
			if err != nil {
				return err
			}
			lo, hi := f.intRange(c)
			if iv.Cmp(lo) < 0 || iv.Cmp(hi) > 0 {
				// what does not fit a C (unsigned) long long, or a negative
				// number for an unsigned standard-size code, fails the
				// conversion itself (CPython's message)
				signed := lo.Sign() < 0
				fitsC := iv.IsInt64() || (iv.Sign() > 0 && iv.IsUint64())
				if (signed && !iv.IsInt64()) || !fitsC || (!signed && c.size >= 4 && iv.Sign() < 0) {
					return structError("argument out of range")
				}
				return f.rangeError(c)
			}
			u := new(big.Int).Set(iv)
			if u.Sign() < 0 {
				u.Add(u, new(big.Int).Lsh(big.NewInt(1), uint(c.size*8)))
			}
			w := u.Uint64()
			switch c.size {
			case 1:
				b[0] = byte(w)
			case 2:
				f.order.PutUint16(b, uint16(w))
			case 4:
				f.order.PutUint32(b, uint32(w))
			default:
				f.order.PutUint64(b, w)
			}
		}
	}
	return nil
}

func structInt(t *Thread, v Object) (*big.Int, error) {
	if _, ok := unwrap(v).(Float); ok {
		return nil, structError("required argument is not an integer")
	}
	if LoadPtr(&v.Type().Index) == nil {
		return nil, structError("required argument is not an integer")
	}
	return AsBig(t, v)
}

func structFloat(t *Thread, v Object) (float64, error) {
	switch x := unwrap(v).(type) {
	case Float:
		return float64(x), nil
	case Int:
		return float64(x), nil
	case Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	if LoadPtr(&v.Type().Float) == nil && LoadPtr(&v.Type().Index) == nil {
		return 0, structError("required argument is not a float")
	}
	r, err := Call(t, FloatType, []Object{v}, nil)
	if err != nil {
		return 0, err
	}
	x, _ := unwrap(r).(Float)
	return float64(x), nil
}

// float16Bits rounds x to IEEE 754 binary16 (half to even).
func float16Bits(x float64) (uint16, error) {
	bits := math.Float64bits(x)
	sign := uint16(bits>>48) & 0x8000
	if math.IsNaN(x) {
		return sign | 0x7e00, nil
	}
	ax := math.Abs(x)
	if math.IsInf(x, 0) {
		return sign | 0x7c00, nil
	}
	if ax == 0 {
		return sign, nil
	}
	frac, exp := math.Frexp(ax) // ax = frac * 2^exp, frac in [0.5, 1)
	e := exp - 1                // ax = m * 2^e, m in [1, 2)
	if e < -14 {
		// subnormal: units of 2^-24
		m := math.RoundToEven(ax * (1 << 24))
		if m >= 1024 {
			return sign | 0x0400, nil
		}
		return sign | uint16(m), nil
	}
	m := math.RoundToEven((frac*2 - 1) * 1024)
	if m == 1024 {
		m = 0
		e++
	}
	if e > 15 {
		return 0, NewError(OverflowErrorType, "float too large to pack with e format")
	}
	return sign | uint16(e+15)<<10 | uint16(m), nil
}

func float16Value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * m * math.Pow(2, -24)
	case 31:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * (1 + m/1024) * math.Pow(2, float64(e-15))
}

func (f *structFormat) unpack(b []byte) []Object {
	out := make([]Object, 0, f.nitems)
	for _, c := range f.codes {
		p := b[c.offset : c.offset+c.size]
		switch c.code {
		case 'c':
			out = append(out, NewBytes([]byte{p[0]}))
		case '?':
			out = append(out, Bool(p[0] != 0))
		case 's':
			out = append(out, NewBytes(append([]byte(nil), p...)))
		case 'p':
			if c.count == 0 {
				out = append(out, NewBytes(nil))
				continue
			}
			n := min(int(p[0]), c.count-1)
			out = append(out, NewBytes(append([]byte(nil), p[1:1+n]...)))
		case 'd':
			out = append(out, Float(math.Float64frombits(f.order.Uint64(p))))
		case 'f':
			out = append(out, Float(math.Float32frombits(f.order.Uint32(p))))
		case 'e':
			out = append(out, Float(float16Value(f.order.Uint16(p))))
		default:
			var w uint64
			switch c.size {
			case 1:
				w = uint64(p[0])
			case 2:
				w = uint64(f.order.Uint16(p))
			case 4:
				w = uint64(f.order.Uint32(p))
			default:
				w = f.order.Uint64(p)
			}
			switch c.code {
			case 'b', 'h', 'i', 'l', 'q', 'n':
				shift := 64 - uint(c.size*8)
				out = append(out, Int(int64(w<<shift)>>shift))
			default:
				if w > math.MaxInt64 {
					out = append(out, intFromBig(new(big.Int).SetUint64(w)))
				} else {
					out = append(out, Int(int64(w)))
				}
			}
		}
	}
	return out
}

func (f *structFormat) packBytes(t *Thread, args []Object) (Object, error) {
	buf := make([]byte, f.size)
	if err := f.pack(t, args, buf); err != nil {
		return nil, err
	}
	return NewBytes(buf), nil
}

func (f *structFormat) unpackFrom(t *Thread, buffer Object, offset int, exact bool) (Object, error) {
	data, ok := bytesLikeT(t, buffer)
	if !ok {
		return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(buffer))
	}
	if exact {
		if len(data) != f.size {
			return nil, structError("unpack requires a buffer of " + itoa(f.size) + " bytes")
		}
	} else {
		if offset < 0 {
			if offset+len(data) < 0 {
				return nil, structError("offset " + itoa(offset) + " out of range for " + itoa(len(data)) + "-byte buffer")
			}
			offset += len(data)
		}
		if len(data)-offset < f.size {
			if offset > len(data) {
				return nil, structError("offset " + itoa(offset) + " out of range for " + itoa(len(data)) + "-byte buffer")
			}
			return nil, structError("unpack_from requires a buffer of at least " + itoa(f.size+offset) +
				" bytes for unpacking " + itoa(f.size) + " bytes at offset " + itoa(offset) +
				" (actual buffer size is " + itoa(len(data)) + ")")
		}
		data = data[offset:]
	}
	return NewTuple(f.unpack(data[:f.size])...), nil
}

func (f *structFormat) packInto(t *Thread, args []Object) (Object, error) {
	if len(args) < 2 {
		return nil, TypeErrorf("pack_into expected buffer argument")
	}
	ba, ok := unwrap(args[0]).(*ByteArray)
	var target []byte
	if ok {
		ba.mu.Lock()
		defer ba.mu.Unlock()
		target = ba.b
	} else if mv, ok := unwrap(args[0]).(*MemoryView); ok && !mv.readonly() {
		obj, start, n, contiguous := mv.View()
		b, ok := unwrap(obj).(*ByteArray)
		if !ok || !contiguous {
			return nil, TypeErrorf("argument must be read-write bytes-like object, not memoryview")
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		target = b.b[start : start+n]
	} else {
		return nil, TypeErrorf("argument must be read-write bytes-like object, not %s", typeName(args[0]))
	}
	off, err := IndexInt(t, args[1])
	if err != nil {
		return nil, err
	}
	if off < 0 {
		if off+len(target) < 0 {
			return nil, structError("offset " + itoa(off) + " out of range for " + itoa(len(target)) + "-byte buffer")
		}
		off += len(target)
	}
	if len(target)-off < f.size {
		if off > len(target) {
			return nil, structError("offset " + itoa(off) + " out of range for " + itoa(len(target)) + "-byte buffer")
		}
		return nil, structError("pack_into requires a buffer of at least " + itoa(f.size+off) +
			" bytes for packing " + itoa(f.size) + " bytes at offset " + itoa(off) +
			" (actual buffer size is " + itoa(len(target)) + ")")
	}
	buf := make([]byte, f.size)
	if err := f.pack(t, args[2:], buf); err != nil {
		return nil, err
	}
	copy(target[off:], buf)
	return None, nil
}

func (f *structFormat) iterUnpack(t *Thread, buffer Object) (Object, error) {
	data, ok := bytesLike(buffer)
	if !ok {
		return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(buffer))
	}
	if f.size == 0 {
		return nil, structError("cannot iteratively unpack with a struct of length 0")
	}
	if len(data)%f.size != 0 {
		return nil, structError("iterative unpacking requires a buffer of a multiple of " + itoa(f.size) + " bytes")
	}
	var items []Object
	for off := 0; off < len(data); off += f.size {
		items = append(items, NewTuple(f.unpack(data[off:off+f.size])...))
	}
	return Iter(t, NewList(items...))
}

func init() {
	StructType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var fo Object
		if err := ParseArgs("Struct", args, kw, []string{"format"}, 1, &fo); err != nil {
			return nil, err
		}
		s, err := structFormatArg(fo)
		if err != nil {
			return nil, err
		}
		f, err := compileStruct(s)
		if err != nil {
			return nil, err
		}
		return &StructObj{f}, nil
	}
	self := func(o Object) *structFormat { return o.(*StructObj).f }
	StructType.AddGetSet("format", func(t *Thread, o Object) (Object, error) { return NewStr(self(o).format), nil }, nil)
	StructType.AddGetSet("size", func(t *Thread, o Object) (Object, error) { return Int(self(o).size), nil }, nil)
	StructType.AddMethod("pack", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		return self(o).packBytes(t, args)
	})
	StructType.AddMethod("pack_into", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		return self(o).packInto(t, args)
	})
	StructType.AddMethod("unpack", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("unpack() takes exactly one argument (%d given)", len(args))
		}
		return self(o).unpackFrom(t, args[0], 0, true)
	})
	StructType.AddMethod("unpack_from", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var buf, off Object = nil, Int(0)
		if err := ParseArgs("unpack_from", args, kw, []string{"buffer", "offset"}, 1, &buf, &off); err != nil {
			return nil, err
		}
		n, err := IndexInt(t, off)
		if err != nil {
			return nil, err
		}
		return self(o).unpackFrom(t, buf, n, false)
	})
	StructType.AddMethod("iter_unpack", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("iter_unpack() takes exactly one argument (%d given)", len(args))
		}
		return self(o).iterUnpack(t, args[0])
	})
	registerType(StructType)

	RegisterNativeModule("_struct", func(t *Thread) (*Module, error) {
		m := NewModule("_struct")
		var err error
		structErrorOnce.Do(func() {
			ns := NewDict()
			ns.SetStr("__module__", NewStr("struct"))
			var et Object
			et, err = Call(t, TypeType, []Object{NewStr("error"), NewTuple(ExceptionType), ns}, nil)
			if err == nil {
				structErrorType = et.(*Type)
			}
		})
		if err != nil {
			return nil, err
		}
		StructType.Dict.SetStr("__module__", NewStr("_struct"))
		m.dict.SetStr("error", structErrorType)
		m.dict.SetStr("Struct", StructType)
		fmtOf := func(o Object) (*structFormat, error) {
			s, err := structFormatArg(o)
			if err != nil {
				return nil, err
			}
			return compileStruct(s)
		}
		m.AddFunc("calcsize", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("calcsize() takes exactly one argument (%d given)", len(args))
			}
			f, err := fmtOf(args[0])
			if err != nil {
				return nil, err
			}
			return Int(f.size), nil
		})
		m.AddFunc("pack", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) < 1 {
				return nil, TypeErrorf("pack expected at least 1 argument, got 0")
			}
			f, err := fmtOf(args[0])
			if err != nil {
				return nil, err
			}
			return f.packBytes(t, args[1:])
		})
		m.AddFunc("pack_into", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) < 3 {
				return nil, TypeErrorf("pack_into expected at least 3 arguments, got %d", len(args))
			}
			f, err := fmtOf(args[0])
			if err != nil {
				return nil, err
			}
			return f.packInto(t, args[1:])
		})
		m.AddFunc("unpack", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 2 {
				return nil, TypeErrorf("unpack expected 2 arguments, got %d", len(args))
			}
			f, err := fmtOf(args[0])
			if err != nil {
				return nil, err
			}
			return f.unpackFrom(t, args[1], 0, true)
		})
		m.AddFunc("unpack_from", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var fo, buf, off Object = nil, nil, Int(0)
			if err := ParseArgs("unpack_from", args, kw, []string{"format", "buffer", "offset"}, 2, &fo, &buf, &off); err != nil {
				return nil, err
			}
			f, err := fmtOf(fo)
			if err != nil {
				return nil, err
			}
			n, err := IndexInt(t, off)
			if err != nil {
				return nil, err
			}
			return f.unpackFrom(t, buf, n, false)
		})
		m.AddFunc("iter_unpack", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 2 {
				return nil, TypeErrorf("iter_unpack expected 2 arguments, got %d", len(args))
			}
			f, err := fmtOf(args[0])
			if err != nil {
				return nil, err
			}
			return f.iterUnpack(t, args[1])
		})
		m.AddFunc("_clearcache", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			structCache.Range(func(k, _ any) bool { structCache.Delete(k); return true })
			return None, nil
		})
		return m, nil
	})
}
