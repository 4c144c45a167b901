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

func init() {
	py.ForeignBuffer = foreignBuffer
	py.ForeignView = foreignView
}

// cBufferSlots finds the C buffer slots of an object's type or its
// nearest C base (getbuf nil when there are none) and the extension whose
// lock they take.
func cBufferSlots(gt *py.Type) (getbuf, release unsafe.Pointer, ext *extModule) {
	for ; gt != nil; gt = gt.Base() {
		v, ok := cTypes.Load(gt)
		if !ok {
			continue
		}
		tp := v.(*C.PyTypeObject)
		if pb := tp.tp_as_buffer; pb != nil && pb.bf_getbuffer != nil && C.fpy_is_generic_slot(fnp(pb.bf_getbuffer)) == 0 {
			release = fnp(pb.bf_releasebuffer)
			if release != nil && C.fpy_is_generic_slot(release) != 0 {
				release = nil
			}
			return fnp(pb.bf_getbuffer), release, extOfType(tp)
		}
	}
	return nil, nil, nil
}

// foreignView gets the buffer of an object of a C type with its own
// bf_getbuffer (memoryview(mmap), memoryview of a ctypes array), taking
// the extension's lock like any call of its C code. The Py_buffer lives in
// C memory until the last view of it is released; its obj holds the
// exporter.
func foreignView(t *py.Thread, o py.Object) (*py.ForeignBuf, bool, error) {
	getbuf, release, ext := cBufferSlots(o.Type())
	if getbuf == nil {
		return nil, false, nil
	}
	s := stateOf(t)
	name := o.Type().Name()
	view := (*C.Py_buffer)(C.calloc(1, C.sizeof_Py_buffer))
	_, err := s.callInt(ext, name+".__buffer__", func() C.int {
		return C.fpy_call_getbuffer(s.ts, getbuf, s.borrow(o), view, C.PyBUF_FULL_RO)
	})
	if err != nil {
		C.free(unsafe.Pointer(view))
		return nil, true, err
	}
	fb := &py.ForeignBuf{Format: "B", ItemSize: 1, ReadOnly: view.readonly != 0}
	if view.len > 0 {
		fb.Data = unsafe.Slice((*byte)(view.buf), int(view.len))
	}
	if view.format != nil {
		fb.Format = C.GoString(view.format)
	}
	if view.itemsize > 0 {
		fb.ItemSize = int(view.itemsize)
	}
	give := func(s *tstate) {
		s.callInt(ext, name+".__release_buffer__", func() C.int {
			if release != nil && view.obj != nil {
				C.fpy_call_releasebuffer(s.ts, release, view.obj, view)
			}
			if view.obj != nil {
				s.decref(view.obj)
			}
			C.free(unsafe.Pointer(view))
			return 0
		})
	}
	fb.Release = func(t *py.Thread) {
		if t != nil {
			give(stateOf(t))
			return
		}
		finalize(give)
	}
	return fb, true, nil
}

// foreignBuffer copies the buffer of an object of a C type with its own
// bf_getbuffer (bytes(ctypes_struct)).
func foreignBuffer(t *py.Thread, o py.Object) ([]byte, bool, error) {
	fb, ok, err := foreignView(t, o)
	if !ok || err != nil {
		return nil, ok, err
	}
	data := append([]byte(nil), fb.Data...)
	fb.Release(t)
	return data, true, nil
}
