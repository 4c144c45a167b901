package py

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"freepy/interp/sre"
	"freepy/interp/strops"
)

// The _sre module: compiled regular expressions for the pure-Python re
// package. re/_compiler.py turns a pattern into a code list and calls
// _sre.compile; the matching itself is package freepy/interp/sre.

var (
	SrePatternType = newBuiltinType("Pattern", ObjectType)
	SreMatchType   = newBuiltinType("Match", ObjectType)
	SreScannerType = newBuiltinType("SRE_Scanner", ObjectType)
)

var sreModuleOnce sync.Once

// sreFixModuleNames sets the __module__ of the types as CPython has them
// (finishTypes labels every built-in type "builtins").
func sreFixModuleNames() {
	sreModuleOnce.Do(func() {
		for typ, mod := range map[*Type]string{SrePatternType: "re", SreMatchType: "re", SreScannerType: "_sre"} {
			typ.Dict.SetStr("__module__", Intern(mod))
			typ.modified()
		}
	})
}

// sreRunes caches the code points of the last few long subjects: a
// tokenizer calling pattern.match(text, pos) in a loop must not pay for
// converting all of text on every call. str and bytes are immutable, so
// the object identifies its contents.
var sreRunes struct {
	mu   sync.Mutex
	keys [8]Object
	vals [8][]rune
	next int
}

const sreCacheMin = 256

func cachedRunes(key Object, n int, conv func() []rune) []rune {
	if n < sreCacheMin {
		return conv()
	}
	c := &sreRunes
	c.mu.Lock()
	for i, k := range c.keys {
		if k == key {
			r := c.vals[i]
			c.mu.Unlock()
			return r
		}
	}
	c.mu.Unlock()
	r := conv()
	c.mu.Lock()
	c.keys[c.next], c.vals[c.next] = key, r
	c.next = (c.next + 1) % len(c.keys)
	c.mu.Unlock()
	return r
}

// srePattern is a compiled pattern (re.Pattern). It is immutable.
type srePattern struct {
	pattern    Object // the source str or bytes, or None
	flags      int64
	code       []uint32
	groups     int
	groupindex *Dict
	indexgroup *Tuple
	isBytes    int // 1 bytes, 0 str, -1 unknown (pattern None)
}

func (*srePattern) Type() *Type { return SrePatternType }

// sreSubject is a subject string prepared for the engine.
type sreSubject struct {
	obj     Object // what the caller passed (returned by Match.string)
	str     *Str   // the str, for a str subject
	b       []byte // the bytes, for a bytes subject
	runes   []rune
	isBytes bool
}

// slice returns subject[a:b] as a new str or bytes.
func (s *sreSubject) slice(a, b int) Object {
	if a < 0 || b < a {
		a, b = 0, 0
	}
	if s.isBytes {
		return NewBytes(append([]byte(nil), s.b[a:b]...))
	}
	if s.str.ascii {
		return newASCIIStr(s.str.s[a:b])
	}
	return NewStr(strops.FromRunes(s.runes[a:b]))
}

func (s *sreSubject) empty() Object {
	if s.isBytes {
		return NewBytes(nil)
	}
	return newASCIIStr("")
}

// subject checks that string can be searched with p (getstring).
func (p *srePattern) subject(t *Thread, strArg Object) (*sreSubject, error) {
	s := &sreSubject{obj: strArg}
	switch v := unwrap(strArg).(type) {
	case *Str:
		s.str = v
		s.runes = cachedRunes(v, len(v.s), func() []rune {
			if !v.ascii {
				return v.Runes()
			}
			r := make([]rune, len(v.s))
			for i := 0; i < len(v.s); i++ {
				r[i] = rune(v.s[i])
			}
			return r
		})
	case *Bytes:
		s.isBytes = true
		s.b = v.b
		s.runes = cachedRunes(v, len(v.b), func() []rune { return widenBytes(v.b) })
	case *ByteArray:
		// Mutable: matched through a snapshot, never cached.
		s.isBytes = true
		s.b = v.snapshot()
		s.runes = widenBytes(s.b)
	default:
		// Any other buffer (memoryview, array, mmap) is searched as
		// its bytes, one character per byte, as CPython does.
		b, ok := bytesLikeT(t, strArg)
		if !ok {
			return nil, TypeErrorf("expected string or bytes-like object, got '%s'", typeName(strArg))
		}
		s.isBytes = true
		s.b = b
		s.runes = widenBytes(b)
	}
	if p.isBytes == 0 && s.isBytes {
		return nil, TypeErrorf("cannot use a string pattern on a bytes-like object")
	}
	if p.isBytes == 1 && !s.isBytes {
		return nil, TypeErrorf("cannot use a bytes pattern on a string-like object")
	}
	return s, nil
}

func widenBytes(b []byte) []rune {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return r
}

// sreIndex converts an optional pos/endpos argument (def when absent).
// It runs before the subject is checked, as CPython's argument parsing
// does: a huge pos is an OverflowError whatever the string.
func sreIndex(t *Thread, o Object, def int64) (int64, error) {
	if o == nil {
		return def, nil
	}
	return AsInt64(t, o)
}

// sreClip clips a pos/endpos to 0..n as CPython's state_init does.
func sreClip(v int64, n int) int {
	return int(max(0, min(v, int64(n))))
}

// state prepares a matching session over string[pos:endpos].
func (p *srePattern) state(t *Thread, strArg, pos, endpos Object) (*sreSubject, *sre.State, error) {
	a, err := sreIndex(t, pos, 0)
	if err != nil {
		return nil, nil, err
	}
	b, err := sreIndex(t, endpos, math.MaxInt64)
	if err != nil {
		return nil, nil, err
	}
	s, err := p.subject(t, strArg)
	if err != nil {
		return nil, nil, err
	}
	n := len(s.runes)
	return s, sre.NewState(p.code, p.groups, s.runes, sreClip(a, n), sreClip(b, n)), nil
}

// sreError converts an engine error into a Python exception.
func sreError(err error) error {
	if err == sre.ErrRecursion {
		return Errorf(RecursionErrorType, "maximum recursion limit exceeded")
	}
	return Errorf(RuntimeErrorType, "internal error in regular expression engine")
}

// newMatch captures the state of a successful match.
func (p *srePattern) newMatch(s *sreSubject, st *sre.State, pos, endpos int) *sreMatch {
	m := &sreMatch{pat: p, subj: s, pos: pos, endpos: endpos, lastindex: st.LastIndex}
	m.spans = make([]int, 2*(p.groups+1))
	m.spans[0], m.spans[1] = st.Start, st.MatchEnd
	for g := 1; g <= p.groups; g++ {
		m.spans[2*g], m.spans[2*g+1] = st.Span(g)
	}
	return m
}

// runMatch is Pattern.match, fullmatch and search.
func (p *srePattern) runMatch(t *Thread, fname string, args []Object, kwnames []string, kind int) (Object, error) {
	var strArg, pos, endpos Object
	if err := ParseArgs(fname, args, kwnames, []string{"string", "pos", "endpos"}, 1, &strArg, &pos, &endpos); err != nil {
		return nil, err
	}
	s, st, err := p.state(t, strArg, pos, endpos)
	if err != nil {
		return nil, err
	}
	start, end := st.Start, st.End
	var ok bool
	switch kind {
	case 0:
		ok, err = st.Match()
	case 1:
		ok, err = st.FullMatch()
	default:
		ok, err = st.Search()
	}
	if err != nil {
		return nil, sreError(err)
	}
	if !ok {
		return None, nil
	}
	return p.newMatch(s, st, start, end), nil
}

func srePat(o Object) *srePattern { return unwrap(o).(*srePattern) }

// groupSlice is group g of the current match in st, or def if the group
// did not take part (state_getslice).
func groupSlice(s *sreSubject, st *sre.State, g int, def Object) Object {
	a, b := st.Span(g)
	if a < 0 {
		return def
	}
	return s.slice(a, b)
}

func (p *srePattern) findall(t *Thread, args []Object, kwnames []string) (Object, error) {
	var strArg, pos, endpos Object
	if err := ParseArgs("findall", args, kwnames, []string{"string", "pos", "endpos"}, 1, &strArg, &pos, &endpos); err != nil {
		return nil, err
	}
	s, st, err := p.state(t, strArg, pos, endpos)
	if err != nil {
		return nil, err
	}
	var items []Object
	for st.Start <= st.End {
		ok, err := st.Search()
		if err != nil {
			return nil, sreError(err)
		}
		if !ok {
			break
		}
		switch p.groups {
		case 0:
			items = append(items, s.slice(st.Start, st.MatchEnd))
		case 1:
			items = append(items, groupSlice(s, st, 1, s.empty()))
		default:
			tup := make([]Object, p.groups)
			for g := range tup {
				tup[g] = groupSlice(s, st, g+1, s.empty())
			}
			items = append(items, NewTuple(tup...))
		}
		st.MustAdvance = st.MatchEnd == st.Start
		st.Start = st.MatchEnd
	}
	return NewList(items...), nil
}

func (p *srePattern) split(t *Thread, args []Object, kwnames []string) (Object, error) {
	var strArg, maxsplitObj Object
	if err := ParseArgs("split", args, kwnames, []string{"string", "maxsplit"}, 1, &strArg, &maxsplitObj); err != nil {
		return nil, err
	}
	maxsplit := int64(0)
	if maxsplitObj != nil {
		v, err := AsInt64(t, maxsplitObj)
		if err != nil {
			return nil, err
		}
		maxsplit = v
	}
	s, st, err := p.state(t, strArg, nil, nil)
	if err != nil {
		return nil, err
	}
	var items []Object
	last := 0
	for n := int64(0); maxsplit == 0 || n < maxsplit; n++ {
		ok, err := st.Search()
		if err != nil {
			return nil, sreError(err)
		}
		if !ok {
			break
		}
		items = append(items, s.slice(last, st.Start))
		for g := 1; g <= p.groups; g++ {
			items = append(items, groupSlice(s, st, g, None))
		}
		st.MustAdvance = st.MatchEnd == st.Start
		st.Start = st.MatchEnd
		last = st.MatchEnd
	}
	items = append(items, s.slice(last, len(s.runes)))
	return NewList(items...), nil
}

// callRe calls a helper function of the pure-Python re package
// (re._subx, re._expand), as CPython's _sre does.
func callRe(t *Thread, name string, args ...Object) (Object, error) {
	mod, err := t.Import("re", nil, nil, 0)
	if err != nil {
		return nil, err
	}
	fn, err := GetAttrString(t, mod, name)
	if err != nil {
		return nil, err
	}
	return Call(t, fn, args, nil)
}

// sub is Pattern.sub and Pattern.subn (pattern_subx).
func (p *srePattern) sub(t *Thread, self Object, fname string, args []Object, kwnames []string, subn bool) (Object, error) {
	var repl, strArg, countObj Object
	if err := ParseArgs(fname, args, kwnames, []string{"repl", "string", "count"}, 2, &repl, &strArg, &countObj); err != nil {
		return nil, err
	}
	count := int64(0)
	if countObj != nil {
		v, err := AsInt64(t, countObj)
		if err != nil {
			return nil, err
		}
		count = v
	}
	filter, callable := repl, isCallable(repl)
	if !callable {
		literal := false
		switch v := unwrap(repl).(type) {
		case *Str:
			literal = !strings.Contains(v.s, "\\")
		case *Bytes, *ByteArray:
			b, _ := bytesLike(v)
			literal = !strings.Contains(string(b), "\\")
		}
		if !literal {
			f, err := callRe(t, "_subx", self, repl)
			if err != nil {
				return nil, err
			}
			filter, callable = f, isCallable(f)
		}
	}
	s, st, err := p.state(t, strArg, nil, nil)
	if err != nil {
		return nil, err
	}
	var parts []Object
	n, i := int64(0), 0
	for count == 0 || n < count {
		ok, err := st.Search()
		if err != nil {
			return nil, sreError(err)
		}
		if !ok {
			break
		}
		b, e := st.Start, st.MatchEnd
		if i < b {
			parts = append(parts, s.slice(i, b))
		}
		item := filter
		if callable {
			item, err = Call(t, filter, []Object{p.newMatch(s, st, 0, len(s.runes))}, nil)
			if err != nil {
				return nil, err
			}
		}
		if item != None {
			parts = append(parts, item)
		}
		i = e
		n++
		st.MustAdvance = st.MatchEnd == st.Start
		st.Start = st.MatchEnd
	}
	if i < len(s.runes) {
		parts = append(parts, s.slice(i, len(s.runes)))
	}
	res, err := sreJoin(s.isBytes, parts)
	if err != nil {
		return nil, err
	}
	if subn {
		return NewTuple(res, Int(n)), nil
	}
	return res, nil
}

// sreJoin concatenates the pieces of a substitution, with the messages
// of str.join and bytes.join for a piece of the wrong type.
func sreJoin(isBytes bool, parts []Object) (Object, error) {
	if isBytes {
		var out []byte
		for i, x := range parts {
			b, ok := bytesLike(x)
			if !ok {
				return nil, TypeErrorf("sequence item %d: expected a bytes-like object, %s found", i, typeName(x))
			}
			out = append(out, b...)
		}
		return NewBytes(out), nil
	}
	if len(parts) == 1 {
		if s, ok := parts[0].(*Str); ok {
			return s, nil
		}
	}
	var sb strings.Builder
	for i, x := range parts {
		v, ok := unwrap(x).(*Str)
		if !ok {
			return nil, TypeErrorf("sequence item %d: expected str instance, %s found", i, typeName(x))
		}
		sb.WriteString(v.s)
	}
	return NewStr(sb.String()), nil
}

// sreFlagNames are the flags Pattern.__repr__ spells out, in CPython's order.
var sreFlagNames = []struct {
	name  string
	value int64
}{
	{"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8},
	{"re.DOTALL", 16}, {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128}, {"re.ASCII", 256},
}

func (p *srePattern) repr(t *Thread) (Object, error) {
	r, err := ReprString(t, p.pattern)
	if err != nil {
		return nil, err
	}
	if rs := []rune(r); len(rs) > 200 {
		r = string(rs[:200])
	}
	flags := p.flags
	// re.UNICODE is implied for a str pattern.
	if p.isBytes == 0 && flags&(4|32|256) == 32 {
		flags &^= 32
	}
	var names []string
	for _, f := range sreFlagNames {
		if flags&f.value != 0 {
			names = append(names, f.name)
			flags &^= f.value
		}
	}
	if flags != 0 {
		names = append(names, fmt.Sprintf("0x%x", flags))
	}
	if len(names) == 0 {
		return NewStr("re.compile(" + r + ")"), nil
	}
	return NewStr("re.compile(" + r + ", " + strings.Join(names, "|") + ")"), nil
}

func (p *srePattern) equal(t *Thread, q *srePattern) (bool, error) {
	if p == q {
		return true, nil
	}
	if p.flags != q.flags || p.isBytes != q.isBytes || len(p.code) != len(q.code) {
		return false, nil
	}
	for i := range p.code {
		if p.code[i] != q.code[i] {
			return false, nil
		}
	}
	return Equal(t, p.pattern, q.pattern)
}

// sreCode converts the code list from re/_compiler.py.
func sreCode(t *Thread, o Object) ([]uint32, error) {
	items, err := ToSlice(t, o)
	if err != nil {
		return nil, err
	}
	code := make([]uint32, len(items))
	for i, it := range items {
		v, err := AsInt64(t, it)
		if err != nil {
			return nil, err
		}
		if v < 0 || v > sre.MaxRepeat {
			return nil, Errorf(OverflowErrorType, "regular expression code size limit exceeded")
		}
		code[i] = uint32(v)
	}
	return code, nil
}

func sreCompile(t *Thread, _ Object, args []Object, kwnames []string) (Object, error) {
	var pattern, flags, code, groups, groupindex, indexgroup Object
	if err := ParseArgs("compile", args, kwnames, []string{"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 6,
		&pattern, &flags, &code, &groups, &groupindex, &indexgroup); err != nil {
		return nil, err
	}
	p := &srePattern{pattern: pattern, isBytes: -1}
	switch unwrap(pattern).(type) {
	case *Str:
		p.isBytes = 0
	case *Bytes:
		p.isBytes = 1
	}
	var err error
	if p.flags, err = AsInt64(t, flags); err != nil {
		return nil, err
	}
	if p.code, err = sreCode(t, code); err != nil {
		return nil, err
	}
	g, err := AsInt64(t, groups)
	if err != nil {
		return nil, err
	}
	if g < 0 || g > sre.MaxGroups {
		return nil, Errorf(OverflowErrorType, "regular expression code size limit exceeded")
	}
	p.groups = int(g)
	if sre.Validate(p.code, p.groups) != nil {
		return nil, Errorf(RuntimeErrorType, "invalid SRE code")
	}
	gi, ok := unwrap(groupindex).(*Dict)
	if !ok {
		return nil, TypeErrorf("compile() argument 5 must be dict, not %s", typeName(groupindex))
	}
	p.groupindex = gi.Copy()
	ig, ok := unwrap(indexgroup).(*Tuple)
	if !ok {
		return nil, TypeErrorf("compile() argument 6 must be tuple, not %s", typeName(indexgroup))
	}
	p.indexgroup = ig
	return p, nil
}

// sreChar reads the int argument of the case helpers.
func sreChar(t *Thread, fname string, args []Object, kwnames []string) (rune, error) {
	var ch Object
	if err := ParseArgs(fname, args, kwnames, []string{"character"}, 1, &ch); err != nil {
		return 0, err
	}
	v, err := AsInt64(t, ch)
	if err != nil {
		return 0, err
	}
	return rune(v), nil
}

func init() {
	RegisterNativeModule("_sre", func(t *Thread) (*Module, error) {
		sreFixModuleNames()
		m := NewModule("_sre")
		d := m.Dict()
		d.SetStr("MAGIC", Int(sre.Magic))
		d.SetStr("CODESIZE", Int(sre.CodeSize))
		d.SetStr("MAXREPEAT", Int(sre.MaxRepeat))
		d.SetStr("MAXGROUPS", Int(sre.MaxGroups))
		d.SetStr("copyright", NewStr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "))
		m.AddFunc("compile", sreCompile)
		m.AddFunc("getcodesize", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := ParseArgs("getcodesize", args, kw, nil, 0); err != nil {
				return nil, err
			}
			return Int(sre.CodeSize), nil
		})
		m.AddFunc("ascii_iscased", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			c, err := sreChar(t, "ascii_iscased", args, kw)
			return NewBool(err == nil && sre.AsciiIsCased(c)), err
		})
		m.AddFunc("unicode_iscased", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			c, err := sreChar(t, "unicode_iscased", args, kw)
			return NewBool(err == nil && sre.UnicodeIsCased(c)), err
		})
		m.AddFunc("ascii_tolower", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			c, err := sreChar(t, "ascii_tolower", args, kw)
			return Int(sre.AsciiToLower(c)), err
		})
		m.AddFunc("unicode_tolower", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			c, err := sreChar(t, "unicode_tolower", args, kw)
			return Int(sre.UnicodeToLower(c)), err
		})
		return m, nil
	})

	pt := SrePatternType
	pt.Flags.And(^uint64(FlagBaseType))
	pt.AddMethod("match", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).runMatch(t, "match", args, kw, 0)
	})
	pt.AddMethod("fullmatch", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).runMatch(t, "fullmatch", args, kw, 1)
	})
	pt.AddMethod("search", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).runMatch(t, "search", args, kw, 2)
	})
	pt.AddMethod("findall", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).findall(t, args, kw)
	})
	pt.AddMethod("split", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).split(t, args, kw)
	})
	pt.AddMethod("sub", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).sub(t, self, "sub", args, kw, false)
	})
	pt.AddMethod("subn", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).sub(t, self, "subn", args, kw, true)
	})
	pt.AddMethod("scanner", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return srePat(self).scanner(t, "scanner", args, kw)
	})
	pt.AddMethod("finditer", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		sc, err := srePat(self).scanner(t, "finditer", args, kw)
		if err != nil {
			return nil, err
		}
		search, err := GetAttrString(t, sc, "search")
		if err != nil {
			return nil, err
		}
		return &callIter{fn: search, sentinel: None}, nil
	})
	identity := func(t *Thread, self Object, args []Object, kw []string) (Object, error) { return self, nil }
	pt.AddMethod("__copy__", identity)
	pt.AddMethod("__deepcopy__", identity)
	pt.AddGetSet("pattern", func(t *Thread, o Object) (Object, error) { return srePat(o).pattern, nil }, nil)
	pt.AddGetSet("flags", func(t *Thread, o Object) (Object, error) { return Int(srePat(o).flags), nil }, nil)
	pt.AddGetSet("groups", func(t *Thread, o Object) (Object, error) { return Int(srePat(o).groups), nil }, nil)
	pt.AddGetSet("groupindex", func(t *Thread, o Object) (Object, error) { return srePat(o).groupindex.Copy(), nil }, nil)
	pt.Repr = func(t *Thread, o Object) (Object, error) { return srePat(o).repr(t) }
	pt.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		p, ok1 := unwrap(a).(*srePattern)
		q, ok2 := unwrap(b).(*srePattern)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq, err := p.equal(t, q)
		if err != nil {
			return nil, err
		}
		return NewBool(eq == (op == EQ)), nil
	}
	pt.Hash = func(t *Thread, o Object) (int64, error) {
		p := srePat(o)
		h, err := Hash(t, p.pattern)
		if err != nil {
			return 0, err
		}
		for _, c := range p.code {
			h = h*1000003 ^ int64(c)
		}
		h ^= p.flags
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	registerType(SrePatternType)
}
