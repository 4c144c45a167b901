package capi

/*
#include "shim.h"
*/
import "C"

import (
	"unsafe"

	"freepy/interp/py"
)

// Heap types from specs (PEP 384), and type queries.

//export fpyGo_PyType_FromModuleAndSpec
func fpyGo_PyType_FromModuleAndSpec(ts *C.PyThreadState, module *C.PyObject, spec *C.PyType_Spec, bases *C.PyObject) *C.PyObject {
	return fpyGo_PyType_FromMetaclass(ts, nil, module, spec, bases)
}

// PyType_FromMetaclass (3.12) is PyType_FromModuleAndSpec with the new
// type's metaclass given: a C metatype that instantiates by its tp_new
// is refused, as in CPython, since the spec's type is not made by it.
//
//export fpyGo_PyType_FromMetaclass
func fpyGo_PyType_FromMetaclass(ts *C.PyThreadState, meta *C.PyTypeObject, module *C.PyObject, spec *C.PyType_Spec, bases *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if meta == nil {
		meta = &C.PyType_Type
	}
	if meta != &C.PyType_Type && meta.tp_new != nil && meta.tp_new != C.PyType_Type.tp_new {
		s.setError(py.TypeErrorf("Metaclasses with custom tp_new are not supported."))
		return nil
	}
	ht := (*C.PyHeapTypeObject)(C.fpy_alloc(C.sizeof_PyHeapTypeObject))
	tp := &ht.ht_type
	// types live as long as the process (docs/capi.md)
	tp.ob_base.ob_base.ob_refcnt = C._Py_IMMORTAL_INITIAL_REFCNT
	tp.ob_base.ob_base.ob_type = meta
	tp.tp_name = cname(cstr(spec.name))
	tp.tp_basicsize = C.Py_ssize_t(spec.basicsize)
	tp.tp_itemsize = C.Py_ssize_t(spec.itemsize)
	tp.tp_flags = C.ulong(spec.flags) | C.Py_TPFLAGS_HEAPTYPE
	tp.tp_as_number, tp.tp_as_sequence, tp.tp_as_mapping = &ht.as_number, &ht.as_sequence, &ht.as_mapping
	tp.tp_as_async, tp.tp_as_buffer = &ht.as_async, &ht.as_buffer
	if module != nil {
		ht.ht_module = module
		incref(module)
	}
	for sl := spec.slots; sl != nil && sl.slot != 0; sl = (*C.PyType_Slot)(unsafe.Add(unsafe.Pointer(sl), C.sizeof_PyType_Slot)) {
		if C.fpy_type_set_slot(ht, sl.slot, sl.pfunc) < 0 {
			s.setError(py.Errorf(py.RuntimeErrorType, "invalid slot offset"))
			return nil
		}
	}
	if bases != nil {
		switch b := s.fromC(bases).(type) {
		case *py.Tuple:
			if items := b.Items(); len(items) > 0 {
				if bt, ok := items[0].(*py.Type); ok {
					tp.tp_base = s.typePtr(bt)
				}
			}
		case *py.Type:
			tp.tp_base = s.typePtr(b)
		}
	}
	if _, err := s.readyType(tp); err != nil {
		s.setError(err)
		return nil
	}
	return (*C.PyObject)(unsafe.Pointer(tp))
}

//export fpyGo_PyType_FromSpecWithBases
func fpyGo_PyType_FromSpecWithBases(ts *C.PyThreadState, spec *C.PyType_Spec, bases *C.PyObject) *C.PyObject {
	return fpyGo_PyType_FromModuleAndSpec(ts, nil, spec, bases)
}

//export fpyGo_PyType_FromSpec
func fpyGo_PyType_FromSpec(ts *C.PyThreadState, spec *C.PyType_Spec) *C.PyObject {
	return fpyGo_PyType_FromModuleAndSpec(ts, nil, spec, nil)
}

//export fpyGo_PyType_GetModule
func fpyGo_PyType_GetModule(ts *C.PyThreadState, tp *C.PyTypeObject) *C.PyObject {
	s := stateFromC(ts)
	if tp.tp_flags&C.Py_TPFLAGS_HEAPTYPE == 0 {
		s.setError(py.TypeErrorf("PyType_GetModule: Type '%s' is not a heap type", cstr(tp.tp_name)))
		return nil
	}
	m := (*C.PyHeapTypeObject)(unsafe.Pointer(tp)).ht_module
	if m == nil {
		s.setError(py.TypeErrorf("PyType_GetModule: Type '%s' has no associated module", cstr(tp.tp_name)))
	}
	return m
}

//export fpyGo_PyType_GetModuleState
func fpyGo_PyType_GetModuleState(ts *C.PyThreadState, tp *C.PyTypeObject) unsafe.Pointer {
	m := fpyGo_PyType_GetModule(ts, tp)
	if m == nil {
		return nil
	}
	return fpyGo_PyModule_GetState(ts, m)
}

//export fpyGo_PyType_GetModuleByDef
func fpyGo_PyType_GetModuleByDef(ts *C.PyThreadState, tp *C.PyTypeObject, def *C.PyModuleDef) *C.PyObject {
	s := stateFromC(ts)
	for _, b := range s.typeFromC(tp).MRO() {
		bp := s.typePtr(b)
		if bp.tp_flags&C.Py_TPFLAGS_HEAPTYPE == 0 {
			continue
		}
		m := (*C.PyHeapTypeObject)(unsafe.Pointer(bp)).ht_module
		if m != nil && fpyGo_PyModule_GetDef(ts, m) == def {
			return m
		}
	}
	s.setError(py.TypeErrorf("PyType_GetModuleByDef: No superclass of '%s' has the given module", cstr(tp.tp_name)))
	return nil
}

//export fpyGo_PyType_GetName
func fpyGo_PyType_GetName(ts *C.PyThreadState, tp *C.PyTypeObject) *C.PyObject {
	s := stateFromC(ts)
	return s.newRef(py.NewStr(s.typeFromC(tp).Name()))
}

//export fpyGo_PyType_GetQualName
func fpyGo_PyType_GetQualName(ts *C.PyThreadState, tp *C.PyTypeObject) *C.PyObject {
	s := stateFromC(ts)
	return s.newRef(py.NewStr(s.typeFromC(tp).Qualname()))
}

//export fpyGo_PyType_Modified
func fpyGo_PyType_Modified(ts *C.PyThreadState, tp *C.PyTypeObject) {
	s := stateFromC(ts)
	s.typeFromC(tp).Modified()
}

//export fpyGo__PyType_Lookup
func fpyGo__PyType_Lookup(ts *C.PyThreadState, tp *C.PyTypeObject, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.fromC(name).(*py.Str)
	if !ok {
		return nil
	}
	v := s.typeFromC(tp).Lookup(n)
	if v == nil {
		return nil
	}
	return s.borrowed(v)
}

// ---- weak references ----

//export fpyGo_PyWeakref_NewRef
func fpyGo_PyWeakref_NewRef(ts *C.PyThreadState, o, cb *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	args := []py.Object{s.fromC(o)}
	if cb != nil && cb != noneObj {
		args = append(args, s.fromC(cb))
	}
	return s.ret(py.Call(s.t, py.RefType, args, nil))
}

//export fpyGo_PyWeakref_NewProxy
func fpyGo_PyWeakref_NewProxy(ts *C.PyThreadState, o, cb *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	var callback py.Object = py.None
	if cb != nil {
		callback = s.fromC(cb)
	}
	return s.ret(py.NewWeakProxy(s.fromC(o), callback))
}

func (s *tstate) deref(ref *C.PyObject) (py.Object, bool) {
	r := s.fromC(ref)
	if r == nil || !r.Type().IsSubtype(py.RefType) {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return nil, false
	}
	v, err := py.Call(s.t, r, nil, nil)
	if err != nil {
		s.setError(err)
		return nil, false
	}
	return v, true
}

// PyWeakref_GetObject returns a borrowed reference that the autorelease
// pool keeps alive: the referent cannot vanish under the caller.
//
//export fpyGo_PyWeakref_GetObject
func fpyGo_PyWeakref_GetObject(ts *C.PyThreadState, ref *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	v, ok := s.deref(ref)
	if !ok {
		return nil
	}
	return s.borrowed(v)
}

//export fpyGo_PyWeakref_GetRef
func fpyGo_PyWeakref_GetRef(ts *C.PyThreadState, ref *C.PyObject, res **C.PyObject) C.int {
	s := stateFromC(ts)
	*res = nil
	v, ok := s.deref(ref)
	if !ok {
		return -1
	}
	if v == py.None {
		return 0
	}
	*res = s.newRef(v)
	return 1
}
