package strops

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// charScript prints, for every code point, the string predicates applied
// to it alone and its case mappings, as CPython computes them.
const charScript = `
import sys
w = sys.stdout.write
def h(s): return s.encode('utf-8', 'surrogatepass').hex()
for cp in range(0x110000):
    c = chr(cp)
    bits = (c.isalpha(), c.isalnum(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(),
            c.islower(), c.isupper(), c.istitle(), c.isprintable(), c.isidentifier(),
            ('a' + c).isidentifier(), len(c.splitlines()) == 1 and c.splitlines(True)[0] != c.splitlines()[0])
    m = 0
    for i, b in enumerate(bits):
        if b: m |= 1 << i
    maps = (c.lower(), c.upper(), c.title(), c.casefold(), c.swapcase(), c.capitalize())
    if any(x != c for x in maps):
        w("%x %x %s\n" % (cp, m, " ".join(h(x) for x in maps)))
    elif m:
        w("%x %x\n" % (cp, m))
`

func charBits(s string) int {
	bits := []bool{IsAlpha(s), IsAlnum(s), IsDecimal(s), IsDigit(s), IsNumeric(s), IsSpace(s),
		IsLower(s), IsUpper(s), IsTitle(s), IsPrintable(s), IsIdentifier(s), IsIdentifier("a" + s),
		IsLineBreakRune(Index(s, 0))}
	m := 0
	for i, b := range bits {
		if b {
			m |= 1 << i
		}
	}
	return m
}

// TestEveryCodePoint checks the generated tables and the lookup code for
// all 0x110000 code points.
func TestEveryCodePoint(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Python over every code point")
	}
	newOracle(t) // skips without the reference interpreter
	out, err := exec.Command(refPython, "-c", charScript).Output()
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		bits int
		maps []string
	}
	want := map[rune]row{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		cp, _ := strconv.ParseInt(f[0], 16, 32)
		bits, _ := strconv.ParseInt(f[1], 16, 32)
		r := row{bits: int(bits)}
		for _, x := range f[2:] {
			b, _ := hex.DecodeString(x)
			r.maps = append(r.maps, string(b))
		}
		want[rune(cp)] = r
	}
	bad := 0
	for cp := rune(0); cp <= MaxRune; cp++ {
		s := Chr(cp)
		w := want[cp]
		if got := charBits(s); got != w.bits {
			bad++
			if bad < 20 {
				t.Errorf("U+%04X: predicate bits %013b, want %013b", cp, got, w.bits)
			}
		}
		got := []string{Lower(s), Upper(s), Title(s), Casefold(s), Swapcase(s), Capitalize(s)}
		if w.maps == nil {
			w.maps = []string{s, s, s, s, s, s}
		}
		for i := range got {
			if got[i] != w.maps[i] {
				bad++
				if bad < 20 {
					t.Errorf("U+%04X: case mapping %d = %s, want %s", cp, i, Repr(got[i]), Repr(w.maps[i]))
				}
			}
		}
		wantRepr := "'" + s + "'"
		if w.bits&(1<<9) == 0 || s == "'" || s == "\\" {
			continue
		}
		if got := Repr(s); got != wantRepr {
			bad++
			if bad < 20 {
				t.Errorf("U+%04X: repr %s, want %s", cp, got, wantRepr)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d mismatches", bad)
	}
}
