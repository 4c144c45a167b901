// Command freepy-migrate tells an extension maintainer what stands between
// a compiled CPython extension and running without a lock.
//
//	freepy-migrate audit [--json] [--strict] FILE.so|DIR ...
//	freepy-migrate stress ...          (not implemented yet)
//	freepy-migrate borrowed            the borrowed-reference API table
//	freepy-migrate summarize [--root DIR] AUDIT.json   ecosystem summary (Markdown)
//
// Exit status: 0 no risk found, 1 risks found (a verdict of needs-work or
// legacy-only; with --strict also needs-review), 2 usage error or a file
// that could not be audited.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"freepy/migrate/audit"
)

const usage = `usage:
  freepy-migrate audit [--json] [--strict] FILE.so|DIR ...
      Static audit of compiled extension modules, without loading them.
      A directory is searched for every .so below it.
  freepy-migrate stress ...
      Dynamic stress run under freepy (not implemented yet).
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
		fmt.Fprintln(stderr, "freepy-migrate: stress: not implemented yet (it needs the freepy interpreter); use 'freepy-migrate audit' for the static audit")
		return 2
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
