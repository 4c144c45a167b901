package capi

/*
#include "shim.h"
*/
import "C"

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"sync"
	"sync/atomic"
	"unsafe"

	"freepy/interp/py"
)

// Layout offsets of CPython 3.11 structs that Go reads directly (checked
// against the headers by capi/headertest).
const (
	offObSize      = 16 // PyVarObject.ob_size
	offTupleItems  = 24 // PyTupleObject.ob_item
	offListItems   = 24 // PyListObject.ob_item (a pointer)
	offBytesSval   = 32 // PyBytesObject.ob_sval
	offLongDigits  = 24 // PyLongObject.ob_digit
	offUniLength   = 16 // PyASCIIObject.length
	offUniState    = 32 // PyASCIIObject.state
	sizeASCII      = 48 // sizeof(PyASCIIObject)
	sizeCompact    = 72 // sizeof(PyCompactUnicodeObject)
	offUniDataAny  = 72 // PyUnicodeObject.data.any
	offDictUsed    = 16 // PyDictObject.ma_used
	pyLongShift    = 30
	pyLongMask     = 1<<pyLongShift - 1
	sizeofPyObject = 16
)

func ptrAt(op *C.PyObject, off uintptr) unsafe.Pointer { return unsafe.Add(unsafe.Pointer(op), off) }

func obSize(op *C.PyObject) int { return int(*(*int64)(ptrAt(op, offObSize))) }

var (
	noneObj  = &C._Py_NoneStruct
	trueObj  = (*C.PyObject)(unsafe.Pointer(&C._Py_TrueStruct))
	falseObj = (*C.PyObject)(unsafe.Pointer(&C._Py_FalseStruct))
	notImpl  = &C._Py_NotImplementedStruct
	ellipsis = &C._Py_EllipsisObject
)

// newRef returns a new reference to the C object for o, making a mirror
// if o has none.
func (s *tstate) newRef(o py.Object) *C.PyObject {
	op, _ := s.newRefLink(o)
	return op
}

// newRefLink is newRef, also returning o's link when it found one (nil
// for values and new mirrors).
func (s *tstate) newRefLink(o py.Object) (*C.PyObject, *link) {
	switch v := o.(type) {
	case nil:
		return nil, nil
	case py.NoneType:
		return noneObj, nil
	case py.Bool:
		if v {
			return trueObj, nil
		}
		return falseObj, nil
	case py.Int:
		return s.intToC(int64(v)), nil
	case py.Float:
		return s.floatToC(float64(v)), nil
	case py.Complex:
		return C.PyComplex_FromDoubles(C.double(real(v)), C.double(imag(v))), nil
	case *py.BigInt:
		return bigToC(v.Big()), nil
	case py.NotImplementedType:
		return notImpl, nil
	case py.EllipsisType:
		return ellipsis, nil
	case *py.CObject:
		op := (*C.PyObject)(v.Ptr)
		if l := linkOf(op); l != nil {
			return l.acquire(v), l
		}
		incref(op)
		return op, nil
	case *py.Type:
		return s.typeRef(v), nil
	}
	if l := s.linkFor(o); l != nil {
		return s.refresh(l.acquire(o), o), l
	}
	return s.newMirror(o), nil
}

// borrow returns a reference to o that stays valid until the current C
// call returns (an argument passed to C). The pool keeps the link newRef
// found: the release then needs no linkOf.
func (s *tstate) borrow(o py.Object) *C.PyObject {
	if op := s.borrowCached(o); op != nil {
		return op
	}
	op, l := s.newRefLink(o)
	if op != nil && !immortal(op) {
		s.keepLinked(op, l)
	}
	return op
}

// borrowCached is borrow for the objects passed to C again and again (a
// callback function, a str key, a tuple, a builtin) whose link is in the
// thread's cache and strong: the steps of newRefLink's type switch,
// linkFor, liveLink, acquire and refresh that such an object takes, in
// one function (about 50 instructions and four functions' code less per
// crossing of a callback function). It returns nil when it cannot tell,
// and borrow then takes the general path.
func (s *tstate) borrowCached(o py.Object) *C.PyObject {
	switch v := o.(type) {
	case *py.Function, *py.Str, *py.Tuple, *py.Builtin:
		// no mirror field (py.CRef), nothing for refresh to bring up
		// to date
	case *py.Dict:
		return s.borrowContainer(v, py.CRef(v))
	case *py.List:
		return s.borrowContainer(v, py.CRef(v))
	default:
		return nil
	}
	key := uintptr(dataPtr(o))
	l := s.links[(key>>4^key>>10)%uintptr(len(s.links))]
	// liveLink's test for a strong link: it holds its object, and o is
	// alive at the same address with the same type, so they are one
	if l == nil || l.key != key || l.static || !l.isStrong.Load() || l.itab != (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[0] {
		return nil
	}
	// acquire, which takes the reference before it looks at isStrong
	// again (a concurrent maybeWeaken may have cleared it meanwhile)
	op := l.acquire(o)
	if !immortal(op) {
		s.keepLinked(op, l)
	}
	return op
}

// borrowContainer is borrowCached for a dict or a list o that has a
// mirror (ref, its py.CRef, names it): the container holds its mirror
// itself, so the mirror's link is o's for as long as o lives, with no
// byObj entry or liveness test to consult (newRefLink's type switch and
// linkFor's two CRef switches are skipped). nil: no mirror yet, or one
// without a head; borrow then takes the general path.
func (s *tstate) borrowContainer(o py.Object, ref *atomic.Pointer[byte]) *C.PyObject {
	p := ref.Load()
	if p == nil {
		return nil
	}
	l := headLink((*C.PyObject)(unsafe.Pointer(p)))
	if l == nil {
		return nil
	}
	op := l.acquire(o)
	if d, ok := o.(*py.Dict); ok {
		// refresh's case for a dict, without its two type switches
		*(*int64)(ptrAt(op, offDictUsed)) = int64(d.Len())
	} else {
		s.refresh(op, o)
	}
	if !immortal(op) {
		s.keepLinked(op, l)
	}
	return op
}

// intToC makes a C int: small ones are static, ints of up to two digits
// are made in a block of the thread's stash (no cgo call).
func (s *tstate) intToC(v int64) *C.PyObject {
	if v >= C.FPY_SMALL_MIN && v <= C.FPY_SMALL_MAX {
		return smallIntObj(v)
	}
	u := uint64(v)
	if v < 0 {
		u = uint64(-v)
	}
	if u>>(2*pyLongShift) != 0 {
		return intToC(v)
	}
	x := s.stash()
	if x.nints == 0 {
		C.fpy_stash_refill(x)
		if x.nints == 0 {
			return intToC(v)
		}
	}
	x.nints--
	op := x.ints[x.nints]
	n := int64(1)
	d := unsafe.Slice((*uint32)(ptrAt(op, offLongDigits)), 2)
	d[0] = uint32(u & pyLongMask)
	d[1] = uint32(u >> pyLongShift)
	if d[1] != 0 {
		n = 2
	}
	if v < 0 {
		n = -n
	}
	op.ob_refcnt = 1
	op.ob_type = &C.PyLong_Type
	*(*int64)(ptrAt(op, offObSize)) = n
	return op
}

// floatToC makes a C float in a block of the thread's stash.
func (s *tstate) floatToC(v float64) *C.PyObject {
	x := s.stash()
	if x.nfloats == 0 {
		C.fpy_stash_refill(x)
		if x.nfloats == 0 {
			return C.PyFloat_FromDouble(C.double(v))
		}
	}
	x.nfloats--
	op := x.floats[x.nfloats]
	op.ob_refcnt = 1
	op.ob_type = &C.PyFloat_Type
	*(*float64)(ptrAt(op, 16)) = v
	return op
}

// stash is the thread's fpy_tstate_ext: its stash of int and float blocks
// and its list of memory to free.
func (s *tstate) stash() *C.fpy_tstate_ext { return (*C.fpy_tstate_ext)(unsafe.Pointer(s.ts)) }

// stashDead keeps a dead small int or float block (count 0, unlinked) in
// the thread's stash while it has room; it reports whether it did. Other
// blocks go back to C's free lists (freeObjectLater), and so does what
// is beyond half of the stash at the next method call (stash_spill),
// which the C side allocates from.
func (s *tstate) stashDead(op *C.PyObject) bool {
	x := s.stash()
	switch op.ob_type {
	case &C.PyLong_Type:
		if n := obSize(op); n >= -2 && n <= 2 && x.nints < C.FPY_NSTASH {
			x.ints[x.nints] = op
			x.nints++
			return true
		}
	case &C.PyFloat_Type:
		if x.nfloats < C.FPY_NSTASH {
			x.floats[x.nfloats] = op
			x.nfloats++
			return true
		}
	}
	return false
}

func smallIntObj(v int64) *C.PyObject {
	return (*C.PyObject)(unsafe.Pointer(uintptr(unsafe.Pointer(C.fpy_small_ints)) + uintptr(v-C.FPY_SMALL_MIN)*unsafe.Sizeof(C.PyLongObject{})))
}

func intToC(v int64) *C.PyObject {
	if v >= C.FPY_SMALL_MIN && v <= C.FPY_SMALL_MAX {
		return smallIntObj(v)
	}
	neg := 0
	u := uint64(v)
	if v < 0 {
		neg = 1
		u = uint64(-v)
	}
	var digits [3]C.uint32_t
	n := 0
	for u != 0 {
		digits[n] = C.uint32_t(u & pyLongMask)
		u >>= pyLongShift
		n++
	}
	return C.fpy_long_from_digits(C.int(neg), &digits[0], C.Py_ssize_t(n))
}

func bigToC(b *big.Int) *C.PyObject {
	neg := 0
	if b.Sign() < 0 {
		neg = 1
	}
	u := new(big.Int).Abs(b)
	var digits []C.uint32_t
	mask := big.NewInt(pyLongMask)
	for u.Sign() != 0 {
		digits = append(digits, C.uint32_t(new(big.Int).And(u, mask).Uint64()))
		u.Rsh(u, pyLongShift)
	}
	if len(digits) == 0 {
		return intToC(0)
	}
	return C.fpy_long_from_digits(C.int(neg), &digits[0], C.Py_ssize_t(len(digits)))
}

// smallLongFromC reads an int of n digits, |n| <= 2.
func smallLongFromC(op *C.PyObject, n int) int64 {
	d := unsafe.Slice((*uint32)(ptrAt(op, offLongDigits)), 2)
	var x int64
	if n != 0 {
		x = int64(d[0])
	}
	if n == 2 || n == -2 {
		x |= int64(d[1]) << pyLongShift
	}
	if n < 0 {
		x = -x
	}
	return x
}

// longFromC reads an exact PyLongObject.
func longFromC(op *C.PyObject) py.Object {
	size := obSize(op)
	n := size
	if n < 0 {
		n = -n
	}
	digits := unsafe.Slice((*uint32)(ptrAt(op, offLongDigits)), n)
	if n <= 2 {
		var v int64
		for i := n - 1; i >= 0; i-- {
			v = v<<pyLongShift | int64(digits[i])
		}
		if size < 0 {
			v = -v
		}
		return py.Int(v)
	}
	b := new(big.Int)
	for i := n - 1; i >= 0; i-- {
		b.Lsh(b, pyLongShift)
		b.Or(b, big.NewInt(int64(digits[i])))
	}
	if size < 0 {
		b.Neg(b)
	}
	return py.NewIntFromBig(b)
}

// newMirror makes the C object for a Go object that has none yet.
// layoutSize is the size of a mirror of a built-in layout for an
// instance of tp: a C subclass of dict or list (_ctypes' StgDict) adds its
// own fields after the built-in ones, which its C code reads and writes.
func layoutSize(tp *C.PyTypeObject, builtin C.size_t) C.size_t {
	if n := C.size_t(tp.tp_basicsize); n > builtin {
		return n
	}
	return builtin
}

func (s *tstate) newMirror(o py.Object) *C.PyObject {
	tp := s.typePtr(o.Type())
	var op *C.PyObject
	switch v := py.Unwrap(o).(type) {
	case *py.Str:
		op = strToC(v)
	case *py.Bytes:
		d := v.Data()
		op = C.PyBytes_FromStringAndSize(cbytes(d), C.Py_ssize_t(len(d)))
	case *py.Tuple:
		if info := structSeqOf(o.Type()); info != nil {
			op = s.structSeqMirror(info, o)
			break
		}
		items := v.Items()
		op = C.PyTuple_New(C.Py_ssize_t(len(items)))
		slots := unsafe.Slice((**C.PyObject)(ptrAt(op, offTupleItems)), len(items))
		for i, it := range items {
			slots[i] = s.newRef(it)
		}
	case *py.List:
		op = C.fpy_new_object(&C.PyList_Type, layoutSize(tp, C.sizeof_PyListObject))
		s.fillList(op, v.Items())
	case *py.Dict:
		op = C.fpy_new_object(&C.PyDict_Type, layoutSize(tp, C.sizeof_PyDictObject))
		*(*int64)(ptrAt(op, offDictUsed)) = int64(v.Len())
	case *py.ByteArray:
		op = C.fpy_new_object(&C.PyByteArray_Type, C.sizeof_PyByteArrayObject)
		s.fillByteArray(op, v.Bytes())
	case *py.Builtin:
		// PyCFunction layout: Cython reads m_ml->ml_flags of anything
		// PyCFunction_Check accepts (see fpy_gofunc_def); m_self is the
		// mirror itself, borrowed
		op = C.fpy_new_object(tp, C.sizeof_PyCFunctionObject)
		f := (*C.PyCFunctionObject)(unsafe.Pointer(op))
		f.m_ml = &C.fpy_gofunc_def
		f.m_self = op
	case *py.Method:
		// Cython reads a bound method's function and self straight from
		// the 3.11 layout (PyMethod_GET_FUNCTION/GET_SELF); the mirror
		// owns these references (fpy_mirror_dealloc drops them)
		op = C.fpy_new_object(&C.PyMethod_Type, C.sizeof_PyMethodObject)
		m := (*C.PyMethodObject)(unsafe.Pointer(op))
		m.im_func = s.newRef(v.Func)
		m.im_self = s.newRef(v.Self)
	case *py.BaseException:
		op = C.fpy_new_object(tp, layoutSize(tp, C.sizeof_PyBaseExceptionObject))
	case *py.Module:
		op = s.moduleMirror(tp, v)
	case *py.WeakRef:
		// 3.11's PyWeakref_GET_OBJECT macro reads wr_object directly
		// (_ctypes' cache of array and pointer types). It points at the
		// referent only when that is a type, whose C object lives as long
		// as the process; any other referent reads as None (dead), since
		// nothing would clear the field when it dies
		op = C.fpy_new_object(tp, C.sizeof_PyWeakReference)
		w := (*C.PyWeakReference)(unsafe.Pointer(op))
		w.wr_object = noneObj
		if ref, ok := v.Referent().(*py.Type); ok {
			w.wr_object = (*C.PyObject)(unsafe.Pointer(s.typePtr(ref)))
		}
	case *py.Code:
		// room for the 3.11 fields compiled code may touch
		op = C.fpy_new_object(tp, 256)
	default:
		op = s.compatMirror(tp, o)
	}
	if op.ob_type != tp {
		// a subclass of a built-in type keeps the built-in layout
		op.ob_type = tp
	}
	newLink(o, op, false)
	return op
}

// refresh brings a mutable container's mirror up to date before C reads
// it through macros (PyList_GET_ITEM, PyDict_GET_SIZE).
func (s *tstate) refresh(op *C.PyObject, o py.Object) *C.PyObject {
	switch o.(type) {
	case *py.Function, *py.Str, *py.Tuple, *py.Builtin:
		// the objects passed again and again (callbacks, keys,
		// argument tuples): no mirrored field to bring up to date and
		// no wrapper around one that has, so Unwrap, the type switch
		// below and compatRefresh's are skipped (about 80 instructions
		// of each crossing of a callback function)
		return op
	}
	switch v := py.Unwrap(o).(type) {
	case *py.List:
		// An unchanged list's mirror is reused as it is: the list's seq
		// moves on every mutation once it has a mirror (py.List.MirrorSeq),
		// and the link records the seq its items were last synced at.
		// The sync records it only while it holds the link's listSync,
		// so that two threads refreshing one mirror cannot record an
		// older snapshot's seq over a newer one's items (a refresh that
		// finds listSync taken, by another thread or by itself for a list
		// that contains itself, compares and records nothing).
		lk := linkOf(op)
		seq := v.MirrorSeq()
		if lk != nil && seq&1 == 0 && lk.listSeq.Load() == seq+1 {
			return op
		}
		locked := lk != nil && lk.listSync.TryLock()
		items := v.Items()
		cur := unsafe.Slice(*(***C.PyObject)(ptrAt(op, offListItems)), obSize(op))
		same := len(cur) == len(items)
		for i := 0; same && i < len(items); i++ {
			same = s.sameItem(cur[i], items[i])
		}
		if !same {
			s.fillList(op, items)
		}
		if locked {
			if seq&1 == 0 {
				// items was read after seq: it is this seq's list or a
				// later one, and a later one has a later seq
				lk.listSeq.Store(seq + 1)
			}
			lk.listSync.Unlock()
		}
	case *py.Dict:
		*(*int64)(ptrAt(op, offDictUsed)) = int64(v.Len())
	case *py.ByteArray:
		b := v.Bytes()
		var cur unsafe.Pointer
		if len(b) > 0 {
			cur = unsafe.Pointer(&b[0])
		}
		if *(*unsafe.Pointer)(ptrAt(op, offByteArrayStart)) != cur || obSize(op) != len(b) {
			s.fillByteArray(op, b)
		}
	default:
		s.compatRefresh(op, o)
	}
	return op
}

// sameItem reports whether a list mirror's item op still stands for o.
// Values (ints, floats, None, bools) have no link: they are compared by
// value, or a list of ints would get a new item array (and leak the old
// one) every time it crosses into C.
func (s *tstate) sameItem(op *C.PyObject, o py.Object) bool {
	if op == nil {
		return false
	}
	switch v := o.(type) {
	case py.Int:
		if op.ob_type != &C.PyLong_Type {
			return false
		}
		n := obSize(op)
		return n >= -2 && n <= 2 && smallLongFromC(op, n) == int64(v)
	case py.Float:
		return op.ob_type == &C.PyFloat_Type && *(*uint64)(ptrAt(op, 16)) == math.Float64bits(float64(v))
	case py.NoneType:
		return op == noneObj
	case py.Bool:
		return op == trueObj && bool(v) || op == falseObj && !bool(v)
	}
	l := linkOf(op)
	return l != nil && l.object() == o
}

// fillList replaces a list mirror's items. The old item array and its
// references go to the autorelease pool: C code may be iterating it.
func (s *tstate) fillList(op *C.PyObject, items []py.Object) {
	arr := (**C.PyObject)(C.fpy_alloc(C.size_t(max(len(items), 1)) * C.size_t(unsafe.Sizeof(op))))
	slots := unsafe.Slice(arr, len(items))
	for i, it := range items {
		slots[i] = s.newRef(it)
	}
	oldp := (***C.PyObject)(ptrAt(op, offListItems))
	old := *oldp
	n := obSize(op)
	for _, it := range unsafe.Slice(old, n) {
		if it != nil {
			s.keep(it)
		}
	}
	if old != nil {
		oldArraysMu.Lock()
		oldArrays = append(oldArrays, unsafe.Pointer(old))
		oldArraysMu.Unlock()
	}
	*oldp = arr
	*(*int64)(ptrAt(op, offObSize)) = int64(len(items))
	*(*int64)(ptrAt(op, offListItems+8)) = int64(len(items))
}

// oldArrays are replaced list item arrays; they are leaked for now rather
// than freed under C code that may still read them (docs/capi.md).
var (
	oldArraysMu sync.Mutex
	oldArrays   []unsafe.Pointer
)

func cbytes(b []byte) *C.char {
	if len(b) == 0 {
		return nil
	}
	return (*C.char)(unsafe.Pointer(&b[0]))
}

func strToC(v *py.Str) *C.PyObject {
	n := v.Len()
	if v.IsASCII() {
		op := C.fpy_unicode_new(C.Py_ssize_t(n), 1, 1)
		dst := unsafe.Slice((*byte)(ptrAt(op, sizeASCII)), n)
		copy(dst, v.String())
		return op
	}
	rs := v.Runes()
	maxc := rune(0)
	for _, r := range rs {
		maxc = max(maxc, r)
	}
	switch {
	case maxc < 0x100:
		op := C.fpy_unicode_new(C.Py_ssize_t(n), 1, 0)
		dst := unsafe.Slice((*byte)(ptrAt(op, sizeCompact)), n)
		for i, r := range rs {
			dst[i] = byte(r)
		}
		return op
	case maxc < 0x10000:
		op := C.fpy_unicode_new(C.Py_ssize_t(n), 2, 0)
		dst := unsafe.Slice((*uint16)(ptrAt(op, sizeCompact)), n)
		for i, r := range rs {
			dst[i] = uint16(r)
		}
		return op
	default:
		op := C.fpy_unicode_new(C.Py_ssize_t(n), 4, 0)
		dst := unsafe.Slice((*uint32)(ptrAt(op, sizeCompact)), n)
		for i, r := range rs {
			dst[i] = uint32(r)
		}
		return op
	}
}

// strFromC decodes a PyUnicodeObject's code points.
func strFromC(op *C.PyObject) *py.Str {
	n := int(*(*int64)(ptrAt(op, offUniLength)))
	state := *(*uint32)(ptrAt(op, offUniState))
	kind := (state >> 2) & 7
	compact := state&(1<<5) != 0
	ascii := state&(1<<6) != 0
	var data unsafe.Pointer
	switch {
	case compact && ascii:
		data = ptrAt(op, sizeASCII)
	case compact:
		data = ptrAt(op, sizeCompact)
	default:
		data = *(*unsafe.Pointer)(ptrAt(op, offUniDataAny))
	}
	if n == 0 || data == nil {
		return py.NewStr("")
	}
	if ascii {
		return py.NewStr(string(unsafe.Slice((*byte)(data), n)))
	}
	rs := make([]rune, n)
	switch kind {
	case 1:
		for i, c := range unsafe.Slice((*byte)(data), n) {
			rs[i] = rune(c)
		}
	case 2:
		for i, c := range unsafe.Slice((*uint16)(data), n) {
			rs[i] = rune(c)
		}
	default:
		for i, c := range unsafe.Slice((*uint32)(data), n) {
			rs[i] = rune(c)
		}
	}
	return py.NewStrFromRunes(rs)
}

// fromC returns the Go object for a C object (borrowed: the count is not
// changed), realizing objects that C code built.
func (s *tstate) fromC(op *C.PyObject) py.Object {
	if op == nil {
		return nil
	}
	if C.fpy_debug != 0 && !isStaticType(op) && !isStaticSingleton(op) && C.fpy_is_poisoned(op) != 0 {
		reportFreed(op)
	}
	tp := op.ob_type
	switch tp {
	case typeLong:
		if n := obSize(op); n >= -2 && n <= 2 {
			// boxed in the thread's chunk, not by the allocator
			return s.t.BoxInt(smallLongFromC(op, n))
		}
		return longFromC(op)
	case typeFloat:
		return py.Float(*(*float64)(ptrAt(op, 16)))
	case typeBool:
		return py.Bool(op == trueObj)
	case typeNone:
		return py.None
	case typeComplex:
		return py.Complex(complex(*(*float64)(ptrAt(op, 16)), *(*float64)(ptrAt(op, 24))))
	}
	if tp == typeUnicode {
		if o := sharedStr(op); o != nil {
			return o
		}
	}
	if op == notImpl {
		return py.NotImplemented
	}
	if op == ellipsis {
		return py.Ellipsis
	}
	if l := linkOf(op); l != nil {
		if o := l.object(); o != nil {
			return o
		}
		if l.cowned {
			return s.reproxy(l)
		}
	}
	// Immutable objects that C code built (str, bytes, tuple) are decoded
	// without a link, like ints: linking costs more than decoding, and
	// only identity is lost, which CPython does not promise for them
	// either. Strings C code passes again and again (attribute names,
	// dict keys) come from a small per-thread cache, checked by content.
	switch tp {
	case &C.PyUnicode_Type:
		return s.cachedStr(op)
	case &C.PyBytes_Type:
		n := obSize(op)
		return py.NewBytes(append([]byte(nil), unsafe.Slice((*byte)(ptrAt(op, offBytesSval)), n)...))
	case &C.PyTuple_Type:
		n := obSize(op)
		items := make([]py.Object, n)
		for i, it := range unsafe.Slice((**C.PyObject)(ptrAt(op, offTupleItems)), n) {
			items[i] = s.fromCOrNone(it)
		}
		return py.NewTuple(items...)
	}
	var o py.Object
	switch tp {
	case &C.PyDict_Type:
		if cdictTable(op) != nil {
			return s.realizeDict(op)
		}
	case &C.PyList_Type:
		n := obSize(op)
		items := make([]py.Object, n)
		arr := *(***C.PyObject)(ptrAt(op, offListItems))
		if n > 0 {
			for i, it := range unsafe.Slice(arr, n) {
				items[i] = s.fromCOrNone(it)
			}
		}
		o = py.NewList(items...)
	}
	if o != nil {
		newLink(o, op, false)
		return o
	}
	if op.ob_type == &C.PyType_Type || isTypeObject(op) {
		return s.typeFromC((*C.PyTypeObject)(unsafe.Pointer(op)))
	}
	if info := structSeqOfC(tp); info != nil {
		return s.structSeqFromC(op, info)
	}
	goType := s.typeFromC(tp)
	if tp.tp_flags&C.Py_TPFLAGS_TUPLE_SUBCLASS != 0 && goType.IsSubtype(py.TupleType) {
		return s.tupleSubclassFromC(op, goType)
	}
	return s.newProxy(op, goType)
}

// tupleSubclassFromC realizes an instance of a tuple subclass that C code
// allocated with the tuple layout (tp_alloc) and filled with
// PyTuple_SET_ITEM, as PyGObject makes its result tuples (a Python class
// over a C subclass of tuple): a Go instance of the class with those
// items, whose mirror is op, as for struct sequences. A proxy would not
// be a tuple to Go code (unpacking, indexing). op keeps its own fields,
// if its C type has any, for the C code it goes back to.
func (s *tstate) tupleSubclassFromC(op *C.PyObject, gt *py.Type) py.Object {
	n := obSize(op)
	items := make([]py.Object, n)
	for i, it := range unsafe.Slice((**C.PyObject)(ptrAt(op, offTupleItems)), n) {
		items[i] = s.fromCOrNone(it)
	}
	in := py.NewInstance(gt)
	in.Base = py.NewTuple(items...)
	newLink(in, op, false)
	return in
}

func (s *tstate) fromCOrNone(op *C.PyObject) py.Object {
	if op == nil {
		return py.None
	}
	return s.fromC(op)
}

func isTypeObject(op *C.PyObject) bool {
	return op.ob_type != nil && op.ob_type.tp_flags&C.Py_TPFLAGS_TYPE_SUBCLASS != 0
}

// newProxy makes the Go proxy of a C-owned object; the proxy takes a
// reference of its own.
func (s *tstate) newProxy(op *C.PyObject, typ *py.Type) py.Object {
	s.helpFinalize()
	p := py.NewCObject(typ, unsafe.Pointer(op))
	incref(op)
	newLink(p, op, true)
	return p
}

// reproxy replaces a collected proxy whose cleanup has not run yet; the
// new proxy inherits the old one's reference.
func (s *tstate) reproxy(l *link) py.Object {
	op := l.ptr
	l.mu.Lock()
	inherit := !l.dead
	l.dead = true
	l.mu.Unlock()
	atomicCASU64(headHandle(op), l.id, 0)
	links.remove(l)
	typ := s.typeFromC(op.ob_type)
	p := py.NewCObject(typ, unsafe.Pointer(op))
	if !inherit {
		incref(op)
	}
	newLink(p, op, true)
	return p
}

// deallocUnlinked destroys an object whose count is zero and whose link
// is gone.
func (s *tstate) deallocUnlinked(op *C.PyObject) {
	s.dealloc(op)
}

// reportFreed: FREEPY_CAPI_DEBUG found C code using an object it had
// already released; the memory was kept (poisoned), so going on is safe.
func reportFreed(op *C.PyObject) {
	name := "?"
	if op.ob_type != nil {
		name = cstr(op.ob_type.tp_name)
	}
	fmt.Fprintf(os.Stderr, "freepy: use of a freed '%s' object at %p (its last reference was released before)\n", name, unsafe.Pointer(op))
}

// The shared empty and one-character ASCII strs of the C side
// (fpy_shared_strs) and their Go strs, by index.
var (
	sharedStrBase uintptr
	sharedStrGo   [C.FPY_NSHARED_STRS]*py.Str
)

func initSharedStrs() {
	// the first str sits after its head
	sharedStrBase = uintptr(unsafe.Pointer(C.fpy_shared_strs)) + headSize
	sharedStrGo[0] = py.NewStr("")
	for c := 0; c < C.FPY_NSHARED_STRS-1; c++ {
		sharedStrGo[1+c] = py.NewStr(string(rune(c)))
	}
}

// sharedStr is the Go str of a shared C str, or nil if op is not one.
func sharedStr(op *C.PyObject) *py.Str {
	const size = C.sizeof_fpy_shared_str
	off := uintptr(unsafe.Pointer(op)) - sharedStrBase
	if off >= size*uintptr(len(sharedStrGo)) || off%size != 0 {
		return nil
	}
	return sharedStrGo[off/size]
}

// cachedStr decodes a str C code made, reusing the Go string decoded
// before for the same contents.
func (s *tstate) cachedStr(op *C.PyObject) *py.Str {
	n := int(*(*int64)(ptrAt(op, offUniLength)))
	state := *(*uint32)(ptrAt(op, offUniState))
	ascii := state&(1<<6) != 0 && state&(1<<5) != 0
	if !ascii || n > 64 {
		return strFromC(op)
	}
	// by content: C code makes the same short strings again and again
	// (Py_BuildValue's "s" keys, attribute names), at new addresses
	b := unsafe.String((*byte)(ptrAt(op, sizeASCII)), n)
	h := uint32(n) * 0x9e3779b1
	if n > 0 {
		h ^= uint32(b[0]) | uint32(b[n-1])<<8 | uint32(b[n/2])<<16
		h *= 0x85ebca6b
	}
	slot := &s.strCache[h>>24]
	if c := *slot; c != nil && c.String() == b {
		return c
	}
	v := strFromC(op)
	*slot = v
	return v
}
