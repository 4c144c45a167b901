package capi

/*
#include "shim.h"
*/
import "C"

import (
	"sync/atomic"
	"unsafe"

	"freepy/interp/py"
)

// Calls from the C shim into Go that are not C-API functions themselves.

func cur() *tstate { return stateFromC(C.fpy_get_tstate()) }

//export fpyGo_LinkedZero
func fpyGo_LinkedZero(op *C.PyObject) {
	l := linkOf(op)
	if l == nil {
		s := cur()
		s.deallocUnlinked(op)
		return
	}
	if !l.cowned {
		l.maybeWeaken()
	}
	// a C-owned object's count cannot reach zero while its proxy holds a
	// reference; if it does (an extra Py_DECREF in C), keep the memory:
	// the proxy still points at it.
}

//export fpyGo_ForeignThread
func fpyGo_ForeignThread() {
	foreignThread()
}

//export fpyGo_LongIndex
func fpyGo_LongIndex(op *C.PyObject) *C.PyObject {
	s := cur()
	o := s.fromC(op)
	v, err := py.Index(s.t, o)
	if err != nil {
		s.setError(err)
		return nil
	}
	// an exact int: a fresh mirror of the value
	return s.newRef(py.Unwrap(v))
}

//export fpyGo_ToDouble
func fpyGo_ToDouble(op *C.PyObject) C.double {
	s := cur()
	o := s.fromC(op)
	v, err := py.Call(s.t, py.FloatType, []py.Object{o}, nil)
	if err != nil {
		if py.IsInstanceOf(err, py.ValueErrorType) {
			err = py.TypeErrorf("must be real number, not %s", o.Type().Name())
		}
		s.setError(err)
		return -1
	}
	f, _ := py.Unwrap(v).(py.Float)
	return C.double(f)
}

//export fpyGo_ToComplex
func fpyGo_ToComplex(op *C.PyObject) C.Py_complex {
	s := cur()
	o := s.fromC(op)
	v, err := py.Call(s.t, py.ComplexType, []py.Object{o}, nil)
	if err != nil {
		s.setError(err)
		return C.Py_complex{real: -1}
	}
	c, _ := py.Unwrap(v).(py.Complex)
	return C.Py_complex{real: C.double(real(c)), imag: C.double(imag(c))}
}

//export fpyGo_DecodeUTF8Slow
func fpyGo_DecodeUTF8Slow(p *C.char, n C.Py_ssize_t, errors *C.char) *C.PyObject {
	s := cur()
	b := C.GoBytes(unsafe.Pointer(p), C.int(n))
	e := cstr(errors)
	if e == "" {
		e = "strict"
	}
	r, err := py.DecodeBytes(s.t, b, "utf-8", e)
	if err != nil {
		s.setError(err)
		return nil
	}
	return s.newRef(r)
}

func (s *tstate) listOf(op *C.PyObject) (*py.List, bool) {
	l, ok := py.Unwrap(s.fromC(op)).(*py.List)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
	}
	return l, ok
}

//export fpyGo_ListSize
func fpyGo_ListSize(op *C.PyObject) C.Py_ssize_t {
	s := cur()
	l, ok := s.listOf(op)
	if !ok {
		return -1
	}
	return C.Py_ssize_t(l.Len())
}

//export fpyGo_ListGetItem
func fpyGo_ListGetItem(op *C.PyObject, i C.Py_ssize_t) *C.PyObject {
	s := cur()
	l, ok := s.listOf(op)
	if !ok {
		return nil
	}
	if i < 0 || int(i) >= l.Len() {
		s.setError(py.NewError(py.IndexErrorType, "list index out of range"))
		return nil
	}
	r := s.newRef(l.At(int(i)))
	s.keepBorrowed(r)
	return r
}

// keepBorrowed turns a new reference into a borrowed one kept alive until
// the current C call returns (autorelease, de-duplicated).
func (s *tstate) keepBorrowed(op *C.PyObject) {
	if op == nil || immortal(op) {
		return
	}
	if _, ok := s.inPool[op]; ok {
		s.decref(op)
		return
	}
	s.inPool[op] = struct{}{}
	s.pool = append(s.pool, poolEntry{op: op})
	if n := int64(len(s.pool)); n > poolPeak.Load() {
		poolPeak.Store(n) // racy max: a statistic for tests
	}
}

// poolPeak is the largest autorelease pool seen (for tests).
var poolPeak atomic.Int64

//export fpyGo_ListSetItem
func fpyGo_ListSetItem(op *C.PyObject, i C.Py_ssize_t, v *C.PyObject) C.int {
	s := cur()
	defer s.decref(v)
	l, ok := s.listOf(op)
	if !ok {
		return -1
	}
	if !l.SetItemAt(int(i), s.fromC(v)) {
		s.setError(py.NewError(py.IndexErrorType, "list assignment index out of range"))
		return -1
	}
	s.refresh(op, l)
	return 0
}

//export fpyGo_ListInsert
func fpyGo_ListInsert(op *C.PyObject, i C.Py_ssize_t, v *C.PyObject) C.int {
	s := cur()
	l, ok := s.listOf(op)
	if !ok {
		return -1
	}
	o := s.fromC(v)
	if int64(i) >= int64(l.Len()) {
		l.Append(o)
	} else {
		if _, err := py.CallMethod(s.t, l, "insert", py.Int(i), o); err != nil {
			s.setError(err)
			return -1
		}
	}
	s.refresh(op, l)
	return 0
}

// ---- generic slots of mirrors of Go types ----

//export fpyGo_SlotUnary
func fpyGo_SlotUnary(a *C.PyObject, which C.int) *C.PyObject {
	s := cur()
	o := s.fromC(a)
	t := s.t
	switch which {
	case C.FPY_S_REPR:
		r, err := py.Repr(t, o)
		if err != nil {
			return s.ret(nil, err)
		}
		return s.newRef(r)
	case C.FPY_S_STR:
		r, err := py.StrOf(t, o)
		if err != nil {
			return s.ret(nil, err)
		}
		return s.newRef(r)
	case C.FPY_S_ITER:
		return s.ret(py.Iter(t, o))
	case C.FPY_S_NEXT:
		r, err := py.Next(t, o)
		if err != nil || r == nil {
			return s.ret(nil, err) // exhausted: NULL without an error
		}
		return s.newRef(r)
	case C.FPY_S_INDEX:
		return s.ret(py.Index(t, o))
	}
	var f py.UnaryFunc
	sym := ""
	typ := o.Type()
	switch which {
	case C.FPY_S_NEG:
		f, sym = py.LoadPtr(&typ.Neg), "unary -"
	case C.FPY_S_POS:
		f, sym = py.LoadPtr(&typ.Pos), "unary +"
	case C.FPY_S_ABS:
		f, sym = py.LoadPtr(&typ.Abs), "abs()"
	case C.FPY_S_INVERT:
		f, sym = py.LoadPtr(&typ.Invert), "unary ~"
	case C.FPY_S_INT:
		return s.ret(py.Call(t, py.IntType, []py.Object{o}, nil))
	case C.FPY_S_FLOAT:
		return s.ret(py.Call(t, py.FloatType, []py.Object{o}, nil))
	}
	return s.ret(py.UnaryOp(t, o, f, sym))
}

//export fpyGo_SlotBinary
func fpyGo_SlotBinary(a, b *C.PyObject, which C.int) *C.PyObject {
	s := cur()
	x, y := s.fromC(a), s.fromC(b)
	switch which {
	case C.FPY_S_GETATTR:
		n, ok := y.(*py.Str)
		if !ok {
			return s.ret(nil, py.TypeErrorf("attribute name must be string, not '%s'", y.Type().Name()))
		}
		s.adoptTypeDict(x)
		if own := fnp(s.typePtr(x.Type()).tp_getattro); own != nil && C.fpy_is_generic_slot(own) == 0 {
			// x's type answers attributes in C, so C code called a base
			// type's slot explicitly (PyGObject's result tuples call
			// PyTuple_Type.tp_getattro): the nearest Go implementation,
			// not x's type's C slot again, which recursed forever
			impl := goBase(x.Type(), "__getattribute__", func(tp *C.PyTypeObject) unsafe.Pointer { return fnp(tp.tp_getattro) })
			if impl != nil && py.LoadPtr(&impl.GetAttr) != nil {
				return s.ret(py.LoadPtr(&impl.GetAttr)(s.t, x, n))
			}
			return s.ret(py.GenericGetAttr(s.t, x, n))
		}
		return s.ret(py.GetAttr(s.t, x, n))
	case C.FPY_S_GETITEM:
		return s.ret(py.GetItem(s.t, x, y))
	}
	return s.ret(py.BinaryOp(s.t, x, y, int(which-C.FPY_S_NB)))
}

//export fpyGo_SlotTernary
func fpyGo_SlotTernary(a, b, c *C.PyObject, which C.int) *C.PyObject {
	s := cur()
	x, y, z := s.fromC(a), s.fromC(b), s.fromC(c)
	switch which {
	case C.FPY_S_POW:
		if z == nil || z == py.None {
			return s.ret(py.BinaryOp(s.t, x, y, py.NbPow))
		}
		return s.ret(py.Pow3(s.t, x, y, z))
	case C.FPY_S_CALL:
		return s.ret(callWithTupleDict(s.t, x, y, z))
	case C.FPY_S_NEW:
		typ, ok := x.(*py.Type)
		if !ok {
			return s.ret(nil, py.TypeErrorf("cannot create instances"))
		}
		// the generic tp_new stands for a Go __new__: a C type's tp_new
		// that calls its base's (PyCSimpleType's calls PyType_Type's)
		// gets the nearest Go one, not its own again
		impl := goBase(typ, "__new__", func(tp *C.PyTypeObject) unsafe.Pointer { return fnp(tp.tp_new) })
		if impl == nil || py.LoadPtr(&impl.New) == nil {
			return s.ret(nil, py.TypeErrorf("cannot create '%s' instances", typ.Name()))
		}
		args, kw := tupleDictArgs(y, z)
		var names []string
		for _, k := range kw {
			names = append(names, k.name)
			args = append(args, k.v)
		}
		return s.ret(py.LoadPtr(&impl.New)(s.t, typ, args, names))
	case C.FPY_S_DESCR_GET:
		d := py.LoadPtr(&x.Type().DescrGet)
		if d == nil {
			return s.newRef(x)
		}
		var typ *py.Type
		if tt, ok := z.(*py.Type); ok {
			typ = tt
		}
		if y == py.None {
			y = nil
		}
		return s.ret(d(s.t, x, y, typ))
	}
	return s.ret(nil, py.Errorf(py.SystemErrorType, "bad slot"))
}

type kwPair struct {
	name string
	v    py.Object
}

func tupleDictArgs(args, kwargs py.Object) ([]py.Object, []kwPair) {
	var pos []py.Object
	if t, ok := args.(*py.Tuple); ok {
		pos = append(pos, t.Items()...)
	}
	var kw []kwPair
	if d, ok := kwargs.(*py.Dict); ok {
		for _, k := range d.Keys() {
			if ks, ok := k.(*py.Str); ok {
				kw = append(kw, kwPair{ks.String(), d.GetStr(ks.String())})
			}
		}
	}
	return pos, kw
}

func callWithTupleDict(t *py.Thread, fn, args, kwargs py.Object) (py.Object, error) {
	pos, kw := tupleDictArgs(args, kwargs)
	var names []string
	for _, k := range kw {
		names = append(names, k.name)
		pos = append(pos, k.v)
	}
	return py.Call(t, fn, pos, names)
}

//export fpyGo_SlotInt
func fpyGo_SlotInt(a, b, c *C.PyObject, which C.int) C.int {
	s := cur()
	x, y, z := s.fromC(a), s.fromC(b), s.fromC(c)
	switch which {
	case C.FPY_S_SETATTR:
		n, ok := y.(*py.Str)
		if !ok {
			return s.retInt(py.TypeErrorf("attribute name must be string, not '%s'", y.Type().Name()))
		}
		s.adoptTypeDict(x)
		impl := goBase(x.Type(), "__setattr__", func(tp *C.PyTypeObject) unsafe.Pointer { return fnp(tp.tp_setattro) })
		if impl != nil && py.LoadPtr(&impl.SetAttr) != nil {
			return s.retInt(py.LoadPtr(&impl.SetAttr)(s.t, x, n, z))
		}
		return s.retInt(py.GenericSetAttr(s.t, x, n, z))
	case C.FPY_S_SETITEM:
		if z == nil {
			return s.retInt(py.DelItem(s.t, x, y))
		}
		return s.retInt(py.SetItem(s.t, x, y, z))
	case C.FPY_S_CONTAINS:
		return s.retBool(py.Contains(s.t, x, y))
	case C.FPY_S_BOOL:
		return s.retBool(py.IsTrue(s.t, x))
	case C.FPY_S_INIT:
		impl := goBase(x.Type(), "__init__", func(tp *C.PyTypeObject) unsafe.Pointer { return fnp(tp.tp_init) })
		if impl == nil || py.LoadPtr(&impl.Init) == nil {
			return 0
		}
		init := py.LoadPtr(&impl.Init)
		pos, kw := tupleDictArgs(y, z)
		var names []string
		for _, k := range kw {
			names = append(names, k.name)
			pos = append(pos, k.v)
		}
		return s.retInt(init(s.t, x, pos, names))
	case C.FPY_S_DESCR_SET:
		d := py.LoadPtr(&x.Type().DescrSet)
		if d == nil {
			return s.retInt(py.Errorf(py.AttributeErrorType, "__set__"))
		}
		return s.retInt(d(s.t, x, y, z))
	}
	return s.retInt(py.Errorf(py.SystemErrorType, "bad slot"))
}

//export fpyGo_SlotLen
func fpyGo_SlotLen(a *C.PyObject, which C.int) C.Py_ssize_t {
	s := cur()
	o := s.fromC(a)
	n, err := py.Len(s.t, o)
	if err != nil {
		s.setError(err)
		return -1
	}
	return C.Py_ssize_t(n)
}

//export fpyGo_SlotHash
func fpyGo_SlotHash(a *C.PyObject) C.Py_hash_t {
	s := cur()
	o := s.fromC(a)
	h, err := py.Hash(s.t, o)
	if err != nil {
		s.setError(err)
		return -1
	}
	return C.Py_hash_t(h)
}

//export fpyGo_SlotRichCompare
func fpyGo_SlotRichCompare(a, b *C.PyObject, op C.int) *C.PyObject {
	s := cur()
	x, y := s.fromC(a), s.fromC(b)
	return s.ret(py.RichCompare(s.t, x, y, py.CompareOp(op)))
}

// goBase is the nearest of gt and its bases whose slot (read from its C
// type by get; dunder names it) is not an extension's C code: the Go
// implementation that a generic slot called from C for an object of type
// gt stands for. C code calls its base type's slot explicitly
// (PyCSimpleType's tp_new calls PyType_Type's, PyCStructType's
// tp_setattro calls PyType_Type's); dispatching on gt would run gt's own C
// slot again, forever. A Python class that does not define the dunder
// itself has its base's slot.
func goBase(gt *py.Type, dunder string, get func(*C.PyTypeObject) unsafe.Pointer) *py.Type {
	for ; gt != nil; gt = gt.Base() {
		if v, ok := cTypes.Load(gt); ok {
			if f := get(v.(*C.PyTypeObject)); f == nil || C.fpy_is_generic_slot(f) != 0 {
				return gt
			}
			continue
		}
		if gt.Dict.GetStr(dunder) != nil {
			return gt
		}
	}
	return nil
}
