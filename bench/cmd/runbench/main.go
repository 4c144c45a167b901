// Command runbench runs freepy's benchmarks under the reference CPython 3.11
// and under freepy in the same session, checks that both print the same
// checksum, and prints a markdown table of the best-of-N wall times.
//
//	go run ./bench/cmd/runbench -ref /usr/bin/python3.11 -freepy bin/freepy [-out docs/benchmarks.md]
//	go run ./bench/cmd/runbench -scaling [-maxthreads 8] [-png bench/out/scaling.png]
//	go run ./bench/cmd/runbench -gilcost [-out docs/benchmarks.md]
//
// A benchmark freepy cannot run is reported as "error" in its row; only a
// failure of the reference interpreter makes the command exit non-zero.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"
)

type config struct {
	ref, freepy string
	dir         string
	runs        int
	scale       float64
	only        *regexp.Regexp
	out         string
	scaling     bool
	gilCost     bool
	maxThreads  int
	png         string
	timeout     time.Duration
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "runbench:", err)
		os.Exit(1)
	}
}

func run() error {
	var c config
	var only string
	flag.StringVar(&c.ref, "ref", "/usr/bin/python3.11", "reference interpreter")
	flag.StringVar(&c.freepy, "freepy", "bin/freepy", "freepy binary")
	flag.StringVar(&c.dir, "dir", "bench", "directory holding the benchmark programs")
	flag.IntVar(&c.runs, "runs", 3, "runs per benchmark and interpreter; the best time counts")
	flag.Float64Var(&c.scale, "scale", 1, "multiply every benchmark size by this factor (e.g. 0.1 for a quick run)")
	flag.StringVar(&only, "only", "", "run only the benchmarks whose file name matches this regexp")
	flag.StringVar(&c.out, "out", "", "rewrite the results section of this markdown file (docs/benchmarks.md)")
	flag.BoolVar(&c.scaling, "scaling", false, "measure threads_cpu.py with 1..maxthreads threads instead")
	flag.BoolVar(&c.gilCost, "gilcost", false, "compare freepy's single-thread benchmarks free-threaded and under PYTHON_GIL=1 instead")
	flag.IntVar(&c.maxThreads, "maxthreads", runtime.NumCPU(), "largest thread count (threaded benchmarks and -scaling)")
	flag.StringVar(&c.png, "png", "", "with -scaling: write a speedup chart to this PNG file")
	flag.DurationVar(&c.timeout, "timeout", 5*time.Minute, "time limit of one run")
	flag.Parse()
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	if c.runs < 1 || c.scale <= 0 || c.maxThreads < 1 {
		return errors.New("-runs, -scale and -maxthreads must be positive")
	}
	if only != "" {
		re, err := regexp.Compile(only)
		if err != nil {
			return err
		}
		c.only = re
	}
	if _, err := os.Stat(filepath.Join(c.dir, "recursive_fib.py")); err != nil {
		return fmt.Errorf("benchmark directory %s: %w (run from the repository root or pass -dir)", c.dir, err)
	}
	for _, p := range []*string{&c.ref, &c.freepy} {
		if abs, err := filepath.Abs(*p); err == nil && strings.ContainsRune(*p, '/') {
			*p = abs
		} else if found, err := exec.LookPath(*p); err == nil {
			*p = found
		}
	}
	r := runner{dir: c.dir, runs: c.runs, timeout: c.timeout}
	extDirs, err := buildExtensions(c.dir, c.ref, c.freepy, filepath.Join(c.dir, "out"))
	if err != nil {
		return fmt.Errorf("building bench/ext: %w", err)
	}
	r.extDirs = extDirs
	if c.scaling {
		return runScaling(c, r)
	}
	if c.gilCost {
		return runGILCost(c, r)
	}
	return runTable(c, r)
}

func runTable(c config, r runner) error {
	var rows []row
	refFailed := false
	for _, b := range benchmarks {
		if c.only != nil && !c.only.MatchString(b.file) {
			continue
		}
		name := strings.TrimSuffix(b.file, ".py")
		if b.threads {
			name = fmt.Sprintf("%s (%d threads)", name, c.maxThreads)
		}
		args := b.args(c.scale, c.maxThreads)
		fmt.Fprintf(os.Stderr, "%-36s CPython ...", name)
		rw := row{name: name, ref: r.measure(c.ref, b.file, args)}
		fmt.Fprintf(os.Stderr, " %s, freepy ...", fmtSecs(rw.ref))
		rw.got = r.measure(c.freepy, b.file, args)
		if rw.ref.err == nil && rw.got.err == nil && rw.ref.checksum != rw.got.checksum {
			rw.got.err = fmt.Errorf("checksum %q, CPython printed %q", rw.got.checksum, rw.ref.checksum)
		}
		fmt.Fprintf(os.Stderr, " %s\n", fmtSecs(rw.got))
		refFailed = refFailed || rw.ref.err != nil
		rows = append(rows, rw)
	}
	table := markdownTable(rows)
	fmt.Print(table)
	if c.out != "" {
		body := describeSetup(c) + "\n" + table
		if err := rewriteFile(c.out, tableBegin, tableEnd, body); err != nil {
			return err
		}
	}
	if refFailed {
		return errRefFailed
	}
	return nil
}

// describeSetup records what the numbers were measured on.
func describeSetup(c config) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Measured %s on %s (%d CPUs, %s/%s), best of %d runs, size scale %g.\n",
		time.Now().UTC().Format("2006-01-02"), cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, c.runs, c.scale)
	fmt.Fprintf(&b, "Reference: `%s` (%s); freepy: `%s` (%s).\n",
		c.ref, version(c.ref), c.freepy, version(c.freepy))
	return b.String()
}

func version(bin string) string {
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		return "version unknown"
	}
	return strings.TrimSpace(string(out))
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
