// Package stress is freepy-migrate's dynamic check: it runs a maintainer's
// own test script in many threads at once under freepy, once with the
// module's legacy pseudo-GIL and once with it forced off
// (FREEPY_LEGACY_LOCK=off), each in a child process so that a crash is
// reported rather than fatal, and compares what the threads printed and
// raised with a single-thread run. It also reports the pseudo-GIL's
// contention and hold times, naming holds over 16 ms.
package stress

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

//go:embed harness.py
var harness []byte

const marker = "@@FREEPY-STRESS@@"

// Options say what to run.
type Options struct {
	Freepy  string // the freepy binary
	Module  string // module name, or the path of its .so
	Script  string // the script each thread runs
	Threads int
	Rounds  int
	Timeout time.Duration // per run
}

// LockStats are one pseudo-GIL's statistics (sys._freepy_legacy_locks()).
type LockStats struct {
	Acquisitions  int64   `json:"acquisitions"`
	Contended     int64   `json:"contended"`
	HoldTotalNs   int64   `json:"hold_total_ns"`
	HoldMaxNs     int64   `json:"hold_max_ns"`
	HoldHistogram []int64 `json:"hold_histogram"`
	// Functions maps a function to its hold statistics, where the runtime
	// records them.
	Functions map[string]FuncStats `json:"functions,omitempty"`
}

// FuncStats are the hold times of one C function.
type FuncStats struct {
	Calls     int64 `json:"calls"`
	HoldMaxNs int64 `json:"hold_max_ns"`
	Over16ms  int64 `json:"over_16ms"`
}

// HoldsOver16ms counts holds of 16 ms or more (the histogram's buckets are
// <1us <10us <100us <1ms <4ms <16ms <100ms >=100ms).
func (l LockStats) HoldsOver16ms() int64 {
	if len(l.HoldHistogram) < 8 {
		return 0
	}
	return l.HoldHistogram[6] + l.HoldHistogram[7]
}

// Run is one child process's result.
type Run struct {
	Name        string               `json:"name"`
	Threads     int                  `json:"threads"`
	LockMode    string               `json:"lock_mode"`
	Failure     string               `json:"failure,omitempty"` // crash, hang, or no result
	Stderr      string               `json:"stderr,omitempty"`
	Outputs     []string             `json:"outputs"`
	Errors      [][]string           `json:"errors"`
	CheckOutput string               `json:"check_output"`
	CheckError  *string              `json:"check_error"`
	Elapsed     float64              `json:"elapsed"`
	Locks       map[string]LockStats `json:"locks"`
}

// Finding is one thing the maintainer should know.
type Finding struct {
	Risk bool   `json:"risk"` // false: information only
	Text string `json:"text"`
}

// Report is the whole result.
type Report struct {
	Module  string `json:"module"`
	Script  string `json:"script"`
	Threads int    `json:"threads"`
	Rounds  int    `json:"rounds"`
	// FreeRuns is how many runs without the lock were made (a clean one
	// is repeated, see Stress).
	FreeRuns int       `json:"free_runs"`
	Verdict  string    `json:"verdict"`
	Findings []Finding `json:"findings"`
	Runs     []Run     `json:"runs"`
}

// Risky reports whether any finding is a risk (the exit status).
func (r *Report) Risky() bool {
	for _, f := range r.Findings {
		if f.Risk {
			return true
		}
	}
	return false
}

// Stress runs the three runs and judges them. An error means the check
// could not be made (the script fails on its own, freepy is missing).
func Stress(o Options) (*Report, error) {
	if o.Threads < 2 {
		return nil, errors.New("--threads must be at least 2")
	}
	if o.Rounds < 1 {
		return nil, errors.New("--rounds must be at least 1")
	}
	if o.Timeout == 0 {
		o.Timeout = 120 * time.Second
	}
	if _, err := os.Stat(o.Script); err != nil {
		return nil, err
	}
	// the module is found from the current directory (where a maintainer
	// builds it), the script's directory, or the .so's own directory
	module, pathDirs := o.Module, []string{filepath.Dir(o.Script)}
	if wd, err := os.Getwd(); err == nil {
		pathDirs = append([]string{wd}, pathDirs...)
	}
	if strings.HasSuffix(module, ".so") {
		pathDirs = append([]string{filepath.Dir(module)}, pathDirs...)
		module = filepath.Base(module)
		module = module[:strings.IndexByte(module, '.')]
	}
	tmp, err := os.MkdirTemp("", "freepy-stress")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	h := filepath.Join(tmp, "harness.py")
	if err := os.WriteFile(h, harness, 0o644); err != nil {
		return nil, err
	}
	rep := &Report{Module: module, Script: o.Script, Threads: o.Threads, Rounds: o.Rounds}
	run := func(name string, threads int, lock string) Run {
		r := runOnce(o, h, module, pathDirs, threads, lock)
		r.Name = name
		rep.Runs = append(rep.Runs, r)
		return r
	}
	base := run("single thread", 1, "module")
	if base.Failure != "" || len(base.Errors[0]) > 0 || base.CheckError != nil {
		msg := base.Failure
		if msg == "" && len(base.Errors[0]) > 0 {
			msg = base.Errors[0][0]
		}
		if msg == "" && base.CheckError != nil {
			msg = "check(): " + *base.CheckError
		}
		return rep, fmt.Errorf("the script fails in a single thread, fix that first: %s%s", msg, stderrTail(base.Stderr))
	}
	locked := run("pseudo-GIL on", o.Threads, "module")
	// A race shows up only when threads overlap in the racy code, which a
	// busy machine can prevent for a whole run: a clean run is repeated
	// before the module is called safe.
	for attempt := 1; ; attempt++ {
		name := "pseudo-GIL off"
		if attempt > 1 {
			name = fmt.Sprintf("pseudo-GIL off #%d", attempt)
		}
		free := run(name, o.Threads, "off")
		rep.Findings = nil
		rep.FreeRuns = attempt
		judge(rep, base, locked, free)
		if rep.Verdict != verdictClean || attempt == freeAttempts {
			break
		}
	}
	return rep, nil
}

// freeAttempts is how many runs without the lock must all look clean.
const freeAttempts = 3

const verdictClean = "no problem found without its lock"

func stderrTail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return "\n  " + strings.Join(lines, "\n  ")
}

func runOnce(o Options, harnessPath, module string, pathDirs []string, threads int, lock string) Run {
	r := Run{Threads: threads, LockMode: lock}
	cmd := exec.Command(o.Freepy, harnessPath, o.Script, strconv.Itoa(threads), strconv.Itoa(o.Rounds), module)
	env := os.Environ()
	pp := strings.Join(pathDirs, string(os.PathListSeparator))
	if old := os.Getenv("PYTHONPATH"); old != "" {
		pp += string(os.PathListSeparator) + old
	}
	env = append(env, "PYTHONPATH="+pp, "FREEPY_LEGACY_LOCK="+lock)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		r.Failure = err.Error()
		return r
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(o.Timeout):
		cmd.Process.Kill()
		<-done
		r.Failure = fmt.Sprintf("no result after %s: a hang or a deadlock", o.Timeout)
		r.Stderr = stderr.String()
		return r
	}
	r.Stderr = stderr.String()
	if ee, ok := err.(*exec.ExitError); ok {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			r.Failure = "crashed: killed by signal " + ws.Signal().String()
			return r
		}
	}
	out := stdout.String()
	i := strings.LastIndex(out, marker)
	if i < 0 {
		code := -1
		if cmd.ProcessState != nil {
			code = cmd.ProcessState.ExitCode()
		}
		r.Failure = fmt.Sprintf("exited with status %d before reporting", code)
		return r
	}
	line := out[i+len(marker):]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		r.Failure = "unreadable result: " + err.Error()
	}
	r.Threads, r.LockMode = threads, lock
	return r
}

// judge compares the runs and writes the findings and the verdict.
func judge(rep *Report, base, locked, free Run) {
	add := func(risk bool, format string, a ...any) {
		rep.Findings = append(rep.Findings, Finding{risk, fmt.Sprintf(format, a...)})
	}
	want := base.Outputs[0]
	trusted := true
	switch {
	case locked.Failure != "":
		add(true, "With its pseudo-GIL and %d threads the run failed (%s): the module is not even thread-safe the way CPython's GIL makes it; check module-level state used between calls.", rep.Threads, locked.Failure)
		trusted = false
	case differs(locked.Outputs, want):
		add(false, "With the pseudo-GIL, threads print something other than the single-thread run: the script's own output depends on shared state, so output comparisons below say less.")
		trusted = false
	}
	unsafe := false
	switch {
	case free.Failure != "":
		add(true, "Without the pseudo-GIL the run failed: %s. The module is not safe to run free-threaded.", free.Failure)
		unsafe = true
	default:
		if trusted && differs(free.Outputs, want) {
			add(true, "Without the pseudo-GIL, %d of %d threads printed something else than the single-thread run: a data race in the module's C code (shared C state updated without a lock).", countDiff(free.Outputs, want), len(free.Outputs))
			unsafe = true
		}
		if free.CheckOutput != locked.CheckOutput || !sameErr(free.CheckError, locked.CheckError) {
			add(true, "Without the pseudo-GIL, check() reports %q where the locked run reported %q: shared state in the module was corrupted.", strings.TrimSpace(free.CheckOutput+errText(free.CheckError)), strings.TrimSpace(locked.CheckOutput+errText(locked.CheckError)))
			unsafe = true
		}
		if e := newErrors(free.Errors, locked.Errors); e != "" {
			add(true, "Without the pseudo-GIL, threads raised what they did not raise with it: %s.", e)
			unsafe = true
		}
	}
	stalls := false
	if l, ok := locked.Locks[rep.Module]; ok {
		if l.Acquisitions > 0 {
			add(false, "Pseudo-GIL: %d acquisitions, %d contended (%.0f%%), held %.1f ms in all, longest hold %.2f ms.",
				l.Acquisitions, l.Contended, 100*float64(l.Contended)/float64(l.Acquisitions),
				float64(l.HoldTotalNs)/1e6, float64(l.HoldMaxNs)/1e6)
		}
		if n := l.HoldsOver16ms(); n > 0 {
			stalls = true
			names := ""
			for fn, fs := range l.Functions {
				if fs.Over16ms > 0 {
					names += fmt.Sprintf(" %s (%d, longest %.1f ms)", fn, fs.Over16ms, float64(fs.HoldMaxNs)/1e6)
				}
			}
			if names != "" {
				names = "; in:" + names
			}
			add(true, "%d holds of the pseudo-GIL lasted over 16 ms%s. Other threads that call this module stall that long (soft real-time code feels it): release the lock around long C work with Py_BEGIN_ALLOW_THREADS.", n, names)
		}
	}
	switch {
	case unsafe:
		rep.Verdict = "unsafe without its lock"
	case stalls:
		rep.Verdict = "stalls under its lock"
	case !trusted:
		rep.Verdict = "inconclusive"
	default:
		rep.Verdict = verdictClean
		add(false, "No difference without the pseudo-GIL in %d runs of %d threads x %d rounds. If the script covers the module's API, declare Py_mod_gil = Py_MOD_GIL_NOT_USED (or call PyUnstable_Module_SetGIL) and build with freepy-config.", rep.FreeRuns, rep.Threads, rep.Rounds)
	}
}

func differs(outs []string, want string) bool { return countDiff(outs, want) > 0 }

func countDiff(outs []string, want string) int {
	n := 0
	for _, o := range outs {
		if o != want {
			n++
		}
	}
	return n
}

func sameErr(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func errText(e *string) string {
	if e == nil {
		return ""
	}
	return " (raised " + *e + ")"
}

// newErrors lists exceptions the free run raised that the locked run did
// not.
func newErrors(free, locked [][]string) string {
	seen := map[string]bool{}
	for _, es := range locked {
		for _, e := range es {
			seen[e] = true
		}
	}
	var out []string
	for _, es := range free {
		for _, e := range es {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	if len(out) > 3 {
		out = append(out[:3], fmt.Sprintf("and %d more", len(out)-3))
	}
	return strings.Join(out, "; ")
}

// Text renders the report for a terminal: one screen per module.
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %d threads x %d rounds): %s\n", r.Module, r.Script, r.Threads, r.Rounds, r.Verdict)
	for _, run := range r.Runs {
		state := fmt.Sprintf("%.2fs", run.Elapsed)
		if run.Failure != "" {
			state = run.Failure
		}
		fmt.Fprintf(&b, "  run %-15s %2d threads: %s\n", run.Name, run.Threads, state)
	}
	risks, infos := 0, 0
	for _, f := range r.Findings {
		if f.Risk {
			risks++
		} else {
			infos++
		}
	}
	if risks > 0 {
		b.WriteString("What to change first:\n")
		for _, f := range r.Findings {
			if f.Risk {
				fmt.Fprintf(&b, "  - %s\n", f.Text)
			}
		}
	}
	if infos > 0 {
		b.WriteString("Notes:\n")
		for _, f := range r.Findings {
			if !f.Risk {
				fmt.Fprintf(&b, "  - %s\n", f.Text)
			}
		}
	}
	return b.String()
}
