package audit

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteSummary writes Markdown tables that summarise many reports, as used
// for docs/ecosystem-audit.md. root is stripped from paths; the first path
// element below it is taken as the package name.
func WriteSummary(w io.Writer, reports []Report, root string) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	root = strings.TrimSuffix(root, "/") + "/"
	pkgOf := func(path string) string {
		rel, ok := strings.CutPrefix(path, root)
		if !ok || root == "/" {
			return ""
		}
		pkg, _, _ := strings.Cut(rel, "/")
		return pkg
	}

	var ext, lib, failed []Report
	for _, r := range reports {
		switch {
		case r.Error != "":
			failed = append(failed, r)
		case r.Kind == "extension":
			ext = append(ext, r)
		default:
			lib = append(lib, r)
		}
	}
	pkgs := map[string]bool{}
	for _, r := range ext {
		pkgs[pkgOf(r.Path)] = true
	}
	p("| what | count |")
	p("|---|---:|")
	p("| `.so` files audited | %d |", len(reports))
	p("| extension modules (export `PyInit_*`) | %d |", len(ext))
	p("| helper libraries (no `PyInit_*`) | %d |", len(lib))
	p("| files that could not be audited | %d |", len(failed))
	if root != "/" {
		p("| packages with at least one extension module | %d |", len(pkgs))
	}
	p("| extension modules with a `.symtab` (not stripped) | %d |", count(ext, func(r Report) bool { return !r.Stripped }))
	p("| wrong-architecture files | %d |", count(reports, func(r Report) bool { return r.WrongArch }))
	p("")
	p("Everything below counts extension modules only, unless it says otherwise.")
	p("")

	tally(w, "ABI tag", ext, func(r Report) []string {
		if r.ABITag == "" {
			return []string{"(none: bare .so)"}
		}
		return []string{r.ABITag}
	})
	tally(w, "init style", ext, func(r Report) []string { return []string{r.Init} })
	tally(w, "free-threading declaration", ext, func(r Report) []string { return []string{r.FreeThreading} })
	tally(w, "verdict", ext, func(r Report) []string { return []string{r.Verdict} })
	tally(w, "effort", ext, func(r Report) []string { return []string{r.Effort} })
	tally(w, "generator fingerprint", ext, func(r Report) []string {
		if len(r.Generators) == 0 {
			return []string{"(none: hand-written C/C++)"}
		}
		var out []string
		for _, g := range r.Generators {
			out = append(out, g.Name)
		}
		return out
	})
	tally(w, "Cython version (from the `_cython_X_Y_Z` ABI name)", ext, func(r Report) []string {
		for _, g := range r.Generators {
			if g.Name == "Cython" {
				if g.Version == "" {
					return []string{"(not named)"}
				}
				return []string{g.Version}
			}
		}
		return nil
	})

	// Borrowed APIs, in table order, every file kind.
	p("### Borrowed-reference APIs imported")
	p("")
	p("| API | risk | extension modules | helper libraries | replacement |")
	p("|---|---|---:|---:|---|")
	for _, b := range BorrowedTable() {
		if b.Risk == RiskNone {
			continue
		}
		ne := count(ext, func(r Report) bool { return contains(r.BorrowedRefs, b.Name) })
		nl := count(lib, func(r Report) bool { return contains(r.BorrowedRefs, b.Name) })
		if ne+nl == 0 {
			continue
		}
		p("| `%s` | %s | %d | %d | %s |", b.Name, b.Risk, ne, nl, b.Replacement)
	}
	p("| any high-risk API | high | %d | %d | |",
		count(ext, func(r Report) bool { return hasRisk(r, RiskHigh) }),
		count(lib, func(r Report) bool { return hasRisk(r, RiskHigh) }))
	p("")

	tally(w, "GIL / thread API", ext, func(r Report) []string {
		var out []string
		thread := false
		for _, g := range r.GILAPIs {
			if strings.HasPrefix(g, "PyThread_") {
				thread = true
				continue
			}
			out = append(out, g)
		}
		if thread {
			out = append(out, "any PyThread_* (own locks, TLS)")
		}
		return out
	})
	p("Modules importing at least one of PyGILState_Ensure/Release: %d; PyEval_SaveThread: %d; both: %d.",
		count(ext, func(r Report) bool { return anyOf(r.GILAPIs, gilStateAPIs[:2]) }),
		count(ext, func(r Report) bool { return contains(r.GILAPIs, "PyEval_SaveThread") }),
		count(ext, func(r Report) bool {
			return anyOf(r.GILAPIs, gilStateAPIs[:2]) && contains(r.GILAPIs, "PyEval_SaveThread")
		}))
	p("")
	tallyTop(w, "private `_Py*` API (top 20)", ext, 20, func(r Report) []string { return r.PrivateAPIs })
	p("Modules importing at least one private API: %d.", count(ext, func(r Report) bool { return len(r.PrivateAPIs) > 0 }))
	p("")

	// The ten that need the most work.
	sorted := append([]Report(nil), ext...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Score != sorted[j].Score {
			return sorted[i].Score > sorted[j].Score
		}
		return sorted[i].Path < sorted[j].Path
	})
	// The same module is often shipped in several packages (real and
	// complex PETSc builds, ...): list each module name once.
	copies := map[string]int{}
	var top []Report
	for _, r := range sorted {
		if copies[r.Module]++; copies[r.Module] == 1 {
			top = append(top, r)
		}
	}
	p("### The ten extension modules that need the most work")
	p("")
	p("Distinct module names, highest effort score first; \"copies\" counts the files with that module name.")
	p("")
	p("| # | package | module | copies | generator | score | verdict | biggest inputs |")
	p("|---:|---|---|---:|---|---:|---|---|")
	for i, r := range top[:min(10, len(top))] {
		var gens []string
		for _, g := range r.Generators {
			gens = append(gens, g.Name)
		}
		p("| %d | %s | `%s` | %d | %s | %d | %s | %s |", i+1, pkgOf(r.Path), r.Module, copies[r.Module], strings.Join(gens, ", "), r.Score, r.Verdict, biggest(r.ScoreInputs))
	}
	p("")
	p("### The ten hand-written extension modules that need the most work")
	p("")
	p("Modules with no generator fingerprint, where the changes are the maintainer's own.")
	p("")
	p("| # | package | module | score | verdict | biggest inputs |")
	p("|---:|---|---|---:|---|---|")
	n := 0
	for _, r := range top {
		if len(r.Generators) > 0 || n == 10 {
			continue
		}
		n++
		p("| %d | %s | `%s` | %d | %s | %s |", n, pkgOf(r.Path), r.Module, r.Score, r.Verdict, biggest(r.ScoreInputs))
	}
	p("")
	if len(failed) > 0 {
		p("### Files that could not be audited")
		p("")
		for _, r := range failed[:min(20, len(failed))] {
			p("- %s", r.Error)
		}
		p("")
	}
}

// biggest names the four largest score inputs.
func biggest(items []ScoreItem) string {
	inputs := append([]ScoreItem(nil), items...)
	sort.SliceStable(inputs, func(a, b int) bool { return inputs[a].Points > inputs[b].Points })
	var parts []string
	for _, s := range inputs[:min(4, len(inputs))] {
		parts = append(parts, fmt.Sprintf("%d %s", s.Points, s.What))
	}
	return strings.Join(parts, "; ")
}

func count(rs []Report, f func(Report) bool) int {
	n := 0
	for _, r := range rs {
		if f(r) {
			n++
		}
	}
	return n
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func hasRisk(r Report, risk Risk) bool {
	for _, d := range r.BorrowedDetail {
		if d.Risk == risk {
			return true
		}
	}
	return false
}

// tally writes a two-column table: how many reports carry each key.
func tally(w io.Writer, what string, rs []Report, keys func(Report) []string) {
	tallyTop(w, what, rs, 0, keys)
}

func tallyTop(w io.Writer, what string, rs []Report, top int, keys func(Report) []string) {
	counts := map[string]int{}
	for _, r := range rs {
		seen := map[string]bool{}
		for _, k := range keys(r) {
			if !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	ks := make([]string, 0, len(counts))
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if counts[ks[i]] != counts[ks[j]] {
			return counts[ks[i]] > counts[ks[j]]
		}
		return ks[i] < ks[j]
	})
	if top > 0 && len(ks) > top {
		ks = ks[:top]
	}
	fmt.Fprintf(w, "| %s | modules |\n|---|---:|\n", what)
	for _, k := range ks {
		fmt.Fprintf(w, "| %s | %d |\n", k, counts[k])
	}
	fmt.Fprintln(w)
}
