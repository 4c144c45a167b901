package sre

import (
	"sync"

	"freepy/interp/strops"
)

// Character predicates and case mappings with the meanings CPython's
// sre gives them: the ASCII variants look at code points below 128 only,
// the LOC variants assume the C locale (so they are ASCII too), the UNI
// variants follow str.isalnum/isdecimal/isspace and str.lower/upper.

func isASCIIDigit(c rune) bool { return c >= '0' && c <= '9' }

func isASCIISpace(c rune) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func isASCIIAlnum(c rune) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isASCIIWord(c rune) bool { return c < 128 && (isASCIIAlnum(c) || c == '_') }

// isLocWord is SRE_LOC_IS_WORD in the C locale.
func isLocWord(c rune) bool { return isASCIIWord(c) }

func isUniWord(c rune) bool { return c == '_' || strops.IsAlnumRune(c) }

// AsciiToLower is sre_lower_ascii (_sre.ascii_tolower).
func AsciiToLower(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func asciiToUpper(c rune) rune {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

// AsciiIsCased is _sre.ascii_iscased.
func AsciiIsCased(c rune) bool {
	return c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
}

// The Unicode mappings are the first code point of the full mapping, as
// CPython's _PyUnicode_ToLowercase/_PyUnicode_ToUppercase return; computing
// one goes through strops, so results are cached.
var lowerCache, upperCache sync.Map

func firstRune(s string, c rune) rune {
	for _, r := range strops.Runes(s) {
		return r
	}
	return c
}

// UnicodeToLower is sre_lower_unicode (_sre.unicode_tolower).
func UnicodeToLower(c rune) rune {
	if c < 128 {
		return AsciiToLower(c)
	}
	if v, ok := lowerCache.Load(c); ok {
		return v.(rune)
	}
	l := firstRune(strops.Lower(strops.Chr(c)), c)
	lowerCache.Store(c, l)
	return l
}

// unicodeToUpper is sre_upper_unicode.
func unicodeToUpper(c rune) rune {
	if c < 128 {
		return asciiToUpper(c)
	}
	if v, ok := upperCache.Load(c); ok {
		return v.(rune)
	}
	u := firstRune(strops.Upper(strops.Chr(c)), c)
	upperCache.Store(c, u)
	return u
}

// UnicodeIsCased is _sre.unicode_iscased.
func UnicodeIsCased(c rune) bool {
	return c != UnicodeToLower(c) || c != unicodeToUpper(c)
}

// The locale mappings of the C locale: only ASCII letters change case.
func locLower(c rune) rune {
	if c < 256 {
		return AsciiToLower(c)
	}
	return c
}

func locUpper(c rune) rune {
	if c < 256 {
		return asciiToUpper(c)
	}
	return c
}

// charLocIgnore is char_loc_ignore: pattern character p matches c.
func charLocIgnore(p uint32, c rune) bool {
	return uint32(c) == p || uint32(locLower(c)) == p || uint32(locUpper(c)) == p
}

// category is sre_category.
func category(cat uint32, c rune) bool {
	switch cat {
	case catDIGIT:
		return isASCIIDigit(c)
	case catNOT_DIGIT:
		return !isASCIIDigit(c)
	case catSPACE:
		return isASCIISpace(c)
	case catNOT_SPACE:
		return !isASCIISpace(c)
	case catWORD:
		return isASCIIWord(c)
	case catNOT_WORD:
		return !isASCIIWord(c)
	case catLINEBREAK:
		return c == '\n'
	case catNOT_LINEBREAK:
		return c != '\n'
	case catLOC_WORD:
		return isLocWord(c)
	case catLOC_NOT_WORD:
		return !isLocWord(c)
	case catUNI_DIGIT:
		return strops.IsDecimalRune(c)
	case catUNI_NOT_DIGIT:
		return !strops.IsDecimalRune(c)
	case catUNI_SPACE:
		return strops.IsSpaceRune(c)
	case catUNI_NOT_SPACE:
		return !strops.IsSpaceRune(c)
	case catUNI_WORD:
		return isUniWord(c)
	case catUNI_NOT_WORD:
		return !isUniWord(c)
	case catUNI_LINEBREAK:
		return strops.IsLineBreakRune(c)
	case catUNI_NOT_LINEBREAK:
		return !strops.IsLineBreakRune(c)
	}
	return false
}
