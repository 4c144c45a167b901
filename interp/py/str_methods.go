package py

import (
	"encoding/binary"
	"math"
	"strings"

	"freepy/interp/strops"
)

// This file gives str its methods. The algorithms live in package strops
// (tested against CPython); here are the argument conventions and error
// messages of CPython 3.11's str methods.

// mkStr makes a str from text whose ASCII-ness the caller knows when ascii
// is true (results computed from ASCII input stay ASCII), which saves the
// scan NewStr does.
// boxPos boxes an index or count returned by a str method without an
// allocation: -1 (find's "not found") from a shared box, others through
// the thread's box chunks (t may be nil). Not boxInt itself, which the
// evaluation loop inlines.
func boxPos(t *Thread, v int) Object {
	if v == -1 {
		return minusOne
	}
	return t.boxIntOrNil(int64(v))
}

// minusOne is Int(-1) boxed once (Go's own table of boxed ints starts at 0).
var minusOne Object = Int(-1)

func mkStr(s string, ascii bool) *Str {
	if ascii {
		return newASCIIStr(s)
	}
	return NewStr(s)
}

// fromStrops converts an error of package strops into the Python
// exception it names.
func fromStrops(err error) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *strops.Error:
		typ := ValueErrorType
		switch e.Type {
		case "LookupError":
			typ = LookupErrorType
		case "TypeError":
			typ = TypeErrorType
		case "OverflowError":
			typ = OverflowErrorType
		case "MemoryError":
			return NewError(MemoryErrorType, "")
		case "IndexError":
			typ = IndexErrorType
		}
		return NewError(typ, e.Msg)
	case *strops.UnicodeError:
		return newUnicodeError(e)
	case *strops.UnknownEncodingError:
		return Errorf(LookupErrorType, "unknown encoding: %s", e.Name)
	}
	return err
}

// optIndex converts an optional start/end argument of find, count, ...:
// None or missing gives def.
func optIndex(t *Thread, o Object, def int) (int, error) {
	if o == nil || o == None {
		return def, nil
	}
	return sliceInt(t, o)
}

// startEnd converts the start and end arguments (strops clamps them).
func startEnd(t *Thread, start, end Object) (int, int, error) {
	s, err := optIndex(t, start, 0)
	if err != nil {
		return 0, 0, err
	}
	e, err := optIndex(t, end, math.MaxInt)
	return s, e, err
}

// noArgs checks a method that takes no arguments.
func noArgs(name string, args []Object) error {
	if len(args) != 0 {
		return TypeErrorf("%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

// noKw rejects keyword arguments for methods with positional-only
// parameters.
func noKw(name string, kw []string) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", name)
	}
	return nil
}

// argCount checks the arguments of a method with positional-only
// parameters. qual is the qualified name ("str.strip"): CPython puts it in
// the METH_O / METH_NOARGS / keyword messages ("str.join() takes exactly one
// argument (0 given)") but uses the bare name in Argument Clinic's range
// messages ("strip expected at most 1 argument, got 2").
func argCount(qual string, args []Object, kw []string, min, max int) error {
	if len(kw) == 0 && len(args) >= min && len(args) <= max {
		return nil
	}
	if err := noKw(qual, kw); err != nil {
		return err
	}
	name := qual[strings.LastIndexByte(qual, '.')+1:]
	n := len(args)
	switch {
	case min == max && max == 0:
		return TypeErrorf("%s() takes no arguments (%d given)", qual, n)
	case min == max && max == 1:
		return TypeErrorf("%s() takes exactly one argument (%d given)", qual, n)
	case min == max:
		return TypeErrorf("%s expected %s, got %d", name, nargs(min), n)
	case n < min:
		return TypeErrorf("%s expected at least %s, got %d", name, nargs(min), n)
	}
	return TypeErrorf("%s expected at most %s, got %d", name, nargs(max), n)
}

// argCountVarargs checks a method CPython still parses with
// PyArg_ParseTuple (count, find, index, startswith, ...), whose count
// messages have their own shape: "count() takes at least 1 argument (0
// given)". Keywords are refused with the qualified name, as CPython does
// when the method is called directly (s.count(x=1)); typ is the owner's
// name ("str").
func argCountVarargs(typ, name string, args []Object, kw []string, min, max int) error {
	if len(kw) == 0 && len(args) >= min && len(args) <= max {
		return nil
	}
	if len(kw) > 0 {
		return TypeErrorf("%s.%s() takes no keyword arguments", typ, name)
	}
	if len(args) < min {
		return TypeErrorf("%s() takes at least %s (%d given)", name, nargs(min), len(args))
	}
	return TypeErrorf("%s() takes at most %s (%d given)", name, nargs(max), len(args))
}

// bytesArgCountVarargs is argCountVarargs for bytes and bytearray; the
// owner's name is looked up only when the check fails.
func bytesArgCountVarargs(mk bytesMaker, name string, args []Object, kw []string, min, max int) error {
	if len(kw) == 0 && len(args) >= min && len(args) <= max {
		return nil
	}
	return argCountVarargs(typeName(mk(nil)), name, args, kw, min, max)
}

// parseClinicKw is ParseArgs for an Argument Clinic method with keyword
// parameters, whose errors read "split() takes at most 2 arguments (3
// given)" and "'x' is an invalid keyword argument for split()" rather than
// the shapes ParseArgs gives other callables.
func parseClinicKw(fname string, args []Object, kw []string, names []string, required, maxpos int, dst ...*Object) error {
	npos := len(args) - len(kw)
	if len(args) > len(names) {
		// the total is checked first, in keywords alone when no
		// positional argument was given
		what := ""
		if npos == 0 {
			what = "keyword "
		}
		return TypeErrorf("%s() takes at most %d %sargument%s (%d given)", fname, len(names), what, plural(len(names)), len(args))
	}
	if npos > maxpos {
		return TypeErrorf("%s() takes at most %d positional argument%s (%d given)", fname, maxpos, plural(maxpos), npos)
	}
	for i := npos; i < required; i++ {
		if names[i] == "" {
			// a positional-only parameter is missing
			minpos := i + 1
			for minpos < required && names[minpos] == "" {
				minpos++
			}
			return TypeErrorf("%s() takes at least %d positional argument%s (%d given)", fname, minpos, plural(minpos), npos)
		}
		found := false
		for _, k := range kw {
			if k == names[i] {
				found = true
				break
			}
		}
		if !found {
			return TypeErrorf("%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	for _, k := range kw {
		found := false
		for _, n := range names {
			if n != "" && n == k {
				found = true
				break
			}
		}
		if !found {
			return TypeErrorf("'%s' is an invalid keyword argument for %s()", k, fname)
		}
	}
	return ParseArgs(fname, args, kw, names, required, dst...)
}

// strArgCount is argCount for a str method named by its bare name; the
// qualified name is only built when the check fails.
func strArgCount(name string, args []Object, kw []string, min, max int) error {
	if len(kw) == 0 && len(args) >= min && len(args) <= max {
		return nil
	}
	return argCount("str."+name, args, kw, min, max)
}

// bytesArgCount is argCount for a method shared by bytes and bytearray: the
// qualified name is built from the result type only when the check fails,
// so successful calls do not allocate.
func bytesArgCount(mk bytesMaker, name string, args []Object, kw []string, min, max int) error {
	if len(kw) == 0 && len(args) >= min && len(args) <= max {
		return nil
	}
	return argCount(typeName(mk(nil))+"."+name, args, kw, min, max)
}

func nargs(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return itoa64(int64(n)) + " arguments"
}

// optArg returns args[i] or nil.
func optArg(args []Object, i int) Object {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// strSelf is the str a method was called on.
func strSelf(self Object) (*Str, error) {
	if s, ok := unwrap(self).(*Str); ok {
		return s, nil
	}
	return nil, TypeErrorf("descriptor requires a 'str' object but received a '%s'", typeName(self))
}

// strArgOf requires a str argument ("must be str, not int").
func strArgOf(o Object, prefix string) (*Str, error) {
	if s, ok := unwrap(o).(*Str); ok {
		return s, nil
	}
	return nil, TypeErrorf("%smust be str, not %s", prefix, typeName(o))
}

type strMethod func(t *Thread, s *Str, args []Object, kw []string) (Object, error)

// splitOf computes str.split (str.rsplit when rev) of s.
func splitOf(t *Thread, name string, rev bool, s *Str, args []Object, kw []string) (Object, error) {
	sep, n, err := splitArgs(t, name, args, kw)
	if err != nil {
		return nil, err
	}
	if sep == None {
		if s.ascii && !rev {
			return asciiSplitWhitespace(s.s, n), nil
		}
		if rev {
			return strList(strops.RSplitWhitespace(s.s, n), s.ascii), nil
		}
		return strList(strops.SplitWhitespace(s.s, n), s.ascii), nil
	}
	sp, ok := unwrap(sep).(*Str)
	if !ok {
		return nil, TypeErrorf("must be str or None, not %s", typeName(sep))
	}
	if !rev && sp.s != "" {
		return splitSep(s, sp, n), nil
	}
	var parts []string
	if rev {
		parts, err = strops.RSplit(s.s, sp.s, n)
	} else {
		parts, err = strops.Split(s.s, sp.s, n)
	}
	if err != nil {
		return nil, fromStrops(err)
	}
	return strList(parts, s.ascii), nil
}

func addStrMethod(name string, fn strMethod) {
	StrType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if s, ok := self.(*Str); ok { // an exact str: no call to strSelf
			return fn(t, s, args, kw)
		}
		s, err := strSelf(self)
		if err != nil {
			return nil, err
		}
		return fn(t, s, args, kw)
	})
	StrType.Dict.GetStr(name).(*MethodDescr).str = fn
}

// strFillArgs parses (width[, fillchar]) of center, ljust and rjust.
func strFillArgs(t *Thread, name string, args []Object, kw []string) (int, rune, error) {
	if err := strArgCount(name, args, kw, 1, 2); err != nil {
		return 0, 0, err
	}
	var w int
	if i, ok := args[0].(Int); ok {
		w = int(i) // the common call, without Index
	} else {
		var err error
		if w, err = SsizeArg(t, args[0]); err != nil {
			return 0, 0, err
		}
	}
	fill := ' '
	if len(args) > 1 {
		if f, ok := args[1].(*Str); ok && f.ascii && len(f.s) == 1 {
			return w, rune(f.s[0]), nil
		}
		f, ok := unwrap(args[1]).(*Str)
		if !ok {
			return 0, 0, TypeErrorf("The fill character must be a unicode character, not %s", typeName(args[1]))
		}
		if f.n != 1 {
			return 0, 0, TypeErrorf("The fill character must be exactly one character long")
		}
		fill = f.At(0)
	}
	return w, fill, nil
}

// strSearchArgs parses (sub[, start[, end]]).
func strSearchArgs(t *Thread, name string, args []Object, kw []string) (*Str, int, int, error) {
	if err := argCountVarargs("str", name, args, kw, 1, 3); err != nil {
		return nil, 0, 0, err
	}
	sub, err := strArgOf(args[0], "")
	if err != nil {
		return nil, 0, 0, err
	}
	start, end, err := startEnd(t, optArg(args, 1), optArg(args, 2))
	return sub, start, end, err
}

// stripArg parses the optional chars argument of strip and friends.
func stripArg(name string, args []Object, kw []string) (*Str, error) {
	if err := strArgCount(name, args, kw, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 || args[0] == None {
		return nil, nil
	}
	c, ok := unwrap(args[0]).(*Str)
	if !ok {
		return nil, TypeErrorf("%s arg must be None or str", name)
	}
	return c, nil
}

// splitArgs parses (sep=None, maxsplit=-1).
func splitArgs(t *Thread, name string, args []Object, kw []string) (Object, int, error) {
	var sep, maxsplit Object
	if len(kw) == 0 && len(args) <= 2 {
		// positional arguments, the usual call, need no keyword matching
		sep, maxsplit = optArg(args, 0), optArg(args, 1)
	} else if err := parseClinicKw(name, args, kw, []string{"sep", "maxsplit"}, 0, 2, &sep, &maxsplit); err != nil {
		return nil, 0, err
	}
	n := -1
	if maxsplit != nil {
		v, err := SsizeArg(t, maxsplit)
		if err != nil {
			return nil, 0, err
		}
		n = v
	}
	if sep == nil {
		sep = None
	}
	return sep, n, nil
}

// strList makes a list of the strs of parts, substrings of a str that is
// ASCII when ascii is true. The headers share one allocation: the pieces
// are made together and usually die together.
func strList(parts []string, ascii bool) *List {
	hdrs := make([]Str, len(parts))
	items := make([]Object, len(parts))
	for i, p := range parts {
		h := &hdrs[i]
		h.s = p
		if ascii {
			h.setASCII()
		} else {
			h.scanText()
		}
		items[i] = h
	}
	return NewList(items...)
}

// splitSep is s.split(sep, maxsplit) for a non-empty sep, without a
// slice of Go strings in between.
func splitSep(s, sep *Str, maxsplit int) *List {
	n := strings.Count(s.s, sep.s) + 1
	if maxsplit >= 0 && n > maxsplit+1 {
		n = maxsplit + 1
	}
	if n == 1 {
		// CPython's list holds the str itself when nothing splits
		return NewList(s)
	}
	var hdrs []Str
	var items []Object
	var l *List
	switch {
	case n == 2:
		b := new(splitBlock2)
		hdrs, items, l = b.hdrs[:], b.items[:], &b.l
	case n == 3:
		b := new(splitBlock3)
		hdrs, items, l = b.hdrs[:], b.items[:], &b.l
	case n <= len(splitBlock{}.hdrs):
		b := new(splitBlock)
		hdrs, items, l = b.hdrs[:n], b.items[:n], &b.l
	default:
		hdrs, items, l = make([]Str, n), make([]Object, n), new(List)
	}
	rest := s.s
	for i := range hdrs {
		part := rest
		if i < n-1 {
			var j int
			if len(sep.s) == 1 {
				j = strings.IndexByte(rest, sep.s[0])
			} else {
				j = strings.Index(rest, sep.s)
			}
			part = rest[:j]
			rest = rest[j+len(sep.s):]
		}
		h := &hdrs[i]
		h.s = part
		if s.ascii {
			h.setASCII()
		} else {
			h.scanText()
		}
		items[i] = h
	}
	l.initItems(items)
	return l
}

// splitBlock holds a short split's list, its items and their strs in one
// allocation instead of three.
type splitBlock struct {
	l     List
	items [4]Object
	hdrs  [4]Str
}

// splitBlock2 and splitBlock3 are splitBlock for 2 and 3 pieces, the
// common cases: 208 and 288 bytes instead of 352 (Go's size classes).
type splitBlock2 struct {
	l     List
	items [2]Object
	hdrs  [2]Str
}

type splitBlock3 struct {
	l     List
	items [3]Object
	hdrs  [3]Str
}

// strPredicate adds an is... method.
func strPredicate(name string, ascii func(byte) bool, pred func(string) bool) {
	addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := strArgCount(name, args, kw, 0, 0); err != nil {
			return nil, err
		}
		if s.ascii && ascii != nil {
			if s.n == 0 {
				return False, nil
			}
			for i := 0; i < len(s.s); i++ {
				if !ascii(s.s[i]) {
					return False, nil
				}
			}
			return True, nil
		}
		return NewBool(pred(s.s)), nil
	})
}

// strCaseMethod adds a method mapping the text to new text; asciiFn,
// when given, maps ASCII text byte by byte into the result's block.
func strCaseMethod(name string, fn func(string) string, asciiFn func(dst []byte, src string)) {
	addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if len(args) != 0 || len(kw) != 0 {
			return nil, strArgCount(name, args, kw, 0, 0)
		}
		if s.ascii && asciiFn != nil {
			st, buf := t.strBuf(len(s.s))
			asciiFn(buf, s.s)
			return st.setASCII(), nil
		}
		return mkStr(fn(s.s), s.ascii), nil
	})
}

func asciiLowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

func asciiUpperByte(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// asciiTitle is str.title for ASCII text: a letter after a letter is
// lowercased, any other uppercased.
func asciiTitle(dst []byte, src string) {
	prevCased := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if prevCased {
			dst[i] = asciiLowerByte(c)
		} else {
			dst[i] = asciiUpperByte(c)
		}
		prevCased = isASCIIAlpha(c)
	}
}

// asciiCapitalize is str.capitalize for ASCII text.
func asciiCapitalize(dst []byte, src string) {
	for i := 0; i < len(src); i++ {
		if i == 0 {
			dst[i] = asciiUpperByte(src[i])
		} else {
			dst[i] = asciiLowerByte(src[i])
		}
	}
}

// asciiSwapcase is str.swapcase for ASCII text.
func asciiSwapcase(dst []byte, src string) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if isASCIIAlpha(c) {
			c ^= 0x20
		}
		dst[i] = c
	}
}

// asciiLower is str.lower (and casefold) for ASCII text.
func asciiLower(dst []byte, src string) {
	for i := 0; i < len(src); i++ {
		dst[i] = asciiLowerByte(src[i])
	}
}

// asciiStrip is strip(), lstrip() (right false) or rstrip() (left false)
// of ASCII text.
func asciiStrip(s string, left, right bool) string {
	i, j := 0, len(s)
	if left {
		for i < j && isASCIISpace(s[i]) {
			i++
		}
	}
	if right {
		for j > i && isASCIISpace(s[j-1]) {
			j--
		}
	}
	return s[i:j]
}

// isASCIISpace is str.isspace for an ASCII character (\x1c..\x1f are
// separators too).
func isASCIISpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)
}

// asciiSplitWhitespace is str.split() for ASCII text, which strops does
// code point by code point.
func asciiSplitWhitespace(s string, maxsplit int) *List {
	// collect the pieces on the stack, then make their strs in one block
	var small [16]string
	parts := small[:0]
	i := 0
	for i < len(s) {
		for i < len(s) && isASCIISpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		if maxsplit == 0 {
			parts = append(parts, s[i:])
			break
		}
		j := i
		for j < len(s) && !isASCIISpace(s[j]) {
			j++
		}
		parts = append(parts, s[i:j])
		maxsplit--
		i = j
	}
	return strList(parts, true)
}

// asciiCase maps an ASCII str to upper (upper true) or lower case,
// writing the new text straight into the result's block: eight bytes at
// a time (swapCaseWord), the tail byte by byte.
func asciiCase(t *Thread, s *Str, upper bool) *Str {
	lo := byte('a')
	if !upper {
		lo = 'A'
	}
	st, b := t.strBuf(len(s.s))
	src := s.s[:len(b)]
	k := 0
	for ; k+8 <= len(b); k += 8 {
		w := uint64(src[k]) | uint64(src[k+1])<<8 | uint64(src[k+2])<<16 | uint64(src[k+3])<<24 |
			uint64(src[k+4])<<32 | uint64(src[k+5])<<40 | uint64(src[k+6])<<48 | uint64(src[k+7])<<56
		binary.LittleEndian.PutUint64(b[k:k+8], swapCaseWord(w, lo))
	}
	for ; k < len(b); k++ {
		c := src[k]
		if c-lo < 26 {
			c ^= 0x20
		}
		b[k] = c
	}
	return st.setASCII()
}

// swapCaseWord flips the case bit (0x20) of the bytes of w, eight ASCII
// bytes (all below 0x80), that lie in lo..lo+25. Adding 0x80-lo to a
// byte sets its top bit when it is >= lo, adding 0x80-lo-26 when it is
// >= lo+26; with every byte below 0x80 no sum carries into the next
// byte.
func swapCaseWord(w uint64, lo byte) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	ge := w + ones*uint64(0x80-lo)
	past := w + ones*uint64(0x80-lo-26)
	return w ^ (ge&^past&tops)>>2
}

// strCaseASCII adds lower or upper: ASCII text is mapped byte by byte,
// other text by the Unicode tables.
func strCaseASCII(name string, upper bool, fn func(string) string) {
	addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if len(args) != 0 || len(kw) != 0 {
			return nil, strArgCount(name, args, kw, 0, 0)
		}
		if s.ascii {
			return asciiCase(t, s, upper), nil
		}
		return NewStr(fn(s.s)), nil
	})
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
func isASCIIAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// asciiWindow is s[start:end] of an ASCII str, with the bounds adjusted
// as the find-like methods do, and where it starts; ok is false when it is
// shorter than need code points. The search then runs on the bytes.
func asciiWindow(s *Str, start, end, need int) (w string, a int, ok bool) {
	a, b := strops.SearchIndices(start, end, len(s.s))
	if b-a < need {
		return "", a, false
	}
	return s.s[a:b], a, true
}

// tailMatch is startswith (atEnd false) or endswith of one str.
func tailMatch(s, p *Str, start, end int, atEnd bool) bool {
	if s.ascii {
		w, _, ok := asciiWindow(s, start, end, p.n)
		if !ok {
			return false
		}
		if atEnd {
			return strings.HasSuffix(w, p.s)
		}
		return strings.HasPrefix(w, p.s)
	}
	if atEnd {
		return strops.EndsWith(s.s, p.s, start, end)
	}
	return strops.StartsWith(s.s, p.s, start, end)
}

// strPrefixMatch implements startswith/endswith with a str or tuple.
func strPrefixMatch(t *Thread, name string, s *Str, args []Object, kw []string, atEnd bool) (Object, error) {
	if len(args) == 1 && len(kw) == 0 && s.ascii {
		// s.startswith("x") of ASCII text: the bytes say it
		if p, ok := args[0].(*Str); ok {
			if atEnd {
				return NewBool(strings.HasSuffix(s.s, p.s)), nil
			}
			return NewBool(strings.HasPrefix(s.s, p.s)), nil
		}
	}
	if err := argCountVarargs("str", name, args, kw, 1, 3); err != nil {
		return nil, err
	}
	start, end, err := startEnd(t, optArg(args, 1), optArg(args, 2))
	if err != nil {
		return nil, err
	}
	if tup, ok := unwrap(args[0]).(*Tuple); ok {
		for _, it := range tup.items {
			p, ok := unwrap(it).(*Str)
			if !ok {
				return nil, TypeErrorf("tuple for %s must only contain str, not %s", name, typeName(it))
			}
			if tailMatch(s, p, start, end, atEnd) {
				return True, nil
			}
		}
		return False, nil
	}
	p, ok := unwrap(args[0]).(*Str)
	if !ok {
		return nil, TypeErrorf("%s first arg must be str or a tuple of str, not %s", name, typeName(args[0]))
	}
	return NewBool(tailMatch(s, p, start, end, atEnd)), nil
}

// strJoin is sep.join(iterable).
func strJoin(t *Thread, sep *Str, it Object) (Object, error) {
	var items []Object
	// the items of an iterator (a generator expression) are collected on
	// the stack when there are few: growing a heap slice from nothing
	// cost more than the joining
	var small [16]Object
	switch x := it.(type) {
	case *List:
		items = x.snapshotTo(small[:0])
	case *Tuple:
		items = x.items
	default:
		iter, err := Iter(t, it)
		if err != nil {
			// CPython's PySequence_Fast replaces any TypeError of
			// iter() (one raised by __iter__ too)
			if IsInstanceOf(err, TypeErrorType) {
				return nil, TypeErrorf("can only join an iterable")
			}
			return nil, err
		}
		next := LoadPtr(&iter.Type().Next)
		items = small[:0]
		for {
			v, err := next(t, iter)
			if err != nil {
				if IsInstanceOf(err, StopIterationType) {
					break
				}
				return nil, err
			}
			if v == nil {
				break
			}
			items = append(items, v)
		}
	}
	if len(items) == 1 {
		if s, ok := items[0].(*Str); ok {
			return s, nil
		}
	}
	size := len(sep.s) * max(len(items)-1, 0)
	n := sep.n * max(len(items)-1, 0)
	ascii := sep.ascii
	for i, v := range items {
		s, ok := unwrap(v).(*Str)
		if !ok {
			return nil, TypeErrorf("sequence item %d: expected str instance, %s found", i, typeName(v))
		}
		size += len(s.s)
		n += s.n
		ascii = ascii && s.ascii
	}
	if size == 0 {
		return emptyStr, nil
	}
	st, buf := t.strBuf(size)
	at := 0
	for i, v := range items {
		if i > 0 {
			at += copy(buf[at:], sep.s)
		}
		at += copy(buf[at:], unwrap(v).(*Str).s)
	}
	return st.setText(n, ascii), nil
}

// strReplace is s.replace(old, nw, count) for a non-empty old: the result
// is written in place. Like CPython it returns s itself when nothing is
// replaced.
func strReplace(t *Thread, s, old, nw *Str, count int) (Object, error) {
	if count == 0 || len(old.s) > len(s.s) || old.s == nw.s {
		return s, nil
	}
	n := strings.Count(s.s, old.s)
	if count >= 0 && n > count {
		n = count
	}
	if n == 0 {
		return s, nil
	}
	size := len(s.s) + n*(len(nw.s)-len(old.s))
	if len(nw.s) > len(old.s) && (n > strops.MaxResultBytes/(len(nw.s)-len(old.s)) || size > strops.MaxResultBytes) {
		return nil, NewError(MemoryErrorType, "")
	}
	if size == 0 {
		return emptyStr, nil
	}
	st, buf := t.strBuf(size)
	rest, at := s.s, 0
	for range n {
		j := strings.Index(rest, old.s)
		at += copy(buf[at:], rest[:j])
		at += copy(buf[at:], nw.s)
		rest = rest[j+len(old.s):]
	}
	copy(buf[at:], rest)
	if s.ascii && nw.ascii {
		return st.setText(s.n+n*(nw.n-old.n), true), nil
	}
	return st.scanText(), nil
}

// strTranslate is str.translate(table).
func strTranslate(t *Thread, s *Str, table Object) (Object, error) {
	out, err := strops.Translate(s.s, func(r rune) (string, strops.TranslateAction, error) {
		v, err := GetItem(t, table, Int(r))
		if err != nil {
			if IsInstanceOf(err, LookupErrorType) {
				return "", strops.TranslateKeep, nil
			}
			return "", 0, err
		}
		switch x := unwrap(v).(type) {
		case NoneType:
			return "", strops.TranslateDelete, nil
		case *Str:
			return x.s, strops.TranslateReplace, nil
		case Int:
			if x < 0 || x > 0x10ffff {
				return "", 0, ValueErrorf("character mapping must be in range(0x110000)")
			}
			return strFromRune(rune(x)).s, strops.TranslateReplace, nil
		case *BigInt:
			return "", 0, ValueErrorf("character mapping must be in range(0x110000)")
		}
		return "", 0, TypeErrorf("character mapping must return integer, None or str")
	})
	if err != nil {
		return nil, fromStrops(err)
	}
	return NewStr(out), nil
}

// strMaketrans is str.maketrans(x[, y[, z]]).
func strMaketrans(t *Thread, args []Object) (Object, error) {
	if len(args) < 1 || len(args) > 3 {
		if len(args) == 0 {
			return nil, TypeErrorf("maketrans expected at least 1 argument, got 0")
		}
		return nil, TypeErrorf("maketrans expected at most 3 arguments, got %d", len(args))
	}
	d := NewDict()
	if len(args) == 1 {
		src, ok := unwrap(args[0]).(*Dict)
		if !ok {
			return nil, TypeErrorf("if you give only one argument to maketrans it must be a dict")
		}
		for _, e := range src.Items() {
			switch k := unwrap(e.key).(type) {
			case *Str:
				if k.n != 1 {
					return nil, ValueErrorf("string keys in translate table must be of length 1")
				}
				if err := d.SetItem(t, Int(k.At(0)), e.value); err != nil {
					return nil, err
				}
			case Int, *BigInt, Bool:
				if err := d.SetItem(t, unwrapInt(k), e.value); err != nil {
					return nil, err
				}
			default:
				return nil, TypeErrorf("keys in translate table must be strings or integers")
			}
		}
		return d, nil
	}
	x, ok := unwrap(args[0]).(*Str)
	if !ok {
		return nil, TypeErrorf("first maketrans argument must be a string if there is a second argument")
	}
	y, ok := unwrap(args[1]).(*Str)
	if !ok {
		return nil, TypeErrorf("maketrans() argument 2 must be str, not %s", typeName(args[1]))
	}
	if x.n != y.n {
		return nil, ValueErrorf("the first two maketrans arguments must have equal length")
	}
	xr, yr := x.Runes(), y.Runes()
	for i := range xr {
		if err := d.SetItem(t, Int(xr[i]), Int(yr[i])); err != nil {
			return nil, err
		}
	}
	if len(args) == 3 {
		z, ok := unwrap(args[2]).(*Str)
		if !ok {
			return nil, TypeErrorf("maketrans() argument 3 must be str, not %s", typeName(args[2]))
		}
		for _, r := range z.Runes() {
			if err := d.SetItem(t, Int(r), None); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

func init() {
	strCaseASCII("lower", false, strops.Lower)
	strCaseASCII("upper", true, strops.Upper)
	strCaseMethod("casefold", strops.Casefold, asciiLower)
	strCaseMethod("capitalize", strops.Capitalize, asciiCapitalize)
	strCaseMethod("title", strops.Title, asciiTitle)
	strCaseMethod("swapcase", strops.Swapcase, asciiSwapcase)

	strPredicate("isalpha", isASCIIAlpha, strops.IsAlpha)
	strPredicate("isalnum", func(c byte) bool { return isASCIIAlpha(c) || isASCIIDigit(c) }, strops.IsAlnum)
	strPredicate("isdecimal", isASCIIDigit, strops.IsDecimal)
	strPredicate("isdigit", isASCIIDigit, strops.IsDigit)
	strPredicate("isnumeric", isASCIIDigit, strops.IsNumeric)
	strPredicate("isspace", isASCIISpace, strops.IsSpace)
	strPredicate("islower", nil, strops.IsLower)
	strPredicate("isupper", nil, strops.IsUpper)
	strPredicate("istitle", nil, strops.IsTitle)
	strPredicate("isidentifier", nil, strops.IsIdentifier)
	strPredicate("isprintable", nil, strops.IsPrintable)
	addStrMethod("isascii", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.isascii", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewBool(s.ascii), nil
	})

	pad := func(name string, fn func(string, int, rune) (string, error)) {
		addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
			w, fill, err := strFillArgs(t, name, args, kw)
			if err != nil {
				return nil, err
			}
			if w <= s.n {
				return s, nil
			}
			if s.ascii && fill < 0x80 && w <= 1<<20 {
				// ASCII text and fill: written in place
				marg := w - s.n
				left := 0
				switch name {
				case "center":
					// CPython puts the odd fill character on the left
					// only when both the margin and the width are odd
					left = marg/2 + (marg & w & 1)
				case "rjust":
					left = marg
				}
				st, buf := t.strBuf(w)
				for i := range left {
					buf[i] = byte(fill)
				}
				copy(buf[left:], s.s)
				for i := left + len(s.s); i < w; i++ {
					buf[i] = byte(fill)
				}
				return st.setASCII(), nil
			}
			r, err := fn(s.s, w, fill)
			if err != nil {
				return nil, fromStrops(err)
			}
			return mkStr(r, s.ascii && fill < 0x80), nil
		})
	}
	pad("center", strops.Center)
	pad("ljust", strops.LJust)
	pad("rjust", strops.RJust)
	addStrMethod("zfill", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.zfill", args, kw, 1, 1); err != nil {
			return nil, err
		}
		w, err := SsizeArg(t, args[0])
		if err != nil {
			return nil, err
		}
		if w <= s.n {
			return s, nil
		}
		r, err := strops.ZFill(s.s, w)
		if err != nil {
			return nil, fromStrops(err)
		}
		return mkStr(r, s.ascii), nil
	})
	addStrMethod("expandtabs", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		var ts Object
		if err := parseClinicKw("expandtabs", args, kw, []string{"tabsize"}, 0, 1, &ts); err != nil {
			return nil, err
		}
		size := 8
		if ts != nil {
			v, err := CIntArg(t, ts)
			if err != nil {
				return nil, err
			}
			size = v
		}
		if !strings.Contains(s.s, "\t") {
			return s, nil
		}
		r, err := strops.ExpandTabs(s.s, size)
		if err != nil {
			return nil, fromStrops(err)
		}
		return mkStr(r, s.ascii), nil
	})

	addStrMethod("count", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if len(args) == 1 && len(kw) == 0 && s.ascii {
			// s.count("x") of ASCII text, the common call
			if sub, ok := args[0].(*Str); ok && sub.s != "" {
				return boxPos(t, strings.Count(s.s, sub.s)), nil
			}
		}
		sub, start, end, err := strSearchArgs(t, "count", args, kw)
		if err != nil {
			return nil, err
		}
		if s.ascii {
			w, _, ok := asciiWindow(s, start, end, sub.n)
			switch {
			case !ok:
				return Int(0), nil
			case sub.s == "":
				return Int(len(w) + 1), nil
			}
			return boxPos(t, strings.Count(w, sub.s)), nil
		}
		return boxPos(t, strops.Count(s.s, sub.s, start, end)), nil
	})
	find := func(name string, rev, raise bool) {
		addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
			if len(args) == 1 && len(kw) == 0 && s.ascii {
				// s.find("x") of ASCII text: byte index == code point index
				if sub, ok := args[0].(*Str); ok {
					var i int
					if rev {
						i = strings.LastIndex(s.s, sub.s)
					} else {
						i = strings.Index(s.s, sub.s)
					}
					if i < 0 && raise {
						return nil, ValueErrorf("substring not found")
					}
					return boxPos(t, i), nil
				}
			}
			sub, start, end, err := strSearchArgs(t, name, args, kw)
			if err != nil {
				return nil, err
			}
			var i int
			switch {
			case s.ascii:
				i = -1
				if w, a, ok := asciiWindow(s, start, end, sub.n); ok {
					if rev {
						i = strings.LastIndex(w, sub.s)
					} else {
						i = strings.Index(w, sub.s)
					}
					if i >= 0 {
						i += a
					}
				}
			case rev:
				i = strops.RFind(s.s, sub.s, start, end)
			default:
				i = strops.Find(s.s, sub.s, start, end)
			}
			if i < 0 && raise {
				return nil, ValueErrorf("substring not found")
			}
			return boxPos(t, i), nil
		})
	}
	find("find", false, false)
	find("rfind", true, false)
	find("index", false, true)
	find("rindex", true, true)
	addStrMethod("startswith", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		return strPrefixMatch(t, "startswith", s, args, kw, false)
	})
	addStrMethod("endswith", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		return strPrefixMatch(t, "endswith", s, args, kw, true)
	})

	addStrMethod("join", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.join", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return strJoin(t, s, args[0])
	})

	strip := func(name string, ws func(string) string, chars func(string, string) string) {
		left, right := name != "rstrip", name != "lstrip"
		addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
			c, err := stripArg(name, args, kw)
			if err != nil {
				return nil, err
			}
			var r string
			switch {
			case c == nil && s.ascii:
				r = asciiStrip(s.s, left, right)
			case c == nil:
				r = ws(s.s)
			default:
				r = chars(s.s, c.s)
			}
			if len(r) == len(s.s) {
				return s, nil
			}
			return mkStr(r, s.ascii), nil
		})
	}
	strip("strip", strops.Strip, strops.StripChars)
	strip("lstrip", strops.LStrip, strops.LStripChars)
	strip("rstrip", strops.RStrip, strops.RStripChars)

	split := func(name string, rev bool) {
		addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
			if !rev && len(args) == 1 && len(kw) == 0 {
				// s.split("|"), the common call (splitSep's list of one
				// piece already holds s itself)
				if sp, ok := args[0].(*Str); ok && sp.s != "" {
					return splitSep(s, sp, -1), nil
				}
			}
			l, err := splitOf(t, name, rev, s, args, kw)
			if err != nil {
				return nil, err
			}
			// when nothing was split off, CPython's list holds the str
			// itself (`w.split()[0] is w`)
			if l, ok := l.(*List); ok && len(l.items) == 1 {
				if p, ok := l.items[0].(*Str); ok && p != s && len(p.s) == len(s.s) {
					l.items[0] = s // the list is new: no other thread sees it
				}
			}
			return l, nil
		})
	}
	split("split", false)
	split("rsplit", true)
	addStrMethod("splitlines", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		var keep Object
		if err := parseClinicKw("splitlines", args, kw, []string{"keepends"}, 0, 1, &keep); err != nil {
			return nil, err
		}
		k := false
		if keep != nil {
			// keepends is a C int: a float or str is refused
			v, err := CIntArg(t, keep)
			if err != nil {
				return nil, err
			}
			k = v != 0
		}
		return strList(strops.Splitlines(s.s, k), s.ascii), nil
	})
	part := func(name string, fn func(string, string) (string, string, string, error)) {
		addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
			if err := strArgCount(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			sep, err := strArgOf(args[0], "")
			if err != nil {
				return nil, err
			}
			a, b, c, err := fn(s.s, sep.s)
			if err != nil {
				return nil, fromStrops(err)
			}
			return NewTuple(mkStr(a, s.ascii), mkStr(b, s.ascii && sep.ascii), mkStr(c, s.ascii)), nil
		})
	}
	part("partition", strops.Partition)
	part("rpartition", strops.RPartition)

	addStrMethod("replace", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.replace", args, kw, 2, 3); err != nil {
			return nil, err
		}
		old, ok := unwrap(args[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("replace() argument 1 must be str, not %s", typeName(args[0]))
		}
		nw, ok := unwrap(args[1]).(*Str)
		if !ok {
			return nil, TypeErrorf("replace() argument 2 must be str, not %s", typeName(args[1]))
		}
		count := -1
		if len(args) > 2 {
			v, err := SsizeArg(t, args[2])
			if err != nil {
				return nil, err
			}
			count = v
		}
		if old.s != "" {
			return strReplace(t, s, old, nw, count)
		}
		r, err := strops.Replace(s.s, old.s, nw.s, count)
		if err != nil {
			return nil, fromStrops(err)
		}
		return mkStr(r, s.ascii && nw.ascii), nil
	})
	affix := func(name string, cut func(string, string) (string, bool)) {
		addStrMethod(name, func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
			if err := strArgCount(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			p, err := strArgOf(args[0], name+"() argument ")
			if err != nil {
				return nil, err
			}
			if r, ok := cut(s.s, p.s); ok && p.s != "" {
				return mkStr(r, s.ascii), nil
			}
			return s, nil
		})
	}
	affix("removeprefix", strings.CutPrefix)
	affix("removesuffix", strings.CutSuffix)

	addStrMethod("translate", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.translate", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return strTranslate(t, s, args[0])
	})
	StrType.AddStaticMethod("maketrans", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := noKw("str.maketrans", kw); err != nil {
			return nil, err
		}
		return strMaketrans(t, args)
	})
	addStrMethod("__getnewargs__", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.__getnewargs__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewTuple(mkStr(s.s, s.ascii)), nil
	})
	// __format__ takes self, not only its text: an empty spec formats a
	// str subclass as str(self), so its own __str__ counts, as in CPython.
	StrType.AddMethod("__format__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		s, err := strSelf(self)
		if err != nil {
			return nil, err
		}
		if err := argCount("str.__format__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		spec, ok := unwrap(args[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("__format__() argument must be str, not %s", typeName(args[0]))
		}
		if _, exact := self.(*Str); !exact && spec.s == "" {
			return StrOf(t, self)
		}
		return Format(t, s, spec)
	})
	addStrMethod("__sizeof__", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.__sizeof__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		if s.ascii {
			return Int(49 + len(s.s)), nil
		}
		// CPython's compact str: a 72-byte header and 1, 2 or 4 bytes per
		// code point (and the terminator) by the widest one
		width := 1
		for _, r := range s.Runes() {
			if r > 0xffff {
				width = 4
				break
			}
			if r > 0xff {
				width = 2
			}
		}
		return Int(72 + width*(s.n+1)), nil
	})
}
