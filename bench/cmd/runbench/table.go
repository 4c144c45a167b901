package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
)

func logPhi(x float64) float64 { return math.Log(x) / math.Log(math.Phi) }

func roundHalf(x float64) float64 { return math.Round(x) }

// geomean is the geometric mean of xs, NaN for none.
func geomean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs)))
}

// row is one line of the results table.
type row struct {
	name     string
	ref, got outcome
}

// ratio is freepy's time over CPython's, ok only when both ran and agreed.
func (r row) ratio() (float64, bool) {
	if r.ref.err != nil || r.got.err != nil || r.ref.seconds <= 0 {
		return 0, false
	}
	return r.got.seconds / r.ref.seconds, true
}

func fmtSecs(o outcome) string {
	if o.err != nil {
		return "error"
	}
	return fmt.Sprintf("%.3f", o.seconds)
}

// markdownTable renders the results with a geometric-mean line and notes
// for the failures.
func markdownTable(rows []row) string {
	var b strings.Builder
	b.WriteString("| benchmark | CPython s | freepy s | ratio |\n")
	b.WriteString("|---|---:|---:|---:|\n")
	var ratios []float64
	var notes []string
	for _, r := range rows {
		ratio := "error"
		if x, ok := r.ratio(); ok {
			ratio = fmt.Sprintf("%.2f", x)
			ratios = append(ratios, x)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.name, fmtSecs(r.ref), fmtSecs(r.got), ratio)
		if r.ref.err != nil {
			notes = append(notes, fmt.Sprintf("%s, CPython: %v", r.name, r.ref.err))
		}
		if r.got.err != nil {
			notes = append(notes, fmt.Sprintf("%s, freepy: %v", r.name, r.got.err))
		}
	}
	gm := "n/a"
	if len(ratios) > 0 {
		gm = fmt.Sprintf("%.2f", geomean(ratios))
	}
	fmt.Fprintf(&b, "| **geometric mean** (%d of %d) | | | **%s** |\n", len(ratios), len(rows), gm)
	if len(notes) > 0 {
		b.WriteString("\nErrors:\n\n")
		for _, n := range notes {
			fmt.Fprintf(&b, "- %s\n", oneLine(n))
		}
	}
	return b.String()
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}

// Section markers in docs/benchmarks.md; runbench rewrites what lies
// between a begin and its end marker and leaves the rest of the file alone.
const (
	tableBegin   = "<!-- runbench:table:begin -->"
	tableEnd     = "<!-- runbench:table:end -->"
	scalingBegin = "<!-- runbench:scaling:begin -->"
	scalingEnd   = "<!-- runbench:scaling:end -->"
	gilCostBegin = "<!-- runbench:gilcost:begin -->"
	gilCostEnd   = "<!-- runbench:gilcost:end -->"
)

// replaceSection returns doc with the text between begin and end replaced
// by body.
func replaceSection(doc, begin, end, body string) (string, error) {
	i := strings.Index(doc, begin)
	if i < 0 {
		return "", fmt.Errorf("marker %s not found", begin)
	}
	j := strings.Index(doc[i:], end)
	if j < 0 {
		return "", fmt.Errorf("marker %s not found after %s", end, begin)
	}
	j += i
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	return doc[:i+len(begin)] + "\n" + body + doc[j:], nil
}

// rewriteFile replaces one marked section of the file at path.
func rewriteFile(path, begin, end, body string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc, err := replaceSection(string(data), begin, end, body)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(doc), 0o644)
}

var errRefFailed = errors.New("the reference interpreter failed a benchmark")
