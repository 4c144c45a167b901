package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// scalingPoint is one thread count's result for one interpreter.
type scalingPoint struct {
	threads int
	o       outcome
}

// series is an interpreter's scaling curve.
type series struct {
	name   string
	points []scalingPoint
}

// speedup returns the work-only time with one thread over the time with
// p.threads threads, ok when both runs succeeded.
func (s series) speedup(i int) (float64, bool) {
	if len(s.points) == 0 || s.points[0].o.err != nil || s.points[i].o.err != nil {
		return 0, false
	}
	t := s.points[i].o.workTime()
	if t <= 0 {
		return 0, false
	}
	return s.points[0].o.workTime() / t, true
}

// workTime prefers the time the program measured itself (no start-up).
func (o outcome) workTime() float64 {
	if o.reported > 0 {
		return o.reported
	}
	return o.seconds
}

// runScaling runs threads_cpu.py with 1..maxThreads threads, the same total
// work each time, under both interpreters.
func runScaling(c config, r runner) error {
	var b benchmark
	for _, x := range benchmarks {
		if x.file == "threads_cpu.py" {
			b = x
		}
	}
	all := []series{{name: "CPython"}, {name: "freepy"}}
	bins := []string{c.ref, c.freepy}
	var want string
	for n := 1; n <= c.maxThreads; n++ {
		args := b.args(c.scale, n)
		for i := range all {
			fmt.Fprintf(os.Stderr, "threads_cpu.py %d threads, %s ...", n, all[i].name)
			o := r.measure(bins[i], b.file, args)
			if o.err == nil {
				if want == "" {
					want = o.checksum
				} else if o.checksum != want {
					o.err = fmt.Errorf("checksum %q, expected %q", o.checksum, want)
				}
			}
			fmt.Fprintf(os.Stderr, " %s\n", fmtSecs(o))
			all[i].points = append(all[i].points, scalingPoint{threads: n, o: o})
		}
	}
	table := scalingTable(all)
	fmt.Print(table)
	if c.out != "" {
		if err := rewriteFile(c.out, scalingBegin, scalingEnd, describeSetup(c)+"\n"+table); err != nil {
			return err
		}
	}
	if c.png != "" {
		if err := os.MkdirAll(filepath.Dir(c.png), 0o755); err != nil {
			return err
		}
		if err := writeChart(c.png, all, c.maxThreads); err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, "wrote", c.png)
	}
	if all[0].points[0].o.err != nil {
		return errRefFailed
	}
	return nil
}

func scalingTable(all []series) string {
	var b strings.Builder
	b.WriteString("| threads |")
	for _, s := range all {
		fmt.Fprintf(&b, " %s s | %s speedup |", s.name, s.name)
	}
	b.WriteString("\n|---:|")
	for range all {
		b.WriteString("---:|---:|")
	}
	b.WriteString("\n")
	for i := range all[0].points {
		fmt.Fprintf(&b, "| %d |", all[0].points[i].threads)
		for _, s := range all {
			o := s.points[i].o
			if o.err != nil {
				b.WriteString(" error | error |")
				continue
			}
			sp := "error"
			if x, ok := s.speedup(i); ok {
				sp = fmt.Sprintf("%.2f", x)
			}
			fmt.Fprintf(&b, " %.3f | %s |", o.workTime(), sp)
		}
		b.WriteString("\n")
	}
	b.WriteString("\nTimes are the work phase as measured by the program itself (interpreter start-up excluded); speedup is relative to one thread of the same interpreter.\n")
	return b.String()
}
