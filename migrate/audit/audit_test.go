package audit

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestParseABITag(t *testing.T) {
	cases := []struct {
		file          string
		tag, ver, fl  string
		free, hasPlat bool
	}{
		{"m.cpython-311-x86_64-linux-gnu.so", "cpython-311", "311", "", false, true},
		{"/a/b/m.abi3.so", "abi3", "", "", false, false},
		{"m.freepy-311t-x86_64-linux-gnu.so", "freepy-311t", "311", "t", true, true},
		{"m.cpython-313t-x86_64-linux-gnu.so", "cpython-313t", "313", "t", true, true},
		{"m.cpython-311d-x86_64-linux-gnu.so", "cpython-311d", "311", "d", false, true},
		{"m.so", "", "", "", false, false},
		{"libfoo.so", "", "", "", false, false},
		{"m.cpython-311.so", "cpython-311", "311", "", false, false},
	}
	for _, c := range cases {
		got := ParseABITag(c.file)
		if got.Tag != c.tag || got.Version != c.ver || got.Flags != c.fl || got.FreeThreaded() != c.free || (got.Platform != "") != c.hasPlat {
			t.Errorf("ParseABITag(%q) = %+v", c.file, got)
		}
	}
}

func TestSinglePhaseDictLookup(t *testing.T) {
	dir := t.TempDir()
	so := buildFixture(t, dir, "single_dict", "single_dict.cpython-311-x86_64-linux-gnu.so")
	r := File(so)
	if r.Error != "" {
		t.Fatal(r.Error)
	}
	if r.Module != "single_dict" || r.Kind != "extension" {
		t.Errorf("module %q kind %q", r.Module, r.Kind)
	}
	if r.ABITag != "cpython-311" || r.Mode != "legacy" {
		t.Errorf("abi %q mode %q", r.ABITag, r.Mode)
	}
	if r.Init != "single-phase" || r.FreeThreading != "not-declared" {
		t.Errorf("init %q free-threading %q", r.Init, r.FreeThreading)
	}
	if want := []string{"PyDict_GetItem", "PyList_GetItem"}; !slices.Equal(r.BorrowedRefs, want) {
		t.Errorf("borrowed %v, want %v", r.BorrowedRefs, want)
	}
	if r.Verdict != VerdictNeedsWork || !r.Risky(false) {
		t.Errorf("verdict %q", r.Verdict)
	}
	if len(r.Actions) == 0 || r.Actions[0] != "Replace PyDict_GetItem with PyDict_GetItemRef." {
		t.Errorf("first action %q", r.Actions)
	}
	// Not stripped: the static cache and table are visible.
	if r.Stripped || !r.Globals.SymbolsKnown {
		t.Fatalf("fixture should have a .symtab")
	}
	sizes := map[string]uint64{}
	for _, o := range r.Globals.Largest {
		sizes[o.Name] = o.Size
	}
	if sizes["cache"] != 8 || sizes["table"] != 32 {
		t.Errorf("largest writable objects %+v", r.Globals.Largest)
	}
	if r.Globals.PointerSized < 1 || r.Globals.BssBytes < 40 {
		t.Errorf("globals %+v", r.Globals)
	}
	// Score inputs add up to the score.
	sum := 0
	for _, s := range r.ScoreInputs {
		sum += s.Points
	}
	if sum != r.Score || r.Score < 2*pointsHigh+pointsSinglePhase {
		t.Errorf("score %d from %+v", r.Score, r.ScoreInputs)
	}
}

func TestStrippedStillSeesImports(t *testing.T) {
	so := buildFixture(t, t.TempDir(), "single_dict", "single_dict.so", "-s")
	r := File(so)
	if !r.Stripped || r.Globals.SymbolsKnown {
		t.Errorf("stripped %v symbols %v", r.Stripped, r.Globals.SymbolsKnown)
	}
	if r.ABITag != "" || r.Mode != "legacy" {
		t.Errorf("bare .so: tag %q mode %q", r.ABITag, r.Mode)
	}
	if !slices.Contains(r.BorrowedRefs, "PyDict_GetItem") {
		t.Errorf("borrowed %v", r.BorrowedRefs)
	}
	if r.Globals.BssBytes < 40 {
		t.Errorf(".bss %d", r.Globals.BssBytes)
	}
}

func TestMultiPhaseClean(t *testing.T) {
	dir := t.TempDir()
	r := File(buildFixture(t, dir, "multi_clean", "multi_clean.cpython-311-x86_64-linux-gnu.so"))
	if r.Init != "multi-phase" || r.FreeThreading != "unknown" {
		t.Errorf("init %q free-threading %q", r.Init, r.FreeThreading)
	}
	if strings.Contains(r.FreeThreadingNote, "probably") {
		t.Errorf("no Py_mod_gil slot in this build, note: %s", r.FreeThreadingNote)
	}
	if len(r.BorrowedRefs) != 0 || len(r.GILAPIs) != 0 || len(r.PrivateAPIs) != 0 {
		t.Errorf("borrowed %v gil %v private %v", r.BorrowedRefs, r.GILAPIs, r.PrivateAPIs)
	}
	if r.Verdict != VerdictNeedsReview || r.Risky(false) || !r.Risky(true) {
		t.Errorf("verdict %q", r.Verdict)
	}

	// The same source with a {Py_mod_gil, NOT_USED} slot, tagged for freepy.
	r = File(buildFixture(t, dir, "multi_clean", "multi_clean.freepy-311t-x86_64-linux-gnu.so", "-DWITH_MOD_GIL"))
	if !strings.Contains(r.FreeThreadingNote, "probably") || r.FreeThreading != "unknown" {
		t.Errorf("free-threading %q: %s", r.FreeThreading, r.FreeThreadingNote)
	}
	if r.Mode != "free-threaded?" {
		t.Errorf("mode %q", r.Mode)
	}
}

func TestGILStateCallbacks(t *testing.T) {
	r := File(buildFixture(t, t.TempDir(), "gilstate", "gilstate.abi3.so"))
	for _, want := range []string{"PyGILState_Ensure", "PyGILState_Release", "PyEval_SaveThread", "PyEval_RestoreThread"} {
		if !slices.Contains(r.GILAPIs, want) {
			t.Errorf("gil_apis %v lacks %s", r.GILAPIs, want)
		}
	}
	if want := []string{"PyWeakref_GetObject", "PyTuple_GetItem"}; !slices.Equal(r.BorrowedRefs, want) {
		t.Errorf("borrowed %v, want %v (high before low)", r.BorrowedRefs, want)
	}
	if r.ABITag != "abi3" || r.Verdict != VerdictNeedsWork {
		t.Errorf("abi %q verdict %q", r.ABITag, r.Verdict)
	}
	var what []string
	for _, s := range r.ScoreInputs {
		what = append(what, s.What)
	}
	if !slices.Contains(what, "PyGILState_* callbacks") || slices.Contains(what, "high-risk borrowed PyTuple_GetItem") {
		t.Errorf("score inputs %v", what)
	}
}

func TestDeclaredFreeThreadedIsReady(t *testing.T) {
	r := File(buildFixture(t, t.TempDir(), "declared", "declared.freepy-311t-x86_64-linux-gnu.so"))
	if r.FreeThreading != "declared" || r.Mode != "free-threaded" {
		t.Errorf("free-threading %q mode %q", r.FreeThreading, r.Mode)
	}
	if r.Verdict != VerdictReady || r.Score != 0 || r.Effort != "none" {
		t.Errorf("verdict %q score %d %+v", r.Verdict, r.Score, r.ScoreInputs)
	}
	// Same binary with a GIL-build tag: still legacy, whatever it declares.
	dir := t.TempDir()
	data, err := os.ReadFile(r.Path)
	if err != nil {
		t.Fatal(err)
	}
	legacy := filepath.Join(dir, "declared.cpython-311-x86_64-linux-gnu.so")
	if err := os.WriteFile(legacy, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if r2 := File(legacy); r2.Mode != "legacy" || r2.Verdict != VerdictNeedsReview {
		t.Errorf("cpython-311 tag: mode %q verdict %q", r2.Mode, r2.Verdict)
	}
}

func TestLegacyOnly(t *testing.T) {
	r := File(buildFixture(t, t.TempDir(), "legacyonly", "legacyonly.so"))
	if r.Verdict != VerdictLegacyOnly || !slices.Equal(r.LegacyOnlyAPIs, []string{"PyEval_AcquireLock", "PyEval_ReleaseLock"}) {
		t.Errorf("verdict %q legacy-only %v", r.Verdict, r.LegacyOnlyAPIs)
	}
	if !strings.HasPrefix(r.Actions[0], "Remove PyEval_AcquireLock") {
		t.Errorf("first action %q", r.Actions[0])
	}
}

// TestBorrowedMatchesNm cross-checks the audit's borrowed-reference
// findings against binutils' view of the same undefined dynamic symbols.
func TestBorrowedMatchesNm(t *testing.T) {
	nm, err := exec.LookPath("nm")
	if err != nil {
		t.Skip("nm not installed")
	}
	dir := t.TempDir()
	fixtures := []string{
		buildFixture(t, dir, "single_dict", "a.so"),
		buildFixture(t, dir, "multi_clean", "b.so"),
		buildFixture(t, dir, "gilstate", "c.so"),
		buildFixture(t, dir, "declared", "d.so"),
	}
	table := map[string]bool{}
	for _, b := range BorrowedTable() {
		if b.Risk != RiskNone {
			table[b.Name] = true
		}
	}
	for _, so := range fixtures {
		out, err := exec.Command(nm, "-D", "--undefined-only", so).Output()
		if err != nil {
			t.Fatalf("nm %s: %v", so, err)
		}
		var want []string
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			name, _, _ := strings.Cut(f[len(f)-1], "@")
			if table[name] {
				want = append(want, name)
			}
		}
		got := append([]string(nil), File(so).BorrowedRefs...)
		sort.Strings(want)
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: audit %v, nm %v", filepath.Base(so), got, want)
		}
	}
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.so")
	os.WriteFile(text, []byte("hello, not an ELF file\n"), 0o644)
	short := filepath.Join(dir, "short.so")
	os.WriteFile(short, []byte("\x7fELF\x02\x01"), 0o644)
	for _, c := range []struct{ path, want string }{
		{text, "not an ELF file"},
		{short, "malformed ELF"},
		{filepath.Join(dir, "missing.so"), "no such file"},
		{dir, "is a directory"},
	} {
		r := File(c.path)
		if r.Verdict != VerdictError || !strings.Contains(r.Error, c.want) {
			t.Errorf("%s: verdict %q error %q, want %q", c.path, r.Verdict, r.Error, c.want)
		}
	}
}

// TestWrongArchitecture patches e_machine of a real fixture to AArch64: the
// file is still audited by its symbols, and flagged.
func TestWrongArchitecture(t *testing.T) {
	so := buildFixture(t, t.TempDir(), "single_dict", "single_dict.so")
	data, err := os.ReadFile(so)
	if err != nil {
		t.Fatal(err)
	}
	const emAArch64 = 183
	data[18], data[19] = emAArch64, 0 // e_machine, little-endian
	if err := os.WriteFile(so, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := File(so)
	if r.Error != "" || !r.WrongArch || r.Machine != "EM_AARCH64" {
		t.Fatalf("error %q wrong_arch %v machine %q", r.Error, r.WrongArch, r.Machine)
	}
	if !slices.Contains(r.BorrowedRefs, "PyDict_GetItem") || len(r.Warnings) == 0 {
		t.Errorf("borrowed %v warnings %v", r.BorrowedRefs, r.Warnings)
	}
}

func TestCollectWalksSorted(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"z/b.so", "a.so", "z/a.so", "m/n/c.so", "readme.txt", "x.so.1"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, nil, 0o644)
	}
	os.Symlink(filepath.Join(dir, "a.so"), filepath.Join(dir, "link.so"))
	files, errs := Collect([]string{dir})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, r)
	}
	if want := []string{"a.so", "m/n/c.so", "z/a.so", "z/b.so"}; !slices.Equal(rel, want) {
		t.Errorf("walk %v, want %v", rel, want)
	}
}

// FuzzFile: no input makes the audit panic; everything is an error value
// or a report.
func FuzzFile(f *testing.F) {
	f.Add([]byte("\x7fELF"))
	f.Add([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00"))
	f.Add([]byte("not elf"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.so")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r := File(p)
		if r.Error == "" && r.Verdict == "" {
			t.Fatalf("no verdict and no error")
		}
	})
}
