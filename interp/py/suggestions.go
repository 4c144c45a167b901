package py

// "Did you mean" suggestions that CPython 3.11 adds to the last line of an
// uncaught AttributeError or NameError ("... has no attribute 'sine'.
// Did you mean: 'sin'?"). The rules are CPython's (Python/suggestions.c):
// the candidates are dir(obj) for an AttributeError and, for a NameError,
// the failing frame's local variable names, then its globals, then its
// builtins; a candidate list of 750 names or more is not searched; the
// closest name by an edit distance on UTF-8 bytes wins (the first one on
// ties) if at most about a third of the characters change. Only the exact
// classes get suggestions, not subclasses (UnboundLocalError gets none).

const (
	suggestMaxCandidates = 750
	suggestMaxLen        = 40 // longer names (after trimming affixes) never match
	suggestMoveCost      = 2  // inserting, deleting or replacing a byte
	suggestCaseCost      = 1  // replacing an ASCII letter by its other case
)

// excSuggestion is the name to suggest for e, or "" for none.
func excSuggestion(t *Thread, e *BaseException) string {
	name, ok := e.Dict().GetStr("name").(*Str)
	if !ok || name.Type() != StrType {
		return ""
	}
	switch e.typ {
	case AttributeErrorType:
		obj := e.Dict().GetStr("obj")
		if obj == nil {
			return ""
		}
		l, err := builtinDir(t, nil, []Object{obj}, nil)
		if err != nil {
			return ""
		}
		names, _ := l.(*List)
		if names == nil {
			return ""
		}
		return closestName(name.s, names.snapshot())
	case NameErrorType:
		tb := e.Traceback()
		if tb == nil {
			return ""
		}
		for tb.Next != nil {
			tb = tb.Next
		}
		f := tb.Frame
		if f == nil {
			return ""
		}
		var locals []Object
		if f.code != nil {
			for _, v := range f.code.Varnames {
				locals = append(locals, NewStr(v))
			}
		}
		if s := closestName(name.s, locals); s != "" {
			return s
		}
		for _, d := range []*Dict{f.globals, f.builtins} {
			if d == nil {
				continue
			}
			if s := closestName(name.s, d.Keys()); s != "" {
				return s
			}
		}
	}
	return ""
}

// closestName is the candidate nearest to name within the distance
// limit, "" if none (or if a candidate is not a str, as CPython gives up
// when it cannot encode one).
func closestName(name string, candidates []Object) string {
	if len(candidates) >= suggestMaxCandidates {
		return ""
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		s, ok := c.(*Str)
		if !ok {
			return ""
		}
		if s.s == name {
			continue
		}
		// at most a third of the characters involved may change
		limit := (len(name) + len(s.s) + 3) * suggestMoveCost / 6
		if bestDist >= 0 && bestDist-1 < limit {
			limit = bestDist - 1
		}
		d := editCost(name, s.s, limit)
		if d > limit {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = s.s, d
		}
	}
	return best
}

// editCost is the weighted Levenshtein distance between a and b, or some
// value above limit once the distance is known to exceed it.
func editCost(a, b string, limit int) int {
	// common prefixes and suffixes cost nothing
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * suggestMoveCost
	}
	if len(a) > suggestMaxLen || len(b) > suggestMaxLen {
		return limit + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > limit {
		return limit + 1
	}
	// row[i] is the cost of turning b[:j] into a[:i+1], one row per j
	var buf [suggestMaxLen]int
	row := buf[:len(a)]
	for i := range row {
		row[i] = (i + 1) * suggestMoveCost
	}
	result := 0
	for j := 0; j < len(b); j++ {
		diag := j * suggestMoveCost // cost of b[:j] -> a[:0]
		result = diag
		rowMin := -1
		for i := range row {
			sub := diag + substitutionCost(b[j], a[i])
			diag = row[i]
			result = min(min(result, diag)+suggestMoveCost, sub)
			row[i] = result
			if rowMin < 0 || result < rowMin {
				rowMin = result
			}
		}
		if rowMin > limit {
			return limit + 1
		}
	}
	return result
}

func substitutionCost(x, y byte) int {
	if x == y {
		return 0
	}
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	if lower(x) == lower(y) {
		return suggestCaseCost
	}
	return suggestMoveCost
}
