package capi

/*
#include "shim.h"
#include <stdlib.h>
*/
import "C"

import (
	"unsafe"

	"freepy/interp/py"
)

// The object protocol. Each function converts its arguments, calls the
// interpreter and converts the result back. A legacy module's pseudo-GIL
// stays held unless Python bytecode runs (py.LegacyRelease), as CPython's
// GIL can only switch threads there.

func (s *tstate) str(p *C.char) *py.Str { return py.NewStr(cstr(p)) }

func (s *tstate) name(o *C.PyObject) (*py.Str, bool) {
	n, ok := s.fromC(o).(*py.Str)
	if !ok {
		v := s.fromC(o)
		tn := "NULL"
		if v != nil {
			tn = v.Type().Name()
		}
		s.setError(py.TypeErrorf("attribute name must be string, not '%s'", tn))
	}
	return n, ok
}

//export fpyGo_PyObject_Repr
func fpyGo_PyObject_Repr(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if o == nil {
		return s.newRef(py.NewStr("<NULL>"))
	}
	x := s.fromC(o)
	r, err := py.Repr(s.t, x)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.newRef(r)
}

//export fpyGo_PyObject_Str
func fpyGo_PyObject_Str(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if o == nil {
		return s.newRef(py.NewStr("<NULL>"))
	}
	x := s.fromC(o)
	r, err := py.StrOf(s.t, x)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.newRef(r)
}

//export fpyGo_PyObject_ASCII
func fpyGo_PyObject_ASCII(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	x := s.fromC(o)
	return s.ret(py.Ascii(s.t, x))
}

//export fpyGo_PyObject_GetAttr
func fpyGo_PyObject_GetAttr(ts *C.PyThreadState, o, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		return nil
	}
	x := s.fromC(o)
	s.adoptTypeDict(x)
	return s.ret(py.GetAttr(s.t, x, n))
}

//export fpyGo_PyObject_GetAttrString
func fpyGo_PyObject_GetAttrString(ts *C.PyThreadState, o *C.PyObject, name *C.char) *C.PyObject {
	s := stateFromC(ts)
	x := s.fromC(o)
	s.adoptTypeDict(x)
	return s.ret(py.GetAttr(s.t, x, py.NewStr(cstr(name))))
}

func (s *tstate) optionalAttr(o py.Object, n *py.Str, res **C.PyObject) C.int {
	s.adoptTypeDict(o)
	v, err := py.GetAttr(s.t, o, n)
	if err != nil {
		if py.IsInstanceOf(err, py.AttributeErrorType) {
			if res != nil {
				*res = nil
			}
			return 0
		}
		if res != nil {
			*res = nil
		}
		s.setError(err)
		return -1
	}
	if res != nil {
		*res = s.newRef(v)
	}
	return 1
}

//export fpyGo_PyObject_GetOptionalAttr
func fpyGo_PyObject_GetOptionalAttr(ts *C.PyThreadState, o, name *C.PyObject, res **C.PyObject) C.int {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		*res = nil
		return -1
	}
	return s.optionalAttr(s.fromC(o), n, res)
}

//export fpyGo__PyObject_LookupAttr
func fpyGo__PyObject_LookupAttr(ts *C.PyThreadState, o, name *C.PyObject, res **C.PyObject) C.int {
	return fpyGo_PyObject_GetOptionalAttr(ts, o, name, res)
}

//export fpyGo_PyObject_GetOptionalAttrString
func fpyGo_PyObject_GetOptionalAttrString(ts *C.PyThreadState, o *C.PyObject, name *C.char, res **C.PyObject) C.int {
	s := stateFromC(ts)
	return s.optionalAttr(s.fromC(o), py.NewStr(cstr(name)), res)
}

//export fpyGo_PyObject_HasAttr
func fpyGo_PyObject_HasAttr(ts *C.PyThreadState, o, name *C.PyObject) C.int {
	s := stateFromC(ts)
	n, ok := s.fromC(name).(*py.Str)
	if !ok {
		return 0
	}
	r := s.optionalAttr(s.fromC(o), n, nil)
	if r < 0 {
		s.clearError()
		return 0
	}
	return r
}

//export fpyGo_PyObject_HasAttrString
func fpyGo_PyObject_HasAttrString(ts *C.PyThreadState, o *C.PyObject, name *C.char) C.int {
	s := stateFromC(ts)
	r := s.optionalAttr(s.fromC(o), py.NewStr(cstr(name)), nil)
	if r < 0 {
		s.clearError()
		return 0
	}
	return r
}

//export fpyGo_PyObject_HasAttrWithError
func fpyGo_PyObject_HasAttrWithError(ts *C.PyThreadState, o, name *C.PyObject) C.int {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		return -1
	}
	return s.optionalAttr(s.fromC(o), n, nil)
}

//export fpyGo_PyObject_HasAttrStringWithError
func fpyGo_PyObject_HasAttrStringWithError(ts *C.PyThreadState, o *C.PyObject, name *C.char) C.int {
	s := stateFromC(ts)
	return s.optionalAttr(s.fromC(o), py.NewStr(cstr(name)), nil)
}

//export fpyGo_PyObject_SetAttr
func fpyGo_PyObject_SetAttr(ts *C.PyThreadState, o, name, v *C.PyObject) C.int {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		return -1
	}
	x, val := s.fromC(o), s.fromC(v)
	s.adoptTypeDict(x)
	return s.retInt(py.SetAttr(s.t, x, n, val))
}

//export fpyGo_PyObject_SetAttrString
func fpyGo_PyObject_SetAttrString(ts *C.PyThreadState, o *C.PyObject, name *C.char, v *C.PyObject) C.int {
	s := stateFromC(ts)
	x, val := s.fromC(o), s.fromC(v)
	s.adoptTypeDict(x)
	return s.retInt(py.SetAttr(s.t, x, py.NewStr(cstr(name)), val))
}

//export fpyGo_PyObject_DelAttr
func fpyGo_PyObject_DelAttr(ts *C.PyThreadState, o, name *C.PyObject) C.int {
	return fpyGo_PyObject_SetAttr(ts, o, name, nil)
}

//export fpyGo_PyObject_DelAttrString
func fpyGo_PyObject_DelAttrString(ts *C.PyThreadState, o *C.PyObject, name *C.char) C.int {
	return fpyGo_PyObject_SetAttrString(ts, o, name, nil)
}

//export fpyGo_PyObject_GenericGetAttr
func fpyGo_PyObject_GenericGetAttr(ts *C.PyThreadState, o, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		return nil
	}
	x := s.fromC(o)
	return s.ret(py.GenericGetAttr(s.t, x, n))
}

//export fpyGo_PyObject_GenericSetAttr
func fpyGo_PyObject_GenericSetAttr(ts *C.PyThreadState, o, name, v *C.PyObject) C.int {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		return -1
	}
	x, val := s.fromC(o), s.fromC(v)
	return s.retInt(py.GenericSetAttr(s.t, x, n, val))
}

//export fpyGo_PyObject_RichCompare
func fpyGo_PyObject_RichCompare(ts *C.PyThreadState, a, b *C.PyObject, op C.int) *C.PyObject {
	s := stateFromC(ts)
	x, y := s.fromC(a), s.fromC(b)
	return s.ret(py.RichCompare(s.t, x, y, py.CompareOp(op)))
}

//export fpyGo_PyObject_RichCompareBool
func fpyGo_PyObject_RichCompareBool(ts *C.PyThreadState, a, b *C.PyObject, op C.int) C.int {
	if a == b && (op == C.Py_EQ || op == C.Py_NE) {
		if op == C.Py_EQ {
			return 1
		}
		return 0
	}
	s := stateFromC(ts)
	x, y := s.fromC(a), s.fromC(b)
	return s.retBool(py.RichCompareBool(s.t, x, y, py.CompareOp(op)))
}

//export fpyGo_PyObject_Hash
func fpyGo_PyObject_Hash(ts *C.PyThreadState, o *C.PyObject) C.Py_hash_t {
	s := stateFromC(ts)
	x := s.fromC(o)
	h, err := py.Hash(s.t, x)
	if err != nil {
		s.setError(err)
		return -1
	}
	return C.Py_hash_t(h)
}

//export fpyGo_PyObject_HashNotImplemented
func fpyGo_PyObject_HashNotImplemented(ts *C.PyThreadState, o *C.PyObject) C.Py_hash_t {
	s := stateFromC(ts)
	s.setError(py.TypeErrorf("unhashable type: '%s'", s.fromC(o).Type().Name()))
	return -1
}

//export fpyGo_PyObject_IsTrue
func fpyGo_PyObject_IsTrue(ts *C.PyThreadState, o *C.PyObject) C.int {
	s := stateFromC(ts)
	x := s.fromC(o)
	return s.retBool(py.IsTrue(s.t, x))
}

//export fpyGo_PyObject_Not
func fpyGo_PyObject_Not(ts *C.PyThreadState, o *C.PyObject) C.int {
	r := fpyGo_PyObject_IsTrue(ts, o)
	if r < 0 {
		return r
	}
	return 1 - r
}

//export fpyGo_PyObject_Type
func fpyGo_PyObject_Type(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	tp := (*C.PyObject)(unsafe.Pointer(o.ob_type))
	incref(tp)
	return tp
}

//export fpyGo_PyObject_Size
func fpyGo_PyObject_Size(ts *C.PyThreadState, o *C.PyObject) C.Py_ssize_t {
	s := stateFromC(ts)
	x := s.fromC(o)
	n, err := py.Len(s.t, x)
	if err != nil {
		s.setError(err)
		return -1
	}
	return C.Py_ssize_t(n)
}

//export fpyGo_PyObject_Length
func fpyGo_PyObject_Length(ts *C.PyThreadState, o *C.PyObject) C.Py_ssize_t {
	return fpyGo_PyObject_Size(ts, o)
}

//export fpyGo_PySequence_Size
func fpyGo_PySequence_Size(ts *C.PyThreadState, o *C.PyObject) C.Py_ssize_t {
	return fpyGo_PyObject_Size(ts, o)
}

//export fpyGo_PySequence_Length
func fpyGo_PySequence_Length(ts *C.PyThreadState, o *C.PyObject) C.Py_ssize_t {
	return fpyGo_PyObject_Size(ts, o)
}

//export fpyGo_PyMapping_Size
func fpyGo_PyMapping_Size(ts *C.PyThreadState, o *C.PyObject) C.Py_ssize_t {
	return fpyGo_PyObject_Size(ts, o)
}

//export fpyGo_PyMapping_Length
func fpyGo_PyMapping_Length(ts *C.PyThreadState, o *C.PyObject) C.Py_ssize_t {
	return fpyGo_PyObject_Size(ts, o)
}

//export fpyGo_PyObject_GetItem
func fpyGo_PyObject_GetItem(ts *C.PyThreadState, o, k *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	x, key := s.fromC(o), s.fromC(k)
	return s.ret(py.GetItem(s.t, x, key))
}

//export fpyGo_PyObject_SetItem
func fpyGo_PyObject_SetItem(ts *C.PyThreadState, o, k, v *C.PyObject) C.int {
	s := stateFromC(ts)
	x, key, val := s.fromC(o), s.fromC(k), s.fromC(v)
	err := py.SetItem(s.t, x, key, val)
	s.refreshAfter(o, x)
	return s.retInt(err)
}

//export fpyGo_PyObject_DelItem
func fpyGo_PyObject_DelItem(ts *C.PyThreadState, o, k *C.PyObject) C.int {
	s := stateFromC(ts)
	x, key := s.fromC(o), s.fromC(k)
	err := py.DelItem(s.t, x, key)
	s.refreshAfter(o, x)
	return s.retInt(err)
}

//export fpyGo_PyObject_DelItemString
func fpyGo_PyObject_DelItemString(ts *C.PyThreadState, o *C.PyObject, k *C.char) C.int {
	s := stateFromC(ts)
	x := s.fromC(o)
	err := py.DelItem(s.t, x, py.NewStr(cstr(k)))
	s.refreshAfter(o, x)
	return s.retInt(err)
}

// refreshAfter updates a list or dict mirror after Go changed it for C.
func (s *tstate) refreshAfter(op *C.PyObject, o py.Object) {
	switch py.Unwrap(o).(type) {
	case *py.List, *py.Dict:
		s.refresh(op, o)
	}
}

//export fpyGo_PyObject_GetIter
func fpyGo_PyObject_GetIter(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	x := s.fromC(o)
	return s.ret(py.Iter(s.t, x))
}

//export fpyGo_PyIter_Next
func fpyGo_PyIter_Next(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	x := s.fromC(o)
	v, err := py.Next(s.t, x)
	if err != nil {
		if py.IsInstanceOf(err, py.StopIterationType) {
			return nil
		}
		return s.ret(nil, err)
	}
	if v == nil {
		return nil
	}
	return s.newRef(v)
}

//export fpyGo_PyIter_Check
func fpyGo_PyIter_Check(ts *C.PyThreadState, o *C.PyObject) C.int {
	s := stateFromC(ts)
	if py.LoadPtr(&s.fromC(o).Type().Next) != nil {
		return 1
	}
	return 0
}

//export fpyGo_PyCallable_Check
func fpyGo_PyCallable_Check(ts *C.PyThreadState, o *C.PyObject) C.int {
	s := stateFromC(ts)
	if o != nil && py.LoadPtr(&s.fromC(o).Type().Call) != nil {
		return 1
	}
	return 0
}

//export fpyGo_PyObject_Call
func fpyGo_PyObject_Call(ts *C.PyThreadState, f, args, kwargs *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	fn, a, kw := s.linkedFromC(f), s.fromC(args), s.fromC(kwargs)
	return s.ret(callWithTupleDict(s.t, fn, a, kw))
}

//export fpyGo_PyObject_CallObject
func fpyGo_PyObject_CallObject(ts *C.PyThreadState, f, args *C.PyObject) *C.PyObject {
	return fpyGo_PyObject_Call(ts, f, args, nil)
}

//export fpyGo_PyObject_CallNoArgs
func fpyGo_PyObject_CallNoArgs(ts *C.PyThreadState, f *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	fn := s.linkedFromC(f)
	return s.ret(py.Call(s.t, fn, nil, nil))
}

//export fpyGo_PyObject_CallOneArg
func fpyGo_PyObject_CallOneArg(ts *C.PyThreadState, f, a *C.PyObject) C.uintptr_t {
	s := stateFromC(ts)
	fn := s.linkedFromC(f)
	if s.argBusy {
		return cptr(s.ret(py.Call(s.t, fn, []py.Object{s.fromC(a)}, nil)))
	}
	s.argBusy = true
	s.argBuf[0] = s.fromC(a)
	var r py.Object
	var err error
	if pf, ok := fn.(*py.Function); ok {
		// a callback's usual target, called directly: py.Call's type
		// switch and frame are about 30 instructions of the call
		r, err = pf.Call(s.t, s.argBuf[:1], nil)
	} else {
		r, err = py.Call(s.t, fn, s.argBuf[:1], nil)
	}
	s.argBuf[0] = nil
	s.argBusy = false
	if i, ok := r.(py.Int); ok {
		// a callback's commonest result, without newRefLink's type
		// switch (an error comes with a nil r)
		return cptr(s.intToC(int64(i)))
	}
	return cptr(s.ret(r, err))
}

func (s *tstate) vectorArgs(args **C.PyObject, n int, kwnames *C.PyObject) ([]py.Object, []string) {
	var names []string
	nk := 0
	if kwnames != nil {
		if t, ok := s.fromC(kwnames).(*py.Tuple); ok {
			for _, k := range t.Items() {
				if ks, ok := k.(*py.Str); ok {
					names = append(names, ks.String())
				}
			}
			nk = len(names)
		}
	}
	out := make([]py.Object, 0, n+nk)
	if n+nk > 0 {
		for _, a := range unsafe.Slice(args, n+nk) {
			out = append(out, s.fromC(a))
		}
	}
	return out, names
}

const vectorcallArgsOffset = uint64(1) << 63

//export fpyGo_PyObject_Vectorcall
func fpyGo_PyObject_Vectorcall(ts *C.PyThreadState, f *C.PyObject, args **C.PyObject, nargsf C.size_t, kwnames *C.PyObject) C.uintptr_t {
	s := stateFromC(ts)
	n := int(uint64(nargsf) &^ vectorcallArgsOffset)
	fn := s.linkedFromC(f)
	if kwnames == nil && n <= len(s.argBuf) && !s.argBusy {
		s.argBusy = true
		a := s.argBuf[:n]
		if n > 0 {
			for i, x := range unsafe.Slice(args, n) {
				a[i] = s.fromC(x)
			}
		}
		r, err := py.Call(s.t, fn, a, nil)
		clear(a)
		s.argBusy = false
		return cptr(s.ret(r, err))
	}
	a, names := s.vectorArgs(args, n, kwnames)
	return cptr(s.ret(py.Call(s.t, fn, a, names)))
}

//export fpyGo_PyObject_VectorcallMethod
func fpyGo_PyObject_VectorcallMethod(ts *C.PyThreadState, name *C.PyObject, args **C.PyObject, nargsf C.size_t, kwnames *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n := int(uint64(nargsf) &^ vectorcallArgsOffset)
	nm, ok := s.name(name)
	if !ok {
		return nil
	}
	a, names := s.vectorArgs(args, n, kwnames)
	m, err := py.GetAttr(s.t, a[0], nm)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.ret(py.Call(s.t, m, a[1:], names))
}

//export fpyGo_PyObject_CallMethodNoArgs
func fpyGo_PyObject_CallMethodNoArgs(ts *C.PyThreadState, o, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	nm, ok := s.name(name)
	if !ok {
		return nil
	}
	x := s.fromC(o)
	return s.ret(py.CallMethod(s.t, x, nm.String()))
}

//export fpyGo_PyObject_CallMethodOneArg
func fpyGo_PyObject_CallMethodOneArg(ts *C.PyThreadState, o, name, a *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	nm, ok := s.name(name)
	if !ok {
		return nil
	}
	x, y := s.fromC(o), s.fromC(a)
	return s.ret(py.CallMethod(s.t, x, nm.String(), y))
}

//export fpyGo_PyObject_IsInstance
func fpyGo_PyObject_IsInstance(ts *C.PyThreadState, o, cls *C.PyObject) C.int {
	s := stateFromC(ts)
	x, c := s.fromC(o), s.fromC(cls)
	return s.retBool(py.IsInstanceFull(s.t, x, c))
}

//export fpyGo_PyObject_IsSubclass
func fpyGo_PyObject_IsSubclass(ts *C.PyThreadState, o, cls *C.PyObject) C.int {
	s := stateFromC(ts)
	x, c := s.fromC(o), s.fromC(cls)
	return s.retBool(py.IsSubclassFull(s.t, x, c))
}

// fpyGo_TypeIsSubtype is PyType_IsSubtype (shim/objects.c) for types
// whose MRO the C side does not know.
//
//export fpyGo_TypeIsSubtype
func fpyGo_TypeIsSubtype(ts *C.PyThreadState, a, b *C.PyTypeObject) C.int {
	if a == b {
		return 1
	}
	s := stateFromC(ts)
	if s.typeFromC(a).IsSubtype(s.typeFromC(b)) {
		return 1
	}
	return 0
}

//export fpyGo_PyErr_GivenExceptionMatches
func fpyGo_PyErr_GivenExceptionMatches(ts *C.PyThreadState, given, exc *C.PyObject) C.int {
	if given == nil || exc == nil {
		return 0
	}
	s := stateFromC(ts)
	g, e := s.fromC(given), s.fromC(exc)
	if be, ok := g.(*py.BaseException); ok {
		g = be.Type()
	}
	gt, ok := g.(*py.Type)
	if !ok {
		return 0
	}
	if tup, ok := e.(*py.Tuple); ok {
		for _, it := range tup.Items() {
			if et, ok := it.(*py.Type); ok && gt.IsSubtype(et) {
				return 1
			}
		}
		return 0
	}
	if et, ok := e.(*py.Type); ok && gt.IsSubtype(et) {
		return 1
	}
	return 0
}

//export fpyGo_PyErr_NormalizeException
func fpyGo_PyErr_NormalizeException(ts *C.PyThreadState, typ, val, tb **C.PyObject) {
	s := stateFromC(ts)
	if *typ == nil {
		return
	}
	err := s.normalize(s.fromC(*typ), s.fromC(*val))
	e := exceptionOf(err)
	s.decref(*typ)
	s.decref(*val)
	*typ = s.newRef(e.Type())
	*val = s.newRef(e)
}

//export fpyGo_PyErr_WarnEx
func fpyGo_PyErr_WarnEx(ts *C.PyThreadState, category *C.PyObject, msg *C.char, stack C.Py_ssize_t) C.int {
	s := stateFromC(ts)
	cat := s.fromC(category)
	if cat == nil {
		cat = py.RuntimeWarningType
	}
	w, err := s.t.Import("warnings", nil, nil, 0)
	if err != nil {
		return s.retInt(err)
	}
	_, err = py.CallMethod(s.t, w, "warn", py.NewStr(cstr(msg)), cat, py.Int(stack+1))
	return s.retInt(err)
}

//export fpyGo_PyErr_NewException
func fpyGo_PyErr_NewException(ts *C.PyThreadState, name *C.char, base, dict *C.PyObject) *C.PyObject {
	return fpyGo_PyErr_NewExceptionWithDoc(ts, name, nil, base, dict)
}

//export fpyGo_PyErr_NewExceptionWithDoc
func fpyGo_PyErr_NewExceptionWithDoc(ts *C.PyThreadState, name, doc *C.char, base, dict *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	full := cstr(name)
	dot := -1
	for i := len(full) - 1; i >= 0; i-- {
		if full[i] == '.' {
			dot = i
			break
		}
	}
	if dot < 0 {
		s.setError(py.Errorf(py.SystemErrorType, "PyErr_NewException: name must be module.class"))
		return nil
	}
	ns := py.NewDict()
	if d, ok := s.fromC(dict).(*py.Dict); ok {
		ns = d.Copy()
	}
	if ns.GetStr("__module__") == nil {
		ns.SetStr("__module__", py.NewStr(full[:dot]))
	}
	if doc != nil {
		ns.SetStr("__doc__", py.NewStr(cstr(doc)))
	}
	var bases *py.Tuple
	switch b := s.fromC(base).(type) {
	case nil:
		bases = py.NewTuple(py.ExceptionType)
	case *py.Tuple:
		bases = b
	default:
		bases = py.NewTuple(b)
	}
	return s.ret(py.Call(s.t, py.TypeType, []py.Object{py.NewStr(full[dot+1:]), bases, ns}, nil))
}

//export fpyGo_PyType_GenericNew
func fpyGo_PyType_GenericNew(ts *C.PyThreadState, tp *C.PyTypeObject, args, kw *C.PyObject) *C.PyObject {
	alloc := tp.tp_alloc
	if alloc == nil {
		return C.PyType_GenericAlloc(tp, 0)
	}
	return C.fpy_call_ssizearg(ts, unsafe.Pointer(alloc), (*C.PyObject)(unsafe.Pointer(tp)), 0)
}

//export fpyGo_PyImport_ImportModule
func fpyGo_PyImport_ImportModule(ts *C.PyThreadState, name *C.char) *C.PyObject {
	s := stateFromC(ts)
	n := cstr(name)
	if _, err := s.t.Import(n, nil, nil, 0); err != nil {
		return s.ret(nil, err)
	}
	m := s.t.Interp().Modules.GetStr(n)
	if m == nil {
		return s.ret(nil, py.NewError(py.ImportErrorType, "No module named '"+n+"'"))
	}
	return s.newRef(m)
}

//export fpyGo_PyImport_Import
func fpyGo_PyImport_Import(ts *C.PyThreadState, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.fromC(name).(*py.Str)
	if !ok {
		s.setError(py.TypeErrorf("module name must be str"))
		return nil
	}
	cn := C.CString(n.String())
	defer C.free(unsafe.Pointer(cn))
	return fpyGo_PyImport_ImportModule(ts, cn)
}

//export fpyGo_PyImport_AddModule
func fpyGo_PyImport_AddModule(ts *C.PyThreadState, name *C.char) *C.PyObject {
	s := stateFromC(ts)
	mods := s.t.Interp().Modules
	n := cstr(name)
	m := mods.GetStr(n)
	if m == nil {
		nm := py.NewModule(n)
		mods.SetStr(n, nm)
		m = nm
	}
	return s.autorelease(s.newRefDrop(m))
}
