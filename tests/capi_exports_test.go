package tests

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"freepy/capi/headertest"
)

// notExported lists the names include/ declares with PyAPI_FUNC or
// PyAPI_DATA that the interpreter does not export, each with the reason.
// Anything else declared and missing from the binary's dynamic symbols
// would compile against include/ and then fail at import with "undefined
// symbol".
var notExported = map[string]string{}

// TestDeclaredAPIExported: every function and datum freepy's headers
// declare is a dynamic symbol of the interpreter under test.
func TestDeclaredAPIExported(t *testing.T) {
	if freepyBin == "" {
		t.Fatal(freepyErr)
	}
	cc, err := exec.LookPath("cc")
	if err != nil {
		t.Fatal("no C compiler:", err)
	}
	syms, err := headertest.APISymbols(cc, filepath.Join(repoRoot, "include"))
	if err != nil {
		t.Fatal(err)
	}
	if len(syms) < 500 {
		t.Fatalf("only %d declarations found in include/", len(syms))
	}
	out, err := exec.Command("nm", "-D", "--defined-only", freepyBin).Output()
	if err != nil {
		t.Fatalf("nm -D %s: %v", freepyBin, err)
	}
	exported := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 3 {
			exported[f[2]] = true
		}
	}
	var missing []string
	for _, s := range syms {
		if _, ok := notExported[s.Name]; ok {
			continue
		}
		if !exported[s.Name] {
			missing = append(missing, string(s.Kind)+" "+s.Name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d names declared in include/ are not exported by %s:\n%s", len(missing), freepyBin,
			strings.Join(missing, "\n"))
	}
	for name := range notExported {
		if exported[name] {
			t.Errorf("%s is exported now: take it out of notExported", name)
		}
	}
}

// TestNewAPIFunctions runs the functions of include/ that CPython 3.11's
// headers lack (3.12/3.13 additions), so that no differential test under
// extensions/ can call them, and those whose effect is the end of the
// process (Py_Exit, PyImport_AppendInittab's fatal error) or a thread
// started from C: capi/testdata/apinew, with the output written here.
func TestNewAPIFunctions(t *testing.T) {
	if freepyBin == "" {
		t.Fatal(freepyErr)
	}
	dir := t.TempDir()
	src := filepath.Join(repoRoot, "capi", "testdata", "apinew")
	compile(t, []string{"-I" + filepath.Join(repoRoot, "include")}, []string{filepath.Join(src, "apinew.c")},
		filepath.Join(dir, "apinew.freepy-311t-x86_64-linux-gnu.so"))
	spec := runSpec{bin: freepyBin, dir: dir, timeout: 30 * time.Second,
		args: []string{filepath.Join(src, "driver.py")}, env: []string{"PYTHONPATH=" + dir}}
	r := run(spec)
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := `mapping (1, 1, 0, 1, 1, 0, -1, 1)
set_args ('new', 2)
hash_pointer (1, 1)
lookup_special 3 absent -5
meta_type Meta Made type Made
type_data (32, 32)
thread ('from C thread', None, True)
exiting
atexit ran
`
	if r.stdout != want || r.exit != 3 {
		t.Errorf("exit %d, stdout:\n%s\nwant exit 3 and:\n%s\nstderr:\n%s", r.exit, r.stdout, want, r.stderr)
	}
	spec.args = []string{"-c", "import apinew; apinew.append_inittab()"}
	r = run(spec)
	msg := "PyImport_AppendInittab() may not be called after Py_Initialize()"
	if r.err != nil || r.exit == 0 || !strings.Contains(r.stderr, msg) || strings.Contains(r.stderr, "goroutine") {
		t.Errorf("append_inittab: exit %d, %v, stderr:\n%s", r.exit, r.err, r.stderr)
	}
}
