package tests

import (
	"bytes"
	"debug/elf"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Tests of freepy's bytecode cache (interp/py/codecache.go). They run
// freepy alone: CPython's cache is a different format under a different
// name. Every run gets its own directories and an XDG_CACHE_HOME inside
// them, so nothing is written to the repository or the user's cache; runs
// use -S (no site, so no standard library module is imported and cached)
// unless they set a pycache prefix.

// cacheMod is a module whose traceback has multi-line positions, so that
// a cached copy with different positions would show.
const cacheMod = `def f(x):
    return (x +
            1) / 0
def g():
    return "v1"
`

const cacheMain = `import sys, mod
print(mod.g(), mod.__cached__)
print([p for p in mod.f.__code__.co_positions()][:6])
mod.f(1)
`

// old is a modification time far enough in the past for the cache to
// trust the source (a source modified in the last two seconds is not
// cached: a second change within the same second would go unnoticed).
var old = time.Now().Add(-time.Hour).Truncate(time.Second)

type cacheEnv struct {
	t   *testing.T
	dir string // the program's directory
	xdg string // XDG_CACHE_HOME
	bin string
}

func newCacheEnv(t *testing.T) *cacheEnv {
	t.Helper()
	if freepyBin == "" {
		t.Skipf("no interpreter to test: %v", freepyErr)
	}
	root := t.TempDir()
	e := &cacheEnv{t: t, dir: filepath.Join(root, "prog"), xdg: filepath.Join(root, "xdg"), bin: freepyBin}
	if err := os.Mkdir(e.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	e.write("mod.py", cacheMod, old)
	e.write("main.py", cacheMain, old)
	return e
}

func (e *cacheEnv) write(name, content string, mtime time.Time) {
	e.t.Helper()
	p := filepath.Join(e.dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		e.t.Fatal(err)
	}
}

// run runs main.py (or args) with the pycache prefix unset, so that the
// cache goes to __pycache__ or the per-user directory.
func (e *cacheEnv) run(args []string, env ...string) result {
	e.t.Helper()
	if args == nil {
		args = []string{"-S", "main.py"}
	}
	env = append([]string{"PYTHONPYCACHEPREFIX=", "XDG_CACHE_HOME=" + e.xdg}, env...)
	return run(runSpec{bin: e.bin, args: args, dir: e.dir, env: env})
}

func (e *cacheEnv) pyc() string { return filepath.Join(e.dir, "__pycache__", "mod.freepy-311.pyc") }

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// files lists the files under dir (relative), "" if there is none.
func files(dir string) string {
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return strings.Join(out, " ")
}

func mustRun(t *testing.T, r result) result {
	t.Helper()
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r
}

// TestCodeCacheHit: the second run loads the module from the cache and
// behaves exactly as the first (same output, same traceback with the same
// lines and carets). Then the source is replaced by one of the same size
// and modification time, which the cache cannot tell apart: the old code
// still runs, which shows that the second run used the cache.
func TestCodeCacheHit(t *testing.T) {
	e := newCacheEnv(t)
	first := mustRun(t, e.run(nil))
	if !exists(e.pyc()) {
		t.Fatalf("no cache file written: %s", files(e.dir))
	}
	if !strings.Contains(first.stderr, "ZeroDivisionError") || !strings.Contains(first.stdout, "v1 "+e.pyc()) {
		t.Fatalf("unexpected first run:\n%s\n%s", first.stdout, first.stderr)
	}
	second := mustRun(t, e.run(nil))
	if first.stdout != second.stdout || first.stderr != second.stderr || first.exit != second.exit {
		t.Fatalf("cached run differs:\n%s\n%s\nvs\n%s\n%s", first.stdout, first.stderr, second.stdout, second.stderr)
	}
	e.write("mod.py", strings.Replace(cacheMod, `"v1"`, `"v2"`, 1), old)
	third := mustRun(t, e.run(nil))
	if !strings.HasPrefix(third.stdout, "v1 ") {
		t.Fatalf("the cache was not used: %q", third.stdout)
	}
}

// TestCodeCacheStale: a source whose size or modification time changed
// is compiled again and its cache file replaced.
func TestCodeCacheStale(t *testing.T) {
	e := newCacheEnv(t)
	mustRun(t, e.run(nil))
	e.write("mod.py", strings.Replace(cacheMod, `"v1"`, `"v22"`, 1), old)
	if r := mustRun(t, e.run(nil)); !strings.HasPrefix(r.stdout, "v22 ") {
		t.Fatalf("a source of another size was not recompiled: %q", r.stdout)
	}
	e.write("mod.py", strings.Replace(cacheMod, `"v1"`, `"v3"`, 1), old.Add(-time.Minute))
	if r := mustRun(t, e.run(nil)); !strings.HasPrefix(r.stdout, "v3 ") {
		t.Fatalf("a source with another mtime was not recompiled: %q", r.stdout)
	}
	// and the new file is used
	e.write("mod.py", strings.Replace(cacheMod, `"v1"`, `"v4"`, 1), old.Add(-time.Minute))
	if r := mustRun(t, e.run(nil)); !strings.HasPrefix(r.stdout, "v3 ") {
		t.Fatalf("the rewritten cache file was not used: %q", r.stdout)
	}
}

// TestCodeCacheCorrupt: truncated, altered and foreign cache files are
// ignored (the module is compiled from source) and replaced.
func TestCodeCacheCorrupt(t *testing.T) {
	e := newCacheEnv(t)
	want := mustRun(t, e.run(nil))
	good, err := os.ReadFile(e.pyc())
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string][]byte{
		"empty":       {},
		"header only": good[:16],
		"truncated":   good[:len(good)-7],
		"fingerprint": flip(good, 20),
		"body":        flip(good, len(good)-30),
		"garbage":     bytes.Repeat([]byte{0xff}, len(good)),
	}
	for name, data := range damage {
		if err := os.WriteFile(e.pyc(), data, 0o644); err != nil {
			t.Fatal(err)
		}
		got := mustRun(t, e.run(nil))
		if got.stdout != want.stdout || got.stderr != want.stderr {
			t.Errorf("%s: output differs:\n%s\n%s", name, got.stdout, got.stderr)
		}
		if back, _ := os.ReadFile(e.pyc()); !bytes.Equal(back, good) {
			t.Errorf("%s: the cache file was not rewritten", name)
		}
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x5a
	return c
}

// TestCodeCacheFallback: where __pycache__ cannot be created, the cache
// goes to $XDG_CACHE_HOME/freepy, mirroring the source's absolute path,
// and is read from there.
func TestCodeCacheFallback(t *testing.T) {
	e := newCacheEnv(t)
	// a file where the directory should be: not even root can create it
	if err := os.WriteFile(filepath.Join(e.dir, "__pycache__"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, e.run(nil))
	user := filepath.Join(e.xdg, "freepy", e.dir, "mod.freepy-311.pyc")
	if !exists(user) {
		t.Fatalf("no cache file in the per-user directory: %s", files(e.xdg))
	}
	e.write("mod.py", strings.Replace(cacheMod, `"v1"`, `"v2"`, 1), old)
	if r := mustRun(t, e.run(nil)); !strings.HasPrefix(r.stdout, "v1 ") {
		t.Fatalf("the per-user cache file was not used: %q", r.stdout)
	}
	if os.Geteuid() != 0 {
		// a read-only directory (root could write it anyway)
		e2 := newCacheEnv(t)
		if err := os.Chmod(e2.dir, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(e2.dir, 0o755)
		mustRun(t, e2.run(nil))
		if !exists(filepath.Join(e2.xdg, "freepy", e2.dir, "mod.freepy-311.pyc")) {
			t.Fatalf("read-only directory: no per-user cache file: %s", files(e2.xdg))
		}
	}
}

// TestCodeCacheNoWrite: -B, PYTHONDONTWRITEBYTECODE and
// sys.dont_write_bytecode write nothing; -E ignores the variable; a
// source modified just now is not cached.
func TestCodeCacheNoWrite(t *testing.T) {
	for _, c := range []struct {
		name  string
		args  []string
		env   []string
		write bool
	}{
		{"B", []string{"-B", "-S", "main.py"}, nil, false},
		{"env", nil, []string{"PYTHONDONTWRITEBYTECODE=1"}, false},
		{"E", []string{"-E", "-S", "main.py"}, []string{"PYTHONDONTWRITEBYTECODE=1"}, true},
		{"sys", []string{"-S", "-c", "import sys; sys.dont_write_bytecode = True; import mod"}, nil, false},
		{"default", nil, nil, true},
	} {
		e := newCacheEnv(t)
		r := mustRun(t, e.run(c.args, c.env...))
		if c.name != "sys" && !strings.Contains(r.stderr, "ZeroDivisionError") {
			t.Errorf("%s: program did not run: %s", c.name, r.stderr)
		}
		wrote := files(e.dir) != "main.py mod.py" || exists(e.xdg)
		if wrote != c.write {
			t.Errorf("%s: wrote %v, want %v (%s | %s)", c.name, wrote, c.write, files(e.dir), files(e.xdg))
		}
	}
	e := newCacheEnv(t)
	e.write("mod.py", cacheMod, time.Now())
	mustRun(t, e.run(nil))
	if files(e.dir) != "main.py mod.py" || exists(e.xdg) {
		t.Errorf("a source modified just now was cached: %s", files(e.dir))
	}
}

// TestCodeCachePrefix: with a pycache prefix the cache file mirrors the
// source's path under it, where importlib's cache_from_source and the
// module's __cached__ say; importlib's SourceFileLoader and py_compile
// use the same files.
func TestCodeCachePrefix(t *testing.T) {
	e := newCacheEnv(t)
	prefix := filepath.Join(filepath.Dir(e.dir), "prefix")
	want := filepath.Join(prefix, e.dir, "mod.freepy-311.pyc")
	prog := `import sys, mod, importlib.util, py_compile
print(mod.__cached__)
print(importlib.util.cache_from_source(mod.__file__))
print(sys.pycache_prefix, sys.implementation.cache_tag)
spec = importlib.util.spec_from_file_location("mod2", mod.__file__)
m2 = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m2)
print(m2.g(), spec.cached)
print(py_compile.compile(mod.__file__))
`
	for _, args := range [][]string{
		{"-X", "pycache_prefix=" + prefix, "-c", prog},
		{"-c", prog},
	} {
		env := []string{"PYTHONPYCACHEPREFIX=" + prefix, "XDG_CACHE_HOME=" + e.xdg}
		r := mustRun(t, run(runSpec{bin: e.bin, args: args, dir: e.dir, env: env}))
		lines := strings.Split(r.stdout, "\n")
		if len(lines) < 5 || lines[0] != want || lines[1] != want || lines[2] != prefix+" freepy-311" ||
			lines[3] != "v1 "+want || lines[4] != want {
			t.Fatalf("%v: got\n%s\n%s\nwant %s", args, r.stdout, r.stderr, want)
		}
	}
	if files(e.dir) != "main.py mod.py" || exists(e.xdg) {
		t.Errorf("wrote outside the prefix: %s | %s", files(e.dir), files(e.xdg))
	}
	// -E ignores PYTHONPYCACHEPREFIX
	r := mustRun(t, run(runSpec{bin: e.bin, args: []string{"-E", "-S", "-c", "import sys; print(sys.pycache_prefix)"},
		dir: e.dir, env: []string{"PYTHONPYCACHEPREFIX=" + prefix}}))
	if r.stdout != "None\n" {
		t.Errorf("-E: sys.pycache_prefix is %q", r.stdout)
	}
}

// TestCodeCacheOtherBuild: a cache file written by another build of
// freepy is never used. The other build is a copy of the binary with one
// character of its Go build ID changed.
func TestCodeCacheOtherBuild(t *testing.T) {
	e := newCacheEnv(t)
	other := filepath.Join(filepath.Dir(e.dir), "freepy-other")
	if err := copyWithOtherBuildID(freepyBin, other); err != nil {
		t.Skipf("cannot make a binary with another build ID: %v", err)
	}
	mustRun(t, e.run(nil))
	e.write("mod.py", strings.Replace(cacheMod, `"v1"`, `"v2"`, 1), old)
	e.bin = other
	if r := mustRun(t, e.run(nil)); !strings.HasPrefix(r.stdout, "v2 ") {
		t.Fatalf("another build used the cache file: %q %s", r.stdout, r.stderr)
	}
	// it replaced the file; the first build in turn recompiles
	e.write("mod.py", strings.Replace(cacheMod, `"v1"`, `"v3"`, 1), old)
	e.bin = freepyBin
	if r := mustRun(t, e.run(nil)); !strings.HasPrefix(r.stdout, "v3 ") {
		t.Fatalf("the other build's cache file was used: %q %s", r.stdout, r.stderr)
	}
}

func copyWithOtherBuildID(src, dst string) error {
	f, err := elf.Open(src)
	if err != nil {
		return err
	}
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		f.Close()
		return os.ErrNotExist
	}
	off := int(sec.Offset) + 16 // note header and "Go\0\0"
	f.Close()
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	if data[off] == 'x' {
		data[off] = 'y'
	} else {
		data[off] = 'x'
	}
	return os.WriteFile(dst, data, 0o755)
}
