package syntax

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// CPython normalises non-ASCII identifiers to NFKC (PEP 3131), so that
// "µ" (MICRO SIGN) and "μ" (GREEK SMALL LETTER MU), or fullwidth and
// ASCII letters, name the same variable. nfkc.z holds the tables (see
// gen_nfkc.py), loaded on first use.
//
//go:embed nfkc.z
var nfkcZ []byte

var (
	nfkcOnce   sync.Once
	nfkdMap    map[rune][]rune
	cccMap     map[rune]uint8
	composeMap map[[2]rune]rune
)

func loadNFKC() {
	nfkdMap = map[rune][]rune{}
	cccMap = map[rune]uint8{}
	composeMap = map[[2]rune]rune{}
	r, err := zlib.NewReader(bytes.NewReader(nfkcZ))
	if err != nil {
		return
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return
	}
	hexRunes := func(s string) []rune {
		var out []rune
		for _, f := range strings.Fields(s) {
			v, _ := strconv.ParseUint(f, 16, 32)
			out = append(out, rune(v))
		}
		return out
	}
	for _, line := range strings.Split(string(data), "\n") {
		if len(line) < 3 {
			continue
		}
		key, val, _ := strings.Cut(line[2:], ";")
		switch line[0] {
		case 'd':
			nfkdMap[hexRunes(key)[0]] = hexRunes(val)
		case 'c':
			n, _ := strconv.Atoi(val)
			cccMap[hexRunes(key)[0]] = uint8(n)
		case 'p':
			k := hexRunes(key)
			composeMap[[2]rune{k[0], k[1]}] = hexRunes(val)[0]
		}
	}
}

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

// NFKC returns s in Unicode normalisation form KC, as CPython's
// unicodedata.normalize("NFKC", s).
func NFKC(s string) string {
	nfkcOnce.Do(loadNFKC)
	// Decompose.
	var d []rune
	for _, r := range s {
		if r >= hangulS && r < hangulS+countS {
			i := r - hangulS
			d = append(d, hangulL+i/countN, hangulV+i%countN/countT)
			if t := i % countT; t != 0 {
				d = append(d, hangulT+t)
			}
			continue
		}
		if m, ok := nfkdMap[r]; ok {
			d = append(d, m...)
		} else {
			d = append(d, r)
		}
	}
	// Canonical ordering: stable sort of runs of non-starters by class.
	for i := 1; i < len(d); i++ {
		for j := i; j > 0; j-- {
			a, b := cccMap[d[j-1]], cccMap[d[j]]
			if b == 0 || a <= b {
				break
			}
			d[j-1], d[j] = d[j], d[j-1]
		}
	}
	// Canonical composition.
	out := d[:0:0]
	starter := -1
	var lastCCC uint8
	for _, r := range d {
		c := cccMap[r]
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
			if comp, ok := composeMap[[2]rune{s, r}]; ok {
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
	return string(out)
}

// ident returns the identifier spelled by a NAME token, NFKC-normalised
// if it is not ASCII (CPython's _PyPegen_new_identifier).
func (p *parser) ident(t *token) string {
	s := p.text(t)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return NFKC(s)
		}
	}
	return s
}
