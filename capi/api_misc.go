package capi

/*
#include "shim.h"
#include <stdlib.h>
*/
import "C"

import (
	"runtime"
	"sync"
	"unsafe"

	"freepy/interp/compile"
	"freepy/interp/py"
	"freepy/interp/syntax"
)

// str, sequence, exception, import and buffer functions that compiled
// extensions (Cython's output in particular) use most.

func (s *tstate) strOf(op *C.PyObject, fn string) (*py.Str, bool) {
	v, ok := py.Unwrap(s.fromC(op)).(*py.Str)
	if !ok {
		s.setError(py.TypeErrorf("%s: bad argument type for built-in operation", fn))
	}
	return v, ok
}

//export fpyGo_PyUnicode_InternFromString
func fpyGo_PyUnicode_InternFromString(ts *C.PyThreadState, p *C.char) *C.PyObject {
	s := stateFromC(ts)
	r := s.newRef(py.Intern(cstr(p)))
	// interned strings live for the process
	incref(r)
	return r
}

//export fpyGo_PyUnicode_InternInPlace
func fpyGo_PyUnicode_InternInPlace(ts *C.PyThreadState, p **C.PyObject) {
	s := stateFromC(ts)
	str, ok := s.fromC(*p).(*py.Str)
	if !ok {
		return
	}
	in := s.newRef(py.Intern(str.String()))
	incref(in) // kept for the process
	old := *p
	*p = in
	s.decref(old)
}

func (s *tstate) encode(op *C.PyObject, enc, errors string) *C.PyObject {
	str, ok := s.strOf(op, "encode")
	if !ok {
		return nil
	}
	if errors == "" {
		errors = "strict"
	}
	return s.ret(py.EncodeStr(s.t, str, enc, errors))
}

//export fpyGo_PyUnicode_AsUTF8String
func fpyGo_PyUnicode_AsUTF8String(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	return stateFromC(ts).encode(op, "utf-8", "strict")
}

//export fpyGo_PyUnicode_AsASCIIString
func fpyGo_PyUnicode_AsASCIIString(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	return stateFromC(ts).encode(op, "ascii", "strict")
}

//export fpyGo_PyUnicode_AsLatin1String
func fpyGo_PyUnicode_AsLatin1String(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	return stateFromC(ts).encode(op, "latin-1", "strict")
}

//export fpyGo_PyUnicode_AsEncodedString
func fpyGo_PyUnicode_AsEncodedString(ts *C.PyThreadState, op *C.PyObject, enc, errors *C.char) *C.PyObject {
	e := cstr(enc)
	if e == "" {
		e = "utf-8"
	}
	return stateFromC(ts).encode(op, e, cstr(errors))
}

//export fpyGo_PyUnicode_Decode
func fpyGo_PyUnicode_Decode(ts *C.PyThreadState, p *C.char, n C.Py_ssize_t, enc, errors *C.char) *C.PyObject {
	s := stateFromC(ts)
	e, er := cstr(enc), cstr(errors)
	if e == "" {
		e = "utf-8"
	}
	if er == "" {
		er = "strict"
	}
	r, err := py.DecodeBytes(s.t, C.GoBytes(unsafe.Pointer(p), C.int(n)), e, er)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.newRef(r)
}

//export fpyGo_PyUnicode_Compare
func fpyGo_PyUnicode_Compare(ts *C.PyThreadState, a, b *C.PyObject) C.int {
	s := stateFromC(ts)
	x, ok1 := py.Unwrap(s.fromC(a)).(*py.Str)
	y, ok2 := py.Unwrap(s.fromC(b)).(*py.Str)
	if !ok1 || !ok2 {
		s.setError(py.TypeErrorf("Can't compare %s and %s", s.fromC(a).Type().Name(), s.fromC(b).Type().Name()))
		return -1
	}
	return C.int(compareRunes(x, y))
}

func compareRunes(x, y *py.Str) int {
	if x.IsASCII() && y.IsASCII() {
		switch a, b := x.String(), y.String(); {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	ra, rb := x.Runes(), y.Runes()
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] != rb[i] {
			if ra[i] < rb[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(ra) < len(rb):
		return -1
	case len(ra) > len(rb):
		return 1
	}
	return 0
}

//export fpyGo_PyUnicode_CompareWithASCIIString
func fpyGo_PyUnicode_CompareWithASCIIString(ts *C.PyThreadState, a *C.PyObject, b *C.char) C.int {
	s := stateFromC(ts)
	x, ok := py.Unwrap(s.fromC(a)).(*py.Str)
	if !ok {
		return -1
	}
	return C.int(compareRunes(x, py.NewStr(cstr(b))))
}

//export fpyGo_PyUnicode_Concat
func fpyGo_PyUnicode_Concat(ts *C.PyThreadState, a, b *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	x, ok1 := py.Unwrap(s.fromC(a)).(*py.Str)
	y, ok2 := py.Unwrap(s.fromC(b)).(*py.Str)
	if !ok1 || !ok2 {
		s.setError(py.TypeErrorf("can only concatenate str (not \"%s\") to str", s.fromC(b).Type().Name()))
		return nil
	}
	return s.newRef(py.NewStr(x.String() + y.String()))
}

//export fpyGo_PyUnicode_Format
func fpyGo_PyUnicode_Format(ts *C.PyThreadState, f, args *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.BinaryOp(s.t, s.fromC(f), s.fromC(args), py.NbMod))
}

//export fpyGo_PyUnicode_Join
func fpyGo_PyUnicode_Join(ts *C.PyThreadState, sep, seq *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	sp := s.fromC(sep)
	if sp == nil {
		sp = py.NewStr(" ")
	}
	return s.ret(py.CallMethod(s.t, sp, "join", s.fromC(seq)))
}

//export fpyGo_PyUnicode_Contains
func fpyGo_PyUnicode_Contains(ts *C.PyThreadState, c, e *C.PyObject) C.int {
	s := stateFromC(ts)
	return s.retBool(py.Contains(s.t, s.fromC(c), s.fromC(e)))
}

//export fpyGo_PyUnicode_FromObject
func fpyGo_PyUnicode_FromObject(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	str, ok := py.Unwrap(s.fromC(o)).(*py.Str)
	if !ok {
		s.setError(py.TypeErrorf("Can't convert '%s' object to str implicitly", s.fromC(o).Type().Name()))
		return nil
	}
	return s.newRef(str)
}

//export fpyGo_PyUnicode_Substring
func fpyGo_PyUnicode_Substring(ts *C.PyThreadState, o *C.PyObject, start, end C.Py_ssize_t) *C.PyObject {
	s := stateFromC(ts)
	str, ok := s.strOf(o, "PyUnicode_Substring")
	if !ok {
		return nil
	}
	rs := str.Runes()
	if start < 0 || end < 0 {
		s.setError(py.NewError(py.IndexErrorType, "string index out of range"))
		return nil
	}
	lo, hi := min(int(start), len(rs)), min(int(end), len(rs))
	if hi < lo {
		hi = lo
	}
	return s.newRef(py.NewStrFromRunes(rs[lo:hi]))
}

//export fpyGo_PyUnicode_Split
func fpyGo_PyUnicode_Split(ts *C.PyThreadState, o, sep *C.PyObject, maxsplit C.Py_ssize_t) *C.PyObject {
	s := stateFromC(ts)
	sp := s.fromC(sep)
	if sp == nil {
		sp = py.None
	}
	return s.ret(py.CallMethod(s.t, s.fromC(o), "split", sp, py.Int(maxsplit)))
}

//export fpyGo_PyUnicode_Replace
func fpyGo_PyUnicode_Replace(ts *C.PyThreadState, o, a, b *C.PyObject, n C.Py_ssize_t) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.CallMethod(s.t, s.fromC(o), "replace", s.fromC(a), s.fromC(b), py.Int(n)))
}

//export fpyGo_PyUnicode_Tailmatch
func fpyGo_PyUnicode_Tailmatch(ts *C.PyThreadState, o, sub *C.PyObject, start, end C.Py_ssize_t, dir C.int) C.Py_ssize_t {
	s := stateFromC(ts)
	m := "startswith"
	if dir > 0 {
		m = "endswith"
	}
	r, err := py.CallMethod(s.t, s.fromC(o), m, s.fromC(sub), py.Int(start), py.Int(end))
	if err != nil {
		s.setError(err)
		return -1
	}
	if r == py.True {
		return 1
	}
	return 0
}

//export fpyGo_PyUnicode_FromEncodedObject
func fpyGo_PyUnicode_FromEncodedObject(ts *C.PyThreadState, o *C.PyObject, enc, errors *C.char) *C.PyObject {
	s := stateFromC(ts)
	var b []byte
	switch v := py.Unwrap(s.fromC(o)).(type) {
	case *py.Bytes:
		b = v.Data()
	case *py.ByteArray:
		b = v.Data()
	default:
		s.setError(py.TypeErrorf("decoding to str: need a bytes-like object, %s found", s.fromC(o).Type().Name()))
		return nil
	}
	e, er := cstr(enc), cstr(errors)
	if e == "" {
		e = "utf-8"
	}
	if er == "" {
		er = "strict"
	}
	r, err := py.DecodeBytes(s.t, b, e, er)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.newRef(r)
}

// ---- functions as objects ----

//export fpyGo_PyCMethod_New
func fpyGo_PyCMethod_New(ts *C.PyThreadState, def *C.PyMethodDef, self, module *C.PyObject, cls *C.PyTypeObject) *C.PyObject {
	s := stateFromC(ts)
	var ext *extModule
	if m, info := s.moduleOf(module); m != nil && info != nil {
		ext = info.ext
	}
	if ext == nil {
		ext = s.loading
	}
	var selfObj py.Object
	if self != nil {
		selfObj = s.fromC(self)
	}
	name := cstr(def.ml_name)
	b := &py.Builtin{Name: name, Qualname: name, Doc: methodDoc(name, def.ml_doc), Self: selfObj, CDef: unsafe.Pointer(def)}
	if b.Self == nil {
		b.Self = py.None
	}
	cf := &cfunc{def: def, name: name, ext: ext, cls: cls, fixedSelf: true, self: selfObj}
	b.Fn = cf.fn()
	return s.newRef(b)
}

//export fpyGo_PyCFunction_NewEx
func fpyGo_PyCFunction_NewEx(ts *C.PyThreadState, def *C.PyMethodDef, self, module *C.PyObject) *C.PyObject {
	return fpyGo_PyCMethod_New(ts, def, self, module, nil)
}

//export fpyGo_PyCFunction_New
func fpyGo_PyCFunction_New(ts *C.PyThreadState, def *C.PyMethodDef, self *C.PyObject) *C.PyObject {
	return fpyGo_PyCMethod_New(ts, def, self, nil, nil)
}

// ---- code, frames and tracebacks (for compiled code's tracebacks) ----

// PyCode_NewEmpty and PyFrame_New return zeroed objects big enough for
// the 3.11 fields compiled code writes (Cython sets f_lineno directly);
// PyTraceBack_Here does not add them to Python tracebacks yet.
//
//export fpyGo_PyCode_NewEmpty
func fpyGo_PyCode_NewEmpty(ts *C.PyThreadState, filename, funcname *C.char, line C.int) *C.PyCodeObject {
	s := stateFromC(ts)
	code, err := py.CompileSource(s.t, nil, cstr(filename), syntax.ModeExec, compile.Flags{})
	if err != nil {
		s.setError(err)
		return nil
	}
	return (*C.PyCodeObject)(unsafe.Pointer(s.newRef(code)))
}

//export fpyGo_PyTraceBack_Here
func fpyGo_PyTraceBack_Here(ts *C.PyThreadState, f *C.PyFrameObject) C.int { return 0 }

// ---- exception state ----

//export fpyGo_PyErr_GetExcInfo
func fpyGo_PyErr_GetExcInfo(ts *C.PyThreadState, typ, val, tb **C.PyObject) {
	s := stateFromC(ts)
	*typ, *val, *tb = nil, nil, nil
	var e *py.BaseException
	if item := s.ts.exc_info; item != nil && item.exc_value != nil {
		if be, ok := s.fromC(item.exc_value).(*py.BaseException); ok {
			e = be
		}
	} else {
		e = s.t.ExcInfo()
	}
	if e == nil {
		return
	}
	*typ, *val = s.newRef(e.Type()), s.newRef(e)
	if etb := e.Traceback(); etb != nil {
		*tb = s.newRef(etb)
	}
}

//export fpyGo_PyErr_SetExcInfo
func fpyGo_PyErr_SetExcInfo(ts *C.PyThreadState, typ, val, tb *C.PyObject) {
	s := stateFromC(ts)
	if item := s.ts.exc_info; item != nil {
		old := item.exc_value
		item.exc_value = val // steals
		if cur := s.t.ExcInfo(); val != nil && cur != nil && s.fromC(val) == py.Object(cur) {
			// putting back the exception Python code is handling (the
			// save/restore idiom): the item goes back to following the
			// interpreter's, so it does not outlive the except block
			item.exc_value = nil
			s.decref(val)
		}
		s.decref(old)
	} else {
		s.decref(val)
	}
	s.decref(typ)
	s.decref(tb)
}

func (s *tstate) excOf(op *C.PyObject) *py.BaseException {
	e, _ := s.fromC(op).(*py.BaseException)
	return e
}

//export fpyGo_PyException_SetTraceback
func fpyGo_PyException_SetTraceback(ts *C.PyThreadState, e, tb *C.PyObject) C.int {
	s := stateFromC(ts)
	if ex := s.excOf(e); ex != nil {
		if t, ok := s.fromC(tb).(*py.Traceback); ok {
			ex.SetTraceback(t)
		} else {
			ex.SetTraceback(nil)
		}
	}
	return 0
}

//export fpyGo_PyException_GetTraceback
func fpyGo_PyException_GetTraceback(ts *C.PyThreadState, e *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if ex := s.excOf(e); ex != nil {
		if v := ex.Traceback(); v != nil {
			return s.newRef(v)
		}
	}
	return nil
}

//export fpyGo_PyException_SetCause
func fpyGo_PyException_SetCause(ts *C.PyThreadState, e, c *C.PyObject) {
	s := stateFromC(ts)
	if ex := s.excOf(e); ex != nil {
		ex.SetCause(s.fromC(c))
		ex.SetSuppressContext(true)
	}
	s.decref(c)
}

//export fpyGo_PyException_GetCause
func fpyGo_PyException_GetCause(ts *C.PyThreadState, e *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if ex := s.excOf(e); ex != nil {
		if v := ex.Cause(); v != nil {
			return s.newRef(v)
		}
	}
	return nil
}

//export fpyGo_PyException_SetContext
func fpyGo_PyException_SetContext(ts *C.PyThreadState, e, c *C.PyObject) {
	s := stateFromC(ts)
	if ex := s.excOf(e); ex != nil {
		ex.SetContext(s.fromC(c))
	}
	s.decref(c)
}

//export fpyGo_PyException_GetContext
func fpyGo_PyException_GetContext(ts *C.PyThreadState, e *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if ex := s.excOf(e); ex != nil {
		if v := ex.Context(); v != nil {
			return s.newRef(v)
		}
	}
	return nil
}

//export fpyGo_PyException_GetArgs
func fpyGo_PyException_GetArgs(ts *C.PyThreadState, e *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	if ex := s.excOf(e); ex != nil && ex.Args() != nil {
		return s.newRef(ex.Args())
	}
	return s.newRef(py.NewTuple())
}

// ---- imports ----

//export fpyGo_PyImport_GetModuleDict
func fpyGo_PyImport_GetModuleDict(ts *C.PyThreadState) *C.PyObject {
	s := stateFromC(ts)
	return s.borrowed(s.t.Interp().Modules)
}

//export fpyGo_PyImport_GetModule
func fpyGo_PyImport_GetModule(ts *C.PyThreadState, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.fromC(name).(*py.Str)
	if !ok {
		return nil
	}
	m := s.t.Interp().Modules.GetStr(n.String())
	if m == nil {
		return nil
	}
	return s.newRef(m)
}

//export fpyGo_PyImport_ImportModuleLevelObject
func fpyGo_PyImport_ImportModuleLevelObject(ts *C.PyThreadState, name, globals, locals, fromlist *C.PyObject, level C.int) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.fromC(name).(*py.Str)
	if !ok {
		s.setError(py.TypeErrorf("module name must be a string"))
		return nil
	}
	g, _ := s.fromC(globals).(*py.Dict)
	var fl py.Object = py.None
	if fromlist != nil {
		fl = s.fromC(fromlist)
	}
	return s.ret(s.t.Import(n.String(), g, fl, int(level)))
}

//export fpyGo_PyImport_ImportModuleLevel
func fpyGo_PyImport_ImportModuleLevel(ts *C.PyThreadState, name *C.char, globals, locals, fromlist *C.PyObject, level C.int) *C.PyObject {
	s := stateFromC(ts)
	n := s.newRef(py.NewStr(cstr(name)))
	s.keep(n)
	return fpyGo_PyImport_ImportModuleLevelObject(ts, n, globals, locals, fromlist, level)
}

// ---- objects ----

//export fpyGo_PyObject_CallFinalizerFromDealloc
func fpyGo_PyObject_CallFinalizerFromDealloc(ts *C.PyThreadState, o *C.PyObject) C.int {
	// tp_finalize is not called yet: nothing can resurrect the object
	return 0
}

//export fpyGo_PySequence_Contains
func fpyGo_PySequence_Contains(ts *C.PyThreadState, c, v *C.PyObject) C.int {
	s := stateFromC(ts)
	return s.retBool(py.Contains(s.t, s.fromC(c), s.fromC(v)))
}

//export fpyGo_PySequence_Tuple
func fpyGo_PySequence_Tuple(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	items, err := py.ToSlice(s.t, s.fromC(o))
	if err != nil {
		return s.ret(nil, err)
	}
	return s.newRef(py.NewTuple(items...))
}

//export fpyGo_PySequence_List
func fpyGo_PySequence_List(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	items, err := py.ToSlice(s.t, s.fromC(o))
	if err != nil {
		return s.ret(nil, err)
	}
	return s.newRef(py.NewList(items...))
}

// PySequence_Fast returns the list or tuple itself, or a new list: the
// PySequence_Fast_* macros read the 3.11 layout of both.
//
//export fpyGo_PySequence_Fast
func fpyGo_PySequence_Fast(ts *C.PyThreadState, o *C.PyObject, msg *C.char) *C.PyObject {
	s := stateFromC(ts)
	switch s.fromC(o).(type) {
	case *py.List, *py.Tuple:
		incref(o)
		return s.refresh(o, s.fromC(o))
	}
	items, err := py.ToSlice(s.t, s.fromC(o))
	if err != nil {
		if py.IsInstanceOf(err, py.TypeErrorType) && msg != nil {
			err = py.TypeErrorf("%s", cstr(msg))
		}
		return s.ret(nil, err)
	}
	return s.newRef(py.NewList(items...))
}

//export fpyGo__PyDict_GetItem_KnownHash
func fpyGo__PyDict_GetItem_KnownHash(ts *C.PyThreadState, d, k *C.PyObject, h C.Py_hash_t) *C.PyObject {
	return fpyGo_PyDict_GetItemWithError(ts, d, k)
}

//export fpyGo__PyObject_GenericGetAttrWithDict
func fpyGo__PyObject_GenericGetAttrWithDict(ts *C.PyThreadState, o, name, dict *C.PyObject, suppress C.int) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		return nil
	}
	v, err := py.GenericGetAttr(s.t, s.fromC(o), n)
	if err != nil {
		if suppress != 0 && py.IsInstanceOf(err, py.AttributeErrorType) {
			return nil
		}
		return s.ret(nil, err)
	}
	return s.newRef(v)
}

// _PyObject_GetDictPtr: only C objects with a tp_dictoffset have a C slot
// for their __dict__; for the others NULL ("no dict pointer") sends
// compiled code to the generic attribute path.
//
//export fpyGo__PyObject_GetDictPtr
func fpyGo__PyObject_GetDictPtr(ts *C.PyThreadState, o *C.PyObject) **C.PyObject {
	off := o.ob_type.tp_dictoffset
	if off <= 0 || !hasHead(o) || linkOf(o) == nil || !linkOf(o).cowned {
		return nil
	}
	return (**C.PyObject)(unsafe.Add(unsafe.Pointer(o), off))
}

//export fpyGo_PyDescr_IsData
func fpyGo_PyDescr_IsData(ts *C.PyThreadState, o *C.PyObject) C.int {
	s := stateFromC(ts)
	if py.LoadPtr(&s.fromC(o).Type().DescrSet) != nil {
		return 1
	}
	return 0
}

// ---- the buffer protocol ----

// exports pins the Go memory behind buffers handed to C until
// PyBuffer_Release (runtime.Pinner): C may keep the pointer that long.
var exports sync.Map // view pointer (uintptr) -> *runtime.Pinner

//export fpyGo_PyObject_GetBuffer
func fpyGo_PyObject_GetBuffer(ts *C.PyThreadState, o *C.PyObject, view *C.Py_buffer, flags C.int) C.int {
	s := stateFromC(ts)
	if pb := o.ob_type.tp_as_buffer; pb != nil && pb.bf_getbuffer != nil && C.fpy_is_generic_slot(unsafe.Pointer(pb.bf_getbuffer)) == 0 {
		return C.fpy_call_getbuffer(ts, unsafe.Pointer(pb.bf_getbuffer), o, view, flags)
	}
	obj := s.fromC(o)
	var data []byte
	readonly := true
	switch v := py.Unwrap(obj).(type) {
	case *py.Bytes:
		// the mirror holds the bytes in C memory
		if flags&C.PyBUF_WRITABLE != 0 {
			s.setError(py.Errorf(py.BufferErrorType, "Object is not writable."))
			return -1
		}
		n := obSize(o)
		return fillBuffer(view, o, unsafe.Pointer(ptrAt(o, offBytesSval)), n, true, flags, s)
	case *py.ByteArray:
		data, readonly = v.Bytes(), false
	case *py.MemoryView:
		target, start, n, contiguous := v.View()
		if !contiguous {
			s.setError(py.Errorf(py.BufferErrorType, "memoryview: underlying buffer is not C-contiguous"))
			return -1
		}
		switch b := py.Unwrap(target).(type) {
		case *py.Bytes:
			data = b.Data()[start : start+n]
		case *py.ByteArray:
			data, readonly = b.Bytes()[start:start+n], false
		default:
			if live, ok := py.ExporterBytes(target); ok && start+n <= len(live) {
				data, readonly = live[start:start+n], v.ReadOnly()
			}
		}
	default:
		if live, ok := py.ExporterBytes(obj); ok {
			// array.array: its items' bytes (format "B": freepy does
			// not describe the item type to C)
			data, readonly = live, false
			break
		}
		s.setError(py.TypeErrorf("a bytes-like object is required, not '%s'", obj.Type().Name()))
		return -1
	}
	if flags&C.PyBUF_WRITABLE != 0 && readonly {
		s.setError(py.Errorf(py.BufferErrorType, "Object is not writable."))
		return -1
	}
	var p unsafe.Pointer
	if len(data) > 0 {
		pin := new(runtime.Pinner)
		pin.Pin(&data[0])
		exports.Store(uintptr(unsafe.Pointer(view)), pin)
		p = unsafe.Pointer(&data[0])
	}
	return fillBuffer(view, o, p, len(data), readonly, flags, s)
}

func fillBuffer(view *C.Py_buffer, o *C.PyObject, p unsafe.Pointer, n int, readonly bool, flags C.int, s *tstate) C.int {
	*view = C.Py_buffer{}
	view.buf = p
	view.len = C.Py_ssize_t(n)
	view.itemsize = 1
	view.ndim = 1
	if readonly {
		view.readonly = 1
	}
	if flags&C.PyBUF_FORMAT != 0 {
		view.format = cname("B")
	}
	// one dimension of bytes: the shape is the length and the stride one
	// byte, pointing into the view itself (PyBuffer_FillInfo's way)
	if flags&C.PyBUF_ND == C.PyBUF_ND {
		view.shape = &view.len
	}
	if flags&C.PyBUF_STRIDES == C.PyBUF_STRIDES {
		view.strides = &view.itemsize
	}
	incref(o)
	view.obj = o
	return 0
}

//export fpyGo_PyBuffer_Release
func fpyGo_PyBuffer_Release(ts *C.PyThreadState, view *C.Py_buffer) {
	o := view.obj
	if o == nil {
		return
	}
	if pb := o.ob_type.tp_as_buffer; pb != nil && pb.bf_releasebuffer != nil && C.fpy_is_generic_slot(unsafe.Pointer(pb.bf_releasebuffer)) == 0 {
		C.fpy_call_releasebuffer(ts, unsafe.Pointer(pb.bf_releasebuffer), o, view)
	}
	if pin, ok := exports.LoadAndDelete(uintptr(unsafe.Pointer(view))); ok {
		pin.(*runtime.Pinner).Unpin()
	}
	view.obj = nil
	stateFromC(ts).decref(o)
}

//export fpyGo_PyObject_CheckBuffer
func fpyGo_PyObject_CheckBuffer(ts *C.PyThreadState, o *C.PyObject) C.int {
	if pb := o.ob_type.tp_as_buffer; pb != nil && pb.bf_getbuffer != nil {
		return 1
	}
	s := stateFromC(ts)
	obj := s.fromC(o)
	switch py.Unwrap(obj).(type) {
	case *py.Bytes, *py.ByteArray, *py.MemoryView:
		return 1
	}
	if _, ok := py.ExporterBytes(obj); ok {
		return 1
	}
	return 0
}

// PyMemoryView_FromMemory copies: freepy's memoryview cannot view foreign
// memory yet, so writes through the view do not reach mem (docs/capi.md).
//
//export fpyGo_PyMemoryView_FromMemory
func fpyGo_PyMemoryView_FromMemory(ts *C.PyThreadState, mem *C.char, size C.Py_ssize_t, flags C.int) *C.PyObject {
	s := stateFromC(ts)
	b := C.GoBytes(unsafe.Pointer(mem), C.int(size))
	var target py.Object = py.NewBytes(b)
	if flags&C.PyBUF_WRITE != 0 {
		target = py.NewByteArray(b)
	}
	return s.ret(py.Call(s.t, py.MemoryViewType, []py.Object{target}, nil))
}

//export fpyGo_PyMemoryView_FromObject
func fpyGo_PyMemoryView_FromObject(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Call(s.t, py.MemoryViewType, []py.Object{s.fromC(o)}, nil))
}

//export fpyGo_PyMemoryView_GetContiguous
func fpyGo_PyMemoryView_GetContiguous(ts *C.PyThreadState, o *C.PyObject, buffertype C.int, order C.char) *C.PyObject {
	return fpyGo_PyMemoryView_FromObject(ts, o)
}

// ---- cells ----

//export fpyGo_PyCell_New
func fpyGo_PyCell_New(ts *C.PyThreadState, v *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	c := py.NewCell(s.fromC(v))
	return s.newRef(c)
}

// PyCell_Get returns a new reference (as in CPython).
//
//export fpyGo_PyCell_Get
func fpyGo_PyCell_Get(ts *C.PyThreadState, c *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	cell, ok := s.fromC(c).(*py.Cell)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return nil
	}
	v := cell.Get()
	if v == nil {
		return nil
	}
	return s.newRef(v)
}

//export fpyGo_PyCell_Set
func fpyGo_PyCell_Set(ts *C.PyThreadState, c, v *C.PyObject) C.int {
	s := stateFromC(ts)
	cell, ok := s.fromC(c).(*py.Cell)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return -1
	}
	cell.Set(s.fromC(v))
	return 0
}
