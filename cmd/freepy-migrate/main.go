// Command freepy-migrate tells an extension maintainer what stands between
// a compiled CPython extension and running without a lock.
//
//	freepy-migrate audit [--json] [--strict] FILE.so|DIR ...
//	freepy-migrate stress [--threads N] [--rounds R] [--json] MODULE SCRIPT.py
//	freepy-migrate borrowed            the borrowed-reference API table
//	freepy-migrate summarize [--root DIR] AUDIT.json   ecosystem summary (Markdown)
//
// Exit status: 0 no risk found, 1 risks found (a verdict of needs-work or
// legacy-only; with --strict also needs-review), 2 usage error or a file
// that could not be audited.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"freepy/migrate/audit"
	"freepy/migrate/stress"
)

const usage = `usage:
  freepy-migrate audit [--json] [--strict] FILE.so|DIR ...
      Static audit of compiled extension modules, without loading them.
      A directory is searched for every .so below it.
  freepy-migrate stress [--threads N] [--rounds R] [--json] [--freepy BIN] MODULE SCRIPT.py
      Run SCRIPT (which imports MODULE, a module name or a .so path) in N
      threads at once under freepy, with the module's pseudo-GIL and without
      it, and report what changes and how long the lock is held. A script
      may define check(threads, rounds), called once at the end.
  freepy-migrate borrowed
      Print the table of borrowed-reference APIs the audit knows.
  freepy-migrate summarize [--root DIR] AUDIT.json
      Summarise 'audit --json' output as Markdown (ecosystem audit).

exit status: 0 no risk found; 1 risks found; 2 usage error or unreadable file
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "audit":
		return runAudit(args[1:], stdout, stderr)
	case "stress":
		return runStress(args[1:], stdout, stderr)
	case "borrowed":
		return runBorrowed(stdout)
	case "summarize":
		return runSummarize(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "freepy-migrate: unknown command %q\n%s", args[0], usage)
	return 2
}

func runAudit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print a JSON array, one object per file")
	strict := fs.Bool("strict", false, "exit 1 on needs-review too")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, "freepy-migrate audit: no file or directory given\n"+usage)
		return 2
	}
	files, errs := audit.Collect(fs.Args())
	status := 0
	for _, err := range errs {
		fmt.Fprintf(stderr, "freepy-migrate: %v\n", err)
		status = 2
	}
	if len(files) == 0 && len(errs) == 0 {
		fmt.Fprintln(stderr, "freepy-migrate: no .so files found")
		return 2
	}
	reports := auditAll(files)
	risky := false
	for i := range reports {
		r := &reports[i]
		if r.Error != "" {
			fmt.Fprintf(stderr, "freepy-migrate: %s\n", r.Error)
			status = 2
		}
		if r.Risky(*strict) {
			risky = true
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if reports == nil {
			reports = []audit.Report{}
		}
		if err := enc.Encode(reports); err != nil {
			fmt.Fprintf(stderr, "freepy-migrate: %v\n", err)
			return 2
		}
	} else {
		for i := range reports {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			audit.WriteText(stdout, &reports[i])
		}
		if len(reports) > 0 {
			audit.WriteFooter(stdout)
		}
	}
	if status == 0 && risky {
		status = 1
	}
	return status
}

// auditAll audits files on every core, keeping the input order.
func auditAll(files []string) []audit.Report {
	out := make([]audit.Report, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i] = audit.File(files[i])
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

func runBorrowed(stdout io.Writer) int {
	for _, b := range audit.BorrowedTable() {
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", b.Name, b.Risk, b.Replacement, b.Note)
	}
	return 0
}

func runSummarize(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("summarize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", "", "strip this directory from paths; the next path element names the package")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "freepy-migrate summarize: one JSON file expected\n")
		return 2
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "freepy-migrate: %v\n", err)
		return 2
	}
	var reports []audit.Report
	if err := json.Unmarshal(data, &reports); err != nil {
		fmt.Fprintf(stderr, "freepy-migrate: %s: %v\n", fs.Arg(0), err)
		return 2
	}
	audit.WriteSummary(stdout, reports, *root)
	return 0
}

func runStress(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("stress", flag.ContinueOnError)
	fs.SetOutput(stderr)
	threads := fs.Int("threads", 4, "threads running the script at once")
	rounds := fs.Int("rounds", 20, "times each thread runs the script")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	freepy := fs.String("freepy", "", "the freepy binary (default: next to freepy-migrate, then $PATH)")
	timeout := fs.Duration("timeout", 120*time.Second, "time allowed per run")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprint(stderr, "freepy-migrate stress: need MODULE and SCRIPT.py\n"+usage)
		return 2
	}
	bin, err := findFreepy(*freepy)
	if err != nil {
		fmt.Fprintln(stderr, "freepy-migrate stress:", err)
		return 2
	}
	rep, err := stress.Stress(stress.Options{Freepy: bin, Module: fs.Arg(0), Script: fs.Arg(1),
		Threads: *threads, Rounds: *rounds, Timeout: *timeout})
	if err != nil {
		fmt.Fprintln(stderr, "freepy-migrate stress:", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "freepy-migrate stress:", err)
			return 2
		}
	} else {
		fmt.Fprint(stdout, rep.Text())
	}
	if rep.Risky() {
		return 1
	}
	return 0
}

// findFreepy locates the interpreter: the flag, then bin/freepy next to
// this executable, then $PATH.
func findFreepy(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "freepy")
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	p, err := exec.LookPath("freepy")
	if err != nil {
		return "", errors.New("no freepy interpreter found: pass --freepy BIN")
	}
	return p, nil
}
