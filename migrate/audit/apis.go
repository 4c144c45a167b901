package audit

import "strings"

// gilAPIs are the functions through which C code takes, drops or relies on
// the GIL or on thread states; each needs a look before running without a
// lock. The value says what to check.
var gilAPIs = map[string]string{
	"PyGILState_Ensure":                     "callbacks from foreign threads: check what C state they touch",
	"PyGILState_Release":                    "callbacks from foreign threads: check what C state they touch",
	"PyGILState_GetThisThreadState":         "thread-state lookup",
	"PyGILState_Check":                      "asserts the GIL is held: meaningless without one",
	"PyEval_SaveThread":                     "Py_BEGIN_ALLOW_THREADS: C state touched outside it was protected by the GIL",
	"PyEval_RestoreThread":                  "Py_END_ALLOW_THREADS",
	"PyEval_AcquireThread":                  "attaches a thread state",
	"PyEval_ReleaseThread":                  "detaches a thread state",
	"PyEval_InitThreads":                    "no-op since 3.9",
	"PyEval_ThreadsInitialized":             "always true since 3.7",
	"PyEval_AcquireLock":                    "takes the GIL itself: removed in 3.13",
	"PyEval_ReleaseLock":                    "drops the GIL itself: removed in 3.13",
	"PyThreadState_New":                     "creates thread states by hand",
	"PyThreadState_Clear":                   "manages thread states by hand",
	"PyThreadState_Delete":                  "manages thread states by hand",
	"PyThreadState_DeleteCurrent":           "manages thread states by hand",
	"PyThreadState_Swap":                    "swaps thread states: greenlet-style code",
	"PyThreadState_SetAsyncExc":             "raises in another thread",
	"PyInterpreterState_ThreadHead":         "walks other threads' states",
	"PyThreadState_Next":                    "walks other threads' states",
	"_PyThreadState_UncheckedGet":           "reads thread-state fields directly",
	"_PyGILState_GetInterpreterStateUnsafe": "private GIL-state internals",
}

// isGILAPI reports whether name is a GIL or thread API. PyThread_* (locks,
// thread-local storage, thread start) all count: a module with its own
// locks is usually further along, but those locks still need a look.
func isGILAPI(name string) bool {
	if _, ok := gilAPIs[name]; ok {
		return true
	}
	return strings.HasPrefix(name, "PyThread_")
}

// saveThreadAPIs and gilStateAPIs group the GIL APIs for scoring.
var saveThreadAPIs = []string{"PyEval_SaveThread", "PyEval_RestoreThread", "PyEval_AcquireThread", "PyEval_ReleaseThread"}
var gilStateAPIs = []string{"PyGILState_Ensure", "PyGILState_Release", "PyGILState_GetThisThreadState", "PyGILState_Check"}

// ftAPIs are free-threading-era APIs: importing one shows the module has
// been (at least partly) ported.
var ftAPIs = map[string]bool{
	"PyDict_GetItemRef": true, "PyDict_GetItemStringRef": true,
	"PyDict_SetDefaultRef": true, "PyList_GetItemRef": true,
	"PyWeakref_GetRef": true, "PyImport_AddModuleRef": true,
	"PyEval_GetFrameBuiltins": true, "PyEval_GetFrameGlobals": true,
	"PyEval_GetFrameLocals": true, "PyDict_Pop": true, "PyDict_PopString": true,
}

// legacyOnlyAPIs exist only in a build with a GIL, or expose interpreter
// internals that freepy (or CPython 3.13t) cannot offer in free-threaded
// mode: a module that imports one cannot run without the pseudo-GIL until
// the code that uses it is rewritten.
var legacyOnlyAPIs = map[string]string{
	"PyEval_AcquireLock":                    "takes the GIL without a thread state; removed in 3.13: use PyEval_AcquireThread / PyGILState_Ensure",
	"PyEval_ReleaseLock":                    "drops the GIL without a thread state; removed in 3.13: use PyEval_ReleaseThread / PyEval_SaveThread",
	"_PyRuntime":                            "reads CPython's runtime struct directly",
	"_PyThreadState_Current":                "reads CPython's current-thread global directly",
	"_PyInterpreterState_SetEvalFrameFunc":  "replaces the evaluation loop (PEP 523)",
	"_PyInterpreterState_GetEvalFrameFunc":  "replaces the evaluation loop (PEP 523)",
	"_PyGILState_GetInterpreterStateUnsafe": "GIL-state internals",
	"_PyEval_EvalFrameDefault":              "calls the evaluation loop directly (PEP 523)",
}

// macroImplied are private symbols that the public 3.11 headers' macros
// expand to: a module imports them without calling private API in source.
var macroImplied = map[string]bool{
	"_Py_Dealloc": true, "_Py_NoneStruct": true, "_Py_TrueStruct": true,
	"_Py_FalseStruct": true, "_Py_NotImplementedStruct": true,
	"_Py_EllipsisObject": true, "_Py_FatalErrorFunc": true,
	"_PyErr_BadInternalCall": true, "_PyObject_New": true,
	"_PyObject_NewVar": true, "_PyObject_GC_New": true,
	"_PyObject_GC_NewVar": true, "_PyObject_GC_Resize": true,
	"_Py_ctype_table": true, "_Py_ctype_tolower": true,
	"_Py_ctype_toupper": true, "_Py_RefTotal": true,
	"_Py_NegativeRefcount": true, "_Py_IncRef": true, "_Py_DecRef": true,
	"_Py_NewRef": true, "_Py_XNewRef": true,
}

// isPrivateAPI reports whether an imported symbol is private CPython API
// that a programmer (or a generator) chose to call.
func isPrivateAPI(name string) bool {
	if !strings.HasPrefix(name, "_Py") || macroImplied[name] {
		return false
	}
	// PY_SSIZE_T_CLEAN maps PyArg_ParseTuple & co. to *_SizeT names;
	// Py_UNICODE_IS*/TO* map to _PyUnicode_Is*/_To*.
	if strings.HasSuffix(name, "_SizeT") {
		return false
	}
	if strings.HasPrefix(name, "_PyUnicode_Is") || strings.HasPrefix(name, "_PyUnicode_To") {
		return false
	}
	return true
}
