package audit

import "sort"

// Risk says how likely a borrowed reference is to dangle once other threads
// run at the same time, or how much a finding matters for free-threading.
type Risk string

const (
	// RiskHigh: the reference points into a container that other threads
	// mutate (dict, list, set, weakref target, bytearray buffer): a
	// concurrent delete can free the object while the caller still uses it.
	RiskHigh Risk = "high"
	// RiskMedium: the container is shared but rarely mutated (sys, the
	// module table, a function's attributes, a type's dict).
	RiskMedium Risk = "medium"
	// RiskLow: the owner is immutable or private to the thread (tuple,
	// struct sequence, bound method, thread-state dict).
	RiskLow Risk = "low"
	// RiskNone: formally borrowed, but nothing another thread does can
	// invalidate it (the current exception, a static def).
	RiskNone Risk = "none"
)

// riskRank orders risks for sorting, most serious first.
func riskRank(r Risk) int {
	switch r {
	case RiskHigh:
		return 0
	case RiskMedium:
		return 1
	case RiskLow:
		return 2
	}
	return 3
}

// BorrowedAPI describes one C API function that hands out a borrowed
// reference (its documentation says "Return value: Borrowed reference", or
// it fills borrowed out-parameters), with the replacement to move to.
type BorrowedAPI struct {
	Name        string `json:"api"`
	Risk        Risk   `json:"risk"`
	Replacement string `json:"replacement"`
	Note        string `json:"note,omitempty"`
}

// borrowedAPIs lists the exported functions of the 3.11 C API (and the
// private helpers that generated code calls) that return borrowed
// references. The reference-count facts come from CPython's documentation
// (Doc/data/refcounts.dat); the replacements are the strong-reference APIs
// of CPython 3.13/3.14, which freepy's include/ provides. Macros and static
// inline functions (PyList_GET_ITEM, ...) never appear in a binary's symbol
// table: see invisibleMacros.
var borrowedAPIs = []BorrowedAPI{
	// Dictionaries: other threads insert and delete; a deleted value is
	// freed at once under reference counting.
	{"PyDict_GetItem", RiskHigh, "PyDict_GetItemRef", "also swallows errors"},
	{"PyDict_GetItemWithError", RiskHigh, "PyDict_GetItemRef", ""},
	{"PyDict_GetItemString", RiskHigh, "PyDict_GetItemStringRef", ""},
	{"PyDict_SetDefault", RiskHigh, "PyDict_SetDefaultRef", ""},
	{"PyDict_Next", RiskHigh, "wrap the loop in Py_BEGIN_CRITICAL_SECTION(dict)", "key and value are borrowed and the iteration itself races with writers"},
	{"_PyDict_GetItemStringWithError", RiskHigh, "PyDict_GetItemStringRef", "private"},
	{"_PyDict_GetItemWithError", RiskHigh, "PyDict_GetItemRef", "private"},
	{"_PyDict_GetItem_KnownHash", RiskHigh, "PyDict_GetItemRef", "private"},
	{"_PyDict_GetItemId", RiskHigh, "PyDict_GetItemStringRef", "private, removed in 3.12"},
	{"_PyDict_GetItemIdWithError", RiskHigh, "PyDict_GetItemStringRef", "private, removed in 3.12"},
	{"_PyDict_Next", RiskHigh, "PyDict_Next inside Py_BEGIN_CRITICAL_SECTION(dict)", "private"},
	{"_PyDict_SetItem_KnownHash", RiskNone, "", "stores, returns int"},
	// Lists.
	{"PyList_GetItem", RiskHigh, "PyList_GetItemRef", ""},
	// Sets: private iteration helper.
	{"_PySet_NextEntry", RiskHigh, "iterate with PyObject_GetIter/PyIter_Next", "private"},
	// Weak references: the referent can die on another thread any time.
	{"PyWeakref_GetObject", RiskHigh, "PyWeakref_GetRef", "the referent can be collected between the call and its use"},
	// bytearray: another thread can resize and move the buffer.
	{"PyByteArray_AsString", RiskHigh, "PyObject_GetBuffer (an export blocks resizing)", "borrowed pointer into a resizable buffer"},
	// Objects reached through the type dict or an instance dict slot.
	{"_PyType_Lookup", RiskMedium, "_PyType_LookupRef (3.14) or PyObject_GetAttr", "private; type dicts change when classes are patched"},
	{"_PyObject_GetDictPtr", RiskMedium, "PyObject_GenericGetDict", "private; pointer to the instance dict slot, which another thread may replace"},
	// Shared, rarely mutated tables.
	{"PyImport_AddModule", RiskMedium, "PyImport_AddModuleRef", "borrowed from sys.modules"},
	{"PyImport_AddModuleObject", RiskMedium, "PyImport_AddModuleRef", "borrowed from sys.modules"},
	{"PySys_GetObject", RiskMedium, "take a strong reference at once (PySys_GetAttrString in 3.14)", "sys attributes can be reassigned"},
	{"PyEval_GetBuiltins", RiskMedium, "PyEval_GetFrameBuiltins", "deprecated in 3.13"},
	{"PyEval_GetGlobals", RiskMedium, "PyEval_GetFrameGlobals", "deprecated in 3.13"},
	{"PyEval_GetLocals", RiskMedium, "PyEval_GetFrameLocals", "deprecated in 3.13"},
	{"PyEval_GetFrame", RiskMedium, "PyThreadState_GetFrame", ""},
	{"PyFunction_GetCode", RiskMedium, "PyObject_GetAttrString(f, \"__code__\")", "function attributes can be reassigned"},
	{"PyFunction_GetGlobals", RiskMedium, "PyObject_GetAttrString(f, \"__globals__\")", ""},
	{"PyFunction_GetModule", RiskMedium, "PyObject_GetAttrString(f, \"__module__\")", ""},
	{"PyFunction_GetDefaults", RiskMedium, "PyObject_GetAttrString(f, \"__defaults__\")", ""},
	{"PyFunction_GetKwDefaults", RiskMedium, "PyObject_GetAttrString(f, \"__kwdefaults__\")", ""},
	{"PyFunction_GetClosure", RiskMedium, "PyObject_GetAttrString(f, \"__closure__\")", ""},
	{"PyFunction_GetAnnotations", RiskMedium, "PyObject_GetAttrString(f, \"__annotations__\")", ""},
	{"PyState_FindModule", RiskMedium, "PyType_GetModuleByDef or module state", "single-phase pattern"},
	// Owners that are immutable or private to the thread.
	{"PyTuple_GetItem", RiskLow, "", "tuples are immutable"},
	{"PyStructSequence_GetItem", RiskLow, "", "struct sequences are immutable"},
	{"PyMethod_Function", RiskLow, "", "bound methods are immutable"},
	{"PyMethod_Self", RiskLow, "", "bound methods are immutable"},
	{"PyInstanceMethod_Function", RiskLow, "", "immutable"},
	{"PyModule_GetDict", RiskLow, "", "lives as long as the module"},
	{"PyImport_GetModuleDict", RiskLow, "", "sys.modules lives as long as the interpreter"},
	{"PyThreadState_GetDict", RiskLow, "", "private to the calling thread"},
	{"PySys_GetXOptions", RiskLow, "", ""},
	{"PyType_GetModule", RiskLow, "", "the type keeps its module alive"},
	{"PyType_GetModuleByDef", RiskLow, "", "the type keeps its module alive"},
	{"PyCell_GET", RiskLow, "PyCell_Get (strong)", "a macro in 3.11; listed for exported builds"},
	// Borrowed in form only.
	{"PyErr_Occurred", RiskNone, "", "the current thread's own exception"},
	{"PyModuleDef_Init", RiskNone, "", "returns its argument"},
	{"PyObject_Init", RiskNone, "", "returns its argument"},
	{"PyObject_InitVar", RiskNone, "", "returns its argument"},
}

// invisibleMacros are borrowed-reference accessors that compile to direct
// memory reads, so no audit of a binary can see them: only a source grep can.
var invisibleMacros = []string{
	"PyList_GET_ITEM", "PyTuple_GET_ITEM", "PySequence_Fast_GET_ITEM",
	"PySequence_Fast_ITEMS", "PyWeakref_GET_OBJECT", "PyCell_GET",
	"PyMethod_GET_FUNCTION", "PyMethod_GET_SELF", "PyStructSequence_GET_ITEM",
}

var borrowedByName = func() map[string]BorrowedAPI {
	m := make(map[string]BorrowedAPI, len(borrowedAPIs))
	for _, b := range borrowedAPIs {
		m[b.Name] = b
	}
	return m
}()

// BorrowedTable returns the borrowed-reference table, most serious first,
// then by name; callers may not modify it.
func BorrowedTable() []BorrowedAPI {
	t := append([]BorrowedAPI(nil), borrowedAPIs...)
	sort.SliceStable(t, func(i, j int) bool {
		if riskRank(t[i].Risk) != riskRank(t[j].Risk) {
			return riskRank(t[i].Risk) < riskRank(t[j].Risk)
		}
		return t[i].Name < t[j].Name
	})
	return t
}

// InvisibleMacros returns the borrowed-reference macros no binary audit sees.
func InvisibleMacros() []string { return append([]string(nil), invisibleMacros...) }
