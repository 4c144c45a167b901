package strops

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// ASCII strings are the common case: the hinted accessors must not
// allocate (beyond a result that is not a substring).
func TestASCIIFastPathsDoNotAllocate(t *testing.T) {
	s := strings.Repeat("hello world ", 100)
	var sink int
	var ssink string
	checks := map[string]func(){
		"Len":       func() { sink += Len(s) },
		"IsASCII":   func() { sink += len(s) * boolInt(IsASCII(s)) },
		"IndexHint": func() { sink += int(IndexHint(s, 777, true)) },
		"SliceHint": func() { ssink = SliceHint(s, 10, 500, 1, true) },
		"Slice":     func() { ssink = Slice(s, 10, 500, 1) },
		"Find":      func() { sink += Find(s, "world", 100, math.MaxInt) },
		"Count":     func() { sink += Count(s, "o", 0, math.MaxInt) },
		"Lower":     func() { ssink = Lower(s) }, // already lowercase: returned as is
		"Chr":       func() { ssink = Chr('x') },
	}
	for name, f := range checks {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %.0f times per call", name, n)
		}
	}
	_, _ = sink, ssink
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestSurrogateRepresentation(t *testing.T) {
	// '\ud83d\ude00' stays two code points, distinct from '\U0001f600'.
	pair := FromRunes([]rune{0xD83D, 0xDE00})
	if Len(pair) != 2 || pair == "\U0001F600" || len(pair) != 6 {
		t.Fatalf("surrogate pair %q: Len %d", pair, Len(pair))
	}
	if got := Runes(pair); got[0] != 0xD83D || got[1] != 0xDE00 {
		t.Errorf("Runes = %x", got)
	}
	if Index(pair, 1) != 0xDE00 || Slice(pair, 1, 2, 1) != Chr(0xDE00) {
		t.Errorf("Index/Slice on surrogates")
	}
	if Repr(pair) != `'\ud83d\ude00'` {
		t.Errorf("Repr = %s", Repr(pair))
	}
}

// FuzzSurrogateEscapeRoundTrip checks PEP 383's promise on arbitrary
// bytes, and that the resulting str is consistent under the accessors.
func FuzzSurrogateEscapeRoundTrip(f *testing.F) {
	for _, b := range decodeInputs {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode(b, "utf-8", "surrogateescape")
		if err != nil {
			t.Fatal(err)
		}
		back, err := Encode(s, "utf-8", "surrogateescape")
		if err != nil || !bytes.Equal(back, b) {
			t.Fatalf("round trip of %x: %x, %v", b, back, err)
		}
		rs := Runes(s)
		if len(rs) != Len(s) || FromRunes(rs) != s {
			t.Fatalf("Runes/Len/FromRunes disagree on %q", s)
		}
		for i, r := range rs {
			if Index(s, i) != r {
				t.Fatalf("Index(%q, %d) = %x, want %x", s, i, Index(s, i), r)
			}
		}
		if n := len(rs); n > 1 && Slice(s, 1, n-1, 1) != FromRunes(rs[1:n-1]) {
			t.Fatalf("Slice mismatch on %q", s)
		}
		for _, enc := range []string{"utf-16", "utf-32-be"} {
			e, err := Encode(s, enc, "surrogatepass")
			if err != nil {
				t.Fatal(err)
			}
			d, err := Decode(e, enc, "surrogatepass")
			if err != nil || d != s {
				// A high surrogate followed by a low one is joined by
				// UTF-16 decoding, as in CPython; only check utf-32.
				if enc == "utf-32-be" {
					t.Fatalf("%s round trip of %q: %q, %v", enc, s, d, err)
				}
			}
		}
	})
}

func BenchmarkLenASCII(b *testing.B) {
	s := strings.Repeat("hello world ", 100)
	for b.Loop() {
		Len(s)
	}
}

func BenchmarkLenNonASCII(b *testing.B) {
	s := strings.Repeat("héllo wörld ", 100)
	for b.Loop() {
		Len(s)
	}
}

func BenchmarkUpperNonASCII(b *testing.B) {
	s := strings.Repeat("héllo wörld straße ", 50)
	for b.Loop() {
		Upper(s)
	}
}

func BenchmarkFindNonASCII(b *testing.B) {
	s := strings.Repeat("héllo wörld ", 100) + "needle"
	for b.Loop() {
		Find(s, "needle", 0, math.MaxInt)
	}
}

func BenchmarkDecodeUTF8(b *testing.B) {
	p := []byte(strings.Repeat("héllo wörld ", 100))
	for b.Loop() {
		_, _ = Decode(p, "utf-8", "strict")
	}
}

func TestSliceExtremes(t *testing.T) {
	s := "abcdé"
	for _, c := range []struct {
		start, stop, step int
		want              string
	}{
		{math.MaxInt, math.MinInt, math.MinInt, "é"},
		{math.MinInt, math.MaxInt, math.MaxInt, "a"},
		{0, math.MaxInt, 0, ""},
		{-1, math.MinInt, -1, "édcba"},
		{3, 1, -1, "dc"},
	} {
		if got := Slice(s, c.start, c.stop, c.step); got != c.want {
			t.Errorf("Slice(%q, %d, %d, %d) = %q, want %q", s, c.start, c.stop, c.step, got, c.want)
		}
	}
}
