package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrateStress runs `freepy-migrate stress` on the example
// extensions. extensions/ft_counter built against CPython's headers
// compiles its critical sections to nothing, so without the pseudo-GIL its
// tallies race: the tool must say so and exit 1; built against freepy's
// headers it is free-threaded: no problem, exit 0. extensions/legacy_counter
// (a plain C global) stays exact with 8 threads under its pseudo-GIL and
// loses increments without it (issue 5's proof that the lock matters).
func TestMigrateStress(t *testing.T) {
	if freepyBin == "" {
		t.Fatal(freepyErr)
	}
	tmp := t.TempDir()
	tool := filepath.Join(tmp, "freepy-migrate")
	if out, err := exec.Command("go", "build", "-C", repoRoot, "-o", tool, "./cmd/freepy-migrate").CombinedOutput(); err != nil {
		t.Fatalf("build freepy-migrate: %v\n%s", err, out)
	}
	prefix := filepath.Join(tmp, "prefix")
	os.MkdirAll(filepath.Join(prefix, "bin"), 0o755)
	if err := os.Symlink(filepath.Join(repoRoot, "include"), filepath.Join(prefix, "include")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(prefix, "bin", "freepy-config")
	if out, err := exec.Command("go", "build", "-C", repoRoot, "-o", cfg, "./cmd/freepy-config").CombinedOutput(); err != nil {
		t.Fatalf("build freepy-config: %v\n%s", err, out)
	}
	ccflags, fcflags := configWords(t, "python3.11-config", "--includes"), configWords(t, cfg, "--cflags")
	cases := []struct {
		name, ext, src, mod, script, so string
		cflags                          []string
		exit                            int
		verdict                         string
	}{
		// A race shows only when threads overlap in the racy code: the
		// cases that must find one run more rounds, which costs nothing
		// once the first run finds it but keeps a busy machine (CI, other
		// jobs) from hiding it in all of the tool's attempts.
		{"ft_counter/cpython-built", "ft_counter", "ft_counter.c", "ft_counter", "stress_ft_counter.py",
			"ft_counter.cpython-311-x86_64-linux-gnu.so", ccflags, 1, "unsafe without its lock"},
		{"ft_counter/freepy-built", "ft_counter", "ft_counter.c", "ft_counter", "stress_ft_counter.py",
			"ft_counter.freepy-311t-x86_64-linux-gnu.so", fcflags, 0, "no problem found without its lock"},
		{"legacy_counter/cpython-built", "legacy_counter", "counter.c", "counter", "stress_counter.py",
			"counter.cpython-311-x86_64-linux-gnu.so", ccflags, 1, `where the locked run reported "no increment lost: True"`},
		{"legacy_counter/freepy-built", "legacy_counter", "counter.c", "counter", "stress_counter.py",
			"counter.freepy-311t-x86_64-linux-gnu.so", fcflags, 1, `where the locked run reported "no increment lost: True"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(tmp, c.name)
			os.MkdirAll(dir, 0o755)
			src := filepath.Join(repoRoot, "extensions", c.ext, c.src)
			script := filepath.Join(repoRoot, "extensions", c.ext, c.script)
			compile(t, c.cflags, []string{src}, filepath.Join(dir, c.so))
			rounds := "5"
			if c.exit != 0 {
				rounds = "20"
			}
			cmd := exec.Command(tool, "stress", "--freepy", freepyBin, "--threads", "8", "--rounds", rounds, c.mod, script)
			cmd.Dir = dir
			// the tool passes its environment on to freepy: compiled
			// modules go to the run's pycache prefix
			cmd.Env = baseEnv()
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.exit || !strings.Contains(string(out), c.verdict) {
				t.Fatalf("exit %d, want %d with %q:\n%s", code, c.exit, c.verdict, out)
			}
		})
	}
}
