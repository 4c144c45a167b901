package strops

import (
	"math"
	"math/rand"
	"testing"
)

// corpus covers ASCII, Latin-1, Greek (final sigma), special casing,
// titlecase digraphs, CJK, emoji, combining marks, every kind of
// whitespace and line break, digits of several kinds, lone surrogates and
// unassigned or private-use code points.
var corpus = []string{
	"", "a", "A", "abc", "Hello, World!", "  spaced  out  ", "hello world foo",
	"HELLO wORLD", "hello_World3x", "They're bill's friends from the UK",
	"\t\n\v\f\r\x1c\x1d\x1e\x1f\u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000 x",
	"ß", "ﬁ", "İ", "İstanbul", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "aΣ", "AΣ b", "A\u0345Σ", "Σ.", "a'Σ", "ΑΣ'", "Σ",
	"ΑΣ\u0301Α", "ǅǆǄ", "ǈungla", "ŉ", "ΐ", "Straße", "ǰ", "ﬀﬁﬂﬃ", "ᾳ ᾼ ᾈ", "ǲ", "Ⓐⓐ", "ʰ", "ﬆ",
	"\U0001D400 math", "x\u0378y", "\ue000", "\u00ad", "\u200b", "\u00b5\u0131\u017f",
	"日本語テキスト", "中文，標點。", "😀 emoji 🎉👍🏽", "e\u0301 combining a\u0308", "\u0130\u0069\u0307",
	"\xed\xa0\x80", "a\xed\xb2\x80b", "\xed\xa0\xbd\xed\xb8\x80", "\U0001F600",
	"²³½一٣", "١٢٣", "Ⅻ", "x\x00y\x7f\u0080\u009f\u00a0\u00ff", "12345", "٣4", "۱۲", "½",
	"line1\nline2\r\nline3\rline4\vline5\fline6\x1cline7\u2028end\u2029", "a\r\n\r\nb\n", "\r", "\n\n",
	"+42", "-7", "-", "+", "a\tb\tc\n\td\re\tf", "\t", "日\t本", "'", "\"", "'\"", "\\", "ab,cd,,ef,",
	"a--b---c", "a.b.c", "_id", "1id", "ident\u0301", "def", "ℌ", "Ⅸ", "\u2160x", "x y", "a b\tc",
	"ǅa", "Σσς", "ΣΣ", "\u1e9e", "\u0149\u01f0", "aaaa", "ababab", "Hello World", "hELLO",
	"Ǳ Ǆ", "ß ß", "\u10a0\u2d00", "Ꭰꭰ", "ǈǉ",
}

// pieces are mixed at random into more test strings.
var pieces = []string{"a", "B", " ", "\t", "\n", "\r\n", "Σ", "ß", "ǅ", "İ", "é", "e\u0301", "日",
	"😀", "\xed\xb2\x80", "\u3000", "\u0085", "1", "٣", "'", "\"", "\\", ",", "-", "_", "ﬁ", ".", "\x00",
	"\u2028", "ʰ", "\u0345", "x", "Ab"}

func moreStrings(seed int64, n int) []string {
	rng := rand.New(rand.NewSource(seed))
	out := make([]string, n)
	for i := range out {
		s := ""
		for k := rng.Intn(8); k >= 0; k-- {
			s += pieces[rng.Intn(len(pieces))]
		}
		out[i] = s
	}
	return out
}

var subs = []string{"", "a", "ab", "Σ", "😀", ",", "--", "\n", "l", "ß", "\xed\xb2\x80", " ", "o", "aa", "日"}

var bounds = [][2]int{{0, math.MaxInt}, {1, math.MaxInt}, {-2, math.MaxInt}, {0, -1}, {3, 2},
	{-100, 100}, {2, 5}, {100, math.MaxInt}, {0, 0}, {-1, math.MaxInt}}

func allStrings() []string { return append(append([]string{}, corpus...), moreStrings(1, 150)...) }

func TestStrMethodsAgainstCPython(t *testing.T) {
	o := newOracle(t)
	for _, s := range allStrings() {
		for _, sub := range subs {
			for _, b := range bounds {
				a := []any{s, sub, b[0], b[1]}
				o.add("find", a, Find(s, sub, b[0], b[1]))
				o.add("rfind", a, RFind(s, sub, b[0], b[1]))
				o.add("count", a, Count(s, sub, b[0], b[1]))
				o.add("startswith", a, StartsWith(s, sub, b[0], b[1]))
				o.add("endswith", a, EndsWith(s, sub, b[0], b[1]))
			}
			for _, n := range []int{-1, 0, 1, 2} {
				o.add("replace", []any{s, sub, "<>", n}, wrap(Replace(s, sub, "<>", n)))
				o.add("split", []any{s, sub, n}, wrapL(Split(s, sub, n)))
				o.add("rsplit", []any{s, sub, n}, wrapL(RSplit(s, sub, n)))
			}
			o.add("partition", []any{s, sub}, wrap3(Partition(s, sub)))
			o.add("rpartition", []any{s, sub}, wrap3(RPartition(s, sub)))
			o.add("strip", []any{s, sub}, StripChars(s, sub))
			o.add("lstrip", []any{s, sub}, LStripChars(s, sub))
			o.add("rstrip", []any{s, sub}, RStripChars(s, sub))
		}
		for _, n := range []int{-1, 0, 1, 2, 5} {
			o.add("split", []any{s, nil, n}, SplitWhitespace(s, n))
			o.add("rsplit", []any{s, nil, n}, RSplitWhitespace(s, n))
		}
		o.add("splitlines", []any{s, false}, Splitlines(s, false))
		o.add("splitlines", []any{s, true}, Splitlines(s, true))
		o.add("strip", []any{s}, Strip(s))
		o.add("lstrip", []any{s}, LStrip(s))
		o.add("rstrip", []any{s}, RStrip(s))
		for _, f := range []struct {
			name string
			fn   func(string) string
		}{{"upper", Upper}, {"lower", Lower}, {"casefold", Casefold}, {"capitalize", Capitalize},
			{"title", Title}, {"swapcase", Swapcase}, {"repr", Repr}, {"ascii", ASCII}} {
			o.add(f.name, []any{s}, f.fn(s))
		}
		for _, f := range []struct {
			name string
			fn   func(string) bool
		}{{"isalpha", IsAlpha}, {"isalnum", IsAlnum}, {"isdecimal", IsDecimal}, {"isdigit", IsDigit},
			{"isnumeric", IsNumeric}, {"isspace", IsSpace}, {"islower", IsLower}, {"isupper", IsUpper},
			{"istitle", IsTitle}, {"isidentifier", IsIdentifier}, {"isprintable", IsPrintable},
			{"isascii", IsASCII}} {
			o.add(f.name, []any{s}, f.fn(s))
		}
		for _, w := range []int{-1, 0, 3, 8, 9} {
			o.add("center", []any{s, w, "*"}, wrap(Center(s, w, '*')))
			o.add("center", []any{s, w, "日"}, wrap(Center(s, w, '日')))
			o.add("ljust", []any{s, w, "ß"}, wrap(LJust(s, w, 'ß')))
			o.add("rjust", []any{s, w, " "}, wrap(RJust(s, w, ' ')))
			o.add("zfill", []any{s, w}, wrap(ZFill(s, w)))
		}
		for _, ts := range []int{-1, 0, 1, 4, 8} {
			o.add("expandtabs", []any{s, ts}, wrap(ExpandTabs(s, ts)))
		}
		o.add("len", []any{s}, Len(s))
		o.add("runes", []any{s}, Runes(s))
		o.add("isascii", []any{s}, IsASCII(s))
		for _, sl := range [][3]int{{0, math.MaxInt, 1}, {1, -1, 1}, {math.MaxInt, math.MinInt, -1},
			{-2, math.MaxInt, 1}, {0, math.MaxInt, 2}, {5, 1, -2}, {-100, 100, 3}, {2, 3, 1}} {
			o.add("slice", []any{s, sl[0], sl[1], sl[2]}, Slice(s, sl[0], sl[1], sl[2]))
		}
	}
	o.check()
}

// result carries a Go value with its error to oracle.add.
type result struct {
	v   any
	err error
}

func wrap(s string, err error) result { return result{s, err} }

func wrapL(l []string, err error) result { return result{l, err} }

func wrap3(a, b, c string, err error) result { return result{[]string{a, b, c}, err} }

func wrapB(b []byte, err error) result { return result{b, err} }
