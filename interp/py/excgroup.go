package py

// BaseExceptionGroup and ExceptionGroup (PEP 654), following CPython
// 3.11's Objects/exceptions.c, and the except* support built on them.

func init() {
	g := BaseExceptionGroupType
	g.New = excGroupNew
	g.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		e := self.(*BaseException)
		if len(kw) > 0 {
			return TypeErrorf("%s() takes no keyword arguments", e.typ.Name())
		}
		// args keeps what the caller passed (a list stays a list).
		e.SetArgs(NewTuple(append([]Object(nil), args...)...))
		return nil
	}
	g.Str = func(t *Thread, o Object) (Object, error) {
		e := o.(*BaseException)
		msg, err := StrString(t, e.Message)
		if err != nil {
			return nil, err
		}
		n := len(e.Exceptions.items)
		return NewStr(msg + " (" + itoa64(int64(n)) + " sub-exception" + plural(n) + ")"), nil
	}
	g.AddMethod("derive", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 || len(kw) != 0 {
			return nil, TypeErrorf("BaseExceptionGroup.derive() takes exactly one argument (%d given)", len(args))
		}
		e := self.(*BaseException)
		return Call(t, BaseExceptionGroupType, []Object{e.Message, args[0]}, nil)
	})
	g.AddMethod("split", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		m, err := excGroupMatcherArg(t, "split", args, kw)
		if err != nil {
			return nil, err
		}
		match, rest, err := excGroupSplit(t, self, m, true)
		if err != nil {
			return nil, err
		}
		return NewTuple(orNone(match), orNone(rest)), nil
	})
	g.AddMethod("subgroup", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		m, err := excGroupMatcherArg(t, "subgroup", args, kw)
		if err != nil {
			return nil, err
		}
		match, _, err := excGroupSplit(t, self, m, false)
		if err != nil {
			return nil, err
		}
		return orNone(match), nil
	})
	g.AddClassMethod("__class_getitem__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("__class_getitem__ expected 1 argument")
		}
		return newGenericAlias(self, args[0]), nil
	})
}

// excGroupNew is BaseExceptionGroup.__new__(cls, message, exceptions).
func excGroupNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	npos := len(args) - len(kw)
	if npos != 2 {
		return nil, TypeErrorf("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", npos)
	}
	msg, seq := args[0], args[1]
	if _, ok := msg.(*Str); !ok {
		return nil, TypeErrorf("BaseExceptionGroup.__new__() argument 1 must be str, not %s", typeName(msg))
	}
	if _, isDict := unwrap(seq).(*Dict); isDict || LoadPtr(&seq.Type().GetItem) == nil {
		return nil, TypeErrorf("second argument (exceptions) must be a sequence")
	}
	items, err := ToSlice(t, seq)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, ValueErrorf("second argument (exceptions) must be a non-empty sequence")
	}
	nestedBase := false
	for i, x := range items {
		e, ok := x.(*BaseException)
		if !ok {
			return nil, ValueErrorf("Item %d of second argument (exceptions) is not an exception", i)
		}
		if !e.typ.IsSubtype(ExceptionType) {
			nestedBase = true
		}
	}
	cls := typ
	switch {
	case cls == ExceptionGroupType:
		if nestedBase {
			return nil, TypeErrorf("Cannot nest BaseExceptions in an ExceptionGroup")
		}
	case cls == BaseExceptionGroupType:
		// a group of Exceptions only is an ExceptionGroup
		if !nestedBase {
			cls = ExceptionGroupType
		}
	case nestedBase && cls.IsSubtype(ExceptionType):
		return nil, TypeErrorf("Cannot nest BaseExceptions in '%s'", cls.Name())
	}
	e := &BaseException{typ: cls, args: NewTuple(args[:npos]...), Message: msg, Exceptions: NewTuple(items...)}
	return e, nil
}

// excMatcher is how split/subgroup select leaves: by exception type (a
// type or tuple of types), by predicate, or by identity (for except*).
type excMatcher struct {
	types Object          // a type or tuple of types
	pred  Object          // a callable
	ids   map[Object]bool // leaf exceptions to keep
}

func excGroupMatcherArg(t *Thread, name string, args []Object, kw []string) (*excMatcher, error) {
	if len(args) != 1 || len(kw) != 0 {
		return nil, TypeErrorf("BaseExceptionGroup.%s() takes exactly one argument (%d given)", name, len(args))
	}
	v := args[0]
	if isExcTypeOrTuple(v) {
		return &excMatcher{types: v}, nil
	}
	if _, isType := v.(*Type); !isType && isCallable(v) {
		return &excMatcher{pred: v}, nil
	}
	return nil, TypeErrorf("expected a function, exception type or tuple of exception types")
}

func isExcTypeOrTuple(v Object) bool {
	if c, ok := v.(*Type); ok {
		return c.IsSubtype(BaseExceptionType)
	}
	tup, ok := v.(*Tuple)
	if !ok {
		return false
	}
	for _, x := range tup.items {
		if c, ok := x.(*Type); !ok || !c.IsSubtype(BaseExceptionType) {
			return false
		}
	}
	return true
}

func (m *excMatcher) matches(t *Thread, exc Object) (bool, error) {
	switch {
	case m.types != nil:
		return exceptionMatches(t, exc, m.types)
	case m.pred != nil:
		r, err := Call(t, m.pred, []Object{exc}, nil)
		if err != nil {
			return false, err
		}
		return IsTrue(t, r)
	}
	return m.ids[exc], nil
}

// excGroupSplit is exceptiongroup_split_recursive: it returns the part of
// exc that matches and (if withRest) the part that does not; nil for none.
func excGroupSplit(t *Thread, exc Object, m *excMatcher, withRest bool) (match, rest Object, err error) {
	ok, err := m.matches(t, exc)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return exc, nil, nil
	}
	e, isExc := exc.(*BaseException)
	if !isExc || e.Exceptions == nil {
		if withRest {
			return nil, exc, nil
		}
		return nil, nil, nil
	}
	var matched, others []Object
	for _, sub := range e.Exceptions.items {
		sm, sr, err := excGroupSplit(t, sub, m, withRest)
		if err != nil {
			return nil, nil, err
		}
		if sm != nil {
			matched = append(matched, sm)
		}
		if sr != nil {
			others = append(others, sr)
		}
	}
	if match, err = excGroupSubset(t, e, matched); err != nil {
		return nil, nil, err
	}
	if withRest {
		if rest, err = excGroupSubset(t, e, others); err != nil {
			return nil, nil, err
		}
	}
	return match, rest, nil
}

// excGroupSubset derives a group like orig holding items, carrying over
// orig's traceback, cause, context and (a copy of) its notes.
func excGroupSubset(t *Thread, orig *BaseException, items []Object) (Object, error) {
	if len(items) == 0 {
		return nil, nil
	}
	r, err := CallMethod(t, orig, "derive", NewList(items...))
	if err != nil {
		return nil, err
	}
	g, ok := r.(*BaseException)
	if !ok || g.Exceptions == nil {
		return nil, TypeErrorf("derive must return an instance of BaseExceptionGroup")
	}
	g.SetTraceback(orig.Traceback())
	g.SetCause(orig.Cause())
	g.SetContext(orig.Context())
	if on := orig.Notes(); on != nil && LoadPtr(&on.Type().GetItem) != nil {
		// the parts get independent notes lists
		notes, err := ToSlice(t, on)
		if err != nil {
			return nil, err
		}
		g.SetNotes(NewList(notes...))
	}
	return g, nil
}

// exceptionGroupMatch implements CHECK_EG_MATCH for except*: it returns
// the unmatched rest (exc itself when nothing matched) and the match
// (None when nothing matched).
func exceptionGroupMatch(t *Thread, exc, typ Object) (rest, match Object, err error) {
	if err := checkExceptStarType(typ); err != nil {
		return nil, nil, err
	}
	e, ok := exc.(*BaseException)
	if !ok {
		return exc, None, nil
	}
	if m, err := exceptionMatches(t, exc, typ); err != nil {
		return nil, nil, err
	} else if m {
		if e.Exceptions != nil {
			return None, e, nil
		}
		// a naked exception matching: wrap it in a group
		g, err := Call(t, BaseExceptionGroupType, []Object{Intern(""), NewTuple(e)}, nil)
		if err != nil {
			return nil, nil, err
		}
		return None, g, nil
	}
	if e.Exceptions == nil {
		return exc, None, nil
	}
	pair, err := CallMethod(t, e, "split", typ)
	if err != nil {
		return nil, nil, err
	}
	p, ok := pair.(*Tuple)
	if !ok || len(p.items) != 2 {
		return nil, nil, TypeErrorf("split must return a 2-tuple")
	}
	if p.items[0] == None {
		return exc, None, nil
	}
	return p.items[1], p.items[0], nil
}

func checkExceptStarType(typ Object) error {
	check := func(x Object) error {
		c, ok := x.(*Type)
		if !ok || !c.IsSubtype(BaseExceptionType) {
			return errExceptNotClass()
		}
		if c.IsSubtype(BaseExceptionGroupType) {
			return TypeErrorf("catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
		return nil
	}
	if tup, ok := typ.(*Tuple); ok {
		for _, x := range tup.items {
			if err := check(x); err != nil {
				return err
			}
		}
		return nil
	}
	return check(typ)
}

// prepReraiseStar implements PREP_RERAISE_STAR (_PyExc_PrepReraiseStar):
// from the original exception and the list of exceptions raised or
// re-raised by the except* clauses (plus the unhandled rest), it builds
// what propagates, keeping re-raised leaves in their original nesting.
func prepReraiseStar(t *Thread, orig, raised Object) (Object, error) {
	l, ok := raised.(*List)
	if !ok {
		return None, nil
	}
	excs := l.snapshot()
	if len(excs) == 0 {
		return None, nil
	}
	o, ok := orig.(*BaseException)
	if !ok || o.Exceptions == nil {
		// a naked exception was wrapped: at most one clause ran
		return excs[0], nil
	}
	var raisedList, reraised []Object
	for _, x := range excs {
		e, ok := x.(*BaseException)
		if !ok {
			continue
		}
		if sameExcMetadata(e, o) {
			reraised = append(reraised, e)
		} else {
			raisedList = append(raisedList, e)
		}
	}
	// project orig onto the leaves that were re-raised
	ids := map[Object]bool{}
	for _, x := range reraised {
		collectLeafIDs(x, ids)
	}
	reraisedEG, _, err := excGroupSplit(t, o, &excMatcher{ids: ids}, false)
	if err != nil {
		return nil, err
	}
	if len(raisedList) == 0 {
		return orNone(reraisedEG), nil
	}
	if reraisedEG != nil {
		raisedList = append(raisedList, reraisedEG)
	}
	if len(raisedList) == 1 {
		return raisedList[0], nil
	}
	return Call(t, BaseExceptionGroupType, []Object{Intern(""), NewList(raisedList...)}, nil)
}

func sameExcMetadata(a, b *BaseException) bool {
	return a.Notes() == b.Notes() && a.Traceback() == b.Traceback() && a.Cause() == b.Cause() && a.Context() == b.Context()
}

func collectLeafIDs(x Object, ids map[Object]bool) {
	e, ok := x.(*BaseException)
	if !ok {
		return
	}
	if e.Exceptions == nil {
		ids[x] = true
		return
	}
	for _, sub := range e.Exceptions.items {
		collectLeafIDs(sub, ids)
	}
}
