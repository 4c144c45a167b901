package strops

import "bytes"

// The bytes (and bytearray) methods: byte indices and ASCII-only character
// semantics, as in CPython's bytes_methods.c. Results never alias their
// arguments, so they are safe to keep even when an argument is a
// bytearray that changes later.

func clone(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return append([]byte{}, b...)
}

// IsSpaceByte reports whether c is ASCII whitespace as bytes methods see
// it: space, \t, \n, \v, \f, \r (not \x1c..\x1f, unlike str).
func IsSpaceByte(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func isLowerByte(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }
func isAlphaByte(c byte) bool { return isLowerByte(c) || isUpperByte(c) }
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func toLowerByte(c byte) byte {
	if isUpperByte(c) {
		return c + 32
	}
	return c
}

func toUpperByte(c byte) byte {
	if isLowerByte(c) {
		return c - 32
	}
	return c
}

func bwindow(b []byte, start, end, need int) ([]byte, int, int, bool) {
	a, e := adjustIndices(start, end, len(b))
	if e-a < need {
		return nil, a, e, false
	}
	return b[a:e], a, e, true
}

// BFind is bytes.find (a single int argument is passed as a 1-byte sub).
func BFind(b, sub []byte, start, end int) int {
	w, a, _, ok := bwindow(b, start, end, len(sub))
	if !ok {
		return -1
	}
	if i := bytes.Index(w, sub); i >= 0 {
		return a + i
	}
	return -1
}

// BRFind is bytes.rfind.
func BRFind(b, sub []byte, start, end int) int {
	w, a, _, ok := bwindow(b, start, end, len(sub))
	if !ok {
		return -1
	}
	if i := bytes.LastIndex(w, sub); i >= 0 {
		return a + i
	}
	return -1
}

// BCount is bytes.count.
func BCount(b, sub []byte, start, end int) int {
	w, a, e, ok := bwindow(b, start, end, len(sub))
	if !ok {
		return 0
	}
	if len(sub) == 0 {
		return e - a + 1
	}
	return bytes.Count(w, sub)
}

// BStartsWith is bytes.startswith for one prefix.
func BStartsWith(b, prefix []byte, start, end int) bool {
	w, _, _, ok := bwindow(b, start, end, len(prefix))
	return ok && bytes.HasPrefix(w, prefix)
}

// BEndsWith is bytes.endswith for one suffix.
func BEndsWith(b, suffix []byte, start, end int) bool {
	w, _, _, ok := bwindow(b, start, end, len(suffix))
	return ok && bytes.HasSuffix(w, suffix)
}

// BReplace is bytes.replace; an empty old matches before every byte and at
// the end.
func BReplace(b, old, new []byte, count int) ([]byte, error) {
	if count == 0 || len(old) > len(b) {
		return clone(b), nil
	}
	n := 0
	if len(old) == 0 {
		n = len(b) + 1
	} else {
		n = bytes.Count(b, old)
	}
	if count >= 0 && n > count {
		n = count
	}
	if len(new) > len(old) && n > MaxResultBytes/(len(new)-len(old)) {
		return nil, &Error{"MemoryError", ""}
	}
	if len(old) > 0 {
		return clone(bytes.Replace(b, old, new, n)), nil
	}
	// bytes.Replace would match an empty old between UTF-8 sequences;
	// Python matches between bytes.
	out := make([]byte, 0, len(b)+n*len(new))
	for i := 0; i < n; i++ {
		out = append(out, new...)
		if i < len(b) {
			out = append(out, b[i])
		}
	}
	if n <= len(b) {
		out = append(out, b[n:]...)
	}
	return out, nil
}

func cloneAll(parts [][]byte) [][]byte {
	for i, p := range parts {
		parts[i] = clone(p)
	}
	return parts
}

// BSplit is bytes.split(sep, maxsplit) with a given separator.
func BSplit(b, sep []byte, maxsplit int) ([][]byte, error) {
	if len(sep) == 0 {
		return nil, errEmptySep
	}
	if maxsplit < 0 {
		return cloneAll(bytes.Split(b, sep)), nil
	}
	return cloneAll(bytes.SplitN(b, sep, maxsplit+1)), nil
}

// BRSplit is bytes.rsplit(sep, maxsplit) with a given separator.
func BRSplit(b, sep []byte, maxsplit int) ([][]byte, error) {
	if len(sep) == 0 {
		return nil, errEmptySep
	}
	var out [][]byte
	j := len(b)
	for ; maxsplit != 0; maxsplit-- {
		pos := bytes.LastIndex(b[:j], sep)
		if pos < 0 {
			break
		}
		out = append(out, clone(b[pos+len(sep):j]))
		j = pos
	}
	out = append(out, clone(b[:j]))
	reverseB(out)
	return out, nil
}

func reverseB(a [][]byte) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// BSplitWhitespace is bytes.split(None, maxsplit).
func BSplitWhitespace(b []byte, maxsplit int) [][]byte {
	out := [][]byte{}
	i := 0
	for ; maxsplit != 0; maxsplit-- {
		for i < len(b) && IsSpaceByte(b[i]) {
			i++
		}
		if i == len(b) {
			return out
		}
		j := i
		for i < len(b) && !IsSpaceByte(b[i]) {
			i++
		}
		out = append(out, clone(b[j:i]))
	}
	for i < len(b) && IsSpaceByte(b[i]) {
		i++
	}
	if i < len(b) {
		out = append(out, clone(b[i:]))
	}
	return out
}

// BRSplitWhitespace is bytes.rsplit(None, maxsplit).
func BRSplitWhitespace(b []byte, maxsplit int) [][]byte {
	out := [][]byte{}
	i := len(b)
	for ; maxsplit != 0; maxsplit-- {
		for i > 0 && IsSpaceByte(b[i-1]) {
			i--
		}
		if i == 0 {
			reverseB(out)
			return out
		}
		j := i
		for i > 0 && !IsSpaceByte(b[i-1]) {
			i--
		}
		out = append(out, clone(b[i:j]))
	}
	for i > 0 && IsSpaceByte(b[i-1]) {
		i--
	}
	if i > 0 {
		out = append(out, clone(b[:i]))
	}
	reverseB(out)
	return out
}

// BSplitlines is bytes.splitlines: only \n, \r and \r\n end lines.
func BSplitlines(b []byte, keepends bool) [][]byte {
	out := [][]byte{}
	i, j := 0, 0
	for i < len(b) {
		for i < len(b) && b[i] != '\n' && b[i] != '\r' {
			i++
		}
		eol := i
		if i < len(b) {
			if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
				i += 2
			} else {
				i++
			}
			if keepends {
				eol = i
			}
		}
		out = append(out, clone(b[j:eol]))
		j = i
	}
	return out
}

// BPartition is bytes.partition.
func BPartition(b, sep []byte) ([]byte, []byte, []byte, error) {
	if len(sep) == 0 {
		return nil, nil, nil, errEmptySep
	}
	i := bytes.Index(b, sep)
	if i < 0 {
		return clone(b), []byte{}, []byte{}, nil
	}
	return clone(b[:i]), clone(sep), clone(b[i+len(sep):]), nil
}

// BRPartition is bytes.rpartition.
func BRPartition(b, sep []byte) ([]byte, []byte, []byte, error) {
	if len(sep) == 0 {
		return nil, nil, nil, errEmptySep
	}
	i := bytes.LastIndex(b, sep)
	if i < 0 {
		return []byte{}, []byte{}, clone(b), nil
	}
	return clone(b[:i]), clone(sep), clone(b[i+len(sep):]), nil
}

// BStrip is bytes.strip() (ASCII whitespace).
func BStrip(b []byte) []byte { return clone(bytes.TrimFunc(b, isSpaceRuneB)) }

// BLStrip is bytes.lstrip().
func BLStrip(b []byte) []byte { return clone(bytes.TrimLeftFunc(b, isSpaceRuneB)) }

// BRStrip is bytes.rstrip().
func BRStrip(b []byte) []byte { return clone(bytes.TrimRightFunc(b, isSpaceRuneB)) }

// isSpaceRuneB adapts IsSpaceByte to the bytes.Trim*Func helpers, which
// decode UTF-8: any non-ASCII rune (or invalid byte) is not whitespace.
func isSpaceRuneB(r rune) bool { return r < 0x80 && IsSpaceByte(byte(r)) }

// BStripChars is bytes.strip(chars).
func BStripChars(b, chars []byte) []byte { return BRStripChars(BLStripChars(b, chars), chars) }

// BLStripChars is bytes.lstrip(chars).
func BLStripChars(b, chars []byte) []byte {
	i := 0
	for i < len(b) && bytes.IndexByte(chars, b[i]) >= 0 {
		i++
	}
	return clone(b[i:])
}

// BRStripChars is bytes.rstrip(chars).
func BRStripChars(b, chars []byte) []byte {
	j := len(b)
	for j > 0 && bytes.IndexByte(chars, b[j-1]) >= 0 {
		j--
	}
	return clone(b[:j])
}

func mapBytes(b []byte, f func(byte) byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = f(c)
	}
	return out
}

// BLower is bytes.lower (ASCII letters only).
func BLower(b []byte) []byte { return mapBytes(b, toLowerByte) }

// BUpper is bytes.upper.
func BUpper(b []byte) []byte { return mapBytes(b, toUpperByte) }

// BSwapcase is bytes.swapcase.
func BSwapcase(b []byte) []byte {
	return mapBytes(b, func(c byte) byte {
		if isUpperByte(c) {
			return c + 32
		}
		return toUpperByte(c)
	})
}

// BCapitalize is bytes.capitalize.
func BCapitalize(b []byte) []byte {
	out := BLower(b)
	if len(out) > 0 {
		out[0] = toUpperByte(out[0])
	}
	return out
}

// BTitle is bytes.title.
func BTitle(b []byte) []byte {
	out := make([]byte, len(b))
	prev := false
	for i, c := range b {
		if prev {
			out[i] = toLowerByte(c)
		} else {
			out[i] = toUpperByte(c)
		}
		prev = isAlphaByte(c)
	}
	return out
}

func allBytes(b []byte, pred func(byte) bool) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !pred(c) {
			return false
		}
	}
	return true
}

// BIsAlpha is bytes.isalpha.
func BIsAlpha(b []byte) bool { return allBytes(b, isAlphaByte) }

// BIsAlnum is bytes.isalnum.
func BIsAlnum(b []byte) bool {
	return allBytes(b, func(c byte) bool { return isAlphaByte(c) || isDigitByte(c) })
}

// BIsDigit is bytes.isdigit.
func BIsDigit(b []byte) bool { return allBytes(b, isDigitByte) }

// BIsSpace is bytes.isspace.
func BIsSpace(b []byte) bool { return allBytes(b, IsSpaceByte) }

// BIsASCII is bytes.isascii.
func BIsASCII(b []byte) bool { return IsASCII(string(b)) }

// BIsLower is bytes.islower.
func BIsLower(b []byte) bool {
	cased := false
	for _, c := range b {
		if isUpperByte(c) {
			return false
		}
		cased = cased || isLowerByte(c)
	}
	return cased
}

// BIsUpper is bytes.isupper.
func BIsUpper(b []byte) bool {
	cased := false
	for _, c := range b {
		if isLowerByte(c) {
			return false
		}
		cased = cased || isUpperByte(c)
	}
	return cased
}

// BIsTitle is bytes.istitle.
func BIsTitle(b []byte) bool {
	cased, prev := false, false
	for _, c := range b {
		switch {
		case isUpperByte(c):
			if prev {
				return false
			}
			prev, cased = true, true
		case isLowerByte(c):
			if !prev {
				return false
			}
			prev, cased = true, true
		default:
			prev = false
		}
	}
	return cased
}

func bpad(b []byte, left, right int, fill byte) ([]byte, error) {
	left, right = max(left, 0), max(right, 0)
	if left > MaxResultBytes || right > MaxResultBytes {
		return nil, &Error{"MemoryError", ""}
	}
	if err := tooBig(len(b) + left + right); err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b)+left+right)
	out = append(out, bytes.Repeat([]byte{fill}, left)...)
	out = append(out, b...)
	return append(out, bytes.Repeat([]byte{fill}, right)...), nil
}

// BCenter is bytes.center.
func BCenter(b []byte, width int, fill byte) ([]byte, error) {
	if width <= len(b) {
		return clone(b), nil
	}
	marg := width - len(b)
	left := marg/2 + (marg & width & 1)
	return bpad(b, left, marg-left, fill)
}

// BLJust is bytes.ljust.
func BLJust(b []byte, width int, fill byte) ([]byte, error) {
	return bpad(b, 0, width-len(b), fill)
}

// BRJust is bytes.rjust.
func BRJust(b []byte, width int, fill byte) ([]byte, error) {
	return bpad(b, width-len(b), 0, fill)
}

// BZFill is bytes.zfill.
func BZFill(b []byte, width int) ([]byte, error) {
	fill := width - len(b)
	out, err := bpad(b, fill, 0, '0')
	if err != nil || fill <= 0 || len(b) == 0 {
		return out, err
	}
	if b[0] == '+' || b[0] == '-' {
		out[0], out[fill] = b[0], '0'
	}
	return out, nil
}

// BExpandTabs is bytes.expandtabs.
func BExpandTabs(b []byte, tabsize int) ([]byte, error) {
	out := make([]byte, 0, len(b))
	col := 0
	for _, c := range b {
		switch c {
		case '\t':
			if tabsize > 0 {
				incr := tabsize - col%tabsize
				if err := tooBig(len(out) + incr); err != nil {
					return nil, err
				}
				col += incr
				out = append(out, bytes.Repeat([]byte{' '}, incr)...)
			}
		case '\n', '\r':
			col = 0
			out = append(out, c)
		default:
			col++
			out = append(out, c)
		}
	}
	return out, nil
}

// BJoin is bytes.join once the runtime has collected the items.
func BJoin(sep []byte, parts [][]byte) []byte { return clone(bytes.Join(parts, sep)) }

// BTranslate is bytes.translate(table, delete): table is nil (None) or 256
// bytes; bytes in del are removed first.
func BTranslate(b, table, del []byte) ([]byte, error) {
	if table != nil && len(table) != 256 {
		return nil, valueError("translation table must be 256 characters long")
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if bytes.IndexByte(del, c) >= 0 {
			continue
		}
		if table != nil {
			c = table[c]
		}
		out = append(out, c)
	}
	return out, nil
}

// Hex is bytes.hex() with no separator.
func Hex(b []byte) string {
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i], out[2*i+1] = hexDigits[c>>4], hexDigits[c&15]
	}
	return string(out)
}

// HexSep is bytes.hex(sep, bytes_per_sep): sep is one ASCII character (a
// str, or a bytes object passed as a Go string); a positive bytesPerSep
// counts groups from the right, a negative one from the left.
func HexSep(b []byte, sep string, bytesPerSep int) (string, error) {
	if Len(sep) != 1 {
		return "", valueError("sep must be length 1.")
	}
	if sep[0] >= 0x80 {
		return "", valueError("sep must be ASCII.")
	}
	n := bytesPerSep
	if n < 0 {
		n = -n
	}
	if n == 0 || n >= len(b) {
		return Hex(b), nil
	}
	h := Hex(b)
	out := make([]byte, 0, len(h)+len(b)/n)
	// Group boundaries: every n bytes, counted from the end when positive.
	first := len(b) % n
	if bytesPerSep < 0 || first == 0 {
		first = n
	}
	for i := range b {
		if i > 0 && (i-first)%n == 0 && i >= first {
			out = append(out, sep[0])
		}
		out = append(out, h[2*i], h[2*i+1])
	}
	return string(out), nil
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// FromHex is bytes.fromhex(s): pairs of hex digits, optionally separated
// by ASCII whitespace.
func FromHex(s string) ([]byte, error) {
	bad := func(pos int) error {
		return errorf("ValueError", "non-hexadecimal number found in fromhex() arg at position %d", pos)
	}
	// CPython reports the first non-ASCII character before anything else.
	if !IsASCII(s) {
		n := 0
		for i := 0; i < len(s); {
			r, size := decodeRune(s[i:])
			if r >= 0x80 {
				return nil, bad(n)
			}
			n++
			i += size
		}
	}
	out := make([]byte, 0, len(s)/2)
	for i := 0; i < len(s); {
		if IsSpaceByte(s[i]) {
			i++
			continue
		}
		hi := hexVal(s[i])
		if hi < 0 {
			return nil, bad(i)
		}
		if i+1 >= len(s) {
			return nil, bad(i + 1)
		}
		lo := hexVal(s[i+1])
		if lo < 0 {
			return nil, bad(i + 1)
		}
		out = append(out, byte(hi<<4|lo))
		i += 2
	}
	return out, nil
}
