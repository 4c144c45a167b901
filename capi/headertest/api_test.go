package headertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseListing(t *testing.T) {
	text := `int x; __freepy_api_func__ void __attribute__((__noreturn__)) Py_FatalError(const char *m);
__freepy_api_data__ extern PyTypeObject PyLong_Type;
__freepy_api_func__ int PyOS_snprintf(char *s, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));
__freepy_api_data__ extern const unsigned char _Py_ascii_whitespace[];
__freepy_api_func__ int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));`
	syms, err := ParseListing(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Kind{"Py_FatalError": Func, "PyLong_Type": Data, "PyOS_snprintf": Func,
		"_Py_ascii_whitespace": Data, "PyImport_AppendInittab": Func}
	if len(syms) != len(want) {
		t.Fatalf("got %d symbols: %+v", len(syms), syms)
	}
	for _, s := range syms {
		if want[s.Name] != s.Kind {
			t.Errorf("%s: kind %s, want %s", s.Name, s.Kind, want[s.Name])
		}
	}
	for _, s := range syms {
		if s.Name == "PyImport_AppendInittab" {
			got := Redeclaration(s)
			if got != "int (PyImport_AppendInittab)(const char *name, PyObject *(*initfunc)(void));" {
				t.Errorf("redeclaration %q", got)
			}
		}
	}
	if _, err := ParseListing("__freepy_api_func__ int f(void)"); err == nil {
		t.Error("unterminated declaration accepted")
	}
}

func TestAPISymbolsCoverExpected(t *testing.T) {
	cc := needCC(t)
	syms, err := APISymbols(cc, includeDir(t))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Symbol{}
	for _, s := range syms {
		byName[s.Name] = s
	}
	// A sample the brief names explicitly: each must be declared, with
	// the right kind.
	for _, name := range []string{"PyDict_GetItemRef", "PyDict_GetItemStringRef", "PyList_GetItemRef",
		"PyDict_SetDefaultRef", "PyWeakref_GetRef", "PyImport_AddModuleRef", "PyDict_Pop",
		"PyDict_PopString", "PyDict_ContainsString", "PyObject_GetOptionalAttr",
		"PyMapping_GetOptionalItem", "Py_NewRef", "Py_XNewRef", "PyUnstable_Module_SetGIL",
		"PyMutex_Lock", "PyMutex_Unlock", "PyCriticalSection_Begin", "PyCriticalSection2_End",
		"_Py_Dealloc", "PyType_FromSpec", "PyModuleDef_Init", "PyArg_ParseTupleAndKeywords"} {
		if s, ok := byName[name]; !ok || s.Kind != Func {
			t.Errorf("function %s not declared", name)
		}
	}
	for _, name := range []string{"_Py_NoneStruct", "_Py_TrueStruct", "PyLong_Type", "PyExc_ValueError"} {
		if s, ok := byName[name]; !ok || s.Kind != Data {
			t.Errorf("datum %s not declared", name)
		}
	}
	if len(syms) < 500 {
		t.Errorf("only %d symbols declared", len(syms))
	}
}

// Every function and datum freepy declares that CPython 3.11 also declares
// must have the same type: the declarations are compiled after CPython's
// headers, where any difference is a "conflicting types" error.
func TestSignaturesMatchCPython(t *testing.T) {
	cc := needCC(t)
	needCPythonHeaders(t)
	syms, err := APISymbols(cc, includeDir(t))
	if err != nil {
		t.Fatal(err)
	}
	ids, inlines := refNames(t, cc)
	var src strings.Builder
	src.WriteString("#include <Python.h>\n#include <structmember.h>\n")
	checked := 0
	for _, s := range syms {
		if !ids[s.Name] || inlines[s.Name] {
			continue
		}
		src.WriteString(Redeclaration(s) + "\n")
		checked++
	}
	if checked < 400 {
		t.Fatalf("only %d declarations could be checked against CPython", checked)
	}
	cfile := filepath.Join(t.TempDir(), "redecl.c")
	if err := os.WriteFile(cfile, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// Once as is, once with PY_SSIZE_T_CLEAN, under which CPython renames
	// the argument parsers to their _SizeT forms.
	for _, def := range []string{"-DFREEPY_NOTHING", "-DPY_SSIZE_T_CLEAN"} {
		args := append(pyConfig(t, "--includes"), def, "-std=c11", "-fsyntax-only", "-Wno-deprecated-declarations", cfile)
		run(t, cc, args...)
	}
	t.Logf("%d declarations match CPython 3.11's", checked)
}

// docs/capi-headers.md carries the generated list. FREEPY_UPDATE_DOCS=1
// rewrites it.
func TestDocListUpToDate(t *testing.T) {
	cc := needCC(t)
	needCPythonHeaders(t)
	syms, err := APISymbols(cc, includeDir(t))
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := refNames(t, cc)
	list := RenderDocList(syms, ids)
	path := filepath.Join(repoRoot(t), "docs", "capi-headers.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	updated, err := ReplaceDocList(string(doc), list)
	if err != nil {
		t.Fatal(err)
	}
	if updated == string(doc) {
		return
	}
	if os.Getenv("FREEPY_UPDATE_DOCS") == "1" {
		if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", path)
		return
	}
	t.Errorf("%s is out of date with include/: run FREEPY_UPDATE_DOCS=1 go test ./capi/headertest -run TestDocListUpToDate", path)
}

// refNames returns the identifiers and the static inline functions of
// CPython 3.11's headers, preprocessed without and with PY_SSIZE_T_CLEAN.
func refNames(t *testing.T, cc string) (ids, inlines map[string]bool) {
	t.Helper()
	ids, inlines = map[string]bool{}, map[string]bool{}
	for _, def := range []string{"-DFREEPY_NOTHING", "-DPY_SSIZE_T_CLEAN"} {
		text, err := Preprocess(cc, "/usr/include/python3.11", def)
		if err != nil {
			t.Fatal(err)
		}
		for k := range Identifiers(string(text)) {
			ids[k] = true
		}
		for k := range StaticInlines(string(text)) {
			inlines[k] = true
		}
	}
	return ids, inlines
}
