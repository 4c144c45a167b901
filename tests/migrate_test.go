package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrateStress runs `freepy-migrate stress` on extensions/ft_counter
// built two ways. Built against CPython's headers its critical sections
// compile to nothing, so without the pseudo-GIL its tallies race: the tool
// must say so and exit 1. Built against freepy's headers it is
// free-threaded: no problem, exit 0.
func TestMigrateStress(t *testing.T) {
	if freepyBin == "" {
		t.Fatal(freepyErr)
	}
	tmp := t.TempDir()
	tool := filepath.Join(tmp, "freepy-migrate")
	if out, err := exec.Command("go", "build", "-C", repoRoot, "-o", tool, "./cmd/freepy-migrate").CombinedOutput(); err != nil {
		t.Fatalf("build freepy-migrate: %v\n%s", err, out)
	}
	src := filepath.Join(repoRoot, "extensions", "ft_counter", "ft_counter.c")
	script := filepath.Join(repoRoot, "extensions", "ft_counter", "stress_ft_counter.py")
	prefix := filepath.Join(tmp, "prefix")
	os.MkdirAll(filepath.Join(prefix, "bin"), 0o755)
	if err := os.Symlink(filepath.Join(repoRoot, "include"), filepath.Join(prefix, "include")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(prefix, "bin", "freepy-config")
	if out, err := exec.Command("go", "build", "-C", repoRoot, "-o", cfg, "./cmd/freepy-config").CombinedOutput(); err != nil {
		t.Fatalf("build freepy-config: %v\n%s", err, out)
	}
	cases := []struct {
		name, so string
		cflags   []string
		exit     int
		verdict  string
	}{
		{"cpython-built", "ft_counter.cpython-311-x86_64-linux-gnu.so", configWords(t, "python3.11-config", "--includes"), 1, "unsafe without its lock"},
		{"freepy-built", "ft_counter.freepy-311t-x86_64-linux-gnu.so", configWords(t, cfg, "--cflags"), 0, "no problem found without its lock"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(tmp, c.name)
			os.MkdirAll(dir, 0o755)
			compile(t, c.cflags, []string{src}, filepath.Join(dir, c.so))
			cmd := exec.Command(tool, "stress", "--freepy", freepyBin, "--threads", "4", "--rounds", "10", "ft_counter", script)
			cmd.Dir = dir
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
