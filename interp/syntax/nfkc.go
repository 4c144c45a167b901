package syntax

import (
	"unicode/utf8"

	"freepy/interp/strops"
)

// NFKC returns s in Unicode normalisation form KC, as CPython's
// unicodedata.normalize("NFKC", s): CPython normalises non-ASCII
// identifiers so (PEP 3131), so that "µ" (MICRO SIGN) and "μ" (GREEK SMALL
// LETTER MU), or fullwidth and ASCII letters, name the same variable.
func NFKC(s string) string { return strops.UnicodeDB(false).Normalize("NFKC", s) }

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
