package capi

/*
#include "shim.h"
*/
import "C"

import (
	"unsafe"

	"freepy/interp/py"
)

// addMembers exposes a PyMemberDef table as attributes.
func (s *tstate) addMembers(gt *py.Type, m *C.PyMemberDef, ext *extModule) {
	if m == nil {
		return
	}
	for ; m.name != nil; m = (*C.PyMemberDef)(unsafe.Add(unsafe.Pointer(m), C.sizeof_PyMemberDef)) {
		d := memberDescr(gt, m, ext)
		gt.Dict.SetStr(d.Name, d)
	}
}

// memberDescr is the attribute descriptor of one PyMemberDef of gt.
func memberDescr(gt *py.Type, def *C.PyMemberDef, ext *extModule) *py.GetSetDescr {
	name := cstr(def.name)
	get := func(t *py.Thread, o py.Object) (py.Object, error) {
		s := stateOf(t)
		return s.call(ext, name, func() *C.PyObject { return C.fpy_member_get(s.ts, s.borrow(o), def) })
	}
	var set func(t *py.Thread, o, v py.Object) error
	if def.flags&C.Py_READONLY == 0 {
		set = cSetter(ext, name, func(s *tstate, o, v *C.PyObject) C.int { return C.fpy_member_set(s.ts, o, def, v) })
	} else {
		set = func(t *py.Thread, o, v py.Object) error {
			return py.Errorf(py.AttributeErrorType, "readonly attribute")
		}
	}
	return &py.GetSetDescr{Name: name, Owner: gt, Get: get, Set: set, Doc: cstr(def.doc)}
}

// addGetSets exposes a PyGetSetDef table as attributes.
func (s *tstate) addGetSets(gt *py.Type, g *C.PyGetSetDef, ext *extModule) {
	if g == nil {
		return
	}
	for ; g.name != nil; g = (*C.PyGetSetDef)(unsafe.Add(unsafe.Pointer(g), C.sizeof_PyGetSetDef)) {
		d := getSetDescr(gt, g, ext)
		gt.Dict.SetStr(d.Name, d)
	}
}

// getSetDescr is the attribute descriptor of one PyGetSetDef of gt.
func getSetDescr(gt *py.Type, def *C.PyGetSetDef, ext *extModule) *py.GetSetDescr {
	name := cstr(def.name)
	getf, setf := fnp(def.get), fnp(def.set)
	var get func(t *py.Thread, o py.Object) (py.Object, error)
	if getf != nil {
		get = func(t *py.Thread, o py.Object) (py.Object, error) {
			s := stateOf(t)
			return s.call(ext, name, func() *C.PyObject { return C.fpy_call_getter(s.ts, getf, s.borrow(o), def.closure) })
		}
	} else {
		get = func(t *py.Thread, o py.Object) (py.Object, error) {
			return nil, py.Errorf(py.AttributeErrorType, "attribute '%s' of '%s' objects is not readable", name, gt.Name())
		}
	}
	var set func(t *py.Thread, o, v py.Object) error
	if setf != nil {
		set = cSetter(ext, name, func(s *tstate, o, v *C.PyObject) C.int {
			return C.fpy_call_setter(s.ts, setf, o, v, def.closure)
		})
	} else {
		set = func(t *py.Thread, o, v py.Object) error {
			return py.Errorf(py.AttributeErrorType, "attribute '%s' of '%s' objects is not writable", name, gt.Name())
		}
	}
	return &py.GetSetDescr{Name: name, Owner: gt, Get: get, Set: set, Doc: cstr(def.doc)}
}

// cSetter is a descriptor's set function that calls C through fn with the
// object and the new value (NULL to delete).
func cSetter(ext *extModule, name string, fn func(s *tstate, o, v *C.PyObject) C.int) func(t *py.Thread, o, v py.Object) error {
	return func(t *py.Thread, o, v py.Object) error {
		s := stateOf(t)
		_, err := s.callInt(ext, name, func() C.int {
			var cv *C.PyObject
			if v != nil {
				cv = s.borrow(v)
			}
			return fn(s, s.borrow(o), cv)
		})
		return err
	}
}
