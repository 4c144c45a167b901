package strops

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:generate /usr/bin/python3.11 gen_ucd.py

// ucdZ is the character database of the unicodedata module: the main
// (Unicode 14.0.0) properties and those of Unicode 3.2.0 that
// unicodedata.ucd_3_2_0 (and through it stringprep and the idna codec)
// reports, as gen_ucd.py dumps them from CPython. It is parsed on first use:
// str methods use the smaller tables of tables.go and never need it.
//
//go:embed ucd.z
var ucdZ []byte

// CharProps are the properties unicodedata reports for a code point.
type CharProps struct {
	Category       string
	Bidirectional  string // "" when none
	Combining      int    // canonical combining class
	EastAsianWidth string
	Mirrored       bool
	Decimal, Digit int     // -1 when none
	Numeric        float64 // valid if HasNumeric
	HasNumeric     bool
}

// UCD is one version of the character database.
type UCD struct {
	Version string
	records []CharProps
	// Two-level table: index1[cp>>ucdShift] is a block of index2 holding
	// the record number of each code point of the block.
	index1 []uint16
	index2 []uint16
	// decomp holds unicodedata.decomposition of the main database; the 3.2.0
	// database shares it.
	decomp map[rune]string
	// composeMap maps canonical pairs to their primary composite.
	composeMap map[[2]rune]rune
	// old marks the 3.2.0 database; override holds its full decompositions
	// that differ from the main ones ([0] canonical, [1] compatibility).
	old      bool
	main     *UCD
	override map[rune][2][]rune
	// nfd and nfkd cache full decompositions, built on first use.
	nfdOnce sync.Once
	nfd     map[rune][]rune
	nfkd    map[rune][]rune
}

const ucdShift = 7

var (
	ucdOnce        sync.Once
	ucdMain, ucd32 *UCD
)

// UnicodeDB returns the main database, or the Unicode 3.2.0 one when old.
func UnicodeDB(old bool) *UCD {
	ucdOnce.Do(loadUCD)
	if old {
		return ucd32
	}
	return ucdMain
}

func loadUCD() {
	ucdMain = &UCD{decomp: map[rune]string{}, composeMap: map[[2]rune]rune{}}
	ucd32 = &UCD{Version: "3.2.0", old: true, main: ucdMain, override: map[rune][2][]rune{}}
	zr, err := zlib.NewReader(bytes.NewReader(ucdZ))
	if err != nil {
		panic("strops: corrupt ucd.z: " + err.Error())
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		panic("strops: corrupt ucd.z: " + err.Error())
	}
	var cur *UCD
	var runs []ucdRun
	excluded := map[rune]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if len(line) < 3 {
			continue
		}
		arg := line[2:]
		switch line[0] {
		case 'V':
			ucdMain.Version = arg
		case 'T':
			if cur != nil {
				cur.buildIndex(runs)
			}
			runs = runs[:0]
			cur = ucdMain
			if arg == "3.2.0" {
				cur = ucd32
			}
		case 'R':
			cur.records = append(cur.records, parseRecord(arg))
		case 'U':
			cp, n, _ := strings.Cut(arg, " ")
			runs = append(runs, ucdRun{hexRune(cp), atoi(n)})
		case 'D':
			cp, d, _ := strings.Cut(arg, ";")
			ucdMain.decomp[hexRune(cp)] = d
		case 'X':
			excluded[hexRune(arg)] = true
		case 'N':
			f := strings.Split(arg, ";")
			ucd32.override[hexRune(f[0])] = [2][]rune{hexRunes(f[1]), hexRunes(f[2])}
		}
	}
	cur.buildIndex(runs)
	for cp, d := range ucdMain.decomp {
		if d[0] == '<' || excluded[cp] {
			continue
		}
		if p := hexRunes(d); len(p) == 2 {
			ucdMain.composeMap[[2]rune{p[0], p[1]}] = cp
		}
	}
	ucd32.decomp, ucd32.composeMap = ucdMain.decomp, ucdMain.composeMap
}

type ucdRun struct {
	start rune
	rec   int
}

// buildIndex turns the runs of equal records into the two-level table,
// sharing identical blocks.
func (u *UCD) buildIndex(runs []ucdRun) {
	const bsize = 1 << ucdShift
	blocks := map[string]uint16{}
	uniform := map[int]uint16{} // blocks of a single record, by record
	block := make([]uint16, bsize)
	key := make([]byte, 2*bsize)
	ri := 0
	add := func(k string) uint16 {
		n, ok := blocks[k]
		if !ok {
			n = uint16(len(u.index2) / bsize)
			blocks[k] = n
			u.index2 = append(u.index2, block...)
		}
		return n
	}
	for start := rune(0); start <= MaxRune; start += bsize {
		for ri+1 < len(runs) && runs[ri+1].start <= start {
			ri++
		}
		// Most blocks (unassigned planes, CJK, Hangul) lie in one run.
		if ri+1 == len(runs) || runs[ri+1].start >= start+bsize {
			rec := runs[ri].rec
			n, ok := uniform[rec]
			if !ok {
				for i := range block {
					block[i] = uint16(rec)
					key[2*i], key[2*i+1] = byte(rec>>8), byte(rec)
				}
				n = add(string(key))
				uniform[rec] = n
			}
			u.index1 = append(u.index1, n)
			continue
		}
		r := ri
		for i := range block {
			cp := start + rune(i)
			for r+1 < len(runs) && runs[r+1].start <= cp {
				r++
			}
			block[i] = uint16(runs[r].rec)
			key[2*i], key[2*i+1] = byte(block[i]>>8), byte(block[i])
		}
		u.index1 = append(u.index1, add(string(key)))
	}
}

func parseRecord(s string) CharProps {
	f := strings.Fields(s)
	p := CharProps{
		Category:       f[0],
		Bidirectional:  f[1],
		Combining:      atoi(f[2]),
		EastAsianWidth: f[3],
		Mirrored:       f[4] == "1",
		Decimal:        atoi(f[5]),
		Digit:          atoi(f[6]),
	}
	if p.Bidirectional == "-" {
		p.Bidirectional = ""
	}
	if f[7] != "-" {
		p.Numeric, _ = strconv.ParseFloat(f[7], 64)
		p.HasNumeric = true
	}
	return p
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic("strops: corrupt ucd.z: " + s)
	}
	return n
}

func hexRune(s string) rune {
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		panic("strops: corrupt ucd.z: " + s)
	}
	return rune(v)
}

func hexRunes(s string) []rune {
	var out []rune
	for _, f := range strings.Fields(s) {
		if f[0] == '<' {
			continue // a compatibility tag
		}
		out = append(out, hexRune(f))
	}
	return out
}

// Props returns the properties of r (0 <= r <= MaxRune).
func (u *UCD) Props(r rune) *CharProps {
	if r < 0 || r > MaxRune {
		r = 0xFFFF // a noncharacter: no properties
	}
	b := u.index1[r>>ucdShift]
	return &u.records[u.index2[int(b)<<ucdShift|int(r)&(1<<ucdShift-1)]]
}

// Assigned reports whether r is assigned in this version (CPython treats a
// character whose 3.2.0 category is Cn as unknown to ucd_3_2_0).
func (u *UCD) Assigned(r rune) bool { return u.Props(r).Category != "Cn" }

// Decomposition returns unicodedata.decomposition(r): the one-level mapping
// with its compatibility tag, or "".
func (u *UCD) Decomposition(r rune) string {
	if u.old && !u.Assigned(r) {
		return ""
	}
	return u.decomp[r]
}
