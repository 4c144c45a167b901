package headertest

import (
	"fmt"
	"regexp"
	"strings"
)

// Markers around the generated list in docs/capi-headers.md.
const (
	DocBegin = "<!-- BEGIN GENERATED API LIST (capi/headertest) -->"
	DocEnd   = "<!-- END GENERATED API LIST -->"
)

var identRE = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// Identifiers returns the set of identifiers in preprocessed C text.
func Identifiers(text string) map[string]bool {
	set := map[string]bool{}
	for _, id := range identRE.FindAllString(text, -1) {
		set[id] = true
	}
	return set
}

var staticInlineRE = regexp.MustCompile(`static\s+inline\s+[^;{(]*?\b([A-Za-z_][A-Za-z0-9_]*)\s*\(`)

// StaticInlines returns the names of the static inline functions that
// preprocessed C text defines.
func StaticInlines(text string) map[string]bool {
	set := map[string]bool{}
	for _, m := range staticInlineRE.FindAllStringSubmatch(text, -1) {
		set[m[1]] = true
	}
	return set
}

// RenderDocList renders the generated part of docs/capi-headers.md. inRef
// tells which names CPython 3.11's headers know (as a function, datum or
// inline); the others are the 3.12/3.13 additions.
func RenderDocList(syms []Symbol, inRef map[string]bool) string {
	var b strings.Builder
	nf, nd, nnew := 0, 0, 0
	for _, s := range syms {
		if s.Kind == Func {
			nf++
		} else {
			nd++
		}
		if !inRef[s.Name] {
			nnew++
		}
	}
	b.WriteString(DocBegin + "\n\n")
	fmt.Fprintf(&b, "%d symbols: %d functions, %d data; %d are not in CPython 3.11's headers (marked *new*).\n\n",
		len(syms), nf, nd, nnew)
	b.WriteString("| symbol | kind | declaration |\n|---|---|---|\n")
	for _, s := range syms {
		name := "`" + s.Name + "`"
		if !inRef[s.Name] {
			name += " *new*"
		}
		proto := strings.ReplaceAll(StripAttributes(s.Proto), "|", `\|`)
		proto = strings.Join(strings.Fields(proto), " ")
		fmt.Fprintf(&b, "| %s | %s | `%s` |\n", name, s.Kind, proto)
	}
	b.WriteString("\n" + DocEnd)
	return b.String()
}

// ReplaceDocList puts list between the markers of doc.
func ReplaceDocList(doc, list string) (string, error) {
	i := strings.Index(doc, DocBegin)
	j := strings.Index(doc, DocEnd)
	if i < 0 || j < i {
		return "", fmt.Errorf("markers %q and %q not found in order", DocBegin, DocEnd)
	}
	return doc[:i] + list + doc[j+len(DocEnd):], nil
}
