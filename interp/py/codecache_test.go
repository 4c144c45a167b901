package py

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

func TestBuildFingerprint(t *testing.T) {
	fp := buildFingerprint()
	if !strings.HasPrefix(fp, "freepy/") || len(fp) < 20 {
		t.Fatalf("fingerprint %q", fp)
	}
	// go test binaries carry a Go build ID note, as freepy does
	if id := readBuildID("/proc/self/exe"); !strings.HasPrefix(id, "go:") {
		t.Errorf("no Go build ID read from the test binary: %q", id)
	}
	for _, p := range []string{"/nonexistent", "/etc/passwd", "/dev/null"} {
		if id := readBuildID(p); id != "" {
			t.Errorf("%s: build ID %q", p, id)
		}
	}
}

// writeOld writes a file with a modification time an hour ago, which the
// cache trusts (see racyWindow).
func writeOld(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
}

// runCached runs src in a fresh interpreter with the cache enabled (and
// writing), sys.path holding dir. A program that imports modules of the
// standard library must give a prefix, so that their cache files go there
// and not next to the host's library.
func runCached(t *testing.T, dir, userDir, prefix, src string) error {
	in, th := NewInterp()
	in.EnableCodeCache(userDir)
	in.Sys.dict.SetStr("dont_write_bytecode", False)
	if prefix != "" {
		in.Sys.dict.SetStr("pycache_prefix", NewStr(prefix))
		in.SetStdlib("/usr/lib/python3.11")
		in.Path.Append(NewStr("/usr/lib/python3.11"))
	}
	in.Path.Append(NewStr(dir))
	globals := NewDict()
	globals.SetStr("__name__", NewStr("__main__"))
	code, err := CompileSource(th, []byte(src), "<cache>", syntax.ModeExec, compile.Flags{})
	if err != nil {
		return err
	}
	if _, err := th.ExecCode(code, globals, nil); err != nil {
		return fmt.Errorf("%s", FormatException(th, AsException(err)))
	}
	return nil
}

// TestCodeCacheConcurrentImports imports a chain of modules from several
// threads at once, first with no cache files (the threads write them),
// then in a new interpreter that reads them. Run with -race.
func TestCodeCacheConcurrentImports(t *testing.T) {
	dir, user := t.TempDir(), t.TempDir()
	const n = 8
	for i := 0; i < n; i++ {
		src := fmt.Sprintf("VALUE = %d\nclass C%d:\n    def m(self, x):\n        return [x * k for k in range(3)]\n", i, i)
		if i > 0 {
			src = fmt.Sprintf("import cmod%d\n", i-1) + src + fmt.Sprintf("def total():\n    return VALUE + cmod%d.total()\n", i-1)
		} else {
			src += "def total():\n    return 0\n"
		}
		writeOld(t, filepath.Join(dir, fmt.Sprintf("cmod%d.py", i)), src)
	}
	prog := fmt.Sprintf(`
import _thread, time
N = %d
done = []
errors = []
def worker(k):
    try:
        for j in range(N):
            i = (j * 3 + k) %% N
            m = __import__("cmod%%d" %% i)
            assert m.total() == i * (i + 1) // 2, (i, m.total())
            assert m.__dict__["C%%d" %% i]().m(2) == [0, 2, 4]
    except BaseException as e:
        errors.append(repr(e))
    done.append(k)
for k in range(6):
    _thread.start_new_thread(worker, (k,))
while len(done) < 6:
    time.sleep(0.001)
assert not errors, errors
`, n)
	for round := 0; round < 2; round++ {
		if err := runCached(t, dir, user, "", prog); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		entries, _ := os.ReadDir(filepath.Join(dir, "__pycache__"))
		if len(entries) != n {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("round %d: cache files %v, want %d (no temporary files left)", round, names, n)
		}
	}
}

// TestCodeCacheAtomicWrites has writers (as of several processes) replace
// one cache file while readers read it: a reader finds no file or a
// whole one, never a part.
func TestCodeCacheAtomicWrites(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "big.py")
	var b strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "def f%d(x):\n    return x + %d\n", i, i)
	}
	writeOld(t, src, b.String())
	st, err := os.Stat(src)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := syntax.Parse(src, []byte(b.String()), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	c, err := compile.Compile(mod, src, syntax.ModeExec, compile.Flags{})
	if err != nil {
		t.Fatal(err)
	}
	in, _ := NewInterp()
	in.EnableCodeCache("")
	locs := in.cacheLocations(src)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	bad := make(chan string, 1)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				in.writeCache(locs, c, st)
			}
		}()
	}
	for r := 0; r < 3; r++ {
		go func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				data, err := os.ReadFile(locs[0])
				if err == nil {
					if got, _ := readCacheFile(locs[0], st); got == nil {
						select {
						case bad <- fmt.Sprintf("a reader found a damaged file of %d bytes", len(data)):
						default:
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	select {
	case msg := <-bad:
		t.Fatal(msg)
	default:
	}
	entries, _ := os.ReadDir(filepath.Dir(locs[0]))
	if len(entries) != 1 {
		t.Fatalf("%d files in __pycache__, want 1 (temporary files left?)", len(entries))
	}
}

// TestMarshalCode round-trips code objects through marshal and checks
// that what comes back runs and reports the same positions; importlib's
// loader recompiles (rather than fails) when a cache file holds a code
// record of another build.
func TestMarshalCode(t *testing.T) {
	if _, err := os.Stat("/usr/lib/python3.11/importlib/util.py"); err != nil {
		t.Skip("no standard library")
	}
	dir := t.TempDir()
	writeOld(t, filepath.Join(dir, "mm.py"), "def f(a, *, b=2):\n    def inner(c):\n        return (a +\n                c) * b\n    return inner\nVALUE = 'v1'\n")
	prog := `
import marshal, sys, importlib.util, py_compile, os
src = "def g(x, y=(1, 'two', 3.5, None, ...)):\n    z = [i for i in range(x)]\n    return z, y, 10**30, b'b', {1, 2}\n"
c = compile(src, "gen.py", "exec")
data = marshal.dumps(c)
assert data[0] == ord('C'), data[:4]
back = marshal.loads(data)
assert type(back) is type(c)
ns = {}
exec(back, ns)
assert ns["g"](3) == ([0, 1, 2], (1, 'two', 3.5, None, ...), 10**30, b'b', {1, 2}), ns["g"](3)
def codes(co):
    yield co
    for k in co.co_consts:
        if isinstance(k, type(co)):
            yield from codes(k)
for a, b in zip(codes(c), codes(back)):
    assert list(a.co_positions()) == list(b.co_positions()), a.co_name
    assert (a.co_name, a.co_qualname, a.co_filename, a.co_firstlineno, a.co_varnames, a.co_names, a.co_consts.__len__(), a.co_flags) == \
           (b.co_name, b.co_qualname, b.co_filename, b.co_firstlineno, b.co_varnames, b.co_names, b.co_consts.__len__(), b.co_flags)
# inside containers too
t = marshal.loads(marshal.dumps((1, c, [c])))
assert type(t[1]) is type(c) and type(t[2][0]) is type(c)
for bad, exc in [(data[:-5], EOFError), (data[:1], EOFError), (data[:-2] + bytes([data[-2] ^ 0x40]) + data[-1:], ValueError)]:
    try:
        marshal.loads(bad)
        raise AssertionError("loaded damaged data")
    except exc:
        pass

# importlib reads what py_compile writes, and recompiles a foreign record
path = os.path.join(DIR, "mm.py")
pyc = py_compile.compile(path)
assert pyc == importlib.util.cache_from_source(path) == PREFIX + DIR + "/mm.freepy-311.pyc", pyc
with open(pyc, "rb") as f:
    good = f.read()
assert good[:4] == importlib.util.MAGIC_NUMBER
def load():
    spec = importlib.util.spec_from_file_location("mm_%d" % len(good), path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m
assert load().f(1)(2) == 6
i = good.index(b"freepy/")
with open(pyc, "wb") as f:
    f.write(good[:i] + b"X" + good[i + 1:])
assert load().VALUE == "v1"
`
	prefix := t.TempDir()
	prog = fmt.Sprintf("DIR = %q\nPREFIX = %q\n", dir, prefix) + prog
	if err := runCached(t, dir, "", prefix, prog); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkReadBuildID(b *testing.B) {
	for b.Loop() {
		if readBuildID("/proc/self/exe") == "" {
			b.Fatal("no build ID")
		}
	}
}
