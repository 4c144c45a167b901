package tests

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

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
