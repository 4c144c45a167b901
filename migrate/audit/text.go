package audit

import (
	"fmt"
	"io"
	"strings"
)

// maxActions bounds the "change first" list so a report fits one screen.
const maxActions = 6

// WriteText writes the human report for one file: a screenful at most.
func WriteText(w io.Writer, r *Report) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	p("== %s", r.Path)
	if r.Error != "" {
		p("  error: %s", r.Error)
		return
	}
	mod := r.Module
	if mod == "" {
		mod = "(none: helper library)"
	}
	tag := r.ABITag
	if tag == "" {
		tag = "none"
	}
	p("  module %s   abi %s   init %s   mode %s", mod, tag, r.Init, r.Mode)
	p("  verdict: %s, effort %s (score %d)", strings.ToUpper(r.Verdict), r.Effort, r.Score)
	p("    %s", r.VerdictReason)
	if len(r.Generators) > 0 {
		var gs []string
		for _, g := range r.Generators {
			s := g.Name
			if g.Version != "" {
				s += " " + g.Version
			}
			gs = append(gs, s)
		}
		p("  generator: %s", strings.Join(gs, ", "))
	}
	for _, risk := range []Risk{RiskHigh, RiskMedium, RiskLow} {
		var names []string
		for _, d := range r.BorrowedDetail {
			if d.Risk != risk {
				continue
			}
			if d.Replacement != "" && risk != RiskLow {
				names = append(names, d.Name+" -> "+d.Replacement)
			} else {
				names = append(names, d.Name)
			}
		}
		if len(names) > 0 {
			label := string(risk)
			if risk == RiskLow {
				label = "low, fine"
			}
			p("  borrowed refs (%s): %s", label, strings.Join(limit(names, 4), "; "))
		}
	}
	if len(r.LegacyOnlyAPIs) > 0 {
		p("  GIL-only APIs: %s", strings.Join(r.LegacyOnlyAPIs, ", "))
	}
	if len(r.GILAPIs) > 0 {
		p("  GIL/thread APIs: %s", strings.Join(limit(r.GILAPIs, 6), ", "))
	}
	if len(r.PrivateAPIs) > 0 {
		p("  private APIs: %s", strings.Join(limit(r.PrivateAPIs, 5), ", "))
	}
	if len(r.FTAPIs) > 0 {
		p("  free-threading APIs already used: %s", strings.Join(limit(r.FTAPIs, 5), ", "))
	}
	p("  free-threading: %s (%s)", r.FreeThreading, r.FreeThreadingNote)
	g := r.Globals
	line := fmt.Sprintf("  global state: .data %s, .bss %s", humanSize(g.DataBytes), humanSize(g.BssBytes))
	if g.SymbolsKnown {
		line += fmt.Sprintf("; %d writable variables (%d pointer-sized)", g.Objects, g.PointerSized)
	} else {
		line += fmt.Sprintf("; stripped, %d exported writable variables", g.Objects)
	}
	if len(g.Largest) > 0 {
		var ls []string
		for _, o := range g.Largest[:min(3, len(g.Largest))] {
			ls = append(ls, fmt.Sprintf("%s %d", o.Name, o.Size))
		}
		line += "; largest: " + strings.Join(ls, ", ")
	}
	p("%s", line)
	if len(r.ScoreInputs) > 0 {
		var parts []string
		for _, s := range r.ScoreInputs {
			parts = append(parts, fmt.Sprintf("%d %s", s.Points, s.What))
		}
		line := strings.Join(parts[:min(5, len(parts))], " + ")
		if len(parts) > 5 {
			line += fmt.Sprintf(" + %d more", len(parts)-5)
		}
		p("  score = %s", line)
	}
	for _, wmsg := range r.Warnings {
		p("  warning: %s", wmsg)
	}
	p("  change first:")
	for i, a := range r.Actions {
		if i == maxActions {
			p("    (+%d more in --json)", len(r.Actions)-maxActions)
			break
		}
		p("    %d. %s", i+1, a)
	}
}

// WriteFooter says once what no binary audit can see.
func WriteFooter(w io.Writer) {
	fmt.Fprintf(w, "\nNot visible in a binary: borrowed-reference macros (%s) compile to direct memory reads; grep the sources for them.\n",
		strings.Join(invisibleMacros, ", "))
}

func humanSize(n uint64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
