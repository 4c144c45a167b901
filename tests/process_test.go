package tests

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// defaultTimeout bounds every interpreter run.
const defaultTimeout = 10 * time.Second

// runSpec describes one interpreter run.
type runSpec struct {
	bin     string
	args    []string
	dir     string
	stdin   []byte
	env     []string // extra variables, appended to baseEnv()
	timeout time.Duration
}

// result is what a run produced. err is set when the process could not be
// started or did not finish in time; exit is then meaningless.
type result struct {
	stdout, stderr string
	exit           int // negative: killed by that signal
	err            error
}

var errTimeout = errors.New("timed out")

// pycacheDir is the run's PYTHONPYCACHEPREFIX (set by TestMain): both
// interpreters keep their compiled modules there, never in the source
// tree or the user's cache, and later programs of the run reuse them.
var pycacheDir string

// baseEnv is the environment both interpreters get: the caller's, without
// any PYTHON* variable (the developer's PYTHONUNBUFFERED or PYTHONPATH must
// not change what the reference prints), plus fixed settings that make the
// reference deterministic and keep __pycache__ out of the source tree.
func baseEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PYTHON") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"PYTHONHASHSEED=0",
		"PYTHONIOENCODING=utf-8",
	)
	if pycacheDir == "" {
		return append(env, "PYTHONDONTWRITEBYTECODE=1")
	}
	return append(env, "PYTHONPYCACHEPREFIX="+pycacheDir)
}

// run executes spec. The child gets its own process group so that a timeout
// also kills anything it started.
func run(spec runSpec) result {
	procSem <- struct{}{}
	defer func() { <-procSem }()

	timeout := spec.timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, spec.bin, spec.args...)
	cmd.Dir = spec.dir
	cmd.Env = append(baseEnv(), spec.env...)
	cmd.Stdin = bytes.NewReader(spec.stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	// A grandchild that keeps the pipes open must not hang the test.
	cmd.WaitDelay = 2 * time.Second

	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		res.err = fmt.Errorf("%w after %v", errTimeout, timeout)
	case errors.As(err, &exitErr):
		res.exit = exitErr.ExitCode()
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			res.exit = -int(ws.Signal())
		}
	case err != nil:
		res.err = err
	}
	return res
}

// lastLine returns the last non-empty line of s, which for a failing
// program is the exception line of the traceback.
func lastLine(s string) string {
	s = strings.TrimRight(s, "\r\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimRight(s, "\r")
}

// compareRuns returns "" when got agrees with ref on stdout (exactly), the
// last line of stderr and the exit code; otherwise a readable description.
func compareRuns(ref, got result) string {
	if got.err != nil {
		if got.stderr == "" {
			return fmt.Sprintf("freepy: %v", got.err)
		}
		return fmt.Sprintf("freepy: %v\nstderr (tail):\n%s", got.err, tail(got.stderr, 10))
	}
	var b strings.Builder
	if ref.exit != got.exit {
		fmt.Fprintf(&b, "exit code: CPython %d, freepy %d\n", ref.exit, got.exit)
	}
	if r, g := lastLine(ref.stderr), lastLine(got.stderr); r != g {
		fmt.Fprintf(&b, "last stderr line:\n  CPython: %q\n  freepy:  %q\n", clip(r), clip(g))
	}
	if ref.stdout != got.stdout {
		b.WriteString(describeDiff(ref.stdout, got.stdout))
	}
	if b.Len() > 0 && got.stderr != "" && lastLine(ref.stderr) != lastLine(got.stderr) {
		fmt.Fprintf(&b, "freepy stderr (tail):\n%s", tail(got.stderr, 10))
	}
	return b.String()
}

// describeDiff points at the first line where two outputs differ.
func describeDiff(want, got string) string {
	wl := strings.SplitAfter(want, "\n")
	gl := strings.SplitAfter(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	at := func(lines []string) string {
		if i < len(lines) {
			return fmt.Sprintf("%q", clip(lines[i]))
		}
		return "<end of output>"
	}
	return fmt.Sprintf("stdout differs at line %d (CPython %d bytes, freepy %d bytes):\n  CPython: %s\n  freepy:  %s\n",
		i+1, len(want), len(got), at(wl), at(gl))
}

func clip(s string) string {
	const max = 300
	if len(s) > max {
		return s[:max] + "..."
	}
	return s
}

// tail returns the last n lines of s, indented.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "  | " + strings.Join(lines, "\n  | ") + "\n"
}
