package headertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The key layout test: testdata/layout_probe.c prints sizeof, alignof and
// offsetof of every layout-critical struct, the flag and slot values and
// the unicode state bits. Compiled against freepy's headers and against
// CPython 3.11's, it must print the same thing.
func TestLayoutMatchesCPython(t *testing.T) {
	cc := needCC(t)
	needCPythonHeaders(t)
	dir := t.TempDir()
	probe := filepath.Join("testdata", "layout_probe.c")

	freepyExe := filepath.Join(dir, "probe_freepy")
	run(t, cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", includeDir(t), "-o", freepyExe, probe)
	cpyExe := filepath.Join(dir, "probe_cpython")
	args := append(pyConfig(t, "--includes"), "-std=c11", "-Wno-deprecated-declarations", "-o", cpyExe, probe)
	run(t, cc, args...)

	got := strings.Split(strings.TrimSpace(run(t, freepyExe)), "\n")
	want := strings.Split(strings.TrimSpace(run(t, cpyExe)), "\n")
	if len(got) != len(want) {
		t.Fatalf("probe printed %d lines with freepy's headers, %d with CPython's", len(got), len(want))
	}
	if len(got) < 500 {
		t.Fatalf("probe printed only %d lines", len(got))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("freepy %q, CPython 3.11 %q", got[i], want[i])
		}
	}
}

// Values that CPython 3.11 lacks (3.12/3.13 additions and freepy's own
// choices), checked against the documented values.
func TestFreeThreadingValues(t *testing.T) {
	cc := needCC(t)
	want := map[string]uint64{
		"Py_GIL_DISABLED":                            1,
		"Py_mod_multiple_interpreters":               3,
		"Py_mod_gil":                                 4,
		"Py_MOD_GIL_USED":                            0,
		"Py_MOD_GIL_NOT_USED":                        1,
		"Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED": 0,
		"Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED":     1,
		"Py_MOD_PER_INTERPRETER_GIL_SUPPORTED":       2,
		"Py_T_SHORT":                                 0, "Py_T_INT": 1, "Py_T_LONG": 2, "Py_T_FLOAT": 3,
		"Py_T_DOUBLE": 4, "Py_T_STRING": 5, "_Py_T_OBJECT": 6, "Py_T_CHAR": 7, "Py_T_BYTE": 8,
		"Py_T_UBYTE": 9, "Py_T_USHORT": 10, "Py_T_UINT": 11, "Py_T_ULONG": 12,
		"Py_T_STRING_INPLACE": 13, "Py_T_BOOL": 14, "Py_T_OBJECT_EX": 16, "Py_T_LONGLONG": 17,
		"Py_T_ULONGLONG": 18, "Py_T_PYSSIZET": 19, "_Py_T_NONE": 20,
		"Py_READONLY": 1, "Py_AUDIT_READ": 2, "Py_RELATIVE_OFFSET": 8,
		"Py_TPFLAGS_MANAGED_WEAKREF":  1 << 3,
		"Py_TPFLAGS_ITEMS_AT_END":     1 << 23,
		"_Py_IMMORTAL_INITIAL_REFCNT": 3 << 30,
		"sizeof(PyMutex)":             1,
	}
	var src strings.Builder
	src.WriteString("#include <Python.h>\n#include <stdio.h>\nint main(void) {\n")
	for name := range want {
		expr := name
		if strings.HasPrefix(name, "Py_MOD_") {
			expr = "(uintptr_t)" + name
		}
		fmt.Fprintf(&src, "    printf(\"%s %%llu\\n\", (unsigned long long)(%s));\n", name, expr)
	}
	src.WriteString("    return 0;\n}\n")
	dir := t.TempDir()
	cfile := filepath.Join(dir, "ft.c")
	if err := os.WriteFile(cfile, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "ft")
	run(t, cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", includeDir(t), "-o", exe, cfile)
	for _, line := range strings.Split(strings.TrimSpace(run(t, exe)), "\n") {
		var name string
		var v uint64
		if _, err := fmt.Sscanf(line, "%s %d", &name, &v); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		if want[name] != v {
			t.Errorf("%s = %d, want %d", name, v, want[name])
		}
	}
}
