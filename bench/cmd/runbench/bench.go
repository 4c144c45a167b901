package main

import (
	"bytes"
	"context"
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

// benchmark is one program of bench/. Its size is chosen so that CPython
// 3.11 needs roughly 0.5-1 s on the development machines; -scale adjusts it.
type benchmark struct {
	file    string
	size    int
	threads bool // takes N_THREADS before the size
	ext     bool // imports a C extension from bench/ext (built per interpreter)
}

var benchmarks = []benchmark{
	{file: "recursive_fib.py", size: 32},
	{file: "int_loop.py", size: 6_000_000},
	{file: "nbody.py", size: 200_000},
	{file: "oop.py", size: 1_000_000},
	{file: "str_ops.py", size: 400_000},
	{file: "dict_ops.py", size: 2_000_000},
	{file: "generators.py", size: 4_000_000},
	{file: "comprehensions.py", size: 6_000_000},
	{file: "threads_cpu.py", size: 100_000, threads: true},
	{file: "threads_shared_dict.py", size: 700_000, threads: true},
	{file: "ext_calls.py", size: 1_000_000, ext: true},
}

// args returns the command-line arguments after the script path.
func (b benchmark) args(scale float64, threads int) []string {
	size := b.size
	if b.file == "recursive_fib.py" {
		// The work grows by the golden ratio per step: scale the exponent.
		size += int(roundHalf(logPhi(scale)))
	} else {
		size = max(1, int(float64(size)*scale))
	}
	if b.threads {
		return []string{strconv.Itoa(threads), strconv.Itoa(size)}
	}
	return []string{strconv.Itoa(size)}
}

// outcome is one interpreter's result on one benchmark.
type outcome struct {
	seconds  float64 // best wall time of the process
	reported float64 // best "wall:" value the program printed, 0 if none
	checksum string
	err      error
}

// runner runs benchmark programs.
type runner struct {
	dir     string // directory holding the .py files
	runs    int
	timeout time.Duration
	// extDirs holds, per interpreter, the directory with bench/ext's
	// extensions built for it (see buildExtensions).
	extDirs map[string]string
}

// measure runs the program r.runs times and keeps the best times. Every run
// must print the same checksum.
func (r runner) measure(interp, file string, args []string) outcome {
	return r.measureEnv(interp, file, args, nil)
}

// measureEnv is measure with extra environment variables (NAME=value).
func (r runner) measureEnv(interp, file string, args, env []string) outcome {
	var best outcome
	for i := 0; i < r.runs; i++ {
		secs, out, err := r.once(interp, file, args, env)
		if err != nil {
			return outcome{err: err}
		}
		sum, reported, err := parseOutput(out)
		if err != nil {
			return outcome{err: err}
		}
		if i == 0 {
			best = outcome{seconds: secs, reported: reported, checksum: sum}
			continue
		}
		if sum != best.checksum {
			return outcome{err: fmt.Errorf("checksum changed between runs: %q then %q", best.checksum, sum)}
		}
		best.seconds = min(best.seconds, secs)
		if reported > 0 {
			best.reported = min(best.reported, reported)
		}
	}
	return best
}

func (r runner) once(interp, file string, args, env []string) (float64, string, error) {
	if _, err := os.Stat(interp); err != nil {
		return 0, "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, interp, append([]string{filepath.Join(r.dir, file)}, args...)...)
	cmd.Env = append(benchEnv(), env...)
	if d := r.extDirs[interp]; d != "" {
		cmd.Env = append(cmd.Env, "PYTHONPATH="+d)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	start := time.Now()
	err := cmd.Run()
	secs := time.Since(start).Seconds()
	if ctx.Err() != nil {
		return 0, "", fmt.Errorf("timed out after %v", r.timeout)
	}
	if err != nil {
		return 0, "", fmt.Errorf("%v: %s", err, lastLine(stderr.String()))
	}
	return secs, stdout.String(), nil
}

// benchEnv drops the caller's PYTHON* settings, which would change what is
// measured (PYTHONDEVMODE, PYTHONMALLOC, ...).
func benchEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PYTHON") {
			env = append(env, kv)
		}
	}
	return append(env, "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1")
}

// parseOutput finds the "checksum: ..." line every benchmark prints and the
// optional "wall: SECONDS" line of the threaded ones.
func parseOutput(out string) (checksum string, wall float64, err error) {
	found := false
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "checksum:"); ok {
			checksum, found = strings.TrimSpace(v), true
		}
		if v, ok := strings.CutPrefix(line, "wall:"); ok {
			wall, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return "", 0, fmt.Errorf("bad wall line %q", line)
			}
		}
	}
	if !found {
		return "", 0, errors.New("no checksum line in the output")
	}
	return checksum, wall, nil
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// buildExtensions compiles every bench/ext/*.c twice: against CPython's
// headers for the reference and with freepy-config (found next to the
// freepy binary) for freepy, each into its own directory under out.
func buildExtensions(dir, ref, freepy, out string) (map[string]string, error) {
	srcs, _ := filepath.Glob(filepath.Join(dir, "ext", "*.c"))
	dirs := map[string]string{}
	if len(srcs) == 0 {
		return dirs, nil
	}
	cfg := filepath.Join(filepath.Dir(freepy), "freepy-config")
	targets := []struct {
		interp, config, flag, name string
	}{
		{ref, "python3.11-config", "--includes", "cpython"},
		{freepy, cfg, "--cflags", "freepy"},
	}
	for _, tg := range targets {
		flags, err := exec.Command(tg.config, tg.flag).Output()
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", tg.config, tg.flag, err)
		}
		suffix := ".cpython-311-x86_64-linux-gnu.so"
		if tg.name == "freepy" {
			s, err := exec.Command(cfg, "--extension-suffix").Output()
			if err != nil {
				return nil, fmt.Errorf("%s --extension-suffix: %w", cfg, err)
			}
			suffix = strings.TrimSpace(string(s))
		}
		d := filepath.Join(out, "ext-"+tg.name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
		for _, src := range srcs {
			mod := strings.TrimSuffix(filepath.Base(src), ".c")
			args := append([]string{"-O2", "-shared", "-fPIC", "-o", filepath.Join(d, mod+suffix)}, strings.Fields(string(flags))...)
			args = append(args, src)
			if b, err := exec.Command("cc", args...).CombinedOutput(); err != nil {
				return nil, fmt.Errorf("cc %s: %v\n%s", strings.Join(args, " "), err, b)
			}
		}
		dirs[tg.interp] = d
	}
	return dirs, nil
}
