package py

import (
	"hash/maphash"
	"sync"
	"sync/atomic"

	"freepy/interp/strops"
)

// Str is a Python str. The text is held as UTF-8 (lone surrogates as
// WTF-8, see package strops); the length in code points and whether the
// text is ASCII are computed once, so that indexing ASCII text is O(1).
type Str struct {
	s    string
	n    int // length in code points
	hash atomic.Int64
	// runes caches the code points of non-ASCII text for O(1) indexing.
	runes atomic.Pointer[[]rune]
	ascii bool // every byte < 0x80: byte index == code point index
	// interned is set on the shared copies made by Intern (attribute
	// names), which are the only keys the type lookup cache keeps.
	interned bool
	// (the two bools share the last word: a Str is 48 bytes, not 56 in
	// a 64-byte size class)
}

// Type returns str.
func (*Str) Type() *Type { return StrType }

// NewStr makes a str from Go text.
func NewStr(s string) *Str {
	st := &Str{s: s}
	st.ascii = true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			st.ascii = false
			break
		}
	}
	if st.ascii {
		st.n = len(s)
	} else {
		// strops counts a lone surrogate (3 bytes, invalid to package
		// utf8) as one code point.
		st.n = strops.Len(s)
	}
	return st
}

// newASCIIStr makes a str from text known to be ASCII.
func newASCIIStr(s string) *Str { return &Str{s: s, n: len(s), ascii: true} }

// String returns the Go text.
func (s *Str) String() string { return s.s }

// Len returns the length in code points.
func (s *Str) Len() int { return s.n }

// IsASCII reports whether every code point is below 128.
func (s *Str) IsASCII() bool { return s.ascii }

// Runes returns the code points (cached; do not modify).
func (s *Str) Runes() []rune {
	if p := s.runes.Load(); p != nil {
		return *p
	}
	r := strops.Runes(s.s)
	s.runes.Store(&r)
	return r
}

// At returns the code point at index i (0 <= i < Len()).
func (s *Str) At(i int) rune {
	if s.ascii {
		return rune(s.s[i])
	}
	return s.Runes()[i]
}

var hashSeed = maphash.MakeSeed()

// Hash returns the str's hash (never -1), computed once.
func (s *Str) Hash() int64 {
	if h := s.hash.Load(); h != 0 {
		return h
	}
	h := int64(maphash.String(hashSeed, s.s))
	if h == -1 || h == 0 {
		h = -2
	}
	if s.s == "" {
		h = 0
	}
	s.hash.Store(h)
	return h
}

// strEq compares two strs by content.
func strEq(a, b *Str) bool { return a == b || a.s == b.s }

// interned maps string -> *Str. Reads take no lock and write no shared
// memory (sync.Map), so threads interning names at once do not contend:
// an RWMutex here made every Intern write the lock's reader count, a
// cache line all cores fought over.
var interned sync.Map

// Intern returns the one shared *Str for s. Identifiers, attribute names
// and compile-time constant names are interned, so that lookups compare
// pointers first.
func Intern(s string) *Str {
	if v, ok := interned.Load(s); ok {
		return v.(*Str)
	}
	v := NewStr(s)
	v.Hash()
	v.interned = true
	actual, _ := interned.LoadOrStore(s, v)
	return actual.(*Str)
}

// single-character strs for the first 256 code points, shared.
var charStrs [256]*Str

func init() {
	for i := range charStrs {
		charStrs[i] = NewStr(string(rune(i)))
	}
}

// strFromRune returns the str of one code point.
func strFromRune(r rune) *Str {
	if r >= 0 && r < 256 {
		return charStrs[r]
	}
	if r >= 0xD800 && r <= 0xDFFF {
		return NewStr(encodeSurrogate(r))
	}
	return NewStr(string(r))
}

// encodeSurrogate writes a lone surrogate as WTF-8 (3 bytes), which Go's
// utf8 package would replace with U+FFFD.
func encodeSurrogate(r rune) string {
	return string([]byte{0xED, byte(0x80 | (r>>6)&0x3F), byte(0x80 | r&0x3F)})
}
