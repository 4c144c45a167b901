package capi

/*
#include "shim.h"
*/
import "C"

import (
	"os"
	"unsafe"

	"freepy/interp/py"
)

func legacyMode() string {
	switch m := os.Getenv("FREEPY_LEGACY_LOCK"); m {
	case "package", "global", "off":
		return m
	}
	return "module"
}

// ret converts a Go result for C: a new reference, or NULL with the error
// indicator set.
func (s *tstate) ret(o py.Object, err error) *C.PyObject {
	if err != nil {
		s.setError(err)
		return nil
	}
	return s.newRef(o)
}

// retInt is the 0 / -1 convention.
func (s *tstate) retInt(err error) C.int {
	if err != nil {
		s.setError(err)
		return -1
	}
	return 0
}

// retBool is the 1 / 0 / -1 convention.
func (s *tstate) retBool(b bool, err error) C.int {
	if err != nil {
		s.setError(err)
		return -1
	}
	if b {
		return 1
	}
	return 0
}

//export fpyGo_PyModule_Create2
func fpyGo_PyModule_Create2(ts *C.PyThreadState, def *C.PyModuleDef, apiver C.int) *C.PyObject {
	s := stateFromC(ts)
	name := cstr(def.m_name)
	if s.loading != nil && len(s.loading.name) > len(name) {
		// a package's submodule: the def names only the last component
		name = s.loading.name
	}
	m := s.newDefModule(name, def, s.loading)
	if err := s.addModuleFunctions(m, def.m_methods, s.loading); err != nil {
		s.setError(err)
		return nil
	}
	return s.newRef(m)
}

//export fpyGo_PyModuleDef_Init
func fpyGo_PyModuleDef_Init(ts *C.PyThreadState, def *C.PyModuleDef) *C.PyObject {
	op := (*C.PyObject)(unsafe.Pointer(def))
	if op.ob_type == nil {
		op.ob_type = &C.PyModuleDef_Type
		op.ob_refcnt = C._Py_IMMORTAL_INITIAL_REFCNT
	}
	return op
}

func (s *tstate) moduleOf(o *C.PyObject) (*py.Module, *moduleInfo) {
	m, ok := s.fromC(o).(*py.Module)
	if !ok {
		return nil, nil
	}
	info, _ := modules.Load(m)
	mi, _ := info.(*moduleInfo)
	return m, mi
}

//export fpyGo_PyModule_GetState
func fpyGo_PyModule_GetState(ts *C.PyThreadState, o *C.PyObject) unsafe.Pointer {
	s := stateFromC(ts)
	_, info := s.moduleOf(o)
	if info == nil {
		return nil
	}
	return info.state
}

//export fpyGo_PyModule_GetDef
func fpyGo_PyModule_GetDef(ts *C.PyThreadState, o *C.PyObject) *C.PyModuleDef {
	s := stateFromC(ts)
	_, info := s.moduleOf(o)
	if info == nil {
		return nil
	}
	return info.def
}

//export fpyGo_PyModule_GetDict
func fpyGo_PyModule_GetDict(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	m, _ := s.moduleOf(o)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_GetDict: not a module"))
		return nil
	}
	return s.autorelease(s.newRefDrop(m.Dict()))
}

// newRefDrop returns a pointer whose reference the caller does not own
// (the pool holds it): for borrowed results.
func (s *tstate) newRefDrop(o py.Object) *C.PyObject {
	op := s.newRef(o)
	if op != nil && !immortal(op) {
		s.keep(op)
	}
	return op
}

//export fpyGo_PyModule_AddObjectRef
func fpyGo_PyModule_AddObjectRef(ts *C.PyThreadState, mod *C.PyObject, name *C.char, v *C.PyObject) C.int {
	s := stateFromC(ts)
	m, _ := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_AddObjectRef() first argument must be a module"))
		return -1
	}
	if v == nil {
		if !s.errorSet() {
			s.setError(py.Errorf(py.SystemErrorType, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL"))
		}
		return -1
	}
	m.Dict().SetStr(cstr(name), s.fromC(v))
	return 0
}

//export fpyGo_PyModule_AddObject
func fpyGo_PyModule_AddObject(ts *C.PyThreadState, mod *C.PyObject, name *C.char, v *C.PyObject) C.int {
	r := fpyGo_PyModule_AddObjectRef(ts, mod, name, v)
	if r == 0 {
		stateFromC(ts).decref(v) // steals on success
	}
	return r
}

//export fpyGo_PyModule_Add
func fpyGo_PyModule_Add(ts *C.PyThreadState, mod *C.PyObject, name *C.char, v *C.PyObject) C.int {
	r := fpyGo_PyModule_AddObjectRef(ts, mod, name, v)
	if v != nil {
		stateFromC(ts).decref(v) // always steals
	}
	return r
}

//export fpyGo_PyModule_AddIntConstant
func fpyGo_PyModule_AddIntConstant(ts *C.PyThreadState, mod *C.PyObject, name *C.char, v C.long) C.int {
	s := stateFromC(ts)
	m, _ := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_AddIntConstant() first argument must be a module"))
		return -1
	}
	m.Dict().SetStr(cstr(name), py.Int(v))
	return 0
}

//export fpyGo_PyModule_AddStringConstant
func fpyGo_PyModule_AddStringConstant(ts *C.PyThreadState, mod *C.PyObject, name, v *C.char) C.int {
	s := stateFromC(ts)
	m, _ := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_AddStringConstant() first argument must be a module"))
		return -1
	}
	m.Dict().SetStr(cstr(name), py.NewStr(cstr(v)))
	return 0
}

//export fpyGo_PyModule_AddType
func fpyGo_PyModule_AddType(ts *C.PyThreadState, mod *C.PyObject, tp *C.PyTypeObject) C.int {
	s := stateFromC(ts)
	gt, err := s.readyType(tp)
	if err != nil {
		s.setError(err)
		return -1
	}
	m, _ := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_AddType() first argument must be a module"))
		return -1
	}
	m.Dict().SetStr(gt.Name(), gt)
	return 0
}

//export fpyGo_PyModule_GetName
func fpyGo_PyModule_GetName(ts *C.PyThreadState, mod *C.PyObject) *C.char {
	s := stateFromC(ts)
	m, _ := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_GetName: not a module"))
		return nil
	}
	return cname(m.Name())
}

//export fpyGo_PyModule_GetNameObject
func fpyGo_PyModule_GetNameObject(ts *C.PyThreadState, mod *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	m, _ := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_GetNameObject: not a module"))
		return nil
	}
	return s.newRef(py.NewStr(m.Name()))
}

//export fpyGo_PyModule_NewObject
func fpyGo_PyModule_NewObject(ts *C.PyThreadState, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.fromC(name).(*py.Str)
	if !ok {
		s.setError(py.TypeErrorf("module name must be str"))
		return nil
	}
	m := py.NewModule(n.String())
	m.Dict().SetStr("__doc__", py.None)
	return s.newRef(m)
}

//export fpyGo_PyModule_New
func fpyGo_PyModule_New(ts *C.PyThreadState, name *C.char) *C.PyObject {
	s := stateFromC(ts)
	m := py.NewModule(cstr(name))
	m.Dict().SetStr("__doc__", py.None)
	return s.newRef(m)
}

//export fpyGo_PyModule_AddFunctions
func fpyGo_PyModule_AddFunctions(ts *C.PyThreadState, mod *C.PyObject, ml *C.PyMethodDef) C.int {
	s := stateFromC(ts)
	m, info := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_AddFunctions: not a module"))
		return -1
	}
	var ext *extModule
	if info != nil {
		ext = info.ext
	}
	if ext == nil {
		ext = s.loading
	}
	return s.retInt(s.addModuleFunctions(m, ml, ext))
}

//export fpyGo_PyModule_SetDocString
func fpyGo_PyModule_SetDocString(ts *C.PyThreadState, mod *C.PyObject, doc *C.char) C.int {
	s := stateFromC(ts)
	m, _ := s.moduleOf(mod)
	if m == nil {
		s.setError(py.TypeErrorf("PyModule_SetDocString: not a module"))
		return -1
	}
	m.Dict().SetStr("__doc__", py.NewStr(cstr(doc)))
	return 0
}

//export fpyGo_PyUnstable_Module_SetGIL
func fpyGo_PyUnstable_Module_SetGIL(ts *C.PyThreadState, mod *C.PyObject, gil unsafe.Pointer) C.int {
	s := stateFromC(ts)
	_, info := s.moduleOf(mod)
	ext := s.loading
	if info != nil && info.ext != nil {
		ext = info.ext
	}
	if ext != nil && uintptr(gil) == 1 && !legacyByFileName(ext.path) {
		// takes effect when the init function returns (enter/leave pairs
		// in progress keep their own record)
		ext.pendingFree = true
	}
	return 0
}

//export fpyGo_PyType_Ready
func fpyGo_PyType_Ready(ts *C.PyThreadState, tp *C.PyTypeObject) C.int {
	s := stateFromC(ts)
	_, err := s.readyType(tp)
	return s.retInt(err)
}

// CPython 3.11's PyModuleObject (Include/internal/pycore_moduleobject.h):
// modules built with Py_BUILD_CORE_MODULE (_queue, ...) read md_state and
// md_def directly instead of calling PyModule_GetState.
const (
	offModDict     = 16
	offModDef      = 24
	offModState    = 32
	sizeModuleObjc = 56
)

// moduleMirror makes a module's C object with 3.11's field layout. md_dict
// holds a reference to the dict's mirror for the mirror's lifetime (the
// Go module keeps the dict alive anyway); it is not released when the
// mirror is freed, which only happens for a module nobody uses any more.
func (s *tstate) moduleMirror(tp *C.PyTypeObject, m *py.Module) *C.PyObject {
	op := C.fpy_new_object(tp, sizeModuleObjc)
	*(**C.PyObject)(ptrAt(op, offModDict)) = s.newRef(m.Dict())
	if v, ok := modules.Load(m); ok {
		info := v.(*moduleInfo)
		*(**C.PyModuleDef)(ptrAt(op, offModDef)) = info.def
		*(*unsafe.Pointer)(ptrAt(op, offModState)) = info.state
	}
	return op
}
