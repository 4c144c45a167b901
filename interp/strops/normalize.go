package strops

// Unicode normalisation (UAX #15) as CPython's unicodedata.normalize does
// it: full decomposition, canonical ordering, then for NFC and NFKC
// canonical composition. The ucd_3_2_0 variant leaves characters that
// Unicode 3.2 lacks alone and uses the 3.2 decompositions of the few
// characters whose mapping was corrected since, but (like CPython) the
// current combining classes and compositions.

// Hangul syllable arithmetic (Unicode chapter 3.12).
const (
	hangulS = 0xAC00
	hangulL = 0x1100
	hangulV = 0x1161
	hangulT = 0x11A7
	countL  = 19
	countV  = 21
	countT  = 28
	countN  = countV * countT
	countS  = countL * countN
)

// buildDecomp fills the full canonical and compatibility decompositions of
// the main database.
func (u *UCD) buildDecomp() {
	u.nfd = map[rune][]rune{}
	u.nfkd = map[rune][]rune{}
	var full func(r rune, compat bool, out []rune) []rune
	full = func(r rune, compat bool, out []rune) []rune {
		d, ok := u.decomp[r]
		if !ok || !compat && d[0] == '<' {
			return append(out, r)
		}
		for _, c := range hexRunes(d) {
			out = full(c, compat, out)
		}
		return out
	}
	for r, d := range u.decomp {
		if d[0] != '<' {
			u.nfd[r] = full(r, false, nil)
		}
		u.nfkd[r] = full(r, true, nil)
	}
}

// appendDecomposed appends the full decomposition of r.
func (u *UCD) appendDecomposed(out []rune, r rune, compat bool) []rune {
	if r >= hangulS && r < hangulS+countS {
		i := r - hangulS
		out = append(out, hangulL+i/countN, hangulV+i%countN/countT)
		if t := i % countT; t != 0 {
			out = append(out, hangulT+t)
		}
		return out
	}
	if u.old {
		if !u.Assigned(r) {
			return append(out, r)
		}
		if o, ok := u.override[r]; ok {
			if compat {
				return append(out, o[1]...)
			}
			return append(out, o[0]...)
		}
		return u.main.appendDecomposed(out, r, compat)
	}
	u.nfdOnce.Do(u.buildDecomp)
	m := u.nfd
	if compat {
		m = u.nfkd
	}
	if d, ok := m[r]; ok {
		return append(out, d...)
	}
	return append(out, r)
}

// ccc returns the canonical combining class (always the main database's).
func (u *UCD) ccc(r rune) int {
	if r < 0x300 {
		return 0
	}
	if u.old {
		u = u.main
	}
	return u.Props(r).Combining
}

// NormalForm reports whether form names a normalisation form.
func NormalForm(form string) bool {
	switch form {
	case "NFC", "NFD", "NFKC", "NFKD":
		return true
	}
	return false
}

// Normalize returns s in normalisation form form (NFC, NFD, NFKC or
// NFKD, see NormalForm).
func (u *UCD) Normalize(form, s string) string {
	if IsASCII(s) {
		return s // ASCII is invariant under every form
	}
	compat := form == "NFKC" || form == "NFKD"
	var d []rune
	for _, r := range Runes(s) {
		d = u.appendDecomposed(d, r, compat)
	}
	// Canonical ordering: a stable sort of each run of non-starters by class.
	for i := 1; i < len(d); i++ {
		for j := i; j > 0; j-- {
			a, b := u.ccc(d[j-1]), u.ccc(d[j])
			if b == 0 || a <= b {
				break
			}
			d[j-1], d[j] = d[j], d[j-1]
		}
	}
	if form == "NFC" || form == "NFKC" {
		d = u.compose(d)
	}
	return FromRunes(d)
}

// compose applies canonical composition to a decomposed, ordered text.
func (u *UCD) compose(d []rune) []rune {
	out := d[:0]
	starter := -1 // index in out of the last starter
	lastCCC := 0  // class of the last character appended after it
	for _, r := range d {
		c := u.ccc(r)
		// r combines with the starter unless blocked: by a character of
		// class >= c in between, or, for a starter, by anything in between.
		if starter >= 0 && (lastCCC < c || lastCCC == 0 && len(out)-1 == starter) {
			s := out[starter]
			if s >= hangulL && s < hangulL+countL && r >= hangulV && r < hangulV+countV {
				out[starter] = hangulS + ((s-hangulL)*countV+(r-hangulV))*countT
				continue
			}
			if s >= hangulS && s < hangulS+countS && (s-hangulS)%countT == 0 && r > hangulT && r < hangulT+countT {
				out[starter] = s + (r - hangulT)
				continue
			}
			if comp, ok := u.compose2(s, r); ok {
				out[starter] = comp
				continue
			}
		}
		if c == 0 {
			starter = len(out)
			lastCCC = 0
		} else {
			lastCCC = c
		}
		out = append(out, r)
	}
	return out
}

func (u *UCD) compose2(a, b rune) (rune, bool) {
	r, ok := u.composeMap[[2]rune{a, b}]
	return r, ok
}

// IsNormalized reports whether s is in normalisation form form.
func (u *UCD) IsNormalized(form, s string) bool {
	return IsASCII(s) || u.Normalize(form, s) == s
}
