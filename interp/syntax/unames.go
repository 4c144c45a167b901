package syntax

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"io"
	"strconv"
	"strings"
	"sync"
)

// unicodeNames holds common names as CPython's unicodedata.lookup
// resolves them, including aliases (NULL, LINE FEED, BYTE ORDER MARK...)
// that the main table (character names only) lacks.
var unicodeNames = map[string]rune{
	"NULL":                        0x0000,
	"SPACE":                       0x0020,
	"NO-BREAK SPACE":              0x00A0,
	"EN SPACE":                    0x2002,
	"EM SPACE":                    0x2003,
	"THIN SPACE":                  0x2009,
	"ZERO WIDTH SPACE":            0x200B,
	"ZERO WIDTH NON-JOINER":       0x200C,
	"ZERO WIDTH JOINER":           0x200D,
	"ZERO WIDTH NO-BREAK SPACE":   0xFEFF,
	"BYTE ORDER MARK":             0xFEFF,
	"LINE SEPARATOR":              0x2028,
	"PARAGRAPH SEPARATOR":         0x2029,
	"IDEOGRAPHIC SPACE":           0x3000,
	"SOFT HYPHEN":                 0x00AD,
	"HYPHEN":                      0x2010,
	"NON-BREAKING HYPHEN":         0x2011,
	"EN DASH":                     0x2013,
	"EM DASH":                     0x2014,
	"HORIZONTAL ELLIPSIS":         0x2026,
	"BULLET":                      0x2022,
	"MIDDLE DOT":                  0x00B7,
	"DEGREE SIGN":                 0x00B0,
	"MICRO SIGN":                  0x00B5,
	"PLUS-MINUS SIGN":             0x00B1,
	"MULTIPLICATION SIGN":         0x00D7,
	"DIVISION SIGN":               0x00F7,
	"MINUS SIGN":                  0x2212,
	"COPYRIGHT SIGN":              0x00A9,
	"REGISTERED SIGN":             0x00AE,
	"TRADE MARK SIGN":             0x2122,
	"SECTION SIGN":                0x00A7,
	"PILCROW SIGN":                0x00B6,
	"EURO SIGN":                   0x20AC,
	"POUND SIGN":                  0x00A3,
	"YEN SIGN":                    0x00A5,
	"CENT SIGN":                   0x00A2,
	"DOLLAR SIGN":                 0x0024,
	"LEFT SINGLE QUOTATION MARK":  0x2018,
	"RIGHT SINGLE QUOTATION MARK": 0x2019,
	"LEFT DOUBLE QUOTATION MARK":  0x201C,
	"RIGHT DOUBLE QUOTATION MARK": 0x201D,
	"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK":  0x00AB,
	"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK": 0x00BB,
	"APOSTROPHE":                            0x0027,
	"QUOTATION MARK":                        0x0022,
	"REVERSE SOLIDUS":                       0x005C,
	"SOLIDUS":                               0x002F,
	"FULL STOP":                             0x002E,
	"COMMA":                                 0x002C,
	"COLON":                                 0x003A,
	"SEMICOLON":                             0x003B,
	"HYPHEN-MINUS":                          0x002D,
	"LOW LINE":                              0x005F,
	"NUMBER SIGN":                           0x0023,
	"PERCENT SIGN":                          0x0025,
	"AMPERSAND":                             0x0026,
	"ASTERISK":                              0x002A,
	"COMMERCIAL AT":                         0x0040,
	"TILDE":                                 0x007E,
	"GRAVE ACCENT":                          0x0060,
	"CIRCUMFLEX ACCENT":                     0x005E,
	"VERTICAL LINE":                         0x007C,
	"LEFTWARDS ARROW":                       0x2190,
	"RIGHTWARDS ARROW":                      0x2192,
	"UPWARDS ARROW":                         0x2191,
	"DOWNWARDS ARROW":                       0x2193,
	"CHECK MARK":                            0x2713,
	"HEAVY CHECK MARK":                      0x2714,
	"BALLOT X":                              0x2717,
	"INFINITY":                              0x221E,
	"GREEK SMALL LETTER ALPHA":              0x03B1,
	"GREEK SMALL LETTER BETA":               0x03B2,
	"GREEK SMALL LETTER GAMMA":              0x03B3,
	"GREEK SMALL LETTER DELTA":              0x03B4,
	"GREEK SMALL LETTER EPSILON":            0x03B5,
	"GREEK SMALL LETTER LAMDA":              0x03BB,
	"GREEK SMALL LETTER MU":                 0x03BC,
	"GREEK SMALL LETTER PI":                 0x03C0,
	"GREEK SMALL LETTER SIGMA":              0x03C3,
	"GREEK SMALL LETTER OMEGA":              0x03C9,
	"GREEK CAPITAL LETTER DELTA":            0x0394,
	"GREEK CAPITAL LETTER SIGMA":            0x03A3,
	"GREEK CAPITAL LETTER OMEGA":            0x03A9,
	"LATIN SMALL LETTER SHARP S":            0x00DF,
	"LATIN SMALL LETTER E WITH ACUTE":       0x00E9,
	"LATIN SMALL LETTER A WITH GRAVE":       0x00E0,
	"LATIN SMALL LETTER U WITH DIAERESIS":   0x00FC,
	"LATIN SMALL LETTER O WITH DIAERESIS":   0x00F6,
	"LATIN SMALL LETTER A WITH DIAERESIS":   0x00E4,
	"LATIN CAPITAL LETTER A WITH DIAERESIS": 0x00C4,
	"LATIN CAPITAL LETTER O WITH DIAERESIS": 0x00D6,
	"LATIN CAPITAL LETTER U WITH DIAERESIS": 0x00DC,
	"LATIN SMALL LETTER N WITH TILDE":       0x00F1,
	"LATIN SMALL LETTER C WITH CEDILLA":     0x00E7,
	"LATIN SMALL LETTER DOTLESS I":          0x0131,
	"LATIN CAPITAL LETTER I WITH DOT ABOVE": 0x0130,
	"COMBINING ACUTE ACCENT":                0x0301,
	"COMBINING GRAVE ACCENT":                0x0300,
	"COMBINING DIAERESIS":                   0x0308,
	"REPLACEMENT CHARACTER":                 0xFFFD,
	"OBJECT REPLACEMENT CHARACTER":          0xFFFC,
	"SNOWMAN":                               0x2603,
	"BLACK STAR":                            0x2605,
	"WHITE STAR":                            0x2606,
	"HEAVY BLACK HEART":                     0x2764,
	"GRINNING FACE":                         0x1F600,
	"SMILING FACE WITH SMILING EYES":        0x1F60A,
	"THUMBS UP SIGN":                        0x1F44D,
	"PILE OF POO":                           0x1F4A9,
	"FACE WITH TEARS OF JOY":                0x1F602,
	"CHARACTER TABULATION":                  0x0009,
	"LINE FEED":                             0x000A,
	"CARRIAGE RETURN":                       0x000D,
	"ESCAPE":                                0x001B,
	"DELETE":                                0x007F,
	"BELL":                                  0x1F514,
	"BACKSPACE":                             0x0008,
	"FORM FEED":                             0x000C,
	"LINE TABULATION":                       0x000B,
	"EMPTY SET":                             0x2205,
	"ELEMENT OF":                            0x2208,
	"N-ARY SUMMATION":                       0x2211,
	"SQUARE ROOT":                           0x221A,
	"NOT EQUAL TO":                          0x2260,
	"LESS-THAN OR EQUAL TO":                 0x2264,
	"GREATER-THAN OR EQUAL TO":              0x2265,
	"ALMOST EQUAL TO":                       0x2248,
	"IDENTICAL TO":                          0x2261,
	"BOX DRAWINGS LIGHT HORIZONTAL":         0x2500,
	"BOX DRAWINGS LIGHT VERTICAL":           0x2502,
	"FULL BLOCK":                            0x2588,
	"BLACK SQUARE":                          0x25A0,
	"WHITE SQUARE":                          0x25A1,
	"BLACK CIRCLE":                          0x25CF,
	"WHITE CIRCLE":                          0x25CB,
	"DAGGER":                                0x2020,
	"DOUBLE DAGGER":                         0x2021,
	"PER MILLE SIGN":                        0x2030,
	"PRIME":                                 0x2032,
	"DOUBLE PRIME":                          0x2033,
	"VULGAR FRACTION ONE HALF":              0x00BD,
	"VULGAR FRACTION ONE QUARTER":           0x00BC,
	"SUPERSCRIPT TWO":                       0x00B2,
	"SUPERSCRIPT THREE":                     0x00B3,
	"INVERTED QUESTION MARK":                0x00BF,
	"INVERTED EXCLAMATION MARK":             0x00A1,
	"SNAKE":                                 0x1F40D,
	"ROCKET":                                0x1F680,
	"FIRE":                                  0x1F525,
	"SPARKLES":                              0x2728,
	"WARNING SIGN":                          0x26A0,
	"CROSS MARK":                            0x274C,
	"HOURGLASS":                             0x231B,
	"WHITE HEAVY CHECK MARK":                0x2705,
	"DIGIT ZERO":                            0x0030,
	"DIGIT ONE":                             0x0031,
	"CJK UNIFIED IDEOGRAPH-4E00":            0x4E00,
	"HIRAGANA LETTER A":                     0x3042,
	"KATAKANA LETTER A":                     0x30A2,
	"CYRILLIC SMALL LETTER A":               0x0430,
	"CYRILLIC CAPITAL LETTER A":             0x0410,
	"HEBREW LETTER ALEF":                    0x05D0,
	"ARABIC LETTER ALEF":                    0x0627,
	"DEVANAGARI LETTER A":                   0x0905,
	"EMOJI MODIFIER FITZPATRICK TYPE-1-2":   0x1F3FB,
	"VARIATION SELECTOR-16":                 0xFE0F,
	"REGIONAL INDICATOR SYMBOL LETTER A":    0x1F1E6,
	"ANGSTROM SIGN":                         0x212B,
	"OHM SIGN":                              0x2126,
	"KELVIN SIGN":                           0x212A,
	"ROMAN NUMERAL ONE":                     0x2160,
	"FEMININE ORDINAL INDICATOR":            0x00AA,
	"MASCULINE ORDINAL INDICATOR":           0x00BA,
	"ACUTE ACCENT":                          0x00B4,
	"DIAERESIS":                             0x00A8,
	"MACRON":                                0x00AF,
	"CEDILLA":                               0x00B8,
	"NOT SIGN":                              0x00AC,
	"BROKEN BAR":                            0x00A6,
	"CURRENCY SIGN":                         0x00A4,
	"EM QUAD":                               0x2001,
	"EN QUAD":                               0x2000,
	"FIGURE SPACE":                          0x2007,
	"PUNCTUATION SPACE":                     0x2008,
	"HAIR SPACE":                            0x200A,
	"NARROW NO-BREAK SPACE":                 0x202F,
	"MEDIUM MATHEMATICAL SPACE":             0x205F,
	"WORD JOINER":                           0x2060,
	"LEFT-TO-RIGHT MARK":                    0x200E,
	"RIGHT-TO-LEFT MARK":                    0x200F,
	"NEXT LINE":                             0x0085,
	"INFORMATION SEPARATOR ONE":             0x001F,
	"DOUBLE LOW-9 QUOTATION MARK":           0x201E,
	"SINGLE LOW-9 QUOTATION MARK":           0x201A,
	"FRACTION SLASH":                        0x2044,
	"BLACK RIGHT-POINTING TRIANGLE":         0x25B6,
	"BLACK DOWN-POINTING TRIANGLE":          0x25BC,
	"LATIN SMALL LETTER A":                  0x0061,
	"LATIN CAPITAL LETTER A":                0x0041,
	"LATIN SMALL LETTER B":                  0x0062,
	"LATIN CAPITAL LETTER B":                0x0042,
	"LATIN SMALL LETTER C":                  0x0063,
	"LATIN CAPITAL LETTER C":                0x0043,
	"LATIN SMALL LETTER D":                  0x0064,
	"LATIN CAPITAL LETTER D":                0x0044,
	"LATIN SMALL LETTER E":                  0x0065,
	"LATIN CAPITAL LETTER E":                0x0045,
	"LATIN SMALL LETTER F":                  0x0066,
	"LATIN CAPITAL LETTER F":                0x0046,
	"LATIN SMALL LETTER G":                  0x0067,
	"LATIN CAPITAL LETTER G":                0x0047,
	"LATIN SMALL LETTER H":                  0x0068,
	"LATIN CAPITAL LETTER H":                0x0048,
	"LATIN SMALL LETTER I":                  0x0069,
	"LATIN CAPITAL LETTER I":                0x0049,
	"LATIN SMALL LETTER J":                  0x006A,
	"LATIN CAPITAL LETTER J":                0x004A,
	"LATIN SMALL LETTER K":                  0x006B,
	"LATIN CAPITAL LETTER K":                0x004B,
	"LATIN SMALL LETTER L":                  0x006C,
	"LATIN CAPITAL LETTER L":                0x004C,
	"LATIN SMALL LETTER M":                  0x006D,
	"LATIN CAPITAL LETTER M":                0x004D,
	"LATIN SMALL LETTER N":                  0x006E,
	"LATIN CAPITAL LETTER N":                0x004E,
	"LATIN SMALL LETTER O":                  0x006F,
	"LATIN CAPITAL LETTER O":                0x004F,
	"LATIN SMALL LETTER P":                  0x0070,
	"LATIN CAPITAL LETTER P":                0x0050,
	"LATIN SMALL LETTER Q":                  0x0071,
	"LATIN CAPITAL LETTER Q":                0x0051,
	"LATIN SMALL LETTER R":                  0x0072,
	"LATIN CAPITAL LETTER R":                0x0052,
	"LATIN SMALL LETTER S":                  0x0073,
	"LATIN CAPITAL LETTER S":                0x0053,
	"LATIN SMALL LETTER T":                  0x0074,
	"LATIN CAPITAL LETTER T":                0x0054,
	"LATIN SMALL LETTER U":                  0x0075,
	"LATIN CAPITAL LETTER U":                0x0055,
	"LATIN SMALL LETTER V":                  0x0076,
	"LATIN CAPITAL LETTER V":                0x0056,
	"LATIN SMALL LETTER W":                  0x0077,
	"LATIN CAPITAL LETTER W":                0x0057,
	"LATIN SMALL LETTER X":                  0x0078,
	"LATIN CAPITAL LETTER X":                0x0058,
	"LATIN SMALL LETTER Y":                  0x0079,
	"LATIN CAPITAL LETTER Y":                0x0059,
	"LATIN SMALL LETTER Z":                  0x007A,
	"LATIN CAPITAL LETTER Z":                0x005A,
}

// unicodeNamesZ is the Unicode character name table (see
// gen_unicodenames.py): zlib-compressed "hex;NAME" lines.
//
//go:embed unicodenames.z
var unicodeNamesZ []byte

var (
	namesOnce  sync.Once
	nameToRune map[string]rune
	runeToName map[rune]string
)

// Hangul syllable names are composed from these jamo short names.
var (
	jamoL = strings.Split("G GG N D DD R M B BB S SS  J JJ C K T P H", " ")
	jamoV = strings.Split("A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I", " ")
	jamoT = strings.Split(" G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H", " ")
)

func loadNames() {
	r, err := zlib.NewReader(bytes.NewReader(unicodeNamesZ))
	if err != nil {
		return
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return
	}
	nameToRune = make(map[string]rune, 45000)
	runeToName = make(map[rune]string, 45000)
	for _, line := range strings.Split(string(data), "\n") {
		hex, name, ok := strings.Cut(line, ";")
		if !ok {
			continue
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil {
			continue
		}
		nameToRune[name] = rune(v)
		runeToName[rune(v)] = name
	}
	for s := rune(0); s < 11172; s++ {
		name := "HANGUL SYLLABLE " + jamoL[s/(21*28)] + jamoV[s%(21*28)/28] + jamoT[s%28]
		nameToRune[name] = 0xAC00 + s
		runeToName[0xAC00+s] = name
	}
}

// LookupUnicodeName resolves a character name as CPython's
// unicodedata.lookup and "\N{...}" escapes do (case-insensitively, with
// the common aliases). The name database is loaded on first use.
func LookupUnicodeName(name string) (rune, bool) {
	up := strings.ToUpper(name)
	for _, a := range algorithmicNames {
		if h, ok := strings.CutPrefix(up, a.prefix); ok {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil || len(h) < 4 || len(h) > 5 {
				return 0, false
			}
			for _, r := range a.ranges {
				if rune(v) >= r[0] && rune(v) <= r[1] {
					return rune(v), true
				}
			}
			return 0, false
		}
	}
	namesOnce.Do(loadNames)
	if r, ok := nameToRune[up]; ok {
		return r, true
	}
	r, ok := unicodeNames[up]
	return r, ok
}

// UnicodeName returns a character's name, as CPython's unicodedata.name.
func UnicodeName(r rune) (string, bool) {
	for _, a := range algorithmicNames {
		for _, rg := range a.ranges {
			if r >= rg[0] && r <= rg[1] {
				return a.prefix + strings.ToUpper(strconv.FormatInt(int64(r), 16)), true
			}
		}
	}
	namesOnce.Do(loadNames)
	n, ok := runeToName[r]
	return n, ok
}

func lookupUnicodeName(name string) (rune, bool) { return LookupUnicodeName(name) }
