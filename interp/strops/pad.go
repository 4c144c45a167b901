package strops

import "strings"

// Strip is str.strip() (no argument): Python whitespace removed from both
// ends.
func Strip(s string) string { return RStrip(LStrip(s)) }

// LStrip is str.lstrip().
func LStrip(s string) string {
	i := 0
	for i < len(s) {
		sp, n := spaceAt(s, i)
		if !sp {
			break
		}
		i += n
	}
	return s[i:]
}

// RStrip is str.rstrip().
func RStrip(s string) string {
	j := len(s)
	for j > 0 {
		sp, n := spaceBefore(s, j)
		if !sp {
			break
		}
		j -= n
	}
	return s[:j]
}

// charSet tests membership in the code points of chars.
func inChars(chars string, r rune) bool {
	if r < 0x80 {
		return strings.IndexByte(chars, byte(r)) >= 0
	}
	for i := 0; i < len(chars); {
		c, n := decodeRune(chars[i:])
		if c == r {
			return true
		}
		i += n
	}
	return false
}

// StripChars is str.strip(chars): the code points in chars removed from
// both ends.
func StripChars(s, chars string) string { return RStripChars(LStripChars(s, chars), chars) }

// LStripChars is str.lstrip(chars).
func LStripChars(s, chars string) string {
	i := 0
	for i < len(s) {
		r, n := decodeRune(s[i:])
		if !inChars(chars, r) {
			break
		}
		i += n
	}
	return s[i:]
}

// RStripChars is str.rstrip(chars).
func RStripChars(s, chars string) string {
	j := len(s)
	for j > 0 {
		r, n := decodeLastRune(s[:j])
		if !inChars(chars, r) {
			break
		}
		j -= n
	}
	return s[:j]
}

// pad returns s with left and right copies of fill around it.
func pad(s string, left, right int, fill rune) (string, error) {
	if left <= 0 && right <= 0 {
		return s, nil
	}
	left, right = max(left, 0), max(right, 0)
	fl := runeLen(fill)
	if left > MaxResultBytes/fl || right > MaxResultBytes/fl {
		return "", &Error{"MemoryError", ""}
	}
	if err := tooBig(len(s) + (left+right)*fl); err != nil {
		return "", err
	}
	var f [4]byte
	fs := string(AppendRune(f[:0], fill))
	var b strings.Builder
	b.Grow(len(s) + (left+right)*fl)
	for range left {
		b.WriteString(fs)
	}
	b.WriteString(s)
	for range right {
		b.WriteString(fs)
	}
	return b.String(), nil
}

// Center is str.center(width, fill); CPython puts the odd extra fill
// character on the left only when both the margin and width are odd.
func Center(s string, width int, fill rune) (string, error) {
	n := Len(s)
	if width <= n {
		return s, nil
	}
	marg := width - n
	left := marg/2 + (marg & width & 1)
	return pad(s, left, marg-left, fill)
}

// LJust is str.ljust(width, fill).
func LJust(s string, width int, fill rune) (string, error) {
	return pad(s, 0, width-Len(s), fill)
}

// RJust is str.rjust(width, fill).
func RJust(s string, width int, fill rune) (string, error) {
	return pad(s, width-Len(s), 0, fill)
}

// ZFill is str.zfill(width): zeros on the left, after a leading sign.
func ZFill(s string, width int) (string, error) {
	fill := width - Len(s)
	if fill <= 0 {
		return s, nil
	}
	p, err := pad(s, fill, 0, '0')
	if err != nil {
		return "", err
	}
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[:1] + p[:fill] + s[1:], nil
	}
	return p, nil
}

// ExpandTabs is str.expandtabs(tabsize): each tab becomes spaces up to the
// next multiple of tabsize (columns restart after \n and \r); with
// tabsize <= 0 tabs are removed.
func ExpandTabs(s string, tabsize int) (string, error) {
	if strings.IndexByte(s, '\t') < 0 {
		return s, nil
	}
	var b strings.Builder
	col := 0
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		switch {
		case r == '\t':
			if tabsize > 0 {
				incr := tabsize - col%tabsize
				if err := tooBig(b.Len() + incr); err != nil {
					return "", err
				}
				col += incr
				for range incr {
					b.WriteByte(' ')
				}
			}
		case r == '\n' || r == '\r':
			col = 0
			b.WriteByte(byte(r))
		default:
			col++
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String(), nil
}

// TranslateAction says what str.translate does with one code point.
type TranslateAction int

const (
	// TranslateKeep leaves the code point (the table raised LookupError).
	TranslateKeep TranslateAction = iota
	// TranslateDelete drops it (the table mapped it to None).
	TranslateDelete
	// TranslateReplace substitutes the returned string (an int mapping is
	// converted to a one-character string by the caller).
	TranslateReplace
)

// Translate is str.translate; lookup performs table[ord(c)] and its error,
// if any, is returned unchanged.
func Translate(s string, lookup func(r rune) (string, TranslateAction, error)) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		repl, act, err := lookup(r)
		if err != nil {
			return "", err
		}
		switch act {
		case TranslateKeep:
			b.WriteString(s[i : i+n])
		case TranslateReplace:
			b.WriteString(repl)
		}
		i += n
	}
	return b.String(), nil
}
