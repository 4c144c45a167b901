package capi

/*
#include "shim.h"

// _socket.CAPI (CPython's PySocketModule_APIObject) and the error handler
// socket mirrors carry; shim/compat.c.
typedef struct {
    PyTypeObject *Sock_Type;
    PyObject *error;
    PyObject *timeout_error;
} fpy_socket_capi_t;
extern fpy_socket_capi_t fpy_socket_capi;
PyObject *fpy_socket_errorhandler(void);
*/
import "C"

import (
	"sync"
	"unsafe"

	"freepy/interp/py"
)

// C-API functions that real compiled extensions need beyond the core
// families (see shim/compat.c for the ones written in C): the readline,
// cffi, _hashlib and _ssl modules and pyo3's run-time checks.

// _Py_HashBytes is hash() of the bytes object with the same contents, so
// that a C hash table keyed by it agrees with Python's.
//
//export fpyGo__Py_HashBytes
func fpyGo__Py_HashBytes(ts *C.PyThreadState, p unsafe.Pointer, n C.Py_ssize_t) C.Py_hash_t {
	if n <= 0 {
		return 0
	}
	b := unsafe.Slice((*byte)(p), int(n))
	return C.Py_hash_t(py.NewStr(string(b)).Hash())
}

//export fpyGo_PyDictProxy_New
func fpyGo_PyDictProxy_New(ts *C.PyThreadState, o *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	return s.ret(py.Call(s.t, py.MappingProxyType, []py.Object{s.fromC(o)}, nil))
}

// interpDict is PyInterpreterState_GetDict's dict: freepy has one
// interpreter, so one dict, kept for the life of the process.
var interpDict struct {
	once sync.Once
	op   *C.PyObject
}

//export fpyGo_PyInterpreterState_GetDict
func fpyGo_PyInterpreterState_GetDict(ts *C.PyThreadState, interp *C.PyInterpreterState) *C.PyObject {
	s := stateFromC(ts)
	interpDict.once.Do(func() {
		// this reference is never released: the pointer is borrowed by
		// callers and must stay valid
		interpDict.op = s.newRef(py.NewDict())
	})
	return interpDict.op
}

// _PyErr_WriteUnraisableMsg reports the current exception as
// "Exception ignored <msg>: <repr(obj)>" and its traceback, as CPython's
// default sys.unraisablehook prints it.
//
//export fpyGo__PyErr_WriteUnraisableMsg
func fpyGo__PyErr_WriteUnraisableMsg(ts *C.PyThreadState, msg *C.char, o *C.PyObject) {
	if msg == nil {
		fpyGo_PyErr_WriteUnraisable(ts, o)
		return
	}
	s := stateFromC(ts)
	err := s.fetchError()
	if err == nil {
		return
	}
	var obj py.Object
	if o != nil {
		obj = s.fromC(o)
	}
	py.WriteUnraisable(s.t, err, "Exception ignored "+cstr(msg), obj)
}

// ---- PyState_*: modules found by their PyModuleDef ----

// stateModules maps a single-phase module's *C.PyModuleDef to its module,
// as CPython's per-interpreter modules_by_index does.
var stateModules sync.Map

//export fpyGo_PyState_FindModule
func fpyGo_PyState_FindModule(ts *C.PyThreadState, def *C.PyModuleDef) *C.PyObject {
	if def == nil || def.m_slots != nil {
		return nil
	}
	s := stateFromC(ts)
	if m, ok := stateModules.Load(def); ok {
		return s.borrowed(m.(*py.Module))
	}
	// a single-phase module registers itself implicitly when its PyInit
	// returns (CPython's _PyImport_FixupExtensionObject): find it by def
	var found *py.Module
	modules.Range(func(k, v any) bool {
		if v.(*moduleInfo).def == def {
			found = k.(*py.Module)
			return false
		}
		return true
	})
	if found == nil {
		return nil
	}
	stateModules.LoadOrStore(def, found)
	return s.borrowed(found)
}

//export fpyGo_PyState_AddModule
func fpyGo_PyState_AddModule(ts *C.PyThreadState, mod *C.PyObject, def *C.PyModuleDef) C.int {
	s := stateFromC(ts)
	if def == nil {
		return s.retInt(py.Errorf(py.SystemErrorType, "module definition is NULL"))
	}
	if def.m_slots != nil {
		return s.retInt(py.Errorf(py.SystemErrorType, "PyState_AddModule called on module with slots"))
	}
	m, ok := s.fromC(mod).(*py.Module)
	if !ok {
		return s.retInt(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
	}
	stateModules.Store(def, m)
	return 0
}

//export fpyGo_PyState_RemoveModule
func fpyGo_PyState_RemoveModule(ts *C.PyThreadState, def *C.PyModuleDef) C.int {
	s := stateFromC(ts)
	if def == nil {
		return s.retInt(py.Errorf(py.SystemErrorType, "module definition is NULL"))
	}
	if def.m_slots != nil {
		return s.retInt(py.Errorf(py.SystemErrorType, "PyState_RemoveModule called on module with slots"))
	}
	if _, ok := stateModules.LoadAndDelete(def); !ok {
		return s.retInt(py.Errorf(py.SystemErrorType, "PyState_RemoveModule: Module index out of bounds."))
	}
	return 0
}

// ---- _socket for C: the CAPI capsule and the socket object layout ----

// CPython 3.11's PySocketSockObject (Modules/socketmodule.h), which _ssl
// reads directly: the descriptor and the timeout of the socket it wraps.
const (
	offSockFd      = 16 // SOCKET_T sock_fd (int)
	offSockFamily  = 20
	offSockType    = 24
	offSockProto   = 28
	offSockErrorH  = 32 // PyObject *(*errorhandler)(void)
	offSockTimeout = 40 // _PyTime_t sock_timeout, ns; -1 blocks
	sizeSockObject = 48
)

func init() {
	py.SocketModuleHook = func(t *py.Thread, m *py.Module) {
		// the capsule is made on first use: making it needs the C API set
		// up, which a program that only uses sockets should not pay for
		m.AddFunc("__getattr__", func(t *py.Thread, _ py.Object, args []py.Object, kw []string) (py.Object, error) {
			if len(args) == 1 && len(kw) == 0 {
				if n, ok := args[0].(*py.Str); ok && n.String() == "CAPI" {
					c, err := socketCAPI(t)
					if err == nil {
						m.Dict().SetStr("CAPI", c)
					}
					return c, err
				}
			}
			name := "?"
			if len(args) > 0 {
				if n, ok := args[0].(*py.Str); ok {
					name = n.String()
				}
			}
			return nil, py.Errorf(py.AttributeErrorType, "module '_socket' has no attribute '%s'", name)
		})
	}
}

var socketCAPIOnce struct {
	sync.Mutex
	obj py.Object
}

// socketCAPI makes the "_socket.CAPI" capsule: the socket type, and the
// exception types socket.error (OSError) and socket.timeout
// (TimeoutError). The struct is static and its references are never
// released: the types live as long as the process.
func socketCAPI(t *py.Thread) (py.Object, error) {
	socketCAPIOnce.Lock()
	defer socketCAPIOnce.Unlock()
	if socketCAPIOnce.obj != nil {
		return socketCAPIOnce.obj, nil
	}
	setup(t)
	s := stateOf(t)
	c := &C.fpy_socket_capi
	c.Sock_Type = s.typePtr(py.SocketType)
	c.error = s.newRef(py.OSErrorType)
	c.timeout_error = s.newRef(py.TimeoutErrorType)
	o, err := s.staticCapsule(unsafe.Pointer(c), "_socket.CAPI")
	if err == nil {
		socketCAPIOnce.obj = o
	}
	return o, err
}

// staticCapsule wraps a static C API table in a capsule named name (a
// module's CAPI attribute, which C code takes with PyCapsule_Import).
func (s *tstate) staticCapsule(table unsafe.Pointer, name string) (py.Object, error) {
	cname := C.CString(name) // the capsule keeps its name: never freed
	op := C.PyCapsule_New(table, cname, nil)
	if op == nil {
		return nil, s.fetchError()
	}
	o := s.fromC(op)
	s.decref(op)
	return o, nil
}

// compatMirror makes the mirror of a Go object that no built-in layout
// covers: a socket gets PySocketSockObject's fields, an instance of a
// datetime class its CPython layout, anything else an object header with
// room for its type's tp_basicsize. A Go object can be an instance of a
// Python subclass of a C type: PyGObject's enum members are made by
// int's tp_new (a Go int instance) and then C writes its own fields
// after the int part (PyGEnum.gtype), so the mirror must be as large as
// the C struct those fields belong to.
func (s *tstate) compatMirror(tp *C.PyTypeObject, o py.Object) *C.PyObject {
	if _, _, _, _, _, ok := py.SocketFields(o); ok {
		op := C.fpy_new_object(tp, sizeSockObject)
		*(*unsafe.Pointer)(ptrAt(op, offSockErrorH)) = unsafe.Pointer(C.fpy_socket_errorhandler)
		s.compatRefresh(op, o)
		return op
	}
	if kind, cls := py.DatetimeClassOf(o.Type()); kind != py.DatetimeNone {
		return s.datetimeMirror(tp, o, kind, cls)
	}
	return C.fpy_new_object(tp, layoutSize(tp, sizeofPyObject))
}

// compatRefresh brings a socket mirror's fields up to date each time the
// socket crosses into C (_ssl gets it back from a weak reference before
// every read, write and handshake, so it sees a close or settimeout).
func (s *tstate) compatRefresh(op *C.PyObject, o py.Object) {
	fd, family, typ, proto, timeout, ok := py.SocketFields(o)
	if !ok {
		return
	}
	*(*int32)(ptrAt(op, offSockFd)) = int32(fd)
	*(*int32)(ptrAt(op, offSockFamily)) = family
	*(*int32)(ptrAt(op, offSockType)) = typ
	*(*int32)(ptrAt(op, offSockProto)) = proto
	*(*int64)(ptrAt(op, offSockTimeout)) = timeout
}

// keepStoredValue keeps a C int, float or complex that was just stored in
// a dict alive until the current C call returns. Such values have no
// mirror link (the dict holds a Go value, not the C object), so the C
// object would die at the caller's next Py_DECREF; yet CPython code
// commonly stores, drops its reference and goes on using the object as
// borrowed from the dict (cffi's Lib attribute cache does).
func (s *tstate) keepStoredValue(op *C.PyObject) {
	if op == nil || immortal(op) {
		return
	}
	switch op.ob_type {
	case &C.PyLong_Type, &C.PyFloat_Type, &C.PyComplex_Type:
		s.autorelease(op)
	}
}
