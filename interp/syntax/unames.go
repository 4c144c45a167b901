package syntax

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:generate /usr/bin/python3.11 gen_unicodenames.py

// unicodeNamesZ is the Unicode character name table with the formal name
// aliases and the named sequences (see gen_unicodenames.py), compressed.
//
//go:embed unicodenames.z
var unicodeNamesZ []byte

var (
	namesOnce  sync.Once
	nameToRune map[string]rune   // character names, upper case
	runeToName map[rune]string   // the inverse
	aliasRunes map[string]rune   // formal name aliases
	namedSeqs  map[string][]rune // named sequences
)

// Hangul syllable names are composed from these jamo short names.
var (
	jamoL = strings.Split("G GG N D DD R M B BB S SS  J JJ C K T P H", " ")
	jamoV = strings.Split("A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I", " ")
	jamoT = strings.Split(" G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H", " ")
)

func loadNames() {
	nameToRune = make(map[string]rune, 33000)
	runeToName = make(map[rune]string, 33000)
	aliasRunes = make(map[string]rune, 500)
	namedSeqs = make(map[string][]rune, 500)
	r, err := zlib.NewReader(bytes.NewReader(unicodeNamesZ))
	if err != nil {
		return
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		hex, name, ok := strings.Cut(line, ";")
		if !ok || hex == "" {
			continue
		}
		kind := hex[0]
		if kind == '=' || kind == '+' {
			hex = hex[1:]
		}
		var cps []rune
		for _, h := range strings.Fields(hex) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				return
			}
			cps = append(cps, rune(v))
		}
		if len(cps) == 0 {
			continue
		}
		switch kind {
		case '=':
			aliasRunes[name] = cps[0]
		case '+':
			namedSeqs[name] = cps
		default:
			nameToRune[name] = cps[0]
			runeToName[cps[0]] = name
		}
	}
}

// asciiUpper upper-cases ASCII letters only: CPython compares names with
// Py_TOUPPER, so "ı" (dotless i) must not match "I".
func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= 0x80 {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// hangulSyllable parses the jamo part of "HANGUL SYLLABLE ..." as CPython
// does: the longest matching short name for each of the three parts, which
// must use up the whole text (case-sensitively).
func hangulSyllable(s string) (rune, bool) {
	longest := func(s string, names []string) (int, int) {
		best, n := -1, -1
		for i, j := range names {
			if len(j) > n && strings.HasPrefix(s, j) {
				best, n = i, len(j)
			}
		}
		return best, n
	}
	l, n := longest(s, jamoL)
	if l < 0 {
		return 0, false
	}
	s = s[n:]
	v, n := longest(s, jamoV)
	if v < 0 {
		return 0, false
	}
	s = s[n:]
	t, n := longest(s, jamoT)
	if t < 0 || n != len(s) {
		return 0, false
	}
	return rune(0xAC00 + (l*21+v)*28 + t), true
}

// LookupUnicode resolves a name as CPython's unicodedata.lookup: Hangul
// syllables and CJK unified ideographs are parsed (case-sensitively, as
// CPython does), other names and aliases compared ignoring ASCII case.
// Aliases and named sequences (which yield several code points) are
// accepted only when asked for; assigned, when not nil, filters the code
// points found in the name table (ucd_3_2_0 rejects characters that Unicode
// 3.2 lacks, but not the parsed names).
func LookupUnicode(name string, aliases, seqs bool, assigned func(rune) bool) ([]rune, bool) {
	if rest, ok := strings.CutPrefix(name, "HANGUL SYLLABLE "); ok {
		if r, ok := hangulSyllable(rest); ok {
			return []rune{r}, true
		}
		return nil, false
	}
	if h, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		// Four or five upper-case hexadecimal digits.
		if len(h) < 4 || len(h) > 5 || strings.Trim(h, "0123456789ABCDEF") != "" {
			return nil, false
		}
		v, _ := strconv.ParseUint(h, 16, 32)
		if inRanges(algorithmicNames[0].ranges, rune(v)) {
			return []rune{rune(v)}, true
		}
		return nil, false
	}
	up := asciiUpper(name)
	ok := func(r rune) bool { return assigned == nil || assigned(r) }
	for _, a := range algorithmicNames[1:] {
		// These names are stored as ranges only to save space: they must
		// match the canonical spelling, as a table entry would.
		if h, found := strings.CutPrefix(up, a.prefix); found {
			v, err := strconv.ParseUint(h, 16, 32)
			if err == nil && fmt.Sprintf("%04X", v) == h && inRanges(a.ranges, rune(v)) && ok(rune(v)) {
				return []rune{rune(v)}, true
			}
			return nil, false
		}
	}
	namesOnce.Do(loadNames)
	if r, found := nameToRune[up]; found && ok(r) {
		return []rune{r}, true
	}
	if aliases {
		if r, found := aliasRunes[up]; found {
			return []rune{r}, true
		}
	}
	if seqs {
		if rs, found := namedSeqs[up]; found {
			return rs, true
		}
	}
	return nil, false
}

func inRanges(ranges [][2]rune, r rune) bool {
	for _, rg := range ranges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// LookupUnicodeName resolves a character name or alias as "\N{...}"
// escapes do. The name database is loaded on first use.
func LookupUnicodeName(name string) (rune, bool) {
	rs, ok := LookupUnicode(name, true, false, nil)
	if !ok {
		return 0, false
	}
	return rs[0], true
}

// UnicodeName returns a character's name, as CPython's unicodedata.name.
func UnicodeName(r rune) (string, bool) {
	if r >= 0xAC00 && r <= 0xD7A3 {
		s := r - 0xAC00
		return "HANGUL SYLLABLE " + jamoL[s/(21*28)] + jamoV[s%(21*28)/28] + jamoT[s%28], true
	}
	for _, a := range algorithmicNames {
		if inRanges(a.ranges, r) {
			return a.prefix + strings.ToUpper(strconv.FormatInt(int64(r), 16)), true
		}
	}
	namesOnce.Do(loadNames)
	n, ok := runeToName[r]
	return n, ok
}

func lookupUnicodeName(name string) (rune, bool) { return LookupUnicodeName(name) }
