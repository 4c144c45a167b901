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
		def := m
		name := cstr(def.name)
		get := func(t *py.Thread, o py.Object) (py.Object, error) {
			s := stateOf(t)
			return s.call(ext, name, func() *C.PyObject { return C.fpy_member_get(s.ts, s.borrow(o), def) })
		}
		var set func(t *py.Thread, o, v py.Object) error
		if def.flags&C.Py_READONLY == 0 {
			set = func(t *py.Thread, o, v py.Object) error {
				s := stateOf(t)
				_, err := s.callInt(ext, name, func() C.int {
					var cv *C.PyObject
					if v != nil {
						cv = s.borrow(v)
					}
					return C.fpy_member_set(s.ts, s.borrow(o), def, cv)
				})
				return err
			}
		} else {
			set = func(t *py.Thread, o, v py.Object) error {
				return py.Errorf(py.AttributeErrorType, "readonly attribute")
			}
		}
		gt.AddGetSet(name, get, set)
		setDoc(gt, name, cstr(def.doc))
	}
}

// addGetSets exposes a PyGetSetDef table as attributes.
func (s *tstate) addGetSets(gt *py.Type, g *C.PyGetSetDef, ext *extModule) {
	if g == nil {
		return
	}
	for ; g.name != nil; g = (*C.PyGetSetDef)(unsafe.Add(unsafe.Pointer(g), C.sizeof_PyGetSetDef)) {
		def := g
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
				return nil, py.Errorf(py.AttributeErrorType, "attribute '%s' of '%s' objects is not readable", name, gt.Name)
			}
		}
		var set func(t *py.Thread, o, v py.Object) error
		if setf != nil {
			set = func(t *py.Thread, o, v py.Object) error {
				s := stateOf(t)
				_, err := s.callInt(ext, name, func() C.int {
					var cv *C.PyObject
					if v != nil {
						cv = s.borrow(v)
					}
					return C.fpy_call_setter(s.ts, setf, s.borrow(o), cv, def.closure)
				})
				return err
			}
		} else {
			set = func(t *py.Thread, o, v py.Object) error {
				return py.Errorf(py.AttributeErrorType, "attribute '%s' of '%s' objects is not writable", name, gt.Name)
			}
		}
		gt.AddGetSet(name, get, set)
		setDoc(gt, name, cstr(def.doc))
	}
}

func setDoc(gt *py.Type, name, doc string) {
	if d, ok := gt.Dict.GetStr(name).(*py.GetSetDescr); ok {
		d.Doc = doc
	}
}
