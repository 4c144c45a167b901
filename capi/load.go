package capi

/*
#include "shim.h"
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

// fpy_dlopen opens path and, on failure, copies dlerror's message into
// err in the same call: dlerror is per OS thread, and a goroutine may
// move to another thread between two cgo calls.
static void *fpy_dlopen(const char *path, int flags, char *err, size_t n) {
	void *h = dlopen(path, flags);
	if (h == NULL && n > 0) {
		const char *e = dlerror();
		err[0] = 0;
		if (e != NULL) {
			strncpy(err, e, n - 1);
			err[n - 1] = 0;
		}
	}
	return h;
}
*/
import "C"

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unsafe"

	"freepy/interp/py"
)

// moduleInfo is what a module created from a PyModuleDef carries.
type moduleInfo struct {
	def   *C.PyModuleDef
	state unsafe.Pointer
	ext   *extModule
}

var modules sync.Map // *py.Module -> *moduleInfo

// declinedAccelerators are host accelerators that load and work but that
// freepy leaves alone, with the measured reason (docs/benchmarks.md): the
// standard library then runs its pure-Python fallback.
// FREEPY_HOST_ACCEL=_asyncio (a comma-separated list) loads them anyway.
var declinedAccelerators = map[string]string{
	"_asyncio": "its C tasks and futures are slower here than asyncio's Python ones, " +
		"and a legacy module's lock would serialise event loops running in different threads",
}

func acceleratorWanted(name string) bool {
	for _, n := range strings.Split(os.Getenv("FREEPY_HOST_ACCEL"), ",") {
		if strings.TrimSpace(n) == name {
			return true
		}
	}
	return false
}

// loadExtension is py.ExtensionLoader: dlopen the file and run its
// PyInit function (single- or multi-phase).
//
// A host CPython accelerator (lib-dynload) whose initialisation fails in
// freepy raises ImportError, whatever it raised: the standard library
// imports those modules inside `try: ... except ImportError:` and falls
// back to pure Python (a module that needs a C API freepy lacks raises
// AttributeError or SystemError from its initialisation).
func loadExtension(t *py.Thread, name, path string) (*py.Module, error) {
	if why, ok := declinedAccelerators[name]; ok && strings.Contains(path, "/lib-dynload/") && !acceleratorWanted(name) {
		return nil, importError(name, path, "freepy does not load the host's "+name+": "+why)
	}
	m, err := loadExtensionFile(t, name, path)
	if err != nil && strings.Contains(path, "/lib-dynload/") && !py.IsInstanceOf(err, py.ImportErrorType) {
		cause := py.AsException(err)
		e := importError(name, path, filepath.Base(path)+": "+cause.Error())
		py.AsException(e).SetCauseFrom(cause)
		return nil, e
	}
	return m, err
}

func loadExtensionFile(t *py.Thread, name, path string) (*py.Module, error) {
	setup(t)
	s := stateOf(t)
	short := name[strings.LastIndexByte(name, '.')+1:]
	// dlopen searches the library path for a name without a slash
	// ("m.so" found through sys.path entry ""): give it the full path
	dlpath := path
	if abs, err := filepath.Abs(path); err == nil {
		dlpath = abs
	}
	cpath := C.CString(dlpath)
	defer C.free(unsafe.Pointer(cpath))
	var errbuf [1024]C.char
	h := C.fpy_dlopen(cpath, C.RTLD_NOW|C.RTLD_LOCAL, &errbuf[0], C.size_t(len(errbuf)))
	if h == nil {
		return nil, importError(name, path, C.GoString(&errbuf[0]))
	}
	csym := C.CString("PyInit_" + short)
	defer C.free(unsafe.Pointer(csym))
	initFn := C.dlsym(h, csym)
	if initFn == nil {
		return nil, importError(name, path, "dynamic module does not define module export function (PyInit_"+short+")")
	}
	// legacy until a freepy-tagged module declares Py_MOD_GIL_NOT_USED
	// (execModuleDef, PyUnstable_Module_SetGIL)
	ext := &extModule{name: name, path: path, legacy: legacyMode() != "off"}
	if ext.legacy {
		ext.lock = lockFor(lockGroup(name))
	}
	extByPath.Store(path, ext)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		extByPath.Store(real, ext)
	}
	if abs, err := filepath.Abs(path); err == nil {
		extByPath.Store(abs, ext)
	}
	prev := s.loading
	s.loading = ext
	defer func() { s.loading = prev }()

	mark := s.mark()
	defer s.release(mark)
	took := ext.enter(s, "PyInit_"+short)
	r := C.fpy_call_init_module(s.ts, initFn)
	ext.leave(s, took)
	if r == nil {
		if err := s.fetchError(); err != nil {
			return nil, err
		}
		return nil, py.Errorf(py.SystemErrorType, "initialization of %s failed without raising an exception", short)
	}
	s.keep(r)
	if s.errorSet() {
		err := s.fetchError()
		se := py.Errorf(py.SystemErrorType, "initialization of %s raised unreported exception", short)
		se.SetCause(exceptionOf(err))
		return nil, se
	}
	var m *py.Module
	if r.ob_type == &C.PyModuleDef_Type {
		var err error
		m, err = s.execModuleDef(name, (*C.PyModuleDef)(unsafe.Pointer(r)), ext)
		if err != nil {
			return nil, err
		}
	} else {
		mo, ok := s.fromC(r).(*py.Module)
		if !ok {
			return nil, py.Errorf(py.SystemErrorType, "initialization of %s did not return an extension module", short)
		}
		m = mo
		if info, ok := modules.Load(m); ok {
			info.(*moduleInfo).ext = ext
		}
	}
	lateSlots(ext)
	if ext.pendingFree && legacyMode() != "off" {
		ext.legacy, ext.lock = false, nil
	}
	if legacyMode() == "off" {
		ext.legacy, ext.lock = false, nil
	}
	m.Dict().SetStr("__file__", py.NewStr(path))
	if m.Dict().GetStr("__name__") == nil || name != short {
		m.Dict().SetStr("__name__", py.NewStr(name))
	}
	return m, nil
}

func importError(name, path, msg string) error {
	e := py.NewError(py.ImportErrorType, msg)
	e.Dict().SetStr("name", py.NewStr(name))
	e.Dict().SetStr("path", py.NewStr(path))
	return e
}

// legacyByFileName: binaries built for a GIL build (no freepy
// free-threaded tag in the file name) are always legacy.
func legacyByFileName(path string) bool {
	return !strings.HasSuffix(filepath.Base(path), ".freepy-311t-x86_64-linux-gnu.so")
}

// lockGroup names the pseudo-GIL a legacy module uses
// (FREEPY_LEGACY_LOCK=module|package|global).
func lockGroup(name string) string {
	switch legacyMode() {
	case "package":
		if i := strings.IndexByte(name, '.'); i >= 0 {
			return name[:i]
		}
	case "global":
		return "<global>"
	}
	return name
}

// execModuleDef runs multi-phase initialisation (PEP 489).
func (s *tstate) execModuleDef(name string, def *C.PyModuleDef, ext *extModule) (*py.Module, error) {
	if declared, gil := moduleDefGIL(def); declared && gil && !legacyByFileName(ext.path) {
		ext.legacy = false
		ext.lock = nil
	}
	spec := py.NewModule(name) // a minimal stand-in for the ModuleSpec
	spec.Dict().SetStr("name", py.NewStr(name))
	spec.Dict().SetStr("origin", py.NewStr(ext.path))
	m, err := s.moduleFromDef(name, def, spec, ext)
	if err != nil {
		return nil, err
	}
	if err := s.runExecSlots(m, def, ext); err != nil {
		return nil, err
	}
	return m, nil
}

// moduleDefSlots calls fn for each slot of def's m_slots.
func moduleDefSlots(def *C.PyModuleDef, fn func(slot C.int, value unsafe.Pointer)) {
	if def.m_slots == nil {
		return
	}
	for sl := def.m_slots; sl.slot != 0; sl = (*C.PyModuleDef_Slot)(unsafe.Add(unsafe.Pointer(sl), C.sizeof_PyModuleDef_Slot)) {
		fn(sl.slot, sl.value)
	}
}

// moduleDefGIL: whether def has a Py_mod_gil slot, and whether it says
// Py_MOD_GIL_NOT_USED (1).
func moduleDefGIL(def *C.PyModuleDef) (declared, notUsed bool) {
	moduleDefSlots(def, func(slot C.int, v unsafe.Pointer) {
		if slot == C.Py_mod_gil {
			declared, notUsed = true, uintptr(v) == 1
		}
	})
	return
}

// moduleFromDef is the first half of multi-phase initialisation
// (PyModule_FromDefAndSpec): the module from Py_mod_create, or a new one,
// with def's functions.
func (s *tstate) moduleFromDef(name string, def *C.PyModuleDef, spec py.Object, ext *extModule) (*py.Module, error) {
	var create unsafe.Pointer
	moduleDefSlots(def, func(slot C.int, v unsafe.Pointer) {
		if slot == C.Py_mod_create {
			create = v
		}
	})
	var m *py.Module
	if create != nil {
		o, err := s.call(ext, name+" Py_mod_create", func() *C.PyObject {
			return C.fpy_call_create_module(s.ts, create, s.borrow(spec), def)
		})
		if err != nil {
			return nil, err
		}
		mo, ok := o.(*py.Module)
		if !ok {
			return nil, py.Errorf(py.SystemErrorType, "module %s: Py_mod_create did not return a module", name)
		}
		m = mo
	} else {
		m = s.newDefModule(name, def, ext)
	}
	if err := s.addModuleFunctions(m, def.m_methods, ext); err != nil {
		return nil, err
	}
	return m, nil
}

// runExecSlots is the second half (PyModule_ExecDef): def's Py_mod_exec
// functions, in order, on m.
func (s *tstate) runExecSlots(m *py.Module, def *C.PyModuleDef, ext *extModule) error {
	var execs []unsafe.Pointer
	moduleDefSlots(def, func(slot C.int, v unsafe.Pointer) {
		if slot == C.Py_mod_exec {
			execs = append(execs, v)
		}
	})
	name := m.Name()
	for _, ex := range execs {
		fn := ex
		_, err := s.callInt(ext, name+" Py_mod_exec", func() C.int {
			return C.fpy_call_exec_module(s.ts, fn, s.borrow(m))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// newDefModule makes the module object for a PyModuleDef (with its state).
func (s *tstate) newDefModule(name string, def *C.PyModuleDef, ext *extModule) *py.Module {
	m := py.NewModule(name)
	if doc := cstr(def.m_doc); doc != "" {
		m.Dict().SetStr("__doc__", py.NewStr(doc))
	} else {
		m.Dict().SetStr("__doc__", py.None)
	}
	info := &moduleInfo{def: def, ext: ext}
	if def.m_size > 0 {
		info.state = C.fpy_alloc(C.size_t(def.m_size))
	}
	modules.Store(m, info)
	return m
}

// addModuleFunctions adds a PyMethodDef table to a module.
func (s *tstate) addModuleFunctions(m *py.Module, ml *C.PyMethodDef, ext *extModule) error {
	if ml == nil {
		return nil
	}
	for def := ml; def.ml_name != nil; def = (*C.PyMethodDef)(unsafe.Add(unsafe.Pointer(def), C.sizeof_PyMethodDef)) {
		if def.ml_flags&(C.METH_CLASS|C.METH_STATIC) != 0 {
			return py.Errorf(py.ValueErrorType, "module functions cannot set METH_CLASS or METH_STATIC")
		}
		m.Dict().SetStr(cstr(def.ml_name), s.newCFunction(def, m, ext))
	}
	return nil
}

// newCFunction makes a builtin function for a PyMethodDef bound to self.
func (s *tstate) newCFunction(def *C.PyMethodDef, self py.Object, ext *extModule) *py.Builtin {
	name := cstr(def.ml_name)
	b := &py.Builtin{Name: name, Qualname: name, Doc: methodDoc(name, def.ml_doc), Self: self, CDef: unsafe.Pointer(def)}
	qual := name
	if ext != nil {
		qual = ext.name + "." + name
	}
	// the module's C object, referenced once for the function's life
	// (modules live as long as the program): no per-call reference
	cf := &cfunc{def: def, name: qual, cself: s.newRef(self), ext: ext, fixedSelf: true}
	b.Fn = cf.fn()
	return b
}
