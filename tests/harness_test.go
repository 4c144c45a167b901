// Package tests holds freepy's Python-level differential tests: every
// program is run under the reference CPython 3.11 and under freepy, and the
// observable results are compared. See docs/testing.md.
package tests

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

// defaultRef is the reference interpreter. The one on PATH may be a
// different 3.11 build (pyenv, ...), so the harness never looks it up there.
const defaultRef = "/usr/bin/python3.11"

// Harness state, set up once in TestMain and read-only afterwards.
var (
	repoRoot  string // directory holding go.mod
	testsDir  string // repoRoot/tests
	refPython string // reference interpreter
	// freepyBin is the interpreter under test; "" when it is not available,
	// in which case freepyErr says why.
	freepyBin string
	freepyErr error
	// buildErr is set when cmd/freepy has sources but does not build: that
	// always fails the run (TestFreepyBuilds), the build must keep working.
	buildErr error
	known    map[string]string // known_failures.txt: test key -> reason
	knownErr error
	strict   = os.Getenv("FREEPY_STRICT") == "1"
	// procSem bounds the number of child processes running at once, so the
	// suite never asks for more than GOMAXPROCS interpreters even when
	// go test is given a larger -parallel.
	procSem = make(chan struct{}, runtime.GOMAXPROCS(0))
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	var err error
	repoRoot, err = findRepoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "tests:", err)
		return 1
	}
	testsDir = filepath.Join(repoRoot, "tests")
	refPython = os.Getenv("FREEPY_REF")
	if refPython == "" {
		refPython = defaultRef
	}
	tmp, err := os.MkdirTemp("", "freepy-tests-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "tests:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	pycacheDir = filepath.Join(tmp, "pycache")
	setupFreepy(tmp)
	smokeTest()
	known, knownErr = loadKnownFailures(filepath.Join(testsDir, "known_failures.txt"))

	code := m.Run()

	var lines []string
	for _, s := range []*suiteStats{&conformanceStats, &cliStats} {
		if line, ok := s.summary(); ok {
			lines = append(lines, line)
		}
	}
	if len(lines) > 0 {
		text := strings.Join(lines, "\n") + "\n"
		fmt.Print(text)
		// go test hides the output of passing packages; the file keeps the
		// counts visible (tests/out is ignored by git).
		out := filepath.Join(testsDir, "out")
		if os.MkdirAll(out, 0o755) == nil {
			_ = os.WriteFile(filepath.Join(out, "summary.txt"), []byte(text), 0o644)
		}
	}
	return code
}

// findRepoRoot walks up from the working directory (go test runs in the
// package directory) to the directory whose go.mod declares module freepy.
func findRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(strings.TrimSpace(string(data)), "module freepy") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("cannot find the freepy repository root (go.mod with module freepy)")
		}
		dir = parent
	}
}

// setupFreepy decides which binary is under test. FREEPY_BIN names a
// prebuilt one; otherwise ./cmd/freepy is built into tmp, so the tests never
// run a stale bin/freepy.
func setupFreepy(tmp string) {
	if bin := os.Getenv("FREEPY_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			freepyErr = err
			return
		}
		if _, err := os.Stat(abs); err != nil {
			freepyErr = fmt.Errorf("FREEPY_BIN: %w", err)
			return
		}
		freepyBin = abs
		return
	}
	if !hasGoSource(filepath.Join(repoRoot, "cmd", "freepy")) {
		freepyErr = errors.New("cmd/freepy has no Go source yet")
		return
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(tmp, "freepy")
	cmd := exec.Command(goTool, "build", "-o", bin, "./cmd/freepy")
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		buildErr = fmt.Errorf("go build ./cmd/freepy: %v\n%s", err, out)
		freepyErr = errors.New("cmd/freepy does not build (see TestFreepyBuilds)")
		return
	}
	freepyBin = bin
}

// smokeTest stops the suite from spending ten seconds on every test when
// the interpreter hangs even on an empty program: that makes it unusable
// for this run, and every test says so at once.
func smokeTest() {
	if freepyBin == "" {
		return
	}
	dir, err := os.Getwd()
	if err != nil {
		return
	}
	res := run(runSpec{bin: freepyBin, args: []string{"-c", "pass"}, dir: dir})
	if errors.Is(res.err, errTimeout) {
		freepyErr = fmt.Errorf("freepy hangs: `freepy -c pass` %v", res.err)
		freepyBin = ""
	}
}

func hasGoSource(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			return true
		}
	}
	return false
}

// TestFreepyBuilds fails the run when cmd/freepy exists but does not build:
// known failures excuse missing features, never a broken build.
func TestFreepyBuilds(t *testing.T) {
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	if freepyBin == "" {
		t.Skipf("no interpreter to test: %v", freepyErr)
	}
}

// TestReferenceAvailable makes a missing reference interpreter one clear
// failure (run `make deps`) instead of a failure per test.
func TestReferenceAvailable(t *testing.T) {
	if err := checkReference(); err != nil {
		t.Fatal(err)
	}
}

func checkReference() error {
	if _, err := os.Stat(refPython); err != nil {
		return fmt.Errorf("reference interpreter %s is missing (run `make deps`): %v", refPython, err)
	}
	return nil
}

// suiteStats counts subtest outcomes for the summary line.
type suiteStats struct {
	name                    string
	passed, failed, skipped atomic.Int64
}

var (
	conformanceStats = suiteStats{name: "conformance"}
	cliStats         = suiteStats{name: "cli"}
)

// track registers t's outcome with s once t (a parallel subtest) finishes.
func (s *suiteStats) track(t *testing.T) {
	t.Cleanup(func() {
		switch {
		case t.Failed():
			s.failed.Add(1)
		case t.Skipped():
			s.skipped.Add(1)
		default:
			s.passed.Add(1)
		}
	})
}

func (s *suiteStats) summary() (string, bool) {
	p, f, k := s.passed.Load(), s.failed.Load(), s.skipped.Load()
	if p+f+k == 0 {
		return "", false
	}
	return fmt.Sprintf("%s: %d passed, %d failed, %d skipped", s.name, p, f, k), true
}

// judge applies the known-failures policy to one differential test whose
// comparison produced diff ("" when freepy agrees with the reference).
func judge(t *testing.T, key, diff string) {
	t.Helper()
	reason, listed := known[key]
	switch {
	case diff == "" && listed:
		t.Fatalf("unexpectedly passes: remove from known_failures.txt (%s  %s)", key, reason)
	case diff == "":
		// Agreement with the reference: pass.
	case listed && !strict:
		t.Log(diff)
		t.Skipf("known failure: %s", reason)
	case listed:
		t.Fatalf("%s\n(listed in known_failures.txt: %s; FREEPY_STRICT=1 counts it as a failure)", diff, reason)
	default:
		t.Fatal(diff)
	}
}
