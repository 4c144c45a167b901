package strops

import "sort"

// Property bits of propRecord.flags, as computed by mktables.go.
const (
	fAlpha         = 1 << iota // str.isalpha
	fDecimal                   // str.isdecimal (Nd)
	fDigit                     // str.isdigit (Numeric_Type Digit or Decimal)
	fNumeric                   // str.isnumeric
	fSpace                     // str.isspace
	fLower                     // Lowercase
	fUpper                     // Uppercase
	fTitle                     // general category Lt
	fCased                     // Cased
	fCaseIgnorable             // Case_Ignorable
	fPrintable                 // str.isprintable
	fXIDStart                  // XID_Start, or '_'
	fXIDContinue               // XID_Continue
	fHasCase                   // some full case mapping is not the identity
)

type propRecord struct {
	flags    uint16
	dec, dig int8
}

type caseEntry struct {
	cp                        rune
	lower, upper, title, fold string
}

// asciiFlags holds the flags of the ASCII characters so that the common case
// skips the two-level lookup.
var asciiFlags [128]uint16

func init() {
	for c := range asciiFlags {
		asciiFlags[c] = lookupRecord(rune(c)).flags
	}
}

func lookupRecord(r rune) *propRecord {
	if r < 0 || r > MaxRune {
		return &propRecords[0]
	}
	cp := int(r)
	hi := cp >> propShift
	var block int
	if propIndex1Wide {
		block = int(propIndex1[2*hi])<<8 | int(propIndex1[2*hi+1])
	} else {
		block = int(propIndex1[hi])
	}
	return &propRecords[propIndex2[block<<propShift|cp&(1<<propShift-1)]]
}

func flagsOf(r rune) uint16 {
	if r >= 0 && r < 128 {
		return asciiFlags[r]
	}
	return lookupRecord(r).flags
}

// IsAlphaRune reports whether r is alphabetic as str.isalpha sees it.
func IsAlphaRune(r rune) bool { return flagsOf(r)&fAlpha != 0 }

// IsDecimalRune reports whether r is a decimal digit (category Nd).
func IsDecimalRune(r rune) bool { return flagsOf(r)&fDecimal != 0 }

// IsDigitRune reports whether r is a digit as str.isdigit sees it.
func IsDigitRune(r rune) bool { return flagsOf(r)&fDigit != 0 }

// IsNumericRune reports whether r is numeric as str.isnumeric sees it.
func IsNumericRune(r rune) bool { return flagsOf(r)&fNumeric != 0 }

// IsAlnumRune reports whether r is alphanumeric as str.isalnum sees it.
func IsAlnumRune(r rune) bool {
	return flagsOf(r)&(fAlpha|fDecimal|fDigit|fNumeric) != 0
}

// IsSpaceRune reports whether r is whitespace as str.isspace and
// str.split() see it (including \x1c..\x1f, \x85, \u3000, ...).
func IsSpaceRune(r rune) bool {
	if r < 128 {
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	}
	return flagsOf(r)&fSpace != 0
}

// IsLowerRune reports whether r has the Lowercase property.
func IsLowerRune(r rune) bool { return flagsOf(r)&fLower != 0 }

// IsUpperRune reports whether r has the Uppercase property.
func IsUpperRune(r rune) bool { return flagsOf(r)&fUpper != 0 }

// IsTitleRune reports whether r is a titlecase letter (Lt).
func IsTitleRune(r rune) bool { return flagsOf(r)&fTitle != 0 }

// IsCasedRune reports whether r has the Cased property.
func IsCasedRune(r rune) bool { return flagsOf(r)&fCased != 0 }

// IsCaseIgnorableRune reports whether r has the Case_Ignorable property.
func IsCaseIgnorableRune(r rune) bool { return flagsOf(r)&fCaseIgnorable != 0 }

// IsPrintableRune reports whether repr() keeps r as it is (str.isprintable).
func IsPrintableRune(r rune) bool { return flagsOf(r)&fPrintable != 0 }

// IsXIDStartRune reports whether r may start an identifier ('_' included).
func IsXIDStartRune(r rune) bool { return flagsOf(r)&fXIDStart != 0 }

// IsXIDContinueRune reports whether r may continue an identifier.
func IsXIDContinueRune(r rune) bool { return flagsOf(r)&fXIDContinue != 0 }

// IsLineBreakRune reports whether str.splitlines splits at r.
func IsLineBreakRune(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// DecimalValue returns the value of a decimal digit (unicodedata.decimal),
// or -1. int() and float() accept any such digit.
func DecimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	return int(lookupRecord(r).dec)
}

// DigitValue returns unicodedata.digit(r), or -1.
func DigitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	return int(lookupRecord(r).dig)
}

// caseOf returns the case mappings of r, or nil when they are all identity.
func caseOf(r rune) *caseEntry {
	if flagsOf(r)&fHasCase == 0 {
		return nil
	}
	i := sort.Search(len(caseTable), func(i int) bool { return caseTable[i].cp >= r })
	if i < len(caseTable) && caseTable[i].cp == r {
		return &caseTable[i]
	}
	return nil
}

// allRunes reports whether s is non-empty and pred holds for every code point.
func allRunes(s string, pred func(rune) bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		if !pred(r) {
			return false
		}
		i += n
	}
	return true
}

// IsAlpha is str.isalpha.
func IsAlpha(s string) bool { return allRunes(s, IsAlphaRune) }

// IsAlnum is str.isalnum.
func IsAlnum(s string) bool { return allRunes(s, IsAlnumRune) }

// IsDecimal is str.isdecimal.
func IsDecimal(s string) bool { return allRunes(s, IsDecimalRune) }

// IsDigit is str.isdigit.
func IsDigit(s string) bool { return allRunes(s, IsDigitRune) }

// IsNumeric is str.isnumeric.
func IsNumeric(s string) bool { return allRunes(s, IsNumericRune) }

// IsSpace is str.isspace.
func IsSpace(s string) bool { return allRunes(s, IsSpaceRune) }

// IsPrintable is str.isprintable; the empty string is printable.
func IsPrintable(s string) bool { return s == "" || allRunes(s, IsPrintableRune) }

// IsLower is str.islower: some cased character and none upper or title.
func IsLower(s string) bool {
	cased := false
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		f := flagsOf(r)
		if f&(fUpper|fTitle) != 0 {
			return false
		}
		if f&fLower != 0 {
			cased = true
		}
		i += n
	}
	return cased
}

// IsUpper is str.isupper: some cased character and none lower or title.
func IsUpper(s string) bool {
	cased := false
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		f := flagsOf(r)
		if f&(fLower|fTitle) != 0 {
			return false
		}
		if f&fUpper != 0 {
			cased = true
		}
		i += n
	}
	return cased
}

// IsTitle is str.istitle: upper/title characters only after uncased ones,
// lowercase ones only after cased ones, and at least one cased character.
func IsTitle(s string) bool {
	cased, prevCased := false, false
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		f := flagsOf(r)
		switch {
		case f&(fUpper|fTitle) != 0:
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case f&fLower != 0:
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
		i += n
	}
	return cased
}

// IsIdentifier is str.isidentifier (no keyword check).
func IsIdentifier(s string) bool {
	if s == "" {
		return false
	}
	r, n := decodeRune(s)
	if !IsXIDStartRune(r) {
		return false
	}
	for i := n; i < len(s); {
		r, n := decodeRune(s[i:])
		if !IsXIDContinueRune(r) {
			return false
		}
		i += n
	}
	return true
}
