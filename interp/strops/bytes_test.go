package strops

import (
	"math"
	"testing"
)

var bytesCorpus = [][]byte{
	{}, []byte("a"), []byte("abc"), []byte("Hello, World!"), []byte("  spaced  out  "),
	[]byte("\t\n\v\f\r\x1c\x1d\x1e\x1f x"), []byte("hello world foo"), []byte("HELLO wORLD"),
	[]byte("they're bill's 3rd"), []byte("ab,cd,,ef,"), []byte("a--b---c"), []byte("line1\nline2\r\nline3\rl4\vl5\fl6\x1c"),
	[]byte("+42"), []byte("-"), []byte("a\tb\tc\n\td\re\tf"), []byte("'"), []byte("\""), []byte("'\""), []byte("\\"),
	{0x00, 0x7f, 0x80, 0xff, 0xc3, 0xa9}, []byte("caf\xc3\xa9"), []byte("\xa0x\xa0"), []byte("Abc Def"), []byte("ABC"),
	[]byte("a1b2"), []byte("123"), []byte("_x"), []byte("Hello World"), []byte("\x85"),
}

var bytesSubs = [][]byte{{}, []byte("a"), []byte("ab"), []byte(","), []byte("--"), []byte("\n"), []byte(" "), {0xff}, []byte("l")}

func TestBytesMethodsAgainstCPython(t *testing.T) {
	o := newOracle(t)
	for _, b := range bytesCorpus {
		for _, sub := range bytesSubs {
			for _, bd := range bounds {
				a := []any{b, sub, bd[0], bd[1]}
				o.add("find", a, BFind(b, sub, bd[0], bd[1]))
				o.add("rfind", a, BRFind(b, sub, bd[0], bd[1]))
				o.add("count", a, BCount(b, sub, bd[0], bd[1]))
				o.add("startswith", a, BStartsWith(b, sub, bd[0], bd[1]))
				o.add("endswith", a, BEndsWith(b, sub, bd[0], bd[1]))
			}
			for _, n := range []int{-1, 0, 1, 2} {
				o.add("replace", []any{b, sub, []byte("<>"), n}, wrapB(BReplace(b, sub, []byte("<>"), n)))
				o.add("split", []any{b, sub, n}, wrapBL(BSplit(b, sub, n)))
				o.add("rsplit", []any{b, sub, n}, wrapBL(BRSplit(b, sub, n)))
			}
			p1, p2, p3, err := BPartition(b, sub)
			o.add("partition", []any{b, sub}, result{[][]byte{p1, p2, p3}, err})
			p1, p2, p3, err = BRPartition(b, sub)
			o.add("rpartition", []any{b, sub}, result{[][]byte{p1, p2, p3}, err})
			o.add("strip", []any{b, sub}, BStripChars(b, sub))
			o.add("lstrip", []any{b, sub}, BLStripChars(b, sub))
			o.add("rstrip", []any{b, sub}, BRStripChars(b, sub))
			o.add("translate", []any{b, nil, sub}, wrapB(BTranslate(b, nil, sub)))
		}
		for _, n := range []int{-1, 0, 1, 2, 5} {
			o.add("split", []any{b, nil, n}, BSplitWhitespace(b, n))
			o.add("rsplit", []any{b, nil, n}, BRSplitWhitespace(b, n))
		}
		o.add("splitlines", []any{b, false}, BSplitlines(b, false))
		o.add("splitlines", []any{b, true}, BSplitlines(b, true))
		o.add("strip", []any{b}, BStrip(b))
		o.add("lstrip", []any{b}, BLStrip(b))
		o.add("rstrip", []any{b}, BRStrip(b))
		for _, f := range []struct {
			name string
			fn   func([]byte) []byte
		}{{"upper", BUpper}, {"lower", BLower}, {"capitalize", BCapitalize}, {"title", BTitle}, {"swapcase", BSwapcase}} {
			o.add(f.name, []any{b}, f.fn(b))
		}
		for _, f := range []struct {
			name string
			fn   func([]byte) bool
		}{{"isalpha", BIsAlpha}, {"isalnum", BIsAlnum}, {"isdigit", BIsDigit}, {"isspace", BIsSpace},
			{"islower", BIsLower}, {"isupper", BIsUpper}, {"istitle", BIsTitle}, {"isascii", BIsASCII}} {
			o.add(f.name, []any{b}, f.fn(b))
		}
		for _, w := range []int{-1, 0, 3, 8, 9} {
			o.add("center", []any{b, w, []byte("*")}, wrapB(BCenter(b, w, '*')))
			o.add("ljust", []any{b, w, []byte{0xff}}, wrapB(BLJust(b, w, 0xff)))
			o.add("rjust", []any{b, w, []byte(" ")}, wrapB(BRJust(b, w, ' ')))
			o.add("zfill", []any{b, w}, wrapB(BZFill(b, w)))
		}
		for _, ts := range []int{-1, 0, 1, 4, 8} {
			o.add("expandtabs", []any{b, ts}, wrapB(BExpandTabs(b, ts)))
		}
		o.add("repr", []any{b}, BytesRepr(b))
		o.add("hex", []any{b}, Hex(b))
		for _, n := range []int{0, 1, 2, -2, 3, -3, 5, -5, 100, math.MinInt32} {
			o.add("hex", []any{b, ":", n}, wrap(HexSep(b, ":", n)))
		}
	}
	for _, sep := range []string{"", "::", "é", "-", "\x7f"} {
		o.add("hex", []any{[]byte("abc"), sep, 1}, wrap(HexSep([]byte("abc"), sep, 1)))
	}
	for _, s := range []string{"", " 01 02", "0", "01 0", "1 ", "zz", "0g", "01\t02\n", "é", "01é", "0 1",
		"01\x0b02", "01\x1c02", "01\u3000", "DEADbeef", "  ff  ", "fff", "\x00"} {
		o.add("fromhex", []any{s}, wrapB(FromHex(s)))
	}
	o.check()
}

func wrapBL(l [][]byte, err error) result { return result{l, err} }
