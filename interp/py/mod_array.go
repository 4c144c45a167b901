package py

import (
	"encoding/binary"
	"math"
	"math/big"
	"strings"
	"sync"
	"unsafe"
)

// array: typed arrays of numbers (CPython's Modules/arraymodule.c). An
// array keeps its items as raw machine bytes (little-endian, LP64, 'u' as
// a 4-byte wchar_t), so tobytes/frombytes are copies and memoryview
// exposes the live buffer (bufferExporter). Every operation on the bytes
// holds the array's lock; converting Python values to items (which can
// run __index__ or __float__) happens before taking it.
//
// Unlike CPython, resizing an array while a memoryview of it exists is not
// refused (as for bytearray in memoryview.go): the view then sees the
// current bytes, and an item past the end raises IndexError.

const arrayTypecodes = "bBuhHiIlLqQfd"

var (
	ArrayType     = newBuiltinType("array", ObjectType)
	ArrayIterType = newBuiltinType("arrayiterator", ObjectType)
)

// Array is an array.array.
type Array struct {
	mu   sync.Mutex
	tc   byte
	size int
	b    []byte
}

// Type returns array.array.
func (*Array) Type() *Type { return ArrayType }

// bufferExporter is a native object whose memory memoryview and the
// bytes-like consumers can use (buffer protocol).
type bufferExporter interface {
	Object
	// withBuffer runs fn on the live bytes under the object's lock.
	withBuffer(fn func(b []byte) error) error
	// bufferFormat is the view's struct format and item size.
	bufferFormat() (format string, itemsize int)
}

func (a *Array) withBuffer(fn func(b []byte) error) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return fn(a.b)
}

func (a *Array) bufferFormat() (string, int) {
	if a.tc == 'u' {
		return "w", 4
	}
	return string(a.tc), a.size
}

// exporterBytes copies an exporter's bytes.
func exporterBytes(e bufferExporter) []byte {
	var out []byte
	e.withBuffer(func(b []byte) error {
		out = append([]byte(nil), b...)
		return nil
	})
	return out
}

// exporterView is memoryview(e): 1-D over the exporter's items.
func exporterView(o Object, e bufferExporter) *MemoryView {
	format, size := e.bufferFormat()
	n := 0
	e.withBuffer(func(b []byte) error { n = len(b) / size; return nil })
	return &MemoryView{obj: o, format: format, code: format[0], itemsize: size, shape: []int{n}, strides: []int{size}}
}

func arrayItemSize(tc byte) int {
	switch tc {
	case 'b', 'B':
		return 1
	case 'h', 'H':
		return 2
	case 'u', 'i', 'I', 'f':
		return 4
	}
	return 8
}

func arrayOf(o Object) (*Array, bool) {
	a, ok := unwrap(o).(*Array)
	return a, ok
}

func arraySelf(o Object) *Array { a, _ := arrayOf(o); return a }

func (a *Array) length() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.b) / a.size
}

func (a *Array) snapshot() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]byte(nil), a.b...)
}

// decode reads the item at p.
func (a *Array) decode(p []byte) Object {
	switch a.tc {
	case 'b':
		return Int(int8(p[0]))
	case 'B':
		return Int(p[0])
	case 'h':
		return Int(int16(binary.LittleEndian.Uint16(p)))
	case 'H':
		return Int(binary.LittleEndian.Uint16(p))
	case 'i':
		return Int(int32(binary.LittleEndian.Uint32(p)))
	case 'I':
		return Int(binary.LittleEndian.Uint32(p))
	case 'l', 'q':
		return Int(int64(binary.LittleEndian.Uint64(p)))
	case 'L', 'Q':
		v := binary.LittleEndian.Uint64(p)
		if v > math.MaxInt64 {
			return NewIntFromBig(new(big.Int).SetUint64(v))
		}
		return Int(v)
	case 'f':
		return Float(math.Float32frombits(binary.LittleEndian.Uint32(p)))
	case 'd':
		return Float(math.Float64frombits(binary.LittleEndian.Uint64(p)))
	case 'u':
		return NewStr(string(rune(binary.LittleEndian.Uint32(p))))
	}
	return None
}

func (a *Array) items() []Object {
	b := a.snapshot()
	out := make([]Object, len(b)/a.size)
	for i := range out {
		out[i] = a.decode(b[i*a.size:])
	}
	return out
}

func overflow(msg string) error { return Errorf(OverflowErrorType, "%s", msg) }

// arrayLong is PyLong_AsLong after __index__, for the integer typecodes.
func arrayIndexValue(t *Thread, v Object) (Object, error) {
	if !isIntLike(v) && LoadPtr(&v.Type().Index) == nil {
		return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	return Index(t, v)
}

// encode converts v to one item, with CPython's messages (which come from
// the PyArg_Parse format each typecode uses, hence their variety).
func (a *Array) encode(t *Thread, v Object) ([]byte, error) {
	p := make([]byte, a.size)
	switch a.tc {
	case 'f', 'd':
		f, err := mathFloat(t, v)
		if err != nil {
			return nil, err
		}
		if a.tc == 'f' {
			binary.LittleEndian.PutUint32(p, math.Float32bits(float32(f)))
		} else {
			binary.LittleEndian.PutUint64(p, math.Float64bits(f))
		}
		return p, nil
	case 'u':
		s, ok := unwrap(v).(*Str)
		if !ok {
			return nil, TypeErrorf("array item must be unicode character")
		}
		r := []rune(s.s)
		if len(r) != 1 {
			return nil, TypeErrorf("array item must be unicode character")
		}
		binary.LittleEndian.PutUint32(p, uint32(r[0]))
		return p, nil
	}
	iv, err := arrayIndexValue(t, v)
	if err != nil {
		return nil, err
	}
	bi, isBig := unwrapInt(iv).(*BigInt)
	var n int64
	if !isBig {
		n = int64(unwrapInt(iv).(Int))
	}
	neg := (isBig && bi.v.Sign() < 0) || (!isBig && n < 0)
	tooLong := "Python int too large to convert to C long"
	switch a.tc {
	case 'b', 'h', 'i', 'l', 'B', 'H':
		if isBig {
			return nil, overflow(tooLong)
		}
	}
	switch a.tc {
	case 'b':
		switch {
		case n < math.MinInt16:
			return nil, overflow("signed short integer is less than minimum")
		case n > math.MaxInt16:
			return nil, overflow("signed short integer is greater than maximum")
		case n < math.MinInt8:
			return nil, overflow("signed char is less than minimum")
		case n > math.MaxInt8:
			return nil, overflow("signed char is greater than maximum")
		}
		p[0] = byte(n)
	case 'B':
		if n < 0 {
			return nil, overflow("unsigned byte integer is less than minimum")
		}
		if n > math.MaxUint8 {
			return nil, overflow("unsigned byte integer is greater than maximum")
		}
		p[0] = byte(n)
	case 'h':
		if n < math.MinInt16 {
			return nil, overflow("signed short integer is less than minimum")
		}
		if n > math.MaxInt16 {
			return nil, overflow("signed short integer is greater than maximum")
		}
		binary.LittleEndian.PutUint16(p, uint16(n))
	case 'H':
		switch {
		case n < math.MinInt32:
			return nil, overflow("signed integer is less than minimum")
		case n > math.MaxInt32:
			return nil, overflow("signed integer is greater than maximum")
		case n < 0:
			return nil, overflow("unsigned short is less than minimum")
		case n > math.MaxUint16:
			return nil, overflow("unsigned short is greater than maximum")
		}
		binary.LittleEndian.PutUint16(p, uint16(n))
	case 'i':
		if n < math.MinInt32 {
			return nil, overflow("signed integer is less than minimum")
		}
		if n > math.MaxInt32 {
			return nil, overflow("signed integer is greater than maximum")
		}
		binary.LittleEndian.PutUint32(p, uint32(n))
	case 'l':
		binary.LittleEndian.PutUint64(p, uint64(n))
	case 'q':
		if isBig {
			return nil, overflow("int too big to convert")
		}
		binary.LittleEndian.PutUint64(p, uint64(n))
	case 'I', 'L':
		if neg {
			return nil, overflow("can't convert negative value to unsigned int")
		}
		var u uint64
		if isBig {
			if bi.v.BitLen() > 64 {
				return nil, overflow("Python int too large to convert to C unsigned long")
			}
			u = bi.v.Uint64()
		} else {
			u = uint64(n)
		}
		if a.tc == 'I' {
			if u > math.MaxUint32 {
				return nil, overflow("unsigned int is greater than maximum")
			}
			binary.LittleEndian.PutUint32(p, uint32(u))
		} else {
			binary.LittleEndian.PutUint64(p, u)
		}
	case 'Q':
		if neg {
			return nil, overflow("can't convert negative int to unsigned")
		}
		if isBig {
			if bi.v.BitLen() > 64 {
				return nil, overflow("int too big to convert")
			}
			binary.LittleEndian.PutUint64(p, bi.v.Uint64())
		} else {
			binary.LittleEndian.PutUint64(p, uint64(n))
		}
	}
	return p, nil
}

// encodeAll converts values to items.
func (a *Array) encodeAll(t *Thread, vals []Object) ([]byte, error) {
	out := make([]byte, 0, len(vals)*a.size)
	for _, v := range vals {
		p, err := a.encode(t, v)
		if err != nil {
			return nil, err
		}
		out = append(out, p...)
	}
	return out, nil
}

// newArrayLike makes an array of o's class (array.array for subclasses,
// as CPython's slicing and concatenation do) with typecode tc.
func newArray(tc byte, b []byte) *Array {
	return &Array{tc: tc, size: arrayItemSize(tc), b: b}
}

func wrapArray(typ *Type, a *Array) Object {
	if typ == ArrayType {
		return a
	}
	return newSubclassInstance(typ, a)
}

func (a *Array) appendBytes(p []byte) {
	a.mu.Lock()
	a.b = append(a.b, p...)
	a.mu.Unlock()
}

// extendFrom is array.extend(o).
func (a *Array) extendFrom(t *Thread, o Object, inplace bool) error {
	if other, ok := arrayOf(o); ok {
		if other.tc != a.tc {
			return TypeErrorf("can only extend with array of same kind")
		}
		a.appendBytes(other.snapshot())
		return nil
	}
	if inplace {
		return TypeErrorf("can only extend array with array (not \"%s\")", typeName(o))
	}
	vals, err := ToSlice(t, o)
	if err != nil {
		return err
	}
	p, err := a.encodeAll(t, vals)
	if err != nil {
		return err
	}
	a.appendBytes(p)
	return nil
}

func (a *Array) frombytes(o Object) error {
	data, ok := bytesLike(o)
	if !ok {
		return TypeErrorf("a bytes-like object is required, not '%s'", typeName(o))
	}
	if len(data)%a.size != 0 {
		return ValueErrorf("bytes length not a multiple of item size")
	}
	a.appendBytes(data)
	return nil
}

func (a *Array) fromunicode(s string) {
	p := make([]byte, 0, 4*len(s))
	for _, r := range s {
		p = binary.LittleEndian.AppendUint32(p, uint32(r))
	}
	a.appendBytes(p)
}

func (a *Array) tounicode() string {
	b := a.snapshot()
	var sb strings.Builder
	for i := 0; i+4 <= len(b); i += 4 {
		sb.WriteRune(rune(binary.LittleEndian.Uint32(b[i:])))
	}
	return sb.String()
}

func typecodeArg(o Object) (byte, error) {
	s, ok := unwrap(o).(*Str)
	if !ok || len([]rune(s.s)) != 1 {
		what := typeName(o)
		if ok {
			what = "a string of length " + itoa(len([]rune(s.s)))
		}
		if ok {
			return 0, TypeErrorf("array() argument 1 must be a unicode character, not str")
		}
		return 0, TypeErrorf("array() argument 1 must be a unicode character, not %s", what)
	}
	if len(s.s) != 1 || strings.IndexByte(arrayTypecodes, s.s[0]) < 0 {
		return 0, ValueErrorf("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
	}
	return s.s[0], nil
}

func arrayNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 && typ == ArrayType {
		return nil, TypeErrorf("array.array() takes no keyword arguments")
	}
	pos := args[:len(args)-len(kw)]
	if len(pos) < 1 {
		return nil, TypeErrorf("array() takes at least 1 argument (0 given)")
	}
	if len(pos) > 2 {
		return nil, TypeErrorf("array() takes at most 2 arguments (%d given)", len(pos))
	}
	tc, err := typecodeArg(pos[0])
	if err != nil {
		return nil, err
	}
	a := newArray(tc, nil)
	if len(pos) == 2 {
		init := pos[1]
		switch x := unwrap(init).(type) {
		case *Str:
			if tc != 'u' {
				return nil, TypeErrorf("cannot use a str to initialize an array with typecode '%c'", tc)
			}
			a.fromunicode(x.s)
		case *Array:
			if x.tc == 'u' && tc != 'u' {
				return nil, TypeErrorf("cannot use a unicode array to initialize an array with typecode '%c'", tc)
			}
			if x.tc == tc {
				a.b = x.snapshot()
			} else if err := a.extendFrom(t, NewList(x.items()...), false); err != nil {
				return nil, err
			}
		case *Bytes, *ByteArray:
			if err := a.frombytes(init); err != nil {
				return nil, err
			}
		default:
			if err := a.extendFrom(t, init, false); err != nil {
				return nil, err
			}
		}
	}
	return wrapArray(typ, a), nil
}

// arrayIndex converts an item index (IndexError msg when out of range).
func arrayIndex(t *Thread, key Object, n int, msg string) (int, error) {
	i, err := IndexInt(t, key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, NewError(IndexErrorType, msg)
	}
	return i, nil
}

func arrayGetItem(t *Thread, o, key Object) (Object, error) {
	a := arraySelf(o)
	if sl, ok := key.(*Slice); ok {
		a.mu.Lock()
		defer a.mu.Unlock()
		start, _, step, n, err := sliceIndices(t, sl, len(a.b)/a.size)
		if err != nil {
			return nil, err
		}
		out := make([]byte, 0, n*a.size)
		for i := 0; i < n; i++ {
			j := (start + i*step) * a.size
			out = append(out, a.b[j:j+a.size]...)
		}
		return newArray(a.tc, out), nil
	}
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return nil, TypeErrorf("array indices must be integers")
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	i, err := arrayIndex(t, key, len(a.b)/a.size, "array index out of range")
	if err != nil {
		return nil, err
	}
	return a.decode(a.b[i*a.size:]), nil
}

func arraySetItem(t *Thread, o, key, v Object) error {
	a := arraySelf(o)
	if sl, ok := key.(*Slice); ok {
		return a.setSlice(t, sl, v)
	}
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return TypeErrorf("array indices must be integers")
	}
	var p []byte
	if v != nil {
		var err error
		if p, err = a.encode(t, v); err != nil {
			return err
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	i, err := arrayIndex(t, key, len(a.b)/a.size, "array assignment index out of range")
	if err != nil {
		return err
	}
	if v == nil {
		a.b = append(a.b[:i*a.size], a.b[(i+1)*a.size:]...)
		return nil
	}
	copy(a.b[i*a.size:], p)
	return nil
}

// setSlice is a[sl] = v (v nil: del a[sl]).
func (a *Array) setSlice(t *Thread, sl *Slice, v Object) error {
	var src []byte
	if v != nil {
		other, ok := arrayOf(v)
		if !ok {
			return TypeErrorf("can only assign array (not \"%s\") to array slice", typeName(v))
		}
		if other.tc != a.tc {
			return TypeErrorf("bad argument type for built-in operation")
		}
		src = other.snapshot() // a[:] = a works on a copy
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	size := a.size
	start, stop, step, n, err := sliceIndices(t, sl, len(a.b)/size)
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		nb := make([]byte, 0, len(a.b)-(stop-start)*size+len(src))
		nb = append(nb, a.b[:start*size]...)
		nb = append(nb, src...)
		nb = append(nb, a.b[stop*size:]...)
		a.b = nb
		return nil
	}
	if v == nil {
		drop := make(map[int]bool, n)
		for i := 0; i < n; i++ {
			drop[start+i*step] = true
		}
		nb := make([]byte, 0, len(a.b)-n*size)
		for i := 0; i < len(a.b)/size; i++ {
			if !drop[i] {
				nb = append(nb, a.b[i*size:(i+1)*size]...)
			}
		}
		a.b = nb
		return nil
	}
	if len(src)/size != n {
		return ValueErrorf("attempt to assign array of size %d to extended slice of size %d", len(src)/size, n)
	}
	for i := 0; i < n; i++ {
		j := (start + i*step) * size
		copy(a.b[j:j+size], src[i*size:(i+1)*size])
	}
	return nil
}

func arrayRepr(t *Thread, o Object) (Object, error) {
	a := arraySelf(o)
	name := typeName(o)
	if o.Type() == ArrayType {
		name = "array"
	} else {
		name = o.Type().Name()
	}
	if a.length() == 0 {
		return NewStr(name + "('" + string(a.tc) + "')"), nil
	}
	var r Object
	var err error
	if a.tc == 'u' {
		r, err = Repr(t, NewStr(a.tounicode()))
	} else {
		r, err = Repr(t, NewList(a.items()...))
	}
	if err != nil {
		return nil, err
	}
	return NewStr(name + "('" + string(a.tc) + "', " + r.(*Str).s + ")"), nil
}

// find returns the first index in [start, stop) whose item equals v.
func (a *Array) find(t *Thread, v Object, start, stop int) (int, error) {
	items := a.items()
	if stop > len(items) {
		stop = len(items)
	}
	for i := start; i < stop; i++ {
		eq, err := Equal(t, items[i], v)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// arrayCompare is array_richcompare: items compare with ==, without the
// identity shortcut of list comparison (a NaN item differs from itself).
func arrayCompare(t *Thread, x, y []Object, op CompareOp) (Object, error) {
	return seqCompareBy(t, x, y, op, richEqual)
}

// richEqual is a == b through __eq__ only, with no identity shortcut.
func richEqual(t *Thread, a, b Object) (bool, error) {
	r, err := RichCompare(t, a, b, EQ)
	if err != nil {
		return false, err
	}
	return IsTrue(t, r)
}

type arrayIter struct {
	mu  sync.Mutex
	a   *Array
	pos int
}

func (*arrayIter) Type() *Type { return ArrayIterType }

func arrayMethod(name string, fn func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error)) {
	ArrayType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		a, ok := arrayOf(self)
		if !ok {
			return nil, TypeErrorf("descriptor '%s' for 'array.array' objects doesn't apply to a '%s' object", name, typeName(self))
		}
		return fn(t, self, a, args, kw)
	})
}

// arrayNoArgs checks a method that takes no arguments.
func arrayNoArgs(name string, args []Object) error {
	if len(args) != 0 {
		return TypeErrorf("%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

func arrayOneArg(name string, args []Object, kw []string) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

func init() {
	at := ArrayType
	at.New = arrayNew
	at.Repr = arrayRepr
	at.Hash = unhashable
	at.Dict.SetStr("__hash__", None)
	at.Len = func(t *Thread, o Object) (int, error) { return arraySelf(o).length(), nil }
	at.Bool = func(t *Thread, o Object) (bool, error) { return arraySelf(o).length() > 0, nil }
	at.GetItem = arrayGetItem
	at.SetItem = arraySetItem
	at.Contains = func(t *Thread, o, v Object) (bool, error) {
		i, err := arraySelf(o).find(t, v, 0, math.MaxInt)
		return i >= 0, err
	}
	at.Iter = func(t *Thread, o Object) (Object, error) { return &arrayIter{a: arraySelf(o)}, nil }
	at.RichCompare = func(t *Thread, x, y Object, op CompareOp) (Object, error) {
		a, ok1 := arrayOf(x)
		b, ok2 := arrayOf(y)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return arrayCompare(t, a.items(), b.items(), op)
	}
	at.Num[NbAdd] = func(t *Thread, x, y Object) (Object, error) {
		a, ok := arrayOf(x)
		if !ok {
			return NotImplemented, nil
		}
		b, ok := arrayOf(y)
		if !ok {
			return nil, TypeErrorf("can only append array (not \"%s\") to array", typeName(y))
		}
		if a.tc != b.tc {
			return nil, TypeErrorf("bad argument type for built-in operation")
		}
		return newArray(a.tc, append(a.snapshot(), b.snapshot()...)), nil
	}
	at.INum[NbAdd] = func(t *Thread, x, y Object) (Object, error) {
		a, ok := arrayOf(x)
		if !ok {
			return NotImplemented, nil
		}
		return x, a.extendFrom(t, y, true)
	}
	repeat := func(b []byte, n int) []byte {
		if n <= 0 || len(b) == 0 {
			return []byte{}
		}
		if len(b)*n/n != len(b) || len(b)*n > 1<<40 {
			return nil
		}
		return []byte(strings.Repeat(string(b), n))
	}
	at.Num[NbMul] = func(t *Thread, x, y Object) (Object, error) {
		s, n, ok, err := seqRepeatArgs(t, x, y, ArrayType)
		if err != nil {
			return nil, err
		}
		if !ok {
			// CPython tries the left operand's sequence repeat first:
			// 'ab' * array names the array, array * 'ab' the str
			other := y
			if _, isArr := arrayOf(x); !isArr && !hasSeqRepeat(x) {
				other = x
			}
			return nil, TypeErrorf("can't multiply sequence by non-int of type '%s'", typeName(other))
		}
		a := arraySelf(s)
		out := repeat(a.snapshot(), n)
		if out == nil {
			return nil, NewException(MemoryErrorType)
		}
		return newArray(a.tc, out), nil
	}
	at.INum[NbMul] = func(t *Thread, x, y Object) (Object, error) {
		a, ok := arrayOf(x)
		if !ok || (!isIntLike(y) && LoadPtr(&y.Type().Index) == nil) {
			return NotImplemented, nil
		}
		n, err := IndexInt(t, y)
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		out := repeat(a.b, n)
		if out == nil {
			return nil, NewException(MemoryErrorType)
		}
		a.b = out
		return x, nil
	}
	at.AddGetSet("typecode", func(t *Thread, o Object) (Object, error) {
		return NewStr(string(arraySelf(o).tc)), nil
	}, nil)
	at.AddGetSet("itemsize", func(t *Thread, o Object) (Object, error) {
		return Int(arraySelf(o).size), nil
	}, nil)

	arrayMethod("append", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.append", args, kw); err != nil {
			return nil, err
		}
		p, err := a.encode(t, args[0])
		if err != nil {
			return nil, err
		}
		a.appendBytes(p)
		return None, nil
	})
	arrayMethod("extend", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.extend", args, kw); err != nil {
			return nil, err
		}
		return None, a.extendFrom(t, args[0], false)
	})
	arrayMethod("insert", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("insert expected 2 arguments, got %d", len(args))
		}
		i, err := IndexInt(t, args[0])
		if err != nil {
			return nil, err
		}
		p, err := a.encode(t, args[1])
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		n := len(a.b) / a.size
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		nb := make([]byte, 0, len(a.b)+a.size)
		nb = append(append(append(nb, a.b[:i*a.size]...), p...), a.b[i*a.size:]...)
		a.b = nb
		return None, nil
	})
	arrayMethod("pop", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if len(args) > 1 {
			return nil, TypeErrorf("pop expected at most 1 argument, got %d", len(args))
		}
		i := -1
		if len(args) == 1 {
			var err error
			if i, err = IndexInt(t, args[0]); err != nil {
				return nil, err
			}
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		n := len(a.b) / a.size
		if n == 0 {
			return nil, NewError(IndexErrorType, "pop from empty array")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, NewError(IndexErrorType, "pop index out of range")
		}
		v := a.decode(a.b[i*a.size:])
		a.b = append(a.b[:i*a.size], a.b[(i+1)*a.size:]...)
		return v, nil
	})
	arrayMethod("remove", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.remove", args, kw); err != nil {
			return nil, err
		}
		i, err := a.find(t, args[0], 0, math.MaxInt)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, ValueErrorf("array.remove(x): x not in array")
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		if (i+1)*a.size <= len(a.b) {
			a.b = append(a.b[:i*a.size], a.b[(i+1)*a.size:]...)
		}
		return None, nil
	})
	arrayMethod("index", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if len(args) < 1 || len(args) > 3 {
			return nil, TypeErrorf("index expected at least 1 argument, got %d", len(args))
		}
		n := a.length()
		start, stop := 0, n
		var err error
		if len(args) > 1 {
			if start, err = sliceBound(t, args[1], n); err != nil {
				return nil, err
			}
		}
		if len(args) > 2 {
			if stop, err = sliceBound(t, args[2], n); err != nil {
				return nil, err
			}
		}
		i, err := a.find(t, args[0], start, stop)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, ValueErrorf("array.index(x): x not in array")
		}
		return Int(i), nil
	})
	arrayMethod("count", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.count", args, kw); err != nil {
			return nil, err
		}
		c := 0
		for _, x := range a.items() {
			eq, err := Equal(t, x, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				c++
			}
		}
		return Int(c), nil
	})
	arrayMethod("reverse", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayNoArgs("array.reverse", args); err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		n, s := len(a.b)/a.size, a.size
		tmp := make([]byte, s)
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
			copy(tmp, a.b[i*s:(i+1)*s])
			copy(a.b[i*s:(i+1)*s], a.b[j*s:(j+1)*s])
			copy(a.b[j*s:(j+1)*s], tmp)
		}
		return None, nil
	})
	arrayMethod("byteswap", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayNoArgs("array.byteswap", args); err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		for i := 0; i+a.size <= len(a.b); i += a.size {
			p := a.b[i : i+a.size]
			for x, y := 0, len(p)-1; x < y; x, y = x+1, y-1 {
				p[x], p[y] = p[y], p[x]
			}
		}
		return None, nil
	})
	arrayMethod("tobytes", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayNoArgs("array.tobytes", args); err != nil {
			return nil, err
		}
		return NewBytes(a.snapshot()), nil
	})
	arrayMethod("frombytes", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.frombytes", args, kw); err != nil {
			return nil, err
		}
		return None, a.frombytes(args[0])
	})
	arrayMethod("tolist", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayNoArgs("array.tolist", args); err != nil {
			return nil, err
		}
		return NewList(a.items()...), nil
	})
	arrayMethod("fromlist", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.fromlist", args, kw); err != nil {
			return nil, err
		}
		l, ok := unwrap(args[0]).(*List)
		if !ok {
			return nil, TypeErrorf("arg must be list")
		}
		p, err := a.encodeAll(t, l.snapshot())
		if err != nil {
			return nil, err
		}
		a.appendBytes(p)
		return None, nil
	})
	arrayMethod("tounicode", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayNoArgs("array.tounicode", args); err != nil {
			return nil, err
		}
		if a.tc != 'u' {
			return nil, ValueErrorf("tounicode() may only be called on unicode type arrays")
		}
		return NewStr(a.tounicode()), nil
	})
	arrayMethod("fromunicode", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.fromunicode", args, kw); err != nil {
			return nil, err
		}
		s, ok := unwrap(args[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("fromunicode() argument must be str, not %s", typeName(args[0]))
		}
		if a.tc != 'u' {
			return nil, ValueErrorf("fromunicode() may only be called on unicode type arrays")
		}
		a.fromunicode(s.s)
		return None, nil
	})
	arrayMethod("buffer_info", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayNoArgs("array.buffer_info", args); err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		var addr uintptr
		if cap(a.b) > 0 {
			addr = uintptr(unsafe.Pointer(unsafe.SliceData(a.b)))
		}
		return NewTuple(NewIntFromBig(new(big.Int).SetUint64(uint64(addr))), Int(len(a.b)/a.size)), nil
	})
	arrayMethod("fromfile", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if len(args) != 2 {
			return nil, TypeErrorf("fromfile expected 2 arguments, got %d", len(args))
		}
		n, err := IndexInt(t, args[1])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, ValueErrorf("negative count")
		}
		data, err := CallMethod(t, args[0], "read", Int(n*a.size))
		if err != nil {
			return nil, err
		}
		b, ok := unwrap(data).(*Bytes)
		if !ok {
			return nil, TypeErrorf("read() didn't return bytes")
		}
		full := len(b.b) / a.size * a.size
		a.appendBytes(b.b[:full])
		if len(b.b) != n*a.size {
			return nil, Errorf(EOFErrorType, "read() didn't return enough bytes")
		}
		return None, nil
	})
	arrayMethod("tofile", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		if err := arrayOneArg("array.tofile", args, kw); err != nil {
			return nil, err
		}
		b := a.snapshot()
		const block = 64 * 1024
		for i := 0; i < len(b); i += block {
			if _, err := CallMethod(t, args[0], "write", NewBytes(b[i:min(i+block, len(b))])); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	copyFn := func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		return wrapArray(ArrayType, newArray(a.tc, a.snapshot())), nil
	}
	arrayMethod("__copy__", copyFn)
	arrayMethod("__deepcopy__", copyFn)
	arrayMethod("__reduce_ex__", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		// (type, (typecode, items), state): the protocol-2 form, which every
		// protocol can load
		var state Object = None
		if d := instanceDict(self); d != nil && d.Len() > 0 {
			state = d
		}
		return NewTuple(self.Type(), NewTuple(NewStr(string(a.tc)), NewList(a.items()...)), state), nil
	})
	arrayMethod("__sizeof__", func(t *Thread, self Object, a *Array, args []Object, kw []string) (Object, error) {
		a.mu.Lock()
		defer a.mu.Unlock()
		return Int(64 + cap(a.b)), nil
	})
	ArrayIterType.Flags.And(^uint64(FlagBaseType))
	ArrayIterType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	ArrayIterType.Next = func(t *Thread, o Object) (Object, error) {
		it := o.(*arrayIter)
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.a == nil {
			return nil, nil
		}
		a := it.a
		a.mu.Lock()
		defer a.mu.Unlock()
		if (it.pos+1)*a.size > len(a.b) {
			it.a = nil
			return nil, nil
		}
		v := a.decode(a.b[it.pos*a.size:])
		it.pos++
		return v, nil
	}
	at.CName = "array.array"
	at.Flags.Or(FlagSequence)
	registerType(at, ArrayIterType)

	RegisterNativeModule("array", func(t *Thread) (*Module, error) {
		m := NewModule("array")
		ArrayType.Dict.SetStr("__module__", NewStr("array"))
		ArrayIterType.Dict.SetStr("__module__", NewStr("array"))
		m.dict.SetStr("array", ArrayType)
		m.dict.SetStr("ArrayType", ArrayType)
		m.dict.SetStr("typecodes", NewStr(arrayTypecodes))
		m.AddFunc("_array_reconstructor", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 4 {
				return nil, TypeErrorf("_array_reconstructor expected 4 arguments, got %d", len(args))
			}
			// only the machine formats this build produces (native layout)
			res, err := Call(t, args[0], []Object{args[1]}, nil)
			if err != nil {
				return nil, err
			}
			a, ok := arrayOf(res)
			if !ok {
				return nil, TypeErrorf("first argument must be a type object, not %s", typeName(args[0]))
			}
			return res, a.frombytes(args[3])
		})
		return m, nil
	})
}

// hasSeqRepeat tells whether x is one of the built-in sequences whose
// repeat CPython tries before the right operand's (sq_repeat).
func hasSeqRepeat(x Object) bool {
	switch unwrap(x).(type) {
	case *Str, *List, *Tuple, *Bytes, *ByteArray:
		return true
	}
	return false
}
