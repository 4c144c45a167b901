package strops

import "strings"

// adjustIndices is CPython's ADJUST_INDICES for find-like methods: end is
// clamped to length, negative values count from the end; start is not
// clamped above.
func adjustIndices(start, end, length int) (int, int) {
	if end > length {
		end = length
	} else if end < 0 {
		end += length
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += length
		if start < 0 {
			start = 0
		}
	}
	return start, end
}

// SearchIndices is adjustIndices for callers that know the length in
// code points (an ASCII str's byte length) and search the text themselves.
func SearchIndices(start, end, length int) (int, int) { return adjustIndices(start, end, length) }

// window returns s's code points [start, end) after adjustIndices, the byte
// offset where it starts, the adjusted bounds, and whether s is ASCII.
// ok is false when the window is shorter than need code points.
func window(s string, start, end, need int) (w string, off, a, b int, ascii, ok bool) {
	ascii = IsASCII(s)
	n := len(s)
	if !ascii {
		n = Len(s)
	}
	a, b = adjustIndices(start, end, n)
	if b-a < need {
		return "", 0, a, b, ascii, false
	}
	w, off = substr(s, ascii, a, b)
	return w, off, a, b, ascii, true
}

// cpIndex converts the byte offset i of window w (starting at code point a)
// to a code point index in the whole string.
func cpIndex(w string, ascii bool, a, i int) int {
	if ascii {
		return a + i
	}
	return a + Len(w[:i])
}

// Find is str.find: the lowest code point index where sub occurs within
// s[start:end], or -1. Pass 0 and math.MaxInt for None bounds.
func Find(s, sub string, start, end int) int {
	w, _, a, _, ascii, ok := window(s, start, end, Len(sub))
	if !ok {
		return -1
	}
	i := strings.Index(w, sub)
	if i < 0 {
		return -1
	}
	return cpIndex(w, ascii, a, i)
}

// RFind is str.rfind.
func RFind(s, sub string, start, end int) int {
	w, _, a, _, ascii, ok := window(s, start, end, Len(sub))
	if !ok {
		return -1
	}
	i := strings.LastIndex(w, sub)
	if i < 0 {
		return -1
	}
	return cpIndex(w, ascii, a, i)
}

// Count is str.count: non-overlapping occurrences of sub in s[start:end].
func Count(s, sub string, start, end int) int {
	w, _, a, b, _, ok := window(s, start, end, Len(sub))
	if !ok {
		return 0
	}
	if sub == "" {
		return b - a + 1
	}
	return strings.Count(w, sub)
}

// StartsWith is str.startswith for one prefix (the runtime loops over a
// tuple).
func StartsWith(s, prefix string, start, end int) bool {
	return tailMatch(s, prefix, start, end, false)
}

// EndsWith is str.endswith for one suffix.
func EndsWith(s, suffix string, start, end int) bool {
	return tailMatch(s, suffix, start, end, true)
}

func tailMatch(s, sub string, start, end int, atEnd bool) bool {
	// CPython checks end-len(sub) < start before looking at the text, so
	// 'abc'.startswith('', 4) is False.
	w, _, _, _, _, ok := window(s, start, end, Len(sub))
	if !ok {
		return false
	}
	if atEnd {
		return strings.HasSuffix(w, sub)
	}
	return strings.HasPrefix(w, sub)
}

// Replace is str.replace: the first count occurrences of old (all when
// count < 0) replaced by new. An empty old matches before every code point
// and at the end.
func Replace(s, old, new string, count int) (string, error) {
	if count == 0 || len(old) > len(s) || old == new {
		return s, nil
	}
	if old != "" {
		n := strings.Count(s, old)
		if count >= 0 && n > count {
			n = count
		}
		if n == 0 {
			return s, nil
		}
		if err := tooBig(len(s) + n*(len(new)-len(old))); err != nil {
			return "", err
		}
		return strings.Replace(s, old, new, n), nil
	}
	cps := Len(s)
	n := cps + 1
	if count >= 0 && count < n {
		n = count
	}
	if n > 0 && len(new) > 0 && n > MaxResultBytes/len(new) {
		return "", &Error{"MemoryError", ""}
	}
	var b strings.Builder
	b.Grow(len(s) + n*len(new))
	i := 0
	for k := 0; k < n; k++ {
		b.WriteString(new)
		if i < len(s) {
			_, size := decodeRune(s[i:])
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	b.WriteString(s[i:])
	return b.String(), nil
}
