package strops

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// ucdOracle prints, for each block of 4096 code points, the MD5 of what
// CPython's unicodedata says of each (see ucdLine), for the main and the
// 3.2.0 databases. A single character without a decomposition (nor a
// Hangul syllable) is its own normal form: the oracle saves the time of
// asking, the Go side computes it all the same.
const ucdOracle = `
import hashlib, struct, sys, unicodedata
def hx(s): return ' '.join('%x' % ord(c) for c in s)
for db in (unicodedata, unicodedata.ucd_3_2_0):
    for blk in range(0, 0x110000, 4096):
        h = hashlib.md5()
        for cp in range(blk, blk + 4096):
            c = chr(cp)
            num = db.numeric(c, None)
            num = '-' if num is None else struct.pack('<d', num).hex()
            dec = db.decomposition(c)
            if dec or 0xAC00 <= cp <= 0xD7A3 or 0x2F800 <= cp <= 0x2FA1F:
                norms = tuple(hx(db.normalize(f, c)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD'))
            else:
                norms = (hx(c),) * 4
            h.update(('%x|%s|%s|%d|%s|%d|%d|%d|%s|%s|%s|%s|%s|%s\n' % ((
                cp, db.category(c), db.bidirectional(c), db.combining(c),
                db.east_asian_width(c), db.mirrored(c), db.decimal(c, -1),
                db.digit(c, -1), num, dec) + norms)).encode())
        print(h.hexdigest())
`

func ucdLine(u *UCD, cp rune) string {
	p := u.Props(cp)
	num := "-"
	if p.HasNumeric {
		var b [8]byte
		bits := math.Float64bits(p.Numeric)
		for i := range b {
			b[i] = byte(bits >> (8 * i))
		}
		num = hex.EncodeToString(b[:])
	}
	hx := func(s string) string {
		var parts []string
		for _, r := range Runes(s) {
			parts = append(parts, fmt.Sprintf("%x", r))
		}
		return strings.Join(parts, " ")
	}
	mir := 0
	if p.Mirrored {
		mir = 1
	}
	c := Chr(cp)
	return fmt.Sprintf("%x|%s|%s|%d|%s|%d|%d|%d|%s|%s|%s|%s|%s|%s\n", cp, p.Category, p.Bidirectional,
		p.Combining, p.EastAsianWidth, mir, p.Decimal, p.Digit, num, u.Decomposition(cp),
		hx(u.Normalize("NFC", c)), hx(u.Normalize("NFD", c)), hx(u.Normalize("NFKC", c)), hx(u.Normalize("NFKD", c)))
}

// TestUCDAgainstCPython compares every property and single-character
// normalisation of every code point with CPython's.
func TestUCDAgainstCPython(t *testing.T) {
	if _, err := os.Stat(refPython); err != nil {
		t.Skip("reference interpreter absent:", refPython)
	}
	if testing.Short() {
		t.Skip("slow")
	}
	out, err := exec.Command(refPython, "-c", ucdOracle).Output()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for _, old := range []bool{false, true} {
		u := UnicodeDB(old)
		for blk := rune(0); blk < 0x110000; blk += 4096 {
			if !sc.Scan() {
				t.Fatal("short oracle output")
			}
			h := md5.New()
			for cp := blk; cp < blk+4096; cp++ {
				h.Write([]byte(ucdLine(u, cp)))
			}
			if got := hex.EncodeToString(h.Sum(nil)); got != sc.Text() {
				t.Errorf("%s: block U+%04X differs; first line: %s", u.Version, blk, ucdLine(u, blk))
			}
		}
	}
}

// TestNormalizeStrings compares normalisation of multi-character texts
// (reordering, composition across marks, Hangul) with CPython's.
func TestNormalizeStrings(t *testing.T) {
	if _, err := os.Stat(refPython); err != nil {
		t.Skip("reference interpreter absent:", refPython)
	}
	texts := []string{
		"e\u0301", "e\u0301\u0327", "\u1e0b\u0323", "\u1100\u1161\u11a8", "\uac00\u11a8", "\u0b47\u0b3e",
		"a\u0328\u0301\u0323", "\u00c5\u0301\u0300", "\u0f73\u0f71", "\u1100\u0301\u1161", "\u212b\u0323",
		"\ufb2c\u05b4", "\u0344\u0300", "Ａ\u0308\u0301ｶﾞ", "\U0001d15e\U0001d165", "\u0041\u030a\u0323\u0300",
		"\u0fb2\u0f80\u0f81", "\u00e9\u0300\u0315\u0301", "\u3070\u309a", "\u05d0\u05b7\u05bc", "ǅ\u030c",
		"\u2f868\u0301", "\U0002f868x", "\u0915\u093c\u0300", "\U000110b9\U000110ba", "\U00011131\U00011127",
	}
	var buf bytes.Buffer
	buf.WriteString("import sys, unicodedata\nfor line in sys.stdin.read().split('\\n'):\n")
	buf.WriteString("    s = ''.join(chr(int(x, 16)) for x in line.split())\n")
	buf.WriteString("    for db in (unicodedata, unicodedata.ucd_3_2_0):\n")
	buf.WriteString("        print(*[' '.join('%x' % ord(c) for c in db.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], sep='|')\n")
	var in strings.Builder
	for i, s := range texts {
		if i > 0 {
			in.WriteString("\n")
		}
		for _, r := range Runes(s) {
			fmt.Fprintf(&in, "%x ", r)
		}
	}
	cmd := exec.Command(refPython, "-c", buf.String())
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	i := 0
	for _, s := range texts {
		for _, old := range []bool{false, true} {
			u := UnicodeDB(old)
			var parts []string
			for _, f := range []string{"NFC", "NFD", "NFKC", "NFKD"} {
				var h []string
				for _, r := range Runes(u.Normalize(f, s)) {
					h = append(h, fmt.Sprintf("%x", r))
				}
				parts = append(parts, strings.Join(h, " "))
			}
			if got := strings.Join(parts, "|"); got != lines[i] {
				t.Errorf("%s %+q: got %s, CPython %s", u.Version, s, got, lines[i])
			}
			i++
		}
	}
}
