package py

import (
	"sync"

	"freepy/interp/sre"
)

// sreMatch is a match result (re.Match). It is immutable.
type sreMatch struct {
	pat       *srePattern
	subj      *sreSubject
	pos       int
	endpos    int
	spans     []int // start, end of groups 0..groups; -1 when unmatched
	lastindex int   // -1 for None
}

func (*sreMatch) Type() *Type { return SreMatchType }

func sreM(o Object) *sreMatch { return unwrap(o).(*sreMatch) }

// groupIndex resolves a group given by number or name
// (match_getindex), or fails with IndexError("no such group").
func (m *sreMatch) groupIndex(t *Thread, g Object) (int, error) {
	switch v := unwrap(g).(type) {
	case Int, Bool, *BigInt:
		i, err := AsInt64(t, v)
		if err == nil && i >= 0 && i <= int64(m.pat.groups) {
			return int(i), nil
		}
	default:
		// Any object with __index__ is a group number (CPython's
		// PyIndex_Check comes before the name lookup).
		if hasIndex(v) {
			n, err := Index(t, v)
			if err != nil {
				return 0, err
			}
			if i, ok := n.(Int); ok && i >= 0 && i <= Int(m.pat.groups) {
				return int(i), nil
			}
			break
		}
		if idx, err := m.pat.groupindex.GetItem(t, g); err == nil && idx != nil {
			if i, err := AsInt64(t, idx); err == nil && i >= 0 && i <= int64(m.pat.groups) {
				return int(i), nil
			}
		} else if err != nil && !IsInstanceOf(err, TypeErrorType) {
			return 0, err
		}
	}
	return 0, Errorf(IndexErrorType, "no such group")
}

// get returns group i, or def when it did not take part in the match.
func (m *sreMatch) get(i int, def Object) Object {
	a, b := m.spans[2*i], m.spans[2*i+1]
	if a < 0 {
		return def
	}
	return m.subj.slice(a, b)
}

func (m *sreMatch) group(t *Thread, g Object, def Object) (Object, error) {
	i, err := m.groupIndex(t, g)
	if err != nil {
		return nil, err
	}
	return m.get(i, def), nil
}

func (m *sreMatch) span(t *Thread, fname string, args []Object, kw []string) (int, int, error) {
	var g Object
	if err := ParseArgs(fname, args, kw, []string{"group"}, 0, &g); err != nil {
		return 0, 0, err
	}
	i := 0
	if g != nil {
		var err error
		if i, err = m.groupIndex(t, g); err != nil {
			return 0, 0, err
		}
	}
	return m.spans[2*i], m.spans[2*i+1], nil
}

func (m *sreMatch) repr(t *Thread) (Object, error) {
	r, err := ReprString(t, m.get(0, None))
	if err != nil {
		return nil, err
	}
	if rs := []rune(r); len(rs) > 50 {
		r = string(rs[:50])
	}
	return NewStr("<re.Match object; span=(" + itoa(m.spans[0]) + ", " + itoa(m.spans[1]) + "), match=" + r + ">"), nil
}

// sreScanner is the iterator behind finditer and re.Scanner: successive
// calls of match or search continue where the previous match ended.
type sreScanner struct {
	pat  *srePattern
	subj *sreSubject
	mu   sync.Mutex // guards st and done
	st   *sre.State
	pos  int
	end  int
	done bool
}

func (*sreScanner) Type() *Type { return SreScannerType }

func (p *srePattern) scanner(t *Thread, fname string, args []Object, kw []string) (Object, error) {
	var strArg, pos, endpos Object
	if err := ParseArgs(fname, args, kw, []string{"string", "pos", "endpos"}, 1, &strArg, &pos, &endpos); err != nil {
		return nil, err
	}
	s, st, err := p.state(t, strArg, pos, endpos)
	if err != nil {
		return nil, err
	}
	return &sreScanner{pat: p, subj: s, st: st, pos: st.Start, end: st.End}, nil
}

func (sc *sreScanner) next(search bool) (Object, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.done {
		return None, nil
	}
	st := sc.st
	var ok bool
	var err error
	if search {
		ok, err = st.Search()
	} else {
		ok, err = st.Match()
	}
	if err != nil {
		return nil, sreError(err)
	}
	if !ok {
		sc.done = true
		return None, nil
	}
	m := sc.pat.newMatch(sc.subj, st, sc.pos, sc.end)
	st.MustAdvance = st.MatchEnd == st.Start
	st.Start = st.MatchEnd
	return m, nil
}

func init() {
	mt := SreMatchType
	mt.Flags.And(^uint64(FlagBaseType))
	mt.AddMethod("group", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		m := sreM(self)
		if len(kw) > 0 {
			return nil, TypeErrorf("group() takes no keyword arguments")
		}
		switch len(args) {
		case 0:
			return m.get(0, None), nil
		case 1:
			return m.group(t, args[0], None)
		}
		items := make([]Object, len(args))
		for i, a := range args {
			v, err := m.group(t, a, None)
			if err != nil {
				return nil, err
			}
			items[i] = v
		}
		return NewTuple(items...), nil
	})
	mt.GetItem = func(t *Thread, self, key Object) (Object, error) {
		return sreM(self).group(t, key, None)
	}
	mt.AddMethod("__getitem__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var g Object
		if err := ParseArgs("__getitem__", args, kw, []string{""}, 1, &g); err != nil {
			return nil, err
		}
		return sreM(self).group(t, g, None)
	})
	mt.AddMethod("groups", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var def Object
		if err := ParseArgs("groups", args, kw, []string{"default"}, 0, &def); err != nil {
			return nil, err
		}
		if def == nil {
			def = None
		}
		m := sreM(self)
		items := make([]Object, m.pat.groups)
		for i := range items {
			items[i] = m.get(i+1, def)
		}
		return NewTuple(items...), nil
	})
	mt.AddMethod("groupdict", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var def Object
		if err := ParseArgs("groupdict", args, kw, []string{"default"}, 0, &def); err != nil {
			return nil, err
		}
		if def == nil {
			def = None
		}
		m := sreM(self)
		out := NewDict()
		for _, k := range m.pat.groupindex.Keys() {
			v, err := m.group(t, k, def)
			if err != nil {
				return nil, err
			}
			if err := out.SetItem(t, k, v); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
	mt.AddMethod("start", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		a, _, err := sreM(self).span(t, "start", args, kw)
		if err != nil {
			return nil, err
		}
		return Int(a), nil
	})
	mt.AddMethod("end", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		_, b, err := sreM(self).span(t, "end", args, kw)
		if err != nil {
			return nil, err
		}
		return Int(b), nil
	})
	mt.AddMethod("span", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		a, b, err := sreM(self).span(t, "span", args, kw)
		if err != nil {
			return nil, err
		}
		return NewTuple(Int(a), Int(b)), nil
	})
	mt.AddMethod("expand", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var template Object
		if err := ParseArgs("expand", args, kw, []string{"template"}, 1, &template); err != nil {
			return nil, err
		}
		return callRe(t, "_expand", sreM(self).pat, self, template)
	})
	identity := func(t *Thread, self Object, args []Object, kw []string) (Object, error) { return self, nil }
	// re.Pattern[str] and re.Match[bytes] are generic aliases (PEP 585).
	classGetItem := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var item Object
		if err := ParseArgs("__class_getitem__", args, kw, []string{""}, 1, &item); err != nil {
			return nil, err
		}
		return newGenericAlias(self, item), nil
	}
	mt.AddClassMethod("__class_getitem__", classGetItem)
	SrePatternType.AddClassMethod("__class_getitem__", classGetItem)
	for typ, name := range map[*Type]string{SrePatternType: "re.Pattern", SreMatchType: "re.Match", SreScannerType: "_sre.SRE_Scanner"} {
		msg := "cannot create '" + name + "' instances"
		typ.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
			return nil, TypeErrorf("%s", msg)
		}
	}
	mt.AddMethod("__copy__", identity)
	mt.AddMethod("__deepcopy__", identity)
	mt.AddGetSet("string", func(t *Thread, o Object) (Object, error) { return sreM(o).subj.obj, nil }, nil)
	mt.AddGetSet("re", func(t *Thread, o Object) (Object, error) { return sreM(o).pat, nil }, nil)
	mt.AddGetSet("pos", func(t *Thread, o Object) (Object, error) { return Int(sreM(o).pos), nil }, nil)
	mt.AddGetSet("endpos", func(t *Thread, o Object) (Object, error) { return Int(sreM(o).endpos), nil }, nil)
	mt.AddGetSet("lastindex", func(t *Thread, o Object) (Object, error) {
		if i := sreM(o).lastindex; i >= 0 {
			return Int(i), nil
		}
		return None, nil
	}, nil)
	mt.AddGetSet("lastgroup", func(t *Thread, o Object) (Object, error) {
		m := sreM(o)
		if m.lastindex < 0 || m.lastindex >= len(m.pat.indexgroup.items) {
			return None, nil
		}
		return m.pat.indexgroup.items[m.lastindex], nil
	}, nil)
	mt.AddGetSet("regs", func(t *Thread, o Object) (Object, error) {
		m := sreM(o)
		items := make([]Object, m.pat.groups+1)
		for i := range items {
			items[i] = NewTuple(Int(m.spans[2*i]), Int(m.spans[2*i+1]))
		}
		return NewTuple(items...), nil
	}, nil)
	mt.Repr = func(t *Thread, o Object) (Object, error) { return sreM(o).repr(t) }
	registerType(SreMatchType)

	st := SreScannerType
	st.Flags.And(^uint64(FlagBaseType))
	st.AddMethod("match", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := ParseArgs("match", args, kw, nil, 0); err != nil {
			return nil, err
		}
		return self.(*sreScanner).next(false)
	})
	st.AddMethod("search", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := ParseArgs("search", args, kw, nil, 0); err != nil {
			return nil, err
		}
		return self.(*sreScanner).next(true)
	})
	st.AddGetSet("pattern", func(t *Thread, o Object) (Object, error) { return o.(*sreScanner).pat, nil }, nil)
	registerType(SreScannerType)
}
