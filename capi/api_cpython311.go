package capi

/*
#include "shim.h"
*/
import "C"

import (
	"unsafe"

	"freepy/interp/py"
	"freepy/interp/strops"
)

// The parts of CPython 3.11's API that its own extension modules call
// (the host's _ctypes and _curses) and that need the interpreter; the rest
// of that internal API is C (shim/internal311.c, shim/runtime311.c).

// extOfCode finds the extension whose shared object holds the C code at p
// (nil for none): the lock a descriptor or function made at run time must
// take, when neither a module nor a C type says which extension it is.
func extOfCode(p unsafe.Pointer) *extModule {
	if p == nil {
		return nil
	}
	f := C.fpy_dl_file(p)
	if f == nil {
		return nil
	}
	return extOfFile(C.GoString(f))
}

// descrOwner is the Go type a PyDescr_New* descriptor belongs to, and the
// extension whose lock its calls take: the one that defined the type or
// its nearest C base, else the one whose code is at fn.
func (s *tstate) descrOwner(tp *C.PyTypeObject, fn unsafe.Pointer) (*py.Type, *extModule, bool) {
	gt, ok := s.fromC((*C.PyObject)(unsafe.Pointer(tp))).(*py.Type)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "PyDescr_New: not a type"))
		return nil, nil, false
	}
	ext := extOfType(tp)
	if ext == nil {
		ext = extOfCode(fn)
	}
	return gt, ext, true
}

//export fpyGo_PyDescr_NewMethod
func fpyGo_PyDescr_NewMethod(ts *C.PyThreadState, tp *C.PyTypeObject, def *C.PyMethodDef) *C.PyObject {
	s := stateFromC(ts)
	gt, ext, ok := s.descrOwner(tp, fnp(def.ml_meth))
	if !ok {
		return nil
	}
	return s.newRef(methodDescr(gt, def, ext, tp, int(def.ml_flags)&^(C.METH_CLASS|C.METH_STATIC)))
}

//export fpyGo_PyDescr_NewClassMethod
func fpyGo_PyDescr_NewClassMethod(ts *C.PyThreadState, tp *C.PyTypeObject, def *C.PyMethodDef) *C.PyObject {
	s := stateFromC(ts)
	gt, ext, ok := s.descrOwner(tp, fnp(def.ml_meth))
	if !ok {
		return nil
	}
	return s.newRef(methodDescr(gt, def, ext, tp, int(def.ml_flags)&^C.METH_STATIC|C.METH_CLASS))
}

//export fpyGo_PyDescr_NewMember
func fpyGo_PyDescr_NewMember(ts *C.PyThreadState, tp *C.PyTypeObject, def *C.PyMemberDef) *C.PyObject {
	s := stateFromC(ts)
	gt, ext, ok := s.descrOwner(tp, nil)
	if !ok {
		return nil
	}
	return s.newRef(memberDescr(gt, def, ext))
}

//export fpyGo_PyDescr_NewGetSet
func fpyGo_PyDescr_NewGetSet(ts *C.PyThreadState, tp *C.PyTypeObject, def *C.PyGetSetDef) *C.PyObject {
	s := stateFromC(ts)
	gt, ext, ok := s.descrOwner(tp, fnp(def.get))
	if !ok {
		return nil
	}
	return s.newRef(getSetDescr(gt, def, ext))
}

//export fpyGo__PyUnicode_IsPrintable
func fpyGo__PyUnicode_IsPrintable(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	if strops.IsPrintableRune(rune(ch)) {
		return 1
	}
	return 0
}

// _PyDict_SizeOf is what dict.__sizeof__ answers for d (a dict subclass's
// own __sizeof__ calls it for its dict part).
//
//export fpyGo__PyDict_SizeOf
func fpyGo__PyDict_SizeOf(ts *C.PyThreadState, d *C.PyDictObject) C.Py_ssize_t {
	s := stateFromC(ts)
	m, err := py.GetAttr(s.t, py.DictType, py.NewStr("__sizeof__"))
	if err == nil {
		var r py.Object
		if r, err = py.Call(s.t, m, []py.Object{s.fromC((*C.PyObject)(unsafe.Pointer(d)))}, nil); err == nil {
			var n int64
			if n, err = py.AsInt64(s.t, r); err == nil {
				return C.Py_ssize_t(n)
			}
		}
	}
	s.setError(err)
	return -1
}

func init() { py.ForeignBuffer = foreignBuffer }

// foreignBuffer copies the buffer of an object of a C type with its own
// bf_getbuffer (bytes(ctypes_struct)), taking the extension's lock like
// any call of its C code.
func foreignBuffer(t *py.Thread, o py.Object) ([]byte, bool, error) {
	var getbuf, release unsafe.Pointer
	var ext *extModule
	for gt := o.Type(); gt != nil && getbuf == nil; gt = gt.Base {
		v, ok := cTypes.Load(gt)
		if !ok {
			continue
		}
		tp := v.(*C.PyTypeObject)
		if pb := tp.tp_as_buffer; pb != nil && pb.bf_getbuffer != nil && C.fpy_is_generic_slot(fnp(pb.bf_getbuffer)) == 0 {
			getbuf, release, ext = fnp(pb.bf_getbuffer), fnp(pb.bf_releasebuffer), extOfType(tp)
		}
	}
	if getbuf == nil {
		return nil, false, nil
	}
	s := stateOf(t)
	view := (*C.Py_buffer)(C.calloc(1, C.sizeof_Py_buffer))
	defer C.free(unsafe.Pointer(view))
	var data []byte
	_, err := s.callInt(ext, o.Type().Name+".__buffer__", func() C.int {
		op := s.borrow(o)
		if r := C.fpy_call_getbuffer(s.ts, getbuf, op, view, C.PyBUF_FULL_RO); r < 0 {
			return r
		}
		data = C.GoBytes(view.buf, C.int(view.len))
		if release != nil && C.fpy_is_generic_slot(release) == 0 {
			C.fpy_call_releasebuffer(s.ts, release, op, view)
		}
		if view.obj != nil {
			s.decref(view.obj)
		}
		return 0
	})
	return data, true, err
}
