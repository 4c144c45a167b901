package py

import (
	"unsafe"

	"freepy/interp/strops"
)

// A new str's text is usually computed (a join, an f-string, upper(),
// a %-format) rather than found. Building it in a []byte, converting that
// to a Go string and then allocating the *Str header costs three
// allocations and two copies; the functions here put the header and the
// text of a short str in one allocation and let the caller write the text
// in place, so a computed str costs one allocation and no extra copy.
//
// The text lives in a fixed byte array after the header, in the same Go
// object: the header's string points into its own block (an interior
// pointer, which Go's collector follows like any other), and a substring
// sharing the text keeps the whole block alive. The blocks fill Go's size
// classes from 64 to 256 bytes exactly, so no class is wasted; longer
// text gets its own allocation, where one more allocation no longer
// matters next to the copying.

type strBlock16 struct {
	h Str
	b [16]byte
}
type strBlock32 struct {
	h Str
	b [32]byte
}
type strBlock48 struct {
	h Str
	b [48]byte
}
type strBlock64 struct {
	h Str
	b [64]byte
}
type strBlock80 struct {
	h Str
	b [80]byte
}
type strBlock96 struct {
	h Str
	b [96]byte
}
type strBlock112 struct {
	h Str
	b [112]byte
}
type strBlock128 struct {
	h Str
	b [128]byte
}
type strBlock144 struct {
	h Str
	b [144]byte
}
type strBlock160 struct {
	h Str
	b [160]byte
}
type strBlock176 struct {
	h Str
	b [176]byte
}
type strBlock192 struct {
	h Str
	b [192]byte
}
type strBlock208 struct {
	h Str
	b [208]byte
}

// emptyStr is the shared empty str that computed empty results return
// (CPython has one empty str too).
var emptyStr = Intern("")

// newStrBuf returns a str of size bytes and the bytes to write its text
// into. The caller must fill buf and then set the length (setASCII,
// setText or scanText) before the str is shared with anyone: until then
// the str's text is not final, and nothing may read it.
func newStrBuf(size int) (*Str, []byte) {
	var st *Str
	var buf []byte
	switch (size + 15) >> 4 {
	case 0:
		return &Str{ascii: true}, nil
	case 1:
		b := new(strBlock16)
		st, buf = &b.h, b.b[:size]
	case 2:
		b := new(strBlock32)
		st, buf = &b.h, b.b[:size]
	case 3:
		b := new(strBlock48)
		st, buf = &b.h, b.b[:size]
	case 4:
		b := new(strBlock64)
		st, buf = &b.h, b.b[:size]
	case 5:
		b := new(strBlock80)
		st, buf = &b.h, b.b[:size]
	case 6:
		b := new(strBlock96)
		st, buf = &b.h, b.b[:size]
	case 7:
		b := new(strBlock112)
		st, buf = &b.h, b.b[:size]
	case 8:
		b := new(strBlock128)
		st, buf = &b.h, b.b[:size]
	case 9:
		b := new(strBlock144)
		st, buf = &b.h, b.b[:size]
	case 10:
		b := new(strBlock160)
		st, buf = &b.h, b.b[:size]
	case 11:
		b := new(strBlock176)
		st, buf = &b.h, b.b[:size]
	case 12:
		b := new(strBlock192)
		st, buf = &b.h, b.b[:size]
	case 13:
		b := new(strBlock208)
		st, buf = &b.h, b.b[:size]
	default:
		st = new(Str)
		buf = make([]byte, size)
	}
	st.s = unsafe.String(&buf[0], size)
	return st, buf
}

// Short strs come from per-thread chunks, as boxed ints do (box.go): one
// allocation serves strChunkLen strs, which costs a fifth of allocating
// each. The price is memory: a chunk lives as long as any of its strs,
// so one surviving str keeps strChunkLen blocks alive (640 bytes at
// worst, where it needs 80).
const strChunkLen = 8

type (
	strChunk16 [strChunkLen]strBlock16
	strChunk32 [strChunkLen]strBlock32
)

// strBuf is newStrBuf, taking short strs from the thread's chunks (t may
// be nil).
func (t *Thread) strBuf(size int) (*Str, []byte) {
	if t == nil || size == 0 || size > 32 {
		return newStrBuf(size)
	}
	var st *Str
	var buf []byte
	if size <= 16 {
		if t.str16 == nil || t.str16Used == strChunkLen {
			t.str16, t.str16Used = new(strChunk16), 0
		}
		b := &t.str16[t.str16Used]
		t.str16Used++
		st, buf = &b.h, b.b[:size]
	} else {
		if t.str32 == nil || t.str32Used == strChunkLen {
			t.str32, t.str32Used = new(strChunk32), 0
		}
		b := &t.str32[t.str32Used]
		t.str32Used++
		st, buf = &b.h, b.b[:size]
	}
	st.s = unsafe.String(&buf[0], size)
	return st, buf
}

// setASCII records that the text written into a newStrBuf str is ASCII.
func (s *Str) setASCII() *Str {
	s.n = len(s.s)
	s.ascii = true
	return s
}

// setText records the text's code point count n and whether it is ASCII,
// both known to the caller (from the pieces it was built from).
func (s *Str) setText(n int, ascii bool) *Str {
	s.n = n
	s.ascii = ascii
	return s
}

// scanText computes the length of the text written into a newStrBuf str.
func (s *Str) scanText() *Str {
	if strops.IsASCII(s.s) {
		return s.setASCII()
	}
	s.n = strops.Len(s.s)
	return s
}

// strFromBytes makes a str holding a copy of b, in one allocation.
func (t *Thread) strFromBytes(b []byte) *Str {
	if len(b) == 0 {
		return emptyStr
	}
	st, buf := t.strBuf(len(b))
	copy(buf, b)
	return st.scanText()
}

// asciiStrFromBytes is strFromBytes for bytes known to be ASCII.
func (t *Thread) asciiStrFromBytes(b []byte) *Str {
	if len(b) == 0 {
		return emptyStr
	}
	st, buf := t.strBuf(len(b))
	copy(buf, b)
	return st.setASCII()
}

// concatStr is a + b.
func (t *Thread) concatStr(a, b *Str) *Str {
	if len(a.s) == 0 {
		return b
	}
	if len(b.s) == 0 {
		return a
	}
	st, buf := t.strBuf(len(a.s) + len(b.s))
	copy(buf[copy(buf, a.s):], b.s)
	return st.setText(a.n+b.n, a.ascii && b.ascii)
}

// buildString concatenates the strs of an f-string (BUILD_STRING): the
// sizes and lengths of the pieces give the result's without a scan.
func (t *Thread) buildString(items []Object) *Str {
	size, n, ascii := 0, 0, true
	for _, v := range items {
		s := v.(*Str)
		size += len(s.s)
		n += s.n
		ascii = ascii && s.ascii
	}
	if size == 0 {
		return emptyStr
	}
	st, buf := t.strBuf(size)
	at := 0
	for _, v := range items {
		at += copy(buf[at:], v.(*Str).s)
	}
	return st.setText(n, ascii)
}
