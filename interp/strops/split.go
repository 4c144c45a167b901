package strops

import "strings"

// Split is str.split(sep, maxsplit) with a given separator; maxsplit < 0
// means no limit. An empty sep is a ValueError.
func Split(s, sep string, maxsplit int) ([]string, error) {
	if sep == "" {
		return nil, errEmptySep
	}
	if maxsplit < 0 {
		return strings.Split(s, sep), nil
	}
	return strings.SplitN(s, sep, maxsplit+1), nil
}

// RSplit is str.rsplit(sep, maxsplit) with a given separator.
func RSplit(s, sep string, maxsplit int) ([]string, error) {
	if sep == "" {
		return nil, errEmptySep
	}
	var out []string
	j := len(s)
	for ; maxsplit != 0; maxsplit-- {
		pos := strings.LastIndex(s[:j], sep)
		if pos < 0 {
			break
		}
		out = append(out, s[pos+len(sep):j])
		j = pos
	}
	out = append(out, s[:j])
	reverse(out)
	return out, nil
}

func reverse(a []string) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// spaceAt reports whether a whitespace code point starts at byte i of s,
// and its size.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < 0x80 {
		return IsSpaceRune(rune(c)), 1
	}
	r, n := decodeRune(s[i:])
	return IsSpaceRune(r), n
}

func spaceBefore(s string, j int) (bool, int) {
	if c := s[j-1]; c < 0x80 {
		return IsSpaceRune(rune(c)), 1
	}
	r, n := decodeLastRune(s[:j])
	return IsSpaceRune(r), n
}

// SplitWhitespace is str.split(None, maxsplit): runs of whitespace separate
// fields and leading/trailing whitespace yields no empty fields; once
// maxsplit splits are made the rest, stripped on the left only, is the last
// field.
func SplitWhitespace(s string, maxsplit int) []string {
	var out []string
	i := 0
	for ; maxsplit != 0; maxsplit-- {
		for i < len(s) {
			sp, n := spaceAt(s, i)
			if !sp {
				break
			}
			i += n
		}
		if i == len(s) {
			return out
		}
		j := i
		for i < len(s) {
			sp, n := spaceAt(s, i)
			if sp {
				break
			}
			i += n
		}
		out = append(out, s[j:i])
	}
	for i < len(s) {
		sp, n := spaceAt(s, i)
		if !sp {
			return append(out, s[i:])
		}
		i += n
	}
	return out
}

// RSplitWhitespace is str.rsplit(None, maxsplit).
func RSplitWhitespace(s string, maxsplit int) []string {
	var out []string
	i := len(s)
	for ; maxsplit != 0; maxsplit-- {
		for i > 0 {
			sp, n := spaceBefore(s, i)
			if !sp {
				break
			}
			i -= n
		}
		if i == 0 {
			reverse(out)
			return out
		}
		j := i
		for i > 0 {
			sp, n := spaceBefore(s, i)
			if sp {
				break
			}
			i -= n
		}
		out = append(out, s[i:j])
	}
	for i > 0 {
		sp, n := spaceBefore(s, i)
		if !sp {
			out = append(out, s[:i])
			break
		}
		i -= n
	}
	reverse(out)
	return out
}

// Splitlines is str.splitlines: lines end at \n, \r, \r\n, \v, \f, \x1c,
// \x1d, \x1e, \x85, \u2028 and \u2029.
func Splitlines(s string, keepends bool) []string {
	var out []string
	i, j := 0, 0
	for i < len(s) {
		size := 0
		for i < len(s) {
			r, n := decodeRune(s[i:])
			if IsLineBreakRune(r) {
				size = n
				break
			}
			i += n
		}
		eol := i
		if i < len(s) {
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i += 2
			} else {
				i += size
			}
			if keepends {
				eol = i
			}
		}
		out = append(out, s[j:eol])
		j = i
	}
	return out
}

// Partition is str.partition.
func Partition(s, sep string) (string, string, string, error) {
	if sep == "" {
		return "", "", "", errEmptySep
	}
	i := strings.Index(s, sep)
	if i < 0 {
		return s, "", "", nil
	}
	return s[:i], sep, s[i+len(sep):], nil
}

// RPartition is str.rpartition.
func RPartition(s, sep string) (string, string, string, error) {
	if sep == "" {
		return "", "", "", errEmptySep
	}
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", "", s, nil
	}
	return s[:i], sep, s[i+len(sep):], nil
}
