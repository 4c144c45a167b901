package py

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"sync"
)

// memoryview over bytes and bytearray, after CPython 3.11's
// Objects/memoryobject.c. A view has a struct-module format (one native
// character, optionally prefixed with '@', as cast() accepts), an item size,
// and a shape and byte strides per dimension (none for a 0-dim view); the
// items are read and written as values of the format's C type in the
// machine's layout (little-endian, LP64: freepy targets x86-64 and arm64).
//
// A view of a bytearray reads and writes the live buffer under the
// bytearray's lock (resizing the bytearray while a view exists is not
// refused, unlike CPython; an item past the current end then raises
// IndexError).

// MemoryView is a memoryview object. Everything but released is fixed
// when the view is made, so it is read without the lock.
type MemoryView struct {
	mu       sync.Mutex
	released bool

	obj      Object // *Bytes or *ByteArray (possibly a subclass instance)
	ro       bool   // made read-only by toreadonly() over a bytearray
	start    int    // byte offset of the first item
	format   string // as given to cast(): "B", "@i", ...
	code     byte   // the format character, without the '@'
	itemsize int
	shape    []int        // items along each dimension; empty for 0-dim
	strides  []int        // bytes between items along each dimension (may be < 0)
	foreign  *foreignHold // the C buffer viewed, when obj exports through C
	owner    *MemoryView  // the view that holds foreign (kept alive by the views derived from it)
}

// MemoryViewType is memoryview.
var MemoryViewType = newBuiltinType("memoryview", ObjectType)

// Type returns memoryview.
func (*MemoryView) Type() *Type { return MemoryViewType }

// mvMaxDim is CPython's PyBUF_MAX_NDIM.
const mvMaxDim = 64

// mvItemSize is the native size of a format character that memoryview can
// cast to (CPython's get_native_fmtchar); 0 for any other. 3.11 does not
// accept 'e' here although struct does, so neither do we.
func mvItemSize(c byte) int {
	switch c {
	case 'c', 'b', 'B', '?':
		return 1
	case 'h', 'H':
		return 2
	case 'i', 'I', 'f':
		return 4
	case 'l', 'L', 'q', 'Q', 'n', 'N', 'd', 'P':
		return 8
	}
	return 0
}

// mvNativeFormat parses a format such as "B" or "@i"; size is 0 when it
// is not a native single character format.
func mvNativeFormat(f string) (code byte, size int) {
	if len(f) > 0 && f[0] == '@' {
		f = f[1:]
	}
	if len(f) != 1 {
		return 0, 0
	}
	return f[0], mvItemSize(f[0])
}

func mvIsByteFormat(c byte) bool { return c == 'b' || c == 'B' || c == 'c' }

// newByteView is memoryview(x) for bytes and bytearray: 1-D, format 'B'.
func newByteView(obj Object, n int) *MemoryView {
	return &MemoryView{obj: obj, format: "B", code: 'B', itemsize: 1, shape: []int{n}, strides: []int{1}}
}

// clone copies the view's layout (shape and strides get their own arrays,
// so the copy can be sliced without touching the original).
func (m *MemoryView) clone() *MemoryView {
	r := &MemoryView{obj: m.obj, ro: m.ro, start: m.start, format: m.format, code: m.code, itemsize: m.itemsize,
		shape: append([]int(nil), m.shape...), strides: append([]int(nil), m.strides...)}
	m.shareForeign(r)
	return r
}

func errReleased() error {
	return ValueErrorf("operation forbidden on released memoryview object")
}

// check fails for a released view.
func (m *MemoryView) check() error {
	m.mu.Lock()
	rel := m.released
	m.mu.Unlock()
	if rel {
		return errReleased()
	}
	return nil
}

// withBuf runs fn on the underlying bytes (under the bytearray lock).
func (m *MemoryView) withBuf(fn func(b []byte) error) error {
	if err := m.check(); err != nil {
		return err
	}
	if m.foreign != nil {
		return m.foreign.with(fn)
	}
	switch x := unwrap(m.obj).(type) {
	case *Bytes:
		return fn(x.b)
	case *ByteArray:
		x.mu.Lock()
		defer x.mu.Unlock()
		return fn(x.b)
	case bufferExporter:
		return x.withBuffer(fn)
	}
	return nil
}

func (m *MemoryView) readonly() bool {
	if m.ro {
		return true
	}
	if m.foreign != nil {
		return m.foreign.buf.ReadOnly
	}
	switch unwrap(m.obj).(type) {
	case *ByteArray, bufferExporter:
		return false
	}
	return true
}

// items is the number of items (the product of the shape).
func (m *MemoryView) items() int {
	n := 1
	for _, d := range m.shape {
		n *= d
	}
	return n
}

func (m *MemoryView) nbytes() int { return m.items() * m.itemsize }

// cContiguous and fContiguous are CPython's init_flags: a 1-D view is
// contiguous when its stride is the item size or it has exactly one item
// (an empty strided slice is not), an N-D one by PyBuffer_IsContiguous.
func (m *MemoryView) cContiguous() bool {
	switch len(m.shape) {
	case 0:
		return true
	case 1:
		return m.shape[0] == 1 || m.strides[0] == m.itemsize
	}
	if m.items() == 0 {
		return true
	}
	sd := m.itemsize
	for i := len(m.shape) - 1; i >= 0; i-- {
		if m.shape[i] > 1 && m.strides[i] != sd {
			return false
		}
		sd *= m.shape[i]
	}
	return true
}

func (m *MemoryView) fContiguous() bool {
	switch len(m.shape) {
	case 0:
		return true
	case 1:
		return m.cContiguous()
	}
	if m.items() == 0 {
		return true
	}
	sd := m.itemsize
	for i := range m.shape {
		if m.shape[i] > 1 && m.strides[i] != sd {
			return false
		}
		sd *= m.shape[i]
	}
	return true
}

// walk calls fn with the byte offset of every item, in C order (last
// index fastest) or, with fortran, first index fastest.
func (m *MemoryView) walk(fortran bool, fn func(off int) error) error {
	nd := len(m.shape)
	for _, d := range m.shape {
		if d == 0 {
			return nil
		}
	}
	idx := make([]int, nd)
	off := m.start
	for {
		if err := fn(off); err != nil {
			return err
		}
		// advance the odometer
		k := nd - 1
		dir := -1
		if fortran {
			k, dir = 0, 1
		}
		for ; k >= 0 && k < nd; k += dir {
			idx[k]++
			off += m.strides[k]
			if idx[k] < m.shape[k] {
				break
			}
			off -= m.strides[k] * idx[k]
			idx[k] = 0
		}
		if k < 0 || k >= nd {
			return nil
		}
	}
}

func errOutOfBounds(dim int) error {
	return Errorf(IndexErrorType, "index out of bounds on dimension %d", dim)
}

// orderBytes copies the items in C (or Fortran) order.
func (m *MemoryView) orderBytes(fortran bool) ([]byte, error) {
	var out []byte
	err := m.withBuf(func(b []byte) error {
		n := m.nbytes()
		if m.cContiguous() && (!fortran || len(m.shape) <= 1) {
			if n == 0 {
				out = []byte{}
				return nil
			}
			if m.start < 0 || m.start+n > len(b) {
				return errOutOfBounds(1)
			}
			out = append(make([]byte, 0, n), b[m.start:m.start+n]...)
			return nil
		}
		out = make([]byte, 0, n)
		return m.walk(fortran, func(off int) error {
			if off < 0 || off+m.itemsize > len(b) {
				return errOutOfBounds(1)
			}
			out = append(out, b[off:off+m.itemsize]...)
			return nil
		})
	})
	return out, err
}

// bytes returns a copy of the viewed items in C order (tobytes()).
func (m *MemoryView) bytes() ([]byte, error) { return m.orderBytes(false) }

// mvUnpack reads one item of format code from p (CPython's unpack_single).
func mvUnpack(code byte, p []byte) Object {
	switch code {
	case 'c':
		return NewBytes([]byte{p[0]})
	case '?':
		return Bool(p[0] != 0)
	case 'f':
		return Float(math.Float32frombits(binary.LittleEndian.Uint32(p)))
	case 'd':
		return Float(math.Float64frombits(binary.LittleEndian.Uint64(p)))
	}
	var w uint64
	switch len(p) {
	case 1:
		w = uint64(p[0])
	case 2:
		w = uint64(binary.LittleEndian.Uint16(p))
	case 4:
		w = uint64(binary.LittleEndian.Uint32(p))
	default:
		w = binary.LittleEndian.Uint64(p)
	}
	switch code {
	case 'b', 'h', 'i', 'l', 'q', 'n':
		shift := 64 - uint(len(p)*8)
		return Int(int64(w<<shift) >> shift)
	}
	if w > math.MaxInt64 {
		return intFromBig(new(big.Int).SetUint64(w))
	}
	return Int(int64(w))
}

// mvPack converts v to the bits of one item of format code, as CPython's
// pack_single does: a TypeError from the conversion becomes "invalid
// type", an OverflowError or ValueError "invalid value", other errors pass
// through. It may run Python code (__index__, __float__, __bool__), so it
// is called before the buffer is locked.
func mvPack(t *Thread, code byte, size int, v Object) (uint64, error) {
	typeErr := func() error { return TypeErrorf("memoryview: invalid type for format '%c'", code) }
	valueErr := func() error { return ValueErrorf("memoryview: invalid value for format '%c'", code) }
	fix := func(err error) error {
		switch {
		case IsInstanceOf(err, TypeErrorType):
			return typeErr()
		case IsInstanceOf(err, OverflowErrorType), IsInstanceOf(err, ValueErrorType):
			return valueErr()
		}
		return err
	}
	switch code {
	case 'b', 'h', 'i', 'l', 'q', 'n':
		iv, err := Index(t, v)
		if err != nil {
			return 0, fix(err)
		}
		x, ok := iv.(Int)
		if !ok {
			return 0, valueErr()
		}
		if size < 8 {
			lim := int64(1) << (size*8 - 1)
			if int64(x) < -lim || int64(x) >= lim {
				return 0, valueErr()
			}
		}
		return uint64(x), nil
	case 'B', 'H', 'I', 'L', 'Q', 'N':
		iv, err := Index(t, v)
		if err != nil {
			return 0, fix(err)
		}
		w, ok := mvUint64(iv)
		if !ok || (size < 8 && w >= uint64(1)<<(size*8)) {
			return 0, valueErr()
		}
		return w, nil
	case 'P':
		// PyLong_AsVoidPtr takes only ints (no __index__), negative ones
		// as a C long.
		if !isIntLike(v) {
			return 0, typeErr()
		}
		iv := unwrapInt(v)
		if x, ok := iv.(Int); ok {
			return uint64(x), nil
		}
		w, ok := mvUint64(iv)
		if !ok {
			return 0, valueErr()
		}
		return w, nil
	case 'f', 'd':
		x, err := mathFloat(t, v)
		if err != nil {
			return 0, fix(err)
		}
		if code == 'f' {
			// C's double-to-float conversion: too large becomes inf
			return uint64(math.Float32bits(float32(x))), nil
		}
		return math.Float64bits(x), nil
	case '?':
		tv, err := IsTrue(t, v)
		if err != nil {
			return 0, err
		}
		if tv {
			return 1, nil
		}
		return 0, nil
	case 'c':
		b, ok := unwrap(v).(*Bytes)
		if !ok {
			return 0, typeErr()
		}
		if len(b.b) != 1 {
			return 0, valueErr()
		}
		return uint64(b.b[0]), nil
	}
	return 0, Errorf(NotImplementedErrorType, "memoryview: format %c not supported", code)
}

// mvUint64 is an int's value as an unsigned 64-bit number (false when
// negative or too large).
func mvUint64(iv Object) (uint64, bool) {
	switch x := iv.(type) {
	case Int:
		return uint64(x), x >= 0
	case *BigInt:
		if x.v.Sign() > 0 && x.v.IsUint64() {
			return x.v.Uint64(), true
		}
	}
	return 0, false
}

// readAt returns the item at byte offset off.
func (m *MemoryView) readAt(off int) (Object, error) {
	if m.code == 0 {
		return nil, m.unsupportedFormat()
	}
	var v Object
	err := m.withBuf(func(b []byte) error {
		if off < 0 || off+m.itemsize > len(b) {
			return errOutOfBounds(1)
		}
		v = mvUnpack(m.code, b[off:off+m.itemsize])
		return nil
	})
	return v, err
}

// unsupportedFormat is the error for items of a format that is not one
// native character (a C exporter's "<i" or "T{...}").
func (m *MemoryView) unsupportedFormat() error {
	return Errorf(NotImplementedErrorType, "memoryview: unsupported format %s", m.format)
}

// writeAt stores v as the item at byte offset off.
func (m *MemoryView) writeAt(t *Thread, off int, v Object) error {
	if m.code == 0 {
		return m.unsupportedFormat()
	}
	w, err := mvPack(t, m.code, m.itemsize, v)
	if err != nil {
		return err
	}
	return m.withBuf(func(b []byte) error {
		if off < 0 || off+m.itemsize > len(b) {
			return errOutOfBounds(1)
		}
		for k := 0; k < m.itemsize; k++ {
			b[off+k] = byte(w >> (8 * k))
		}
		return nil
	})
}

// hasIndex is CPython's _PyIndex_Check.
func hasIndex(o Object) bool { return isIntLike(o) || LoadPtr(&o.Type().Index) != nil }

// lookupDim adds the offset of index i along dimension dim (CPython's
// lookup_dimension).
func (m *MemoryView) lookupDim(off, dim, i int) (int, error) {
	n := m.shape[dim]
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, errOutOfBounds(dim + 1)
	}
	return off + i*m.strides[dim], nil
}

// offsetOf resolves an integer key of a 1-D view.
func (m *MemoryView) offsetOf(t *Thread, key Object) (int, error) {
	i, err := IndexInt(t, key)
	if err != nil {
		return 0, err
	}
	return m.lookupDim(m.start, 0, i)
}

// multiIndex reports whether key is a tuple of index-like objects, and
// multiSlice whether it is a non-empty tuple of slices.
func multiIndex(key Object) ([]Object, bool) {
	tup, ok := unwrap(key).(*Tuple)
	if !ok {
		return nil, false
	}
	for _, x := range tup.items {
		if !hasIndex(x) {
			return nil, false
		}
	}
	return tup.items, true
}

func multiSlice(key Object) bool {
	tup, ok := unwrap(key).(*Tuple)
	if !ok || len(tup.items) == 0 {
		return false
	}
	for _, x := range tup.items {
		if _, ok := x.(*Slice); !ok {
			return false
		}
	}
	return true
}

// offsetOfTuple resolves a full tuple of indexes (CPython's
// ptr_from_tuple).
func (m *MemoryView) offsetOfTuple(t *Thread, idx []Object) (int, error) {
	if len(idx) > len(m.shape) {
		return 0, TypeErrorf("cannot index %d-dimension view with %d-element tuple", len(m.shape), len(idx))
	}
	off := m.start
	for dim, x := range idx {
		i, err := IndexInt(t, x)
		if err != nil {
			return 0, err
		}
		if off, err = m.lookupDim(off, dim, i); err != nil {
			return 0, err
		}
	}
	return off, nil
}

// sliced is m[s]: dimension 1 restricted to the slice.
func (m *MemoryView) sliced(t *Thread, s *Slice) (*MemoryView, error) {
	start, _, step, length, err := sliceIndices(t, s, m.shape[0])
	if err != nil {
		return nil, err
	}
	r := m.clone()
	r.start += m.strides[0] * start
	r.shape[0] = length
	r.strides[0] *= step
	return r, nil
}

// sameShape is CPython's equiv_shape.
func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
		if a[i] == 0 {
			break
		}
	}
	return true
}

// bufferView is the view PyObject_GetBuffer would give of o: a memoryview
// as it is, bytes and bytearray as 1-D 'B' (nil for other objects).
func bufferView(o Object) *MemoryView {
	switch x := unwrap(o).(type) {
	case *MemoryView:
		return x
	case *Bytes:
		return newByteView(o, len(x.b))
	case *ByteArray:
		return newByteView(o, x.length())
	case bufferExporter:
		return exporterView(o, x)
	}
	return nil
}

// mvEqual compares two views item by item as CPython's memory_richcompare
// does: unequal shapes differ; items of the same integer format compare by
// their bytes, anything else by value (so NaN differs from itself and b'a'
// from 97).
func mvEqual(t *Thread, v, w *MemoryView) (bool, error) {
	if !sameShape(v.shape, w.shape) {
		return false, nil
	}
	x, err := v.bytes()
	if err != nil {
		return false, err
	}
	y, err := w.bytes()
	if err != nil {
		return false, err
	}
	if v.code == w.code && v.code != 'f' && v.code != 'd' {
		return string(x) == string(y), nil
	}
	n := len(x) / v.itemsize
	for i := 0; i < n; i++ {
		a := mvUnpack(v.code, x[i*v.itemsize:(i+1)*v.itemsize])
		b := mvUnpack(w.code, y[i*w.itemsize:(i+1)*w.itemsize])
		// RichCompare, not Equal: no identity shortcut, NaN != NaN
		r, err := RichCompare(t, a, b, EQ)
		if err != nil {
			return false, err
		}
		if eq, err := IsTrue(t, r); err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// tolist builds the nested lists of a C-ordered copy of the items.
func (m *MemoryView) tolist(b []byte) Object {
	if len(m.shape) == 0 {
		return mvUnpack(m.code, b[:m.itemsize])
	}
	pos := 0
	var rec func(dim int) Object
	rec = func(dim int) Object {
		n := m.shape[dim]
		items := make([]Object, n)
		for i := range items {
			if dim == len(m.shape)-1 {
				items[i] = mvUnpack(m.code, b[pos:pos+m.itemsize])
				pos += m.itemsize
			} else {
				items[i] = rec(dim + 1)
			}
		}
		return NewList(items...)
	}
	return rec(0)
}

// cast is memoryview.cast(format, shape) after argument parsing, with
// CPython's checks in CPython's order.
func (m *MemoryView) cast(t *Thread, format string, shape Object) (Object, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	if !m.cContiguous() {
		return nil, TypeErrorf("memoryview: casts are restricted to C-contiguous views")
	}
	if shape != nil || len(m.shape) != 1 {
		for _, d := range m.shape {
			if d == 0 {
				return nil, TypeErrorf("memoryview: cannot cast view with zeros in shape or strides")
			}
		}
	}
	var dims []Object
	if shape != nil {
		switch x := unwrap(shape).(type) {
		case *Tuple:
			dims = x.items
		case *List:
			dims = x.snapshot()
		default:
			return nil, TypeErrorf("shape must be a list or a tuple")
		}
		if len(dims) > mvMaxDim {
			return nil, ValueErrorf("memoryview: number of dimensions must not exceed %d", mvMaxDim)
		}
		if len(m.shape) != 1 && len(dims) != 1 {
			return nil, TypeErrorf("memoryview: cast must be 1D -> ND or ND -> 1D")
		}
	}
	code, size := mvNativeFormat(format)
	if size == 0 {
		return nil, ValueErrorf("memoryview: destination format must be a native single character format prefixed with an optional '@'")
	}
	if !mvIsByteFormat(m.code) && !mvIsByteFormat(code) {
		return nil, TypeErrorf("memoryview: cannot cast between two non-byte formats")
	}
	n := m.nbytes()
	if n%size != 0 {
		return nil, TypeErrorf("memoryview: length is not a multiple of itemsize")
	}
	r := &MemoryView{obj: m.obj, ro: m.ro, start: m.start, format: format, code: code, itemsize: size,
		shape: []int{n / size}, strides: []int{size}}
	m.shareForeign(r)
	if shape == nil {
		return r, nil
	}
	// cast_to_ND: C-contiguous strides for the requested shape
	r.shape = make([]int, len(dims))
	r.strides = make([]int, len(dims))
	total := size
	for i, d := range dims {
		if !isIntLike(d) {
			return nil, TypeErrorf("memoryview.cast(): elements of shape must be integers")
		}
		x, ok := unwrapInt(d).(Int)
		if !ok {
			return nil, NewError(OverflowErrorType, "Python int too large to convert to C ssize_t")
		}
		if x <= 0 {
			return nil, ValueErrorf("memoryview.cast(): elements of shape must be integers > 0")
		}
		if int64(x) > math.MaxInt64/int64(total) {
			return nil, ValueErrorf("memoryview.cast(): product(shape) > SSIZE_MAX")
		}
		total *= int(x)
		r.shape[i] = int(x)
	}
	if total != n {
		return nil, TypeErrorf("memoryview: product(shape) * itemsize != buffer size")
	}
	sd := size
	for i := len(dims) - 1; i >= 0; i-- {
		r.strides[i] = sd
		sd *= r.shape[i]
	}
	return r, nil
}

func mvSelf(o Object) *MemoryView {
	m, _ := unwrap(o).(*MemoryView)
	return m
}

func intTuple(v []int) Object {
	items := make([]Object, len(v))
	for i, x := range v {
		items[i] = Int(x)
	}
	return NewTuple(items...)
}

// memIter is iter(memoryview): it reads each item when it is reached, as
// CPython's memory_iterator does.
type memIter struct {
	m *MemoryView
	n int // shape[0] when the iterator was made
	i atomicInt
}

// MemoryIteratorType is the type of iter(memoryview(...)).
var MemoryIteratorType = newBuiltinType("memory_iterator", ObjectType)

func (*memIter) Type() *Type { return MemoryIteratorType }

func init() {
	it := MemoryIteratorType
	it.Flags.And(^uint64(FlagBaseType))
	it.Iter = selfIter
	it.Next = func(t *Thread, o Object) (Object, error) {
		x := o.(*memIter)
		i := int(x.i.add(1) - 1)
		if i >= x.n {
			return nil, nil
		}
		return x.m.readAt(x.m.start + i*x.m.strides[0])
	}
	registerType(MemoryIteratorType)
}

func init() {
	mt := MemoryViewType
	mt.Flags.And(^uint64(FlagBaseType))
	mt.Flags.Or(FlagSequence) // matches sequence patterns, as in CPython
	mt.Doc = "Create a new memoryview object which references the given object."
	mt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var o Object
		if err := ParseArgs("memoryview", args, kw, []string{"object"}, 1, &o); err != nil {
			return nil, err
		}
		switch x := unwrap(o).(type) {
		case *Bytes:
			return newByteView(o, len(x.b)), nil
		case *ByteArray:
			return newByteView(o, x.length()), nil
		case bufferExporter:
			return exporterView(o, x), nil
		case *MemoryView:
			if err := x.check(); err != nil {
				return nil, err
			}
			return x.clone(), nil
		}
		if ForeignView != nil {
			fb, ok, err := ForeignView(t, o)
			if err != nil {
				return nil, err
			}
			if ok {
				return foreignMemoryView(o, fb), nil
			}
		}
		return nil, TypeErrorf("memoryview: a bytes-like object is required, not '%s'", typeName(o))
	}
	mt.Len = func(t *Thread, o Object) (int, error) {
		m := mvSelf(o)
		if err := m.check(); err != nil {
			return 0, err
		}
		if len(m.shape) == 0 {
			return 1, nil
		}
		return m.shape[0], nil
	}
	mt.Repr = func(t *Thread, o Object) (Object, error) {
		m := mvSelf(o)
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.released {
			return NewStr(fmt.Sprintf("<released memory at %#x>", Id(o))), nil
		}
		return NewStr(fmt.Sprintf("<memory at %#x>", Id(o))), nil
	}
	mt.GetItem = func(t *Thread, o, key Object) (Object, error) {
		m := mvSelf(o)
		if err := m.check(); err != nil {
			return nil, err
		}
		if len(m.shape) == 0 {
			if tup, ok := unwrap(key).(*Tuple); ok && len(tup.items) == 0 {
				return m.readAt(m.start)
			}
			if key == Ellipsis {
				return m, nil
			}
			return nil, TypeErrorf("invalid indexing of 0-dim memory")
		}
		if hasIndex(key) {
			i, err := IndexInt(t, key)
			if err != nil {
				return nil, err
			}
			if len(m.shape) > 1 {
				return nil, Errorf(NotImplementedErrorType, "multi-dimensional sub-views are not implemented")
			}
			off, err := m.lookupDim(m.start, 0, i)
			if err != nil {
				return nil, err
			}
			return m.readAt(off)
		}
		if s, ok := key.(*Slice); ok {
			return m.sliced(t, s)
		}
		if idx, ok := multiIndex(key); ok {
			if len(idx) < len(m.shape) {
				return nil, Errorf(NotImplementedErrorType, "sub-views are not implemented")
			}
			off, err := m.offsetOfTuple(t, idx)
			if err != nil {
				return nil, err
			}
			return m.readAt(off)
		}
		if multiSlice(key) {
			return nil, Errorf(NotImplementedErrorType, "multi-dimensional slicing is not implemented")
		}
		return nil, TypeErrorf("memoryview: invalid slice key")
	}
	mt.SetItem = func(t *Thread, o, key, v Object) error {
		m := mvSelf(o)
		if err := m.check(); err != nil {
			return err
		}
		if m.readonly() {
			return TypeErrorf("cannot modify read-only memory")
		}
		if v == nil {
			return TypeErrorf("cannot delete memory")
		}
		if len(m.shape) == 0 {
			if tup, ok := unwrap(key).(*Tuple); (ok && len(tup.items) == 0) || key == Ellipsis {
				return m.writeAt(t, m.start, v)
			}
			return TypeErrorf("invalid indexing of 0-dim memory")
		}
		if hasIndex(key) {
			if len(m.shape) > 1 {
				return Errorf(NotImplementedErrorType, "sub-views are not implemented")
			}
			off, err := m.offsetOf(t, key)
			if err != nil {
				return err
			}
			return m.writeAt(t, off, v)
		}
		if s, ok := key.(*Slice); ok && len(m.shape) == 1 {
			src := bufferView(v)
			if src == nil {
				return TypeErrorf("a bytes-like object is required, not '%s'", typeName(v))
			}
			if err := src.check(); err != nil {
				return err
			}
			dest, err := m.sliced(t, s)
			if err != nil {
				return err
			}
			// CPython's equiv_structure: same format (ignoring '@'),
			// item size and shape
			if src.code != dest.code || src.itemsize != dest.itemsize || !sameShape(dest.shape, src.shape) {
				return ValueErrorf("memoryview assignment: lvalue and rvalue have different structures")
			}
			// a copy first: source and destination may overlap
			data, err := src.bytes()
			if err != nil {
				return err
			}
			return dest.withBuf(func(b []byte) error {
				pos := 0
				return dest.walk(false, func(off int) error {
					if off < 0 || off+dest.itemsize > len(b) {
						return errOutOfBounds(1)
					}
					copy(b[off:off+dest.itemsize], data[pos:])
					pos += dest.itemsize
					return nil
				})
			})
		}
		if idx, ok := multiIndex(key); ok {
			if len(idx) < len(m.shape) {
				return Errorf(NotImplementedErrorType, "sub-views are not implemented")
			}
			off, err := m.offsetOfTuple(t, idx)
			if err != nil {
				return err
			}
			return m.writeAt(t, off, v)
		}
		if _, ok := key.(*Slice); ok || multiSlice(key) {
			return Errorf(NotImplementedErrorType, "memoryview slice assignments are currently restricted to ndim = 1")
		}
		return TypeErrorf("memoryview: invalid slice key")
	}
	mt.Iter = func(t *Thread, o Object) (Object, error) {
		m := mvSelf(o)
		if err := m.check(); err != nil {
			return nil, err
		}
		switch len(m.shape) {
		case 0:
			return nil, TypeErrorf("invalid indexing of 0-dim memory")
		case 1:
			return &memIter{m: m, n: m.shape[0]}, nil
		}
		return nil, Errorf(NotImplementedErrorType, "multi-dimensional sub-views are not implemented")
	}
	mt.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		if op != EQ && op != NE {
			return NotImplemented, nil
		}
		v := mvSelf(a)
		if v == nil {
			return NotImplemented, nil
		}
		w := bufferView(b)
		if w == nil {
			return NotImplemented, nil
		}
		var equal bool
		if v.check() != nil || w.check() != nil {
			// a released view is equal only to itself
			equal = a == b
		} else {
			var err error
			if equal, err = mvEqual(t, v, w); err != nil {
				return nil, err
			}
		}
		return NewBool(equal == (op == EQ)), nil
	}
	mt.Hash = func(t *Thread, o Object) (int64, error) {
		m := mvSelf(o)
		if err := m.check(); err != nil {
			return 0, err
		}
		if !m.readonly() {
			return 0, ValueErrorf("cannot hash writable memoryview object")
		}
		if !mvIsByteFormat(m.code) {
			return 0, ValueErrorf("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
		}
		// the exporter must be hashable too (a read-only view of a
		// bytearray is not)
		if _, err := Hash(t, m.obj); err != nil {
			return 0, err
		}
		b, err := m.bytes()
		if err != nil {
			return 0, err
		}
		return Hash(t, NewBytes(b))
	}
	method := func(name string, fn func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error)) {
		mt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return fn(t, mvSelf(self), args, kw)
		})
	}
	noArgs := func(name string, args []Object) error {
		if len(args) > 0 {
			return TypeErrorf("memoryview.%s() takes no arguments (%d given)", name, len(args))
		}
		return nil
	}
	method("tobytes", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		var order Object
		if err := ParseArgs("tobytes", args, kw, []string{"order"}, 0, &order); err != nil {
			return nil, err
		}
		fortran := false
		if order != nil && order != None {
			s, ok := unwrap(order).(*Str)
			if !ok {
				return nil, TypeErrorf("tobytes() argument 'order' must be str or None, not %s", typeName(order))
			}
			if err := m.check(); err != nil {
				return nil, err
			}
			switch s.s {
			case "C", "A":
				// 'A' copies a Fortran-contiguous view in Fortran
				// order, but a view that is Fortran- and not
				// C-contiguous cannot arise here: every view starts
				// C-contiguous and slicing only touches dimension 1
			case "F":
				fortran = true
			default:
				return nil, ValueErrorf("order must be 'C', 'F' or 'A'")
			}
		}
		b, err := m.orderBytes(fortran)
		if err != nil {
			return nil, err
		}
		return NewBytes(b), nil
	})
	method("tolist", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		if err := noArgs("tolist", args); err != nil {
			return nil, err
		}
		if mvItemSize(m.code) == 0 {
			// array('u') exports format 'w', which memoryview cannot unpack
			return nil, Errorf(NotImplementedErrorType, "memoryview: format %s not supported", m.format)
		}
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		return m.tolist(b), nil
	})
	method("hex", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		// bytes.hex has the same sep and bytes_per_sep arguments
		h, err := GetAttrString(t, NewBytes(b), "hex")
		if err != nil {
			return nil, err
		}
		return Call(t, h, args, kw)
	})
	method("toreadonly", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		if err := noArgs("toreadonly", args); err != nil {
			return nil, err
		}
		if err := m.check(); err != nil {
			return nil, err
		}
		r := m.clone()
		r.ro = true
		return r, nil
	})
	method("release", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		m.mu.Lock()
		m.released = true
		m.mu.Unlock()
		m.releaseForeign(t)
		return None, nil
	})
	method("__enter__", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		if err := m.check(); err != nil {
			return nil, err
		}
		return m, nil
	})
	method("__exit__", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		m.mu.Lock()
		m.released = true
		m.mu.Unlock()
		m.releaseForeign(t)
		return None, nil
	})
	method("cast", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		// argument clinic's messages (format: unicode, shape: object)
		if len(args) > 2 {
			return nil, TypeErrorf("cast() takes at most 2 arguments (%d given)", len(args))
		}
		npos := len(args) - len(kw)
		var vals [2]Object
		copy(vals[:], args[:npos])
		for i, k := range kw {
			j := -1
			switch k {
			case "format":
				j = 0
			case "shape":
				j = 1
			default:
				return nil, TypeErrorf("'%s' is an invalid keyword argument for cast()", k)
			}
			if j < npos {
				return nil, TypeErrorf("argument for cast() given by name ('%s') and position (%d)", k, j+1)
			}
			vals[j] = args[npos+i]
		}
		if vals[0] == nil {
			return nil, TypeErrorf("cast() missing required argument 'format' (pos 1)")
		}
		s, ok := unwrap(vals[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("cast() argument 'format' must be str, not %s", typeName(vals[0]))
		}
		return m.cast(t, s.s, vals[1])
	})
	getter := func(name string, fn func(m *MemoryView) Object) {
		mt.AddGetSet(name, func(t *Thread, self Object) (Object, error) {
			m := mvSelf(self)
			if err := m.check(); err != nil {
				return nil, err
			}
			return fn(m), nil
		}, nil)
	}
	getter("obj", func(m *MemoryView) Object { return m.obj })
	getter("readonly", func(m *MemoryView) Object { return Bool(m.readonly()) })
	getter("format", func(m *MemoryView) Object { return NewStr(m.format) })
	getter("itemsize", func(m *MemoryView) Object { return Int(m.itemsize) })
	getter("nbytes", func(m *MemoryView) Object { return Int(m.nbytes()) })
	getter("ndim", func(m *MemoryView) Object { return Int(len(m.shape)) })
	getter("shape", func(m *MemoryView) Object { return intTuple(m.shape) })
	getter("strides", func(m *MemoryView) Object { return intTuple(m.strides) })
	getter("contiguous", func(m *MemoryView) Object { return Bool(m.cContiguous() || m.fContiguous()) })
	getter("c_contiguous", func(m *MemoryView) Object { return Bool(m.cContiguous()) })
	getter("f_contiguous", func(m *MemoryView) Object { return Bool(m.fContiguous()) })
	getter("suboffsets", func(m *MemoryView) Object { return NewTuple() })
	extraBuiltinTypes = append(extraBuiltinTypes, MemoryViewType)
	registerType(MemoryViewType)
}
