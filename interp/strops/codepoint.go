package strops

import (
	"encoding/binary"
	"math"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// MaxRune is the largest code point a Python str can hold.
const MaxRune = 0x10FFFF

const replacementChar = '\uFFFD'

// isSurrogate reports whether r is in U+D800..U+DFFF.
func isSurrogate(r rune) bool { return r >= 0xD800 && r <= 0xDFFF }

// decodeRune decodes the code point at the start of s, accepting encoded
// surrogates. Ill-formed input yields (U+FFFD, 1); empty input (U+FFFD, 0).
func decodeRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 && s[0] == 0xED && len(s) >= 3 &&
		s[1] >= 0xA0 && s[1] <= 0xBF && s[2]&0xC0 == 0x80 {
		return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return r, n
}

// decodeLastRune decodes the code point that ends s.
func decodeLastRune(s string) (rune, int) {
	n := len(s)
	if n == 0 {
		return replacementChar, 0
	}
	if s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	// Back up over at most three continuation bytes to a lead byte.
	start := n - 1
	for start > 0 && n-start < 4 && s[start]&0xC0 == 0x80 {
		start--
	}
	r, size := decodeRune(s[start:])
	if start+size != n {
		return replacementChar, 1
	}
	return r, size
}

// AppendRune appends the generalized UTF-8 encoding of r (surrogates
// included) to b. Values outside 0..MaxRune append U+FFFD.
func AppendRune(b []byte, r rune) []byte {
	if r >= 0 && r < utf8.RuneSelf {
		return append(b, byte(r))
	}
	if isSurrogate(r) {
		return append(b, 0xED, 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	}
	return utf8.AppendRune(b, r)
}

// runeLen is the number of bytes AppendRune writes for r.
func runeLen(r rune) int {
	switch {
	case r < 0:
		return 3
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return 3
}

// Chr returns the str holding the single code point r (0 <= r <= MaxRune).
func Chr(r rune) string {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiStrings[r : r+1]
	}
	var buf [4]byte
	return string(AppendRune(buf[:0], r))
}

// asciiStrings lets Chr return one-byte strings without allocating.
const asciiStrings = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_" +
	"`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

// FromRunes builds a str from code points (surrogates allowed).
func FromRunes(rs []rune) string {
	n := 0
	for _, r := range rs {
		n += runeLen(r)
	}
	b := make([]byte, 0, n)
	for _, r := range rs {
		b = AppendRune(b, r)
	}
	return string(b)
}

// Runes returns the code points of s.
func Runes(s string) []rune {
	rs := make([]rune, 0, Len(s))
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		rs = append(rs, r)
		i += n
	}
	return rs
}

// load64 reads eight bytes of s at i as a little-endian word (one load).
func load64(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
}

const highBits = 0x8080808080808080

// IsASCII reports whether every byte of s is below 0x80 (str.isascii).
func IsASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&highBits != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Len returns the number of code points in s (len(s) in Python): the
// bytes that are not UTF-8 continuation bytes (10xxxxxx).
func Len(s string) int {
	n := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load64(s, i)
		cont := w & highBits &^ (w << 1)
		n += 8 - bits.OnesCount64(cont&highBits)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// byteOffset returns the byte offset of code point index i in s, or len(s)
// when s has at most i code points.
func byteOffset(s string, i int) int {
	off := 0
	for ; i > 0 && off < len(s); i-- {
		if s[off] < utf8.RuneSelf {
			off++
			continue
		}
		_, n := decodeRune(s[off:])
		off += n
	}
	return off
}

// Index returns the code point at index i, 0 <= i < Len(s). Out of range
// indices return -1. It is O(i) unless s is ASCII up to i.
func Index(s string, i int) rune {
	if i < 0 {
		return -1
	}
	off := byteOffset(s, i)
	if off >= len(s) {
		return -1
	}
	r, _ := decodeRune(s[off:])
	return r
}

// IndexHint is Index for a caller that knows whether s is ASCII: O(1) when
// it is.
func IndexHint(s string, i int, ascii bool) rune {
	if ascii {
		if i < 0 || i >= len(s) {
			return -1
		}
		return rune(s[i])
	}
	return Index(s, i)
}

// SliceDefaults returns the start and stop values that stand for None in a
// slice with the given step, as CPython's PySlice_Unpack does.
func SliceDefaults(step int) (start, stop int) {
	if step < 0 {
		return math.MaxInt, math.MinInt
	}
	return 0, math.MaxInt
}

// AdjustIndices clamps slice bounds to a sequence of the given length and
// returns them with the number of selected items, like
// PySlice_AdjustIndices. step must not be zero.
func AdjustIndices(length, start, stop, step int) (int, int, int) {
	if step < -math.MaxInt {
		step = -math.MaxInt // as PySlice_Unpack, so that -step cannot overflow
	}
	adj := func(x int) int {
		if x < 0 {
			x += length
			if x < 0 {
				if step < 0 {
					return -1
				}
				return 0
			}
		} else if x >= length {
			if step < 0 {
				return length - 1
			}
			return length
		}
		return x
	}
	start, stop = adj(start), adj(stop)
	n := 0
	if step < 0 {
		if stop < start {
			n = (start-stop-1)/(-step) + 1
		}
	} else if start < stop {
		n = (stop-start-1)/step + 1
	}
	return start, stop, n
}

// Slice returns s[start:stop:step] with Python's semantics: bounds are
// adjusted as by AdjustIndices (pass SliceDefaults for None). A zero step
// (a ValueError in Python, for the caller to raise) yields "".
func Slice(s string, start, stop, step int) string {
	return SliceHint(s, start, stop, step, IsASCII(s))
}

// SliceHint is Slice for a caller that knows whether s is ASCII; for ASCII
// strings and step 1 it does not allocate.
func SliceHint(s string, start, stop, step int, ascii bool) string {
	if step == 0 {
		return ""
	}
	length := len(s)
	if !ascii {
		length = Len(s)
	}
	start, _, n := AdjustIndices(length, start, stop, step)
	if n == 0 {
		return ""
	}
	if ascii {
		if step == 1 {
			return s[start : start+n]
		}
		b := make([]byte, n)
		for k := range b {
			b[k] = s[start+k*step]
		}
		return string(b)
	}
	if step == 1 {
		a := byteOffset(s, start)
		return s[a : a+byteOffset(s[a:], n)]
	}
	rs := Runes(s)
	out := make([]rune, n)
	for k := range out {
		out[k] = rs[start+k*step]
	}
	return FromRunes(out)
}

// substr returns the code points [start, end) of s, both already clamped to
// 0..Len(s) with start <= end, and the byte offset of start.
func substr(s string, ascii bool, start, end int) (string, int) {
	if ascii {
		return s[start:end], start
	}
	a := byteOffset(s, start)
	b := a + byteOffset(s[a:], end-start)
	return s[a:b], a
}
