package xmlparse

import (
	"fmt"
	"strings"
	"testing"
)

// record parses doc in pieces of size n (0: whole) and returns the events
// with character data merged, or the error code and position.
func record(doc string, n int, ns bool) string {
	p := NewParser("", ns, "|")
	var out strings.Builder
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			fmt.Fprintf(&out, "T%q ", text.String())
			text.Reset()
		}
	}
	p.H.StartElement = func(name string, attrs []Attr, _ int) error {
		flush()
		fmt.Fprintf(&out, "S%s", name)
		for _, a := range attrs {
			fmt.Fprintf(&out, " %s=%q", a.Name, a.Value)
		}
		out.WriteString(" ")
		return nil
	}
	p.H.EndElement = func(name string) error {
		flush()
		fmt.Fprintf(&out, "E%s ", name)
		return nil
	}
	p.H.CharacterData = func(d []byte) error {
		text.Write(d)
		return nil
	}
	b := []byte(doc)
	var err error
	if n == 0 {
		err = p.Parse(b, true)
	} else {
		for i := 0; i < len(b) && err == nil; i += n {
			err = p.Parse(b[i:min(i+n, len(b))], false)
		}
		if err == nil {
			err = p.Parse(nil, true)
		}
	}
	flush()
	if err != nil {
		line, col, _ := p.Position()
		fmt.Fprintf(&out, "error %v at %d:%d", err, line, col)
	}
	return out.String()
}

func TestSplitInvariance(t *testing.T) {
	docs := []string{
		`<?xml version="1.0"?><r a="1&amp;2" b='x'>text &lt; &#233;<![CDATA[c]]d]]><x/>caf` + "\u00e9\U0001F600\r\n</r>",
		`<!DOCTYPE r [<!ENTITY e "<b>in</b> &#38;amp;"><!ATTLIST r d CDATA "dflt">]><r>&e;&e;</r>`,
		`<r xmlns="u" xmlns:p="v"><p:a p:x="1"/></r>`,
		`<a><b></a>`, `<a>&undefined;</a>`, `<a/><b/>`, `<a x="1" x="2"/>`, `<a`,
	}
	for _, doc := range docs {
		for _, ns := range []bool{false, true} {
			want := record(doc, 0, ns)
			for _, n := range []int{1, 2, 3, 7} {
				if got := record(doc, n, ns); got != want {
					t.Errorf("%q ns=%v pieces of %d:\n got %s\nwant %s", doc, ns, n, got, want)
				}
			}
		}
	}
}

func TestErrors(t *testing.T) {
	cases := map[string]string{
		`<a><b></a>`:       "Sa Sb error mismatched tag at 1:8",
		`<a x="1" x="2"/>`: "error duplicate attribute at 1:9",
		``:                 "error no element found at 1:0",
		`<a>&foo;</a>`:     "Sa error undefined entity at 1:3",
		`<a/>junk`:         "Sa Ea error junk after document element at 1:4",
	}
	for doc, want := range cases {
		if got := record(doc, 0, false); got != want {
			t.Errorf("%q: got %q, want %q", doc, got, want)
		}
	}
}

func TestAmplificationLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE l [<!ENTITY l0 "lol">`)
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, `<!ENTITY l%d "%s">`, i, strings.Repeat(fmt.Sprintf("&l%d;", i-1), 10))
	}
	b.WriteString(`]><l>&l9;</l>`)
	got := record(b.String(), 0, false)
	if !strings.Contains(got, "limit on input amplification factor") {
		t.Fatalf("billion laughs not stopped: %.200s", got)
	}
}
