package capi

/*
#include "shim.h"
#include <stdlib.h>
*/
import "C"

import (
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"freepy/interp/py"
)

// Concrete types and protocols, mostly by calling what Python code would
// call: the interpreter already has the semantics and the messages.

func (s *tstate) method(op *C.PyObject, name string, args ...py.Object) *C.PyObject {
	return s.ret(py.CallMethod(s.t, s.fromC(op), name, args...))
}

func (s *tstate) methodInt(op *C.PyObject, name string, args ...py.Object) C.int {
	_, err := py.CallMethod(s.t, s.fromC(op), name, args...)
	s.refreshAfter(op, s.fromC(op))
	return s.retInt(err)
}

// ---- sets ----

//export fpyGo_PySet_New
func fpyGo_PySet_New(ts *C.PyThreadState, it *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if it == nil {
		return s.newRef(py.NewSet())
	}
	return s.ret(py.Call(s.t, py.SetType, []py.Object{s.fromC(it)}, nil))
}

//export fpyGo_PyFrozenSet_New
func fpyGo_PyFrozenSet_New(ts *C.PyThreadState, it *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if it == nil {
		return s.newRef(py.NewFrozenSet())
	}
	return s.ret(py.Call(s.t, py.FrozenSetType, []py.Object{s.fromC(it)}, nil))
}

//export fpyGo_PySet_Add
func fpyGo_PySet_Add(ts *C.PyThreadState, set, key *C.PyObject) C.int {
	s := stateFromC(ts)
	if _, ok := py.Unwrap(s.fromC(set)).(*py.Set); !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return -1
	}
	// frozensets being built in C may be added to (CPython allows it)
	return s.retInt(py.SetAddItem(s.t, py.Unwrap(s.fromC(set)).(*py.Set), s.fromC(key)))
}

//export fpyGo_PySet_Discard
func fpyGo_PySet_Discard(ts *C.PyThreadState, set, key *C.PyObject) C.int {
	s := stateFromC(ts)
	st, ok := py.Unwrap(s.fromC(set)).(*py.Set)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return -1
	}
	found, err := py.SetDiscardItem(s.t, st, s.fromC(key))
	return s.retBool(found, err)
}

//export fpyGo_PySet_Contains
func fpyGo_PySet_Contains(ts *C.PyThreadState, set, key *C.PyObject) C.int {
	s := stateFromC(ts)
	return s.retBool(py.Contains(s.t, s.fromC(set), s.fromC(key)))
}

//export fpyGo_PySet_Size
func fpyGo_PySet_Size(ts *C.PyThreadState, set *C.PyObject) C.Py_ssize_t {
	return fpyGo_PyObject_Size(ts, set)
}

//export fpyGo_PySet_Pop
func fpyGo_PySet_Pop(ts *C.PyThreadState, set *C.PyObject) *C.PyObject {
	return stateFromC(ts).method(set, "pop")
}

//export fpyGo_PySet_Clear
func fpyGo_PySet_Clear(ts *C.PyThreadState, set *C.PyObject) C.int {
	return stateFromC(ts).methodInt(set, "clear")
}

// ---- slices ----

//export fpyGo_PySlice_New
func fpyGo_PySlice_New(ts *C.PyThreadState, start, stop, step *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.newRef(py.NewSlice(s.fromC(start), s.fromC(stop), s.fromC(step)))
}

func (s *tstate) sliceIndex(o py.Object, def int64) (int64, error) {
	if o == nil || o == py.None {
		return def, nil
	}
	v, err := py.Index(s.t, o)
	if err != nil {
		return 0, py.TypeErrorf("slice indices must be integers or None or have an __index__ method")
	}
	switch x := py.Unwrap(v).(type) {
	case py.Int:
		return int64(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		if x.Big().Sign() < 0 {
			return math.MinInt64 + 1, nil
		}
		return math.MaxInt64, nil
	}
	return def, nil
}

//export fpyGo_PySlice_Unpack
func fpyGo_PySlice_Unpack(ts *C.PyThreadState, op *C.PyObject, start, stop, step *C.Py_ssize_t) C.int {
	s := stateFromC(ts)
	sl, ok := s.fromC(op).(*py.Slice)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return -1
	}
	st, err := s.sliceIndex(sl.Step, 1)
	if err != nil {
		return s.retInt(err)
	}
	if st == 0 {
		return s.retInt(py.ValueErrorf("slice step cannot be zero"))
	}
	if st < -math.MaxInt64 {
		st = -math.MaxInt64
	}
	defStart, defStop := int64(0), int64(math.MaxInt64)
	if st < 0 {
		defStart, defStop = math.MaxInt64, math.MinInt64
	}
	a, err := s.sliceIndex(sl.Start, defStart)
	if err != nil {
		return s.retInt(err)
	}
	b, err := s.sliceIndex(sl.Stop, defStop)
	if err != nil {
		return s.retInt(err)
	}
	*start, *stop, *step = C.Py_ssize_t(a), C.Py_ssize_t(b), C.Py_ssize_t(st)
	return 0
}

//export fpyGo_PySlice_AdjustIndices
func fpyGo_PySlice_AdjustIndices(ts *C.PyThreadState, length C.Py_ssize_t, start, stop *C.Py_ssize_t, step C.Py_ssize_t) C.Py_ssize_t {
	adj := func(p *C.Py_ssize_t) {
		if *p < 0 {
			*p += length
			if *p < 0 {
				if step < 0 {
					*p = -1
				} else {
					*p = 0
				}
			}
		} else if *p >= length {
			if step < 0 {
				*p = length - 1
			} else {
				*p = length
			}
		}
	}
	adj(start)
	adj(stop)
	if step < 0 {
		if *stop < *start {
			return (*start-*stop-1)/(-step) + 1
		}
	} else if *start < *stop {
		return (*stop-*start-1)/step + 1
	}
	return 0
}

//export fpyGo_PySlice_GetIndicesEx
func fpyGo_PySlice_GetIndicesEx(ts *C.PyThreadState, op *C.PyObject, length C.Py_ssize_t, start, stop, step, slicelen *C.Py_ssize_t) C.int {
	if fpyGo_PySlice_Unpack(ts, op, start, stop, step) < 0 {
		return -1
	}
	*slicelen = fpyGo_PySlice_AdjustIndices(ts, length, start, stop, *step)
	return 0
}

// ---- bytes and bytearray ----

//export fpyGo_PyBytes_FromObject
func fpyGo_PyBytes_FromObject(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Call(s.t, py.BytesType, []py.Object{s.fromC(o)}, nil))
}

//export fpyGo_PyBytes_Concat
func fpyGo_PyBytes_Concat(ts *C.PyThreadState, pv **C.PyObject, w *C.PyObject) {
	s := stateFromC(ts)
	if *pv == nil {
		return
	}
	if w == nil {
		s.decref(*pv)
		*pv = nil
		return
	}
	r := s.ret(py.BinaryOp(s.t, s.fromC(*pv), s.fromC(w), py.NbAdd))
	s.decref(*pv)
	*pv = r
}

//export fpyGo_PyBytes_ConcatAndDel
func fpyGo_PyBytes_ConcatAndDel(ts *C.PyThreadState, pv **C.PyObject, w *C.PyObject) {
	fpyGo_PyBytes_Concat(ts, pv, w)
	stateFromC(ts).decref(w)
}

//export fpyGo_PyByteArray_FromObject
func fpyGo_PyByteArray_FromObject(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Call(s.t, py.ByteArrayType, []py.Object{s.fromC(o)}, nil))
}

//export fpyGo_PyByteArray_FromStringAndSize
func fpyGo_PyByteArray_FromStringAndSize(ts *C.PyThreadState, p *C.char, n C.Py_ssize_t) *C.PyObject {
	s := stateFromC(ts)
	if n < 0 {
		s.setError(py.Errorf(py.SystemErrorType, "Negative size passed to PyByteArray_FromStringAndSize"))
		return nil
	}
	b := make([]byte, n)
	if p != nil && n > 0 {
		copy(b, unsafe.Slice((*byte)(unsafe.Pointer(p)), n))
	}
	return s.newRef(py.NewByteArray(b))
}

//export fpyGo_PyByteArray_Concat
func fpyGo_PyByteArray_Concat(ts *C.PyThreadState, a, b *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	x, err := py.Call(s.t, py.ByteArrayType, []py.Object{s.fromC(a)}, nil)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.ret(py.InplaceOp(s.t, x, s.fromC(b), py.NbAdd))
}

func (s *tstate) byteArray(op *C.PyObject) (*py.ByteArray, bool) {
	return objArg[*py.ByteArray](s, op)
}

//export fpyGo_PyByteArray_Size
func fpyGo_PyByteArray_Size(ts *C.PyThreadState, op *C.PyObject) C.Py_ssize_t {
	s := stateFromC(ts)
	b, ok := s.byteArray(op)
	if !ok {
		return -1
	}
	return C.Py_ssize_t(len(b.Bytes()))
}

//export fpyGo_PyByteArray_AsString
func fpyGo_PyByteArray_AsString(ts *C.PyThreadState, op *C.PyObject) *C.char {
	s := stateFromC(ts)
	if _, ok := s.byteArray(op); !ok {
		return nil
	}
	s.refresh(op, s.fromC(op))
	return *(**C.char)(ptrAt(op, offByteArrayStart))
}

//export fpyGo_PyByteArray_Resize
func fpyGo_PyByteArray_Resize(ts *C.PyThreadState, op *C.PyObject, n C.Py_ssize_t) C.int {
	s := stateFromC(ts)
	b, ok := s.byteArray(op)
	if !ok {
		return -1
	}
	cur := len(b.Bytes())
	var err error
	if int(n) < cur {
		_, err = py.CallMethod(s.t, b, "__delitem__", py.NewSlice(py.Int(n), nil, nil))
	} else if int(n) > cur {
		_, err = py.CallMethod(s.t, b, "extend", py.NewBytes(make([]byte, int(n)-cur)))
	}
	s.refresh(op, b)
	return s.retInt(err)
}

// bytearray mirrors point into the bytearray's Go buffer, pinned for as
// long as the mirror may be read (docs/capi.md).
var (
	pinsMu sync.Mutex
	pins   = map[*C.PyObject][]*runtime.Pinner{}
)

const offByteArrayStart = 40 // PyByteArrayObject.ob_start

func (s *tstate) fillByteArray(op *C.PyObject, b []byte) {
	var p unsafe.Pointer
	if len(b) > 0 {
		pin := new(runtime.Pinner)
		pin.Pin(&b[0])
		pinsMu.Lock()
		pins[op] = append(pins[op], pin)
		pinsMu.Unlock()
		p = unsafe.Pointer(&b[0])
	}
	*(*int64)(ptrAt(op, offObSize)) = int64(len(b))
	*(*int64)(ptrAt(op, 24)) = int64(cap(b)) // ob_alloc
	*(*unsafe.Pointer)(ptrAt(op, 32)) = p    // ob_bytes
	*(*unsafe.Pointer)(ptrAt(op, offByteArrayStart)) = p
}

func unpinMirror(op *C.PyObject) {
	pinsMu.Lock()
	ps := pins[op]
	delete(pins, op)
	pinsMu.Unlock()
	for _, p := range ps {
		p.Unpin()
	}
}

// ---- str ----

//export fpyGo_PyUnicode_ReadChar
func fpyGo_PyUnicode_ReadChar(ts *C.PyThreadState, op *C.PyObject, i C.Py_ssize_t) C.Py_UCS4 {
	s := stateFromC(ts)
	str, ok := s.strOf(op, "PyUnicode_ReadChar")
	if !ok {
		return C.Py_UCS4(math.MaxUint32)
	}
	if i < 0 || int(i) >= str.Len() {
		s.setError(py.NewError(py.IndexErrorType, "string index out of range"))
		return C.Py_UCS4(math.MaxUint32)
	}
	return C.Py_UCS4(str.At(int(i)))
}

// ---- numbers ----

func (s *tstate) callType(typ *py.Type, o *C.PyObject) *C.PyObject {
	return s.ret(py.Call(s.t, typ, []py.Object{s.fromC(o)}, nil))
}

//export fpyGo_PyNumber_Long
func fpyGo_PyNumber_Long(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).callType(py.IntType, o)
}

//export fpyGo_PyNumber_Float
func fpyGo_PyNumber_Float(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).callType(py.FloatType, o)
}

func (s *tstate) unary(o *C.PyObject, slot func(*py.Type) py.UnaryFunc, sym string) *C.PyObject {
	x := s.fromC(o)
	return s.ret(py.UnaryOp(s.t, x, slot(x.Type()), sym))
}

//export fpyGo_PyNumber_Negative
func fpyGo_PyNumber_Negative(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).unary(o, func(t *py.Type) py.UnaryFunc { return py.LoadPtr(&t.Neg) }, "unary -")
}

//export fpyGo_PyNumber_Positive
func fpyGo_PyNumber_Positive(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).unary(o, func(t *py.Type) py.UnaryFunc { return py.LoadPtr(&t.Pos) }, "unary +")
}

//export fpyGo_PyNumber_Absolute
func fpyGo_PyNumber_Absolute(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).unary(o, func(t *py.Type) py.UnaryFunc { return py.LoadPtr(&t.Abs) }, "abs()")
}

//export fpyGo_PyNumber_Invert
func fpyGo_PyNumber_Invert(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).unary(o, func(t *py.Type) py.UnaryFunc { return py.LoadPtr(&t.Invert) }, "unary ~")
}

//export fpyGo_PyNumber_Power
func fpyGo_PyNumber_Power(ts *C.PyThreadState, a, b, c *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if c == nil || c == noneObj {
		return s.ret(py.BinaryOp(s.t, s.fromC(a), s.fromC(b), py.NbPow))
	}
	return s.ret(py.Pow3(s.t, s.fromC(a), s.fromC(b), s.fromC(c)))
}

//export fpyGo_PyNumber_InPlacePower
func fpyGo_PyNumber_InPlacePower(ts *C.PyThreadState, a, b, c *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if c == nil || c == noneObj {
		return s.ret(py.InplaceOp(s.t, s.fromC(a), s.fromC(b), py.NbPow))
	}
	return fpyGo_PyNumber_Power(ts, a, b, c)
}

//export fpyGo_PyNumber_Divmod
func fpyGo_PyNumber_Divmod(ts *C.PyThreadState, a, b *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Divmod(s.t, s.fromC(a), s.fromC(b)))
}

//export fpyGo_PyNumber_Check
func fpyGo_PyNumber_Check(ts *C.PyThreadState, o *C.PyObject) C.int {
	s := stateFromC(ts)
	t := s.fromC(o).Type()
	if py.LoadPtr(&t.Index) != nil || py.LoadPtr(&t.Float) != nil || py.LoadPtr(&t.Int) != nil || t.IsSubtype(py.ComplexType) {
		return 1
	}
	return 0
}

//export fpyGo_PyIndex_Check
func fpyGo_PyIndex_Check(ts *C.PyThreadState, o *C.PyObject) C.int {
	s := stateFromC(ts)
	if py.LoadPtr(&s.fromC(o).Type().Index) != nil {
		return 1
	}
	return 0
}

//export fpyGo_PyNumber_AsSsize_t
func fpyGo_PyNumber_AsSsize_t(ts *C.PyThreadState, o, exc *C.PyObject) C.Py_ssize_t {
	s := stateFromC(ts)
	v, err := py.Index(s.t, s.fromC(o))
	if err != nil {
		s.setError(err)
		return -1
	}
	switch x := py.Unwrap(v).(type) {
	case py.Int:
		return C.Py_ssize_t(x)
	case py.Bool:
		if x {
			return 1
		}
		return 0
	case *py.BigInt:
		if exc == nil {
			if x.Big().Sign() < 0 {
				return C.Py_ssize_t(math.MinInt64)
			}
			return C.Py_ssize_t(math.MaxInt64)
		}
		et, _ := s.fromC(exc).(*py.Type)
		if et == nil {
			et = py.OverflowErrorType
		}
		s.setError(py.Errorf(et, "cannot fit 'int' into an index-sized integer"))
		return -1
	}
	return -1
}

//export fpyGo_PyLong_FromString
func fpyGo_PyLong_FromString(ts *C.PyThreadState, str *C.char, pend **C.char, base C.int) *C.PyObject {
	s := stateFromC(ts)
	text := cstr(str)
	t := strings.TrimLeft(text, " \t\n\r\f\v")
	end := len(t)
	for end > 0 && strings.ContainsRune(" \t\n\r\f\v", rune(t[end-1])) {
		end--
	}
	r, err := py.Call(s.t, py.IntType, []py.Object{py.NewStr(t[:end]), py.Int(base)}, nil)
	if pend != nil {
		*pend = (*C.char)(unsafe.Add(unsafe.Pointer(str), len(text)))
	}
	return s.ret(r, err)
}

//export fpyGo_PyLong_FromDouble
func fpyGo_PyLong_FromDouble(ts *C.PyThreadState, v C.double) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Call(s.t, py.IntType, []py.Object{py.Float(v)}, nil))
}

//export fpyGo_PyFloat_FromString
func fpyGo_PyFloat_FromString(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).callType(py.FloatType, o)
}

//export fpyGo_PyOS_string_to_double
func fpyGo_PyOS_string_to_double(ts *C.PyThreadState, str *C.char, endptr **C.char, exc *C.PyObject) C.double {
	s := stateFromC(ts)
	text := cstr(str)
	// the longest prefix that parses, as strtod would
	n := len(text)
	for ; n > 0; n-- {
		if _, err := strconv.ParseFloat(text[:n], 64); err == nil || strings.Contains(err.Error(), "range") {
			break
		}
	}
	if endptr != nil {
		*endptr = (*C.char)(unsafe.Add(unsafe.Pointer(str), n))
	} else if n != len(text) || n == 0 {
		s.setError(py.ValueErrorf("could not convert string to float: '%s'", text))
		return -1
	}
	if n == 0 {
		if endptr == nil {
			return -1
		}
		s.setError(py.ValueErrorf("could not convert string to float: '%s'", text))
		return -1
	}
	v, err := strconv.ParseFloat(text[:n], 64)
	if err != nil && exc != nil {
		et, _ := s.fromC(exc).(*py.Type)
		if et != nil {
			s.setError(py.Errorf(et, "value too large to convert to float: '%s'", text))
			return -1
		}
	}
	return C.double(v)
}

// ---- sequences, mappings, lists ----

//export fpyGo_PySequence_Concat
func fpyGo_PySequence_Concat(ts *C.PyThreadState, a, b *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.BinaryOp(s.t, s.fromC(a), s.fromC(b), py.NbAdd))
}

//export fpyGo_PySequence_InPlaceConcat
func fpyGo_PySequence_InPlaceConcat(ts *C.PyThreadState, a, b *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	r := s.ret(py.InplaceOp(s.t, s.fromC(a), s.fromC(b), py.NbAdd))
	s.refreshAfter(a, s.fromC(a))
	return r
}

//export fpyGo_PySequence_Repeat
func fpyGo_PySequence_Repeat(ts *C.PyThreadState, a *C.PyObject, n C.Py_ssize_t) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.BinaryOp(s.t, s.fromC(a), py.Int(n), py.NbMul))
}

//export fpyGo_PySequence_GetSlice
func fpyGo_PySequence_GetSlice(ts *C.PyThreadState, a *C.PyObject, i, j C.Py_ssize_t) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.GetItem(s.t, s.fromC(a), py.NewSlice(py.Int(i), py.Int(j), nil)))
}

//export fpyGo_PySequence_SetItem
func fpyGo_PySequence_SetItem(ts *C.PyThreadState, a *C.PyObject, i C.Py_ssize_t, v *C.PyObject) C.int {
	s := stateFromC(ts)
	o := s.fromC(a)
	var err error
	if v == nil {
		err = py.DelItem(s.t, o, py.Int(i))
	} else {
		err = py.SetItem(s.t, o, py.Int(i), s.fromC(v))
	}
	s.refreshAfter(a, o)
	return s.retInt(err)
}

//export fpyGo_PySequence_DelItem
func fpyGo_PySequence_DelItem(ts *C.PyThreadState, a *C.PyObject, i C.Py_ssize_t) C.int {
	return fpyGo_PySequence_SetItem(ts, a, i, nil)
}

func (s *tstate) methodSize(op *C.PyObject, name string, args ...py.Object) C.Py_ssize_t {
	r, err := py.CallMethod(s.t, s.fromC(op), name, args...)
	if err != nil {
		s.setError(err)
		return -1
	}
	n, err := py.IndexInt(s.t, r)
	if err != nil {
		s.setError(err)
		return -1
	}
	return C.Py_ssize_t(n)
}

//export fpyGo_PySequence_Index
func fpyGo_PySequence_Index(ts *C.PyThreadState, a, v *C.PyObject) C.Py_ssize_t {
	s := stateFromC(ts)
	return s.methodSize(a, "index", s.fromC(v))
}

//export fpyGo_PySequence_Count
func fpyGo_PySequence_Count(ts *C.PyThreadState, a, v *C.PyObject) C.Py_ssize_t {
	s := stateFromC(ts)
	return s.methodSize(a, "count", s.fromC(v))
}

//export fpyGo_PyMapping_Check
func fpyGo_PyMapping_Check(ts *C.PyThreadState, o *C.PyObject) C.int {
	s := stateFromC(ts)
	if py.LoadPtr(&s.fromC(o).Type().GetItem) != nil {
		return 1
	}
	return 0
}

func (s *tstate) listOfMethod(o *C.PyObject, name string) *C.PyObject {
	r, err := py.CallMethod(s.t, s.fromC(o), name)
	if err != nil {
		return s.ret(nil, err)
	}
	items, err := py.ToSlice(s.t, r)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.newRef(py.NewList(items...))
}

//export fpyGo_PyMapping_Keys
func fpyGo_PyMapping_Keys(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).listOfMethod(o, "keys")
}

//export fpyGo_PyMapping_Values
func fpyGo_PyMapping_Values(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).listOfMethod(o, "values")
}

//export fpyGo_PyMapping_Items
func fpyGo_PyMapping_Items(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).listOfMethod(o, "items")
}

//export fpyGo_PyMapping_GetItemString
func fpyGo_PyMapping_GetItemString(ts *C.PyThreadState, o *C.PyObject, k *C.char) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.GetItem(s.t, s.fromC(o), py.NewStr(cstr(k))))
}

//export fpyGo_PyMapping_SetItemString
func fpyGo_PyMapping_SetItemString(ts *C.PyThreadState, o *C.PyObject, k *C.char, v *C.PyObject) C.int {
	s := stateFromC(ts)
	x := s.fromC(o)
	err := py.SetItem(s.t, x, py.NewStr(cstr(k)), s.fromC(v))
	s.refreshAfter(o, x)
	return s.retInt(err)
}

//export fpyGo_PyMapping_HasKey
func fpyGo_PyMapping_HasKey(ts *C.PyThreadState, o, k *C.PyObject) C.int {
	s := stateFromC(ts)
	if _, err := py.GetItem(s.t, s.fromC(o), s.fromC(k)); err != nil {
		return 0
	}
	return 1
}

//export fpyGo_PyMapping_HasKeyString
func fpyGo_PyMapping_HasKeyString(ts *C.PyThreadState, o *C.PyObject, k *C.char) C.int {
	s := stateFromC(ts)
	if _, err := py.GetItem(s.t, s.fromC(o), py.NewStr(cstr(k))); err != nil {
		return 0
	}
	return 1
}

//export fpyGo_PyMapping_GetOptionalItem
func fpyGo_PyMapping_GetOptionalItem(ts *C.PyThreadState, o, k *C.PyObject, res **C.PyObject) C.int {
	s := stateFromC(ts)
	*res = nil
	v, err := py.GetItem(s.t, s.fromC(o), s.fromC(k))
	if err != nil {
		if py.IsInstanceOf(err, py.KeyErrorType) {
			return 0
		}
		return s.retInt(err)
	}
	*res = s.newRef(v)
	return 1
}

//export fpyGo_PyList_GetSlice
func fpyGo_PyList_GetSlice(ts *C.PyThreadState, a *C.PyObject, i, j C.Py_ssize_t) *C.PyObject {
	return fpyGo_PySequence_GetSlice(ts, a, i, j)
}

//export fpyGo_PyList_SetSlice
func fpyGo_PyList_SetSlice(ts *C.PyThreadState, a *C.PyObject, i, j C.Py_ssize_t, v *C.PyObject) C.int {
	s := stateFromC(ts)
	o := s.fromC(a)
	sl := py.NewSlice(py.Int(i), py.Int(j), nil)
	var err error
	if v == nil {
		err = py.DelItem(s.t, o, sl)
	} else {
		err = py.SetItem(s.t, o, sl, s.fromC(v))
	}
	s.refreshAfter(a, o)
	return s.retInt(err)
}

//export fpyGo_PyList_Sort
func fpyGo_PyList_Sort(ts *C.PyThreadState, a *C.PyObject) C.int {
	return stateFromC(ts).methodInt(a, "sort")
}

//export fpyGo_PyList_Reverse
func fpyGo_PyList_Reverse(ts *C.PyThreadState, a *C.PyObject) C.int {
	return stateFromC(ts).methodInt(a, "reverse")
}

//export fpyGo_PyList_Extend
func fpyGo_PyList_Extend(ts *C.PyThreadState, a, it *C.PyObject) C.int {
	s := stateFromC(ts)
	return s.methodInt(a, "extend", s.fromC(it))
}

//export fpyGo_PyList_Clear
func fpyGo_PyList_Clear(ts *C.PyThreadState, a *C.PyObject) C.int {
	return stateFromC(ts).methodInt(a, "clear")
}

//export fpyGo_PyList_AsTuple
func fpyGo_PyList_AsTuple(ts *C.PyThreadState, a *C.PyObject) *C.PyObject {
	return fpyGo_PySequence_Tuple(ts, a)
}

//export fpyGo_PyList_GetItemRef
func fpyGo_PyList_GetItemRef(ts *C.PyThreadState, a *C.PyObject, i C.Py_ssize_t) *C.PyObject {
	s := stateFromC(ts)
	l, ok := py.Unwrap(s.fromC(a)).(*py.List)
	if !ok {
		s.setError(py.TypeErrorf("expected a list"))
		return nil
	}
	if i < 0 || int(i) >= l.Len() {
		s.setError(py.NewError(py.IndexErrorType, "list index out of range"))
		return nil
	}
	return s.newRef(l.At(int(i)))
}

// ---- objects, sys, eval ----

//export fpyGo_PyObject_Dir
func fpyGo_PyObject_Dir(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	dir := s.t.Interp().BuiltinByName("dir")
	if o == nil {
		return s.ret(py.Call(s.t, dir, nil, nil))
	}
	return s.ret(py.Call(s.t, dir, []py.Object{s.fromC(o)}, nil))
}

//export fpyGo_PyObject_Format
func fpyGo_PyObject_Format(ts *C.PyThreadState, o, spec *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	sp, _ := s.fromC(spec).(*py.Str)
	if sp == nil {
		sp = py.NewStr("")
	}
	return s.ret(py.Format(s.t, s.fromC(o), sp))
}

//export fpyGo_PyObject_Bytes
func fpyGo_PyObject_Bytes(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	return stateFromC(ts).callType(py.BytesType, o)
}

//export fpyGo_PyObject_SelfIter
func fpyGo_PyObject_SelfIter(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	incref(o)
	return o
}

//export fpyGo_PySys_GetObject
func fpyGo_PySys_GetObject(ts *C.PyThreadState, name *C.char) *C.PyObject {
	s := stateFromC(ts)
	v := s.t.Interp().Sys.Dict().GetStr(cstr(name))
	if v == nil {
		return nil
	}
	return s.borrowed(v)
}

//export fpyGo_PySys_SetObject
func fpyGo_PySys_SetObject(ts *C.PyThreadState, name *C.char, v *C.PyObject) C.int {
	s := stateFromC(ts)
	d := s.t.Interp().Sys.Dict()
	if v == nil {
		_, err := d.DelItem(s.t, py.NewStr(cstr(name)))
		return s.retInt(err)
	}
	d.SetStr(cstr(name), s.fromC(v))
	return 0
}

func (s *tstate) writeStd(name, text string) {
	f := s.t.Interp().Sys.Dict().GetStr(name)
	if f != nil && f != py.None {
		_ = py.WriteTo(s.t, f, text)
	}
}

// fpyGo_SysWrite is PySys_WriteStdout/Stderr after C formatted the text.
//
//export fpyGo_SysWrite
func fpyGo_SysWrite(toStderr C.int, text *C.char) {
	s := cur()
	saved := s.ts.curexc_type
	name := "stdout"
	if toStderr != 0 {
		name = "stderr"
	}
	s.writeStd(name, cstr(text))
	_ = saved
}

//export fpyGo_PyEval_GetBuiltins
func fpyGo_PyEval_GetBuiltins(ts *C.PyThreadState) *C.PyObject {
	s := stateFromC(ts)
	return s.borrowed(s.t.Interp().Builtins.Dict())
}

//export fpyGo_PyEval_GetGlobals
func fpyGo_PyEval_GetGlobals(ts *C.PyThreadState) *C.PyObject {
	s := stateFromC(ts)
	f := s.t.Frame()
	if f == nil {
		return nil
	}
	return s.borrowed(f.Globals())
}

//export fpyGo_PyDict_Pop
func fpyGo_PyDict_Pop(ts *C.PyThreadState, d, k *C.PyObject, res **C.PyObject) C.int {
	s := stateFromC(ts)
	dict, ok := s.dictOf(d, "PyDict_Pop")
	if res != nil {
		*res = nil
	}
	if !ok {
		return -1
	}
	v, found, err := dict.Pop(s.t, s.fromC(k))
	s.refresh(d, dict)
	if err != nil {
		return s.retInt(err)
	}
	if !found {
		return 0
	}
	if res != nil {
		*res = s.newRef(v)
	}
	return 1
}

//export fpyGo_PyDict_PopString
func fpyGo_PyDict_PopString(ts *C.PyThreadState, d *C.PyObject, k *C.char, res **C.PyObject) C.int {
	s := stateFromC(ts)
	key := s.newRef(py.NewStr(cstr(k)))
	s.keep(key)
	return fpyGo_PyDict_Pop(ts, d, key, res)
}

//export fpyGo_PyImport_AddModuleRef
func fpyGo_PyImport_AddModuleRef(ts *C.PyThreadState, name *C.char) *C.PyObject {
	r := fpyGo_PyImport_AddModule(ts, name)
	incref(r)
	return r
}

//export fpyGo_PyErr_WriteUnraisable
func fpyGo_PyErr_WriteUnraisable(ts *C.PyThreadState, o *C.PyObject) {
	s := stateFromC(ts)
	err := s.fetchError()
	if err == nil {
		return
	}
	var obj py.Object
	if o != nil {
		obj = s.fromC(o)
	}
	py.WriteUnraisable(s.t, err, "", obj)
}

//export fpyGo_PyErr_PrintEx
func fpyGo_PyErr_PrintEx(ts *C.PyThreadState, set C.int) {
	s := stateFromC(ts)
	err := s.fetchError()
	if err == nil {
		return
	}
	s.writeStd("stderr", py.FormatException(s.t, exceptionOf(err)))
}

//export fpyGo_PyErr_Print
func fpyGo_PyErr_Print(ts *C.PyThreadState) { fpyGo_PyErr_PrintEx(ts, 1) }

//export fpyGo_PyErr_CheckSignals
func fpyGo_PyErr_CheckSignals(ts *C.PyThreadState) C.int {
	s := stateFromC(ts)
	if err := s.t.CheckSignals(); err != nil {
		s.setError(err)
		return -1
	}
	return 0
}

//export fpyGo_PySeqIter_New
func fpyGo_PySeqIter_New(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Iter(s.t, s.fromC(o)))
}

//export fpyGo_PyCallIter_New
func fpyGo_PyCallIter_New(ts *C.PyThreadState, fn, sentinel *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Call(s.t, s.t.Interp().BuiltinByName("iter"), []py.Object{s.fromC(fn), s.fromC(sentinel)}, nil))
}

//export fpyGo_PyObject_ClearWeakRefs
func fpyGo_PyObject_ClearWeakRefs(ts *C.PyThreadState, o *C.PyObject) {}

//export fpyGo_PyObject_IS_GC
func fpyGo_PyObject_IS_GC(ts *C.PyThreadState, o *C.PyObject) C.int { return 1 }

// Py_GenericAlias is types.GenericAlias(origin, args): _queue's
// SimpleQueue.__class_getitem__ and the like.
//
//export fpyGo_Py_GenericAlias
func fpyGo_Py_GenericAlias(ts *C.PyThreadState, origin, args *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Call(s.t, py.GenericAliasType, []py.Object{s.fromC(origin), s.fromC(args)}, nil))
}
