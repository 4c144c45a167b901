package main

import (
	"fmt"
	"os"
	"strings"
)

// gilCostRow is one single-thread benchmark run by the same freepy binary
// free-threaded and under PYTHON_GIL=1.
type gilCostRow struct {
	name    string
	free    outcome
	withGIL outcome
}

// difference is the free-threaded time over the GIL time minus one, ok
// when both runs succeeded.
func (g gilCostRow) difference() (float64, bool) {
	if g.free.err != nil || g.withGIL.err != nil || g.withGIL.seconds <= 0 {
		return 0, false
	}
	return g.free.seconds/g.withGIL.seconds - 1, true
}

// runGILCost measures what free threading costs a program that uses one
// thread (issue 3 asks for at most 10%): every single-thread benchmark under
// freepy in its default mode and with PYTHON_GIL=1. The two modes run in
// alternation, run by run, so that a change in the machine's load between
// them does not show up as a difference.
func runGILCost(c config, r runner) error {
	var rows []gilCostRow
	for _, b := range benchmarks {
		if b.threads || b.ext || (c.only != nil && !c.only.MatchString(b.file)) {
			continue
		}
		name := strings.TrimSuffix(b.file, ".py")
		args := b.args(c.scale, 1)
		fmt.Fprintf(os.Stderr, "%-20s", name)
		free, gil := r.alternate(c.freepy, b.file, args, nil, []string{"PYTHON_GIL=1"})
		if free.err == nil && gil.err == nil && free.checksum != gil.checksum {
			gil.err = fmt.Errorf("checksum %q, free-threaded printed %q", gil.checksum, free.checksum)
		}
		fmt.Fprintf(os.Stderr, " free-threaded %s, PYTHON_GIL=1 %s\n", fmtSecs(free), fmtSecs(gil))
		rows = append(rows, gilCostRow{name: name, free: free, withGIL: gil})
	}
	table := gilCostTable(rows)
	fmt.Print(table)
	if c.out != "" {
		if err := rewriteFile(c.out, gilCostBegin, gilCostEnd, describeSetup(c)+"\n"+table); err != nil {
			return err
		}
	}
	for _, g := range rows {
		if g.free.err != nil || g.withGIL.err != nil {
			return fmt.Errorf("%s failed", g.name)
		}
	}
	return nil
}

// alternate runs the program r.runs times with each of two extra
// environments, interleaved, and keeps each one's best time.
func (r runner) alternate(interp, file string, args, envA, envB []string) (a, b outcome) {
	one := r
	one.runs = 1
	for i := 0; i < r.runs; i++ {
		oa := one.measureEnv(interp, file, args, envA)
		ob := one.measureEnv(interp, file, args, envB)
		a = keepBest(a, oa, i == 0)
		b = keepBest(b, ob, i == 0)
	}
	return a, b
}

// keepBest folds one run into the best so far; an error sticks.
func keepBest(best, o outcome, first bool) outcome {
	switch {
	case first || o.err != nil:
		return o
	case best.err != nil:
		return best
	case o.checksum != best.checksum:
		return outcome{err: fmt.Errorf("checksum changed between runs: %q then %q", best.checksum, o.checksum)}
	}
	best.seconds = min(best.seconds, o.seconds)
	return best
}

func gilCostTable(rows []gilCostRow) string {
	var b strings.Builder
	b.WriteString("| benchmark | free-threaded s | `PYTHON_GIL=1` s | difference |\n|---|---:|---:|---:|\n")
	var ratios []float64
	for _, g := range rows {
		d, ok := g.difference()
		if !ok {
			fmt.Fprintf(&b, "| %s | %s | %s | error |\n", g.name, cell(g.free), cell(g.withGIL))
			continue
		}
		ratios = append(ratios, 1+d)
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %+.1f%% |\n", g.name, g.free.seconds, g.withGIL.seconds, 100*d)
	}
	if len(ratios) > 0 {
		fmt.Fprintf(&b, "| **geometric mean** | | | **%+.1f%%** |\n", 100*(geomean(ratios)-1))
	}
	b.WriteString("\nThe same binary, whole-process wall time, best of the runs; the two modes run alternately. Positive: free-threaded mode is slower.\n")
	for _, g := range rows {
		for _, o := range []outcome{g.free, g.withGIL} {
			if o.err != nil {
				fmt.Fprintf(&b, "\n- %s: %v", g.name, o.err)
			}
		}
	}
	return b.String()
}

func cell(o outcome) string {
	if o.err != nil {
		return "error"
	}
	return fmt.Sprintf("%.3f", o.seconds)
}
