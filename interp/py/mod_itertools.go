package py

import (
	"math"
	"sync"
	"sync/atomic"
)

// The itertools module. Every iterator is an *itIter: a type, a closure
// producing the next item and a lock that serialises next() across
// threads. The closure may run Python code; a re-entrant call from the
// same thread (a key function advancing its own iterator) runs without
// the lock instead of deadlocking, which matches CPython's behaviour of
// simply re-entering.

type itIter struct {
	typ   *Type
	mu    sync.Mutex
	owner atomic.Pointer[Thread]
	next  func(t *Thread) (Object, error)
	repr  func(t *Thread) (string, error)
	hint  func() (int, error)
	// methods specific to one kind (tee's __copy__)
	copyFn func() Object
	// pickling: reduce is __reduce__ (nil: the kind cannot be pickled);
	// setstate is __setstate__ for the kinds that have one. Both run with
	// the iterator locked, like next.
	reduce   func(t *Thread) (Object, error)
	setstate func(t *Thread, st Object) error
	// newGrouper makes a groupby's _grouper for a key (_grouper.__new__)
	newGrouper func(key Object) Object
}

func (it *itIter) Type() *Type { return it.typ }

// locked runs fn holding the iterator's lock (or directly on re-entry).
func (it *itIter) locked(t *Thread, fn func() (Object, error)) (Object, error) {
	if t != nil && it.owner.Load() == t {
		return fn()
	}
	it.mu.Lock()
	it.owner.Store(t)
	defer func() {
		it.owner.Store(nil)
		it.mu.Unlock()
	}()
	return fn()
}

func itNext(t *Thread, o Object) (Object, error) {
	it, ok := unwrap(o).(*itIter)
	if !ok {
		return nil, TypeErrorf("descriptor '__next__' requires an itertools object")
	}
	return it.locked(t, func() (Object, error) { return it.next(t) })
}

// itertools types, keyed by name.
var itTypes = map[string]*Type{}

func itType(name string, newFn NewFunc) *Type {
	typ := newBuiltinType(name, ObjectType)
	typ.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	typ.Next = itNext
	if newFn != nil {
		// an instance of a Python subclass wraps the iterator, so it has
		// a __dict__ (CPython's subclasses of these types do)
		typ.New = func(t *Thread, cls *Type, args []Object, kw []string) (Object, error) {
			o, err := newFn(t, cls, args, kw)
			if err != nil || cls == typ || !cls.isHeap() {
				return o, err
			}
			if _, ok := o.(*itIter); !ok {
				return o, nil
			}
			return newSubclassInstance(cls, o), nil
		}
	}
	typ.Repr = func(t *Thread, o Object) (Object, error) {
		if it, ok := unwrap(o).(*itIter); ok && it.repr != nil {
			s, err := it.repr(t)
			if err != nil {
				return nil, err
			}
			return NewStr(s), nil
		}
		return NewStr("<" + o.Type().FullName() + " object at " + hexID(o) + ">"), nil
	}
	typ.AddMethod("__length_hint__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if it, ok := unwrap(self).(*itIter); ok && it.hint != nil {
			n, err := it.hint()
			return Int(n), err
		}
		return NotImplemented, nil
	})
	itTypes[name] = typ
	registerType(typ)
	return typ
}

// withReduce gives an itertools type __reduce__ (pairwise has none: it
// pickles as CPython's does, which is not at all).
func withReduce(typ *Type) {
	typ.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange(typ.Name()+".__reduce__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		it, ok := unwrap(self).(*itIter)
		if !ok || it.reduce == nil {
			return nil, TypeErrorf("descriptor '__reduce__' requires a '%s' object", typ.Name())
		}
		return it.locked(t, func() (Object, error) { return it.reduce(t) })
	})
}

// withSetstate gives an itertools type __setstate__ (the kinds whose
// reduction carries a state).
func withSetstate(typ *Type) *Type {
	typ.AddMethod("__setstate__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		st, err := collArgO(typ.Name()+".__setstate__", args, kw)
		if err != nil {
			return nil, err
		}
		it, ok := unwrap(self).(*itIter)
		if !ok || it.setstate == nil {
			return nil, TypeErrorf("descriptor '__setstate__' requires a '%s' object", typ.Name())
		}
		_, err = it.locked(t, func() (Object, error) { return None, it.setstate(t, st) })
		return None, err
	})
	return typ
}

// reduced builds a reduction (typ, args) or (typ, args, state).
func reduced(typ *Type, args []Object, state ...Object) Object {
	if len(state) == 0 {
		return NewTuple(typ, NewTuple(args...))
	}
	return NewTuple(typ, NewTuple(args...), state[0])
}

// stateTuple checks that a __setstate__ argument is a tuple of n to m items.
func stateTuple(st Object, lo, hi int) ([]Object, error) {
	tup, ok := st.(*Tuple)
	if !ok {
		return nil, TypeErrorf("state is not a tuple")
	}
	n := len(tup.items)
	switch {
	case n < lo && lo == hi:
		return nil, TypeErrorf("function takes exactly %d arguments (%d given)", lo, n)
	case n > hi && lo == hi:
		return nil, TypeErrorf("function takes exactly %d arguments (%d given)", lo, n)
	case n < lo:
		return nil, TypeErrorf("function takes at least %d argument%s (%d given)", lo, plural(lo), n)
	case n > hi:
		return nil, TypeErrorf("function takes at most %d argument%s (%d given)", hi, plural(hi), n)
	}
	return tup.items, nil
}

// asSmallInt is an int (or bool) that fits an int64 (CPython's C counter
// in count's fast mode).
func asSmallInt(o Object) (int64, bool) {
	switch v := o.(type) {
	case Int:
		return int64(v), true
	case Bool:
		return int64(b2i(bool(v))), true
	}
	return 0, false
}

// ended is a next function for an exhausted iterator.
func ended(t *Thread) (Object, error) { return nil, nil }

// isNumberLike is PyNumber_Check.
func isNumberLike(o Object) bool {
	switch o.(type) {
	case Int, Bool, *BigInt, Float, Complex:
		return true
	}
	tp := o.Type()
	return LoadPtr(&tp.Index) != nil || LoadPtr(&tp.Int) != nil || LoadPtr(&tp.Float) != nil || LoadPtr(&tp.Complex) != nil
}

// nonNegSize parses r/n style arguments: an int >= 0.
func asSize(t *Thread, o Object) (int, error) {
	if !isIntLike(o) && LoadPtr(&o.Type().Index) == nil {
		return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(o))
	}
	return IndexInt(t, o)
}

func init() {
	itType("count", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var start, step Object
		if err := ParseArgs("count", args, kw, []string{"start", "step"}, 0, &start, &step); err != nil {
			return nil, err
		}
		if start == nil {
			start = Int(0)
		}
		if step == nil {
			step = Int(1)
		}
		if !isNumberLike(start) || !isNumberLike(step) {
			return nil, TypeErrorf("a number is required")
		}
		// CPython counts in a C integer while start fits one and step is
		// 1; its reduction then carries the count alone.
		_, startFits := asSmallInt(start)
		one, stepIsInt := asSmallInt(step)
		fast := startFits && stepIsInt && one == 1
		cur := start
		if n, ok := asSmallInt(start); fast && ok {
			cur = Int(n) // count(True) counts 1, 2, ...
		}
		it := &itIter{typ: typ}
		it.reduce = func(t *Thread) (Object, error) {
			if n, ok := asSmallInt(cur); fast && ok && n < math.MaxInt64 {
				return reduced(typ, []Object{Int(n)}), nil
			}
			return reduced(typ, []Object{cur, step}), nil
		}
		it.next = func(t *Thread) (Object, error) {
			v := cur
			n, err := BinaryOp(t, cur, step, NbAdd)
			if err != nil {
				return nil, err
			}
			cur = n
			return v, nil
		}
		it.repr = func(t *Thread) (string, error) {
			c, err := ReprString(t, cur)
			if err != nil {
				return "", err
			}
			if s, ok := step.(Int); ok && s == 1 {
				return typ.Name() + "(" + c + ")", nil
			}
			s, err := ReprString(t, step)
			return typ.Name() + "(" + c + ", " + s + ")", err
		}
		return it, nil
	})

	itType("cycle", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		args, kw = initTakesKwargs(typ, itTypes["cycle"], args, kw)
		if err := collArgRange("cycle", args, kw, 1, 1); err != nil {
			return nil, err
		}
		src, err := Iter(t, args[0])
		if err != nil {
			return nil, err
		}
		// saved is a list as in CPython: a reduction hands it over (copy.copy
		// shares it with the copy)
		saved := NewList()
		pos := 0
		firstpass := false // the saved items are complete: src is not recorded
		it := &itIter{typ: typ}
		it.next = func(t *Thread) (Object, error) {
			if src != nil {
				v, err := Next(t, src)
				if err != nil {
					return nil, err
				}
				if v != nil {
					if !firstpass {
						saved.Append(v)
					}
					return v, nil
				}
				src = nil
			}
			n := saved.Len()
			if n == 0 {
				return nil, nil
			}
			v := saved.At(pos % n)
			pos = (pos + 1) % n
			return v, nil
		}
		it.reduce = func(t *Thread) (Object, error) {
			if src == nil {
				li := &listIter{l: saved}
				li.i.Store(int64(pos))
				return reduced(typ, []Object{li}, NewTuple(saved, True)), nil
			}
			return reduced(typ, []Object{src}, NewTuple(saved, Bool(firstpass))), nil
		}
		it.setstate = func(t *Thread, st Object) error {
			items, err := stateTuple(st, 2, 2)
			if err != nil {
				return err
			}
			l, ok := items[0].(*List)
			if !ok {
				return TypeErrorf("argument 1 must be list, not %s", typeName(items[0]))
			}
			fp, err := AsInt64(t, items[1])
			if err != nil {
				return err
			}
			saved, pos, firstpass = l, 0, fp != 0
			return nil
		}
		return it, nil
	})

	itType("repeat", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var obj, times Object
		if err := ParseTupleAndKeywords("repeat", args, kw, []string{"object", "times"}, 1, &obj, &times); err != nil {
			return nil, err
		}
		n := -1
		if times != nil && times != None {
			v, err := asSize(t, times)
			if err != nil {
				return nil, err
			}
			n = max(v, 0)
		}
		it := &itIter{typ: typ}
		var left atomic.Int64
		left.Store(int64(n))
		it.next = func(t *Thread) (Object, error) {
			if n < 0 {
				return obj, nil
			}
			if left.Load() <= 0 {
				return nil, nil
			}
			left.Add(-1)
			return obj, nil
		}
		it.repr = func(t *Thread) (string, error) {
			r, err := ReprString(t, obj)
			if n < 0 {
				return "repeat(" + r + ")", err
			}
			return "repeat(" + r + ", " + itoa(int(left.Load())) + ")", err
		}
		it.hint = func() (int, error) {
			if n < 0 {
				return 0, TypeErrorf("len() of unsized object")
			}
			return int(left.Load()), nil
		}
		it.reduce = func(t *Thread) (Object, error) {
			if n < 0 {
				return reduced(typ, []Object{obj}), nil
			}
			return reduced(typ, []Object{obj, Int(max(left.Load(), 0))}), nil
		}
		return it, nil
	})

	itType("accumulate", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var iterable, fn, initial Object
		if err := ParseArgs("accumulate", args, kw, []string{"iterable", "func", "initial"}, 1, &iterable, &fn, &initial); err != nil {
			return nil, err
		}
		if len(args)-len(kw) > 2 {
			return nil, TypeErrorf("accumulate() takes at most 2 positional arguments (%d given)", len(args)-len(kw))
		}
		src, err := Iter(t, iterable)
		if err != nil {
			return nil, err
		}
		if fn == None {
			fn = nil
		}
		var total Object
		if initial != None {
			total = initial
		}
		first := total != nil
		it := &itIter{typ: typ}
		it.next = func(t *Thread) (Object, error) {
			if first {
				first = false
				return total, nil
			}
			v, err := Next(t, src)
			if err != nil || v == nil {
				return nil, err
			}
			if total == nil {
				total = v
				return v, nil
			}
			var r Object
			if fn != nil {
				r, err = Call2(t, fn, total, v)
			} else {
				r, err = BinaryOp(t, total, v, NbAdd)
			}
			if err != nil {
				return nil, err
			}
			total = r
			return r, nil
		}
		it.reduce = func(t *Thread) (Object, error) {
			switch {
			case first: // the initial value is still to come
				ch, err := Call(t, itTypes["chain"], []Object{NewTuple(total), src}, nil)
				if err != nil {
					return nil, err
				}
				return reduced(typ, []Object{ch, orNone(fn)}, None), nil
			case total == None:
				// a total of None cannot be told from no total: resume
				// after re-adding it, skipping it again
				ch, err := Call(t, itTypes["chain"], []Object{NewTuple(None), src}, nil)
				if err != nil {
					return nil, err
				}
				acc, err := Call(t, typ, []Object{ch, orNone(fn)}, nil)
				if err != nil {
					return nil, err
				}
				return reduced(itTypes["islice"], []Object{acc, Int(1), None}), nil
			}
			return reduced(typ, []Object{src, orNone(fn)}, orNone(total)), nil
		}
		it.setstate = func(t *Thread, st Object) error {
			total = st
			return nil
		}
		return it, nil
	})

	chainOf := func(typ *Type, source Object) *itIter {
		var active Object
		it := &itIter{typ: typ}
		it.reduce = func(t *Thread) (Object, error) {
			switch {
			case source == nil:
				return reduced(typ, nil), nil
			case active == nil:
				return reduced(typ, nil, NewTuple(source)), nil
			}
			return reduced(typ, nil, NewTuple(source, active)), nil
		}
		it.setstate = func(t *Thread, st Object) error {
			items, err := stateTuple(st, 1, 2)
			if err != nil {
				return err
			}
			for _, x := range items {
				if LoadPtr(&x.Type().Next) == nil {
					return TypeErrorf("Arguments must be iterators.")
				}
			}
			source, active = items[0], nil
			if len(items) == 2 {
				active = items[1]
			}
			return nil
		}
		it.next = func(t *Thread) (Object, error) {
			for source != nil {
				if active == nil {
					next, err := Next(t, source)
					if err != nil {
						return nil, err
					}
					if next == nil {
						source = nil
						return nil, nil
					}
					if active, err = Iter(t, next); err != nil {
						return nil, err
					}
				}
				v, err := Next(t, active)
				if err != nil {
					return nil, err
				}
				if v != nil {
					return v, nil
				}
				active = nil
			}
			return nil, nil
		}
		return it
	}
	chain := itType("chain", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if args, kw = initTakesKwargs(typ, itTypes["chain"], args, kw); len(kw) > 0 {
			return nil, TypeErrorf("chain() takes no keyword arguments")
		}
		return chainOf(typ, &tupleIter{t: NewTuple(append([]Object(nil), args...)...)}), nil
	})
	chain.AddClassMethod("from_iterable", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("chain.from_iterable", args, kw)
		if err != nil {
			return nil, err
		}
		src, err := Iter(t, v)
		if err != nil {
			return nil, err
		}
		typ, _ := self.(*Type)
		if typ == nil {
			typ = chain
		}
		return chainOf(typ, src), nil
	})

	itType("compress", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var data, sel Object
		if err := ParseTupleAndKeywords("compress", args, kw, []string{"data", "selectors"}, 2, &data, &sel); err != nil {
			return nil, err
		}
		di, err := Iter(t, data)
		if err != nil {
			return nil, err
		}
		si, err := Iter(t, sel)
		if err != nil {
			return nil, err
		}
		it := &itIter{typ: typ}
		it.next = func(t *Thread) (Object, error) {
			for {
				d, err := Next(t, di)
				if err != nil || d == nil {
					return nil, err
				}
				s, err := Next(t, si)
				if err != nil || s == nil {
					return nil, err
				}
				ok, err := IsTrue(t, s)
				if err != nil {
					return nil, err
				}
				if ok {
					return d, nil
				}
			}
		}
		it.reduce = func(t *Thread) (Object, error) { return reduced(typ, []Object{di, si}), nil }
		return it, nil
	})

	// predicate-driven iterators: dropwhile, takewhile, filterfalse
	predIter := func(name string, kind int) {
		itType(name, func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
			args, kw = initTakesKwargs(typ, itTypes[name], args, kw)
			if err := collArgRange(name, args, kw, 2, 2); err != nil {
				return nil, err
			}
			pred := args[0]
			src, err := Iter(t, args[1])
			if err != nil {
				return nil, err
			}
			state := false // dropwhile: done dropping; takewhile: stopped
			it := &itIter{typ: typ}
			test := func(v Object) (bool, error) {
				if kind == 2 && pred == None {
					return IsTrue(t, v)
				}
				r, err := Call1(t, pred, v)
				if err != nil {
					return false, err
				}
				return IsTrue(t, r)
			}
			it.next = func(t *Thread) (Object, error) {
				for {
					if kind == 1 && state {
						return nil, nil
					}
					v, err := Next(t, src)
					if err != nil || v == nil {
						return nil, err
					}
					switch kind {
					case 0: // dropwhile
						if state {
							return v, nil
						}
						ok, err := test(v)
						if err != nil {
							return nil, err
						}
						if !ok {
							state = true
							return v, nil
						}
					case 1: // takewhile
						ok, err := test(v)
						if err != nil {
							return nil, err
						}
						if ok {
							return v, nil
						}
						state = true
						return nil, nil
					default: // filterfalse
						ok, err := test(v)
						if err != nil {
							return nil, err
						}
						if !ok {
							return v, nil
						}
					}
				}
			}
			it.reduce = func(t *Thread) (Object, error) {
				if kind == 2 {
					return reduced(typ, []Object{pred, src}), nil
				}
				return reduced(typ, []Object{pred, src}, Int(b2i(state))), nil
			}
			it.setstate = func(t *Thread, st Object) error {
				v, err := IsTrue(t, st)
				if err == nil {
					state = v
				}
				return err
			}
			return it, nil
		})
	}
	predIter("dropwhile", 0)
	predIter("takewhile", 1)
	predIter("filterfalse", 2)

	itType("starmap", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		args, kw = initTakesKwargs(typ, itTypes["starmap"], args, kw)
		if err := collArgRange("starmap", args, kw, 2, 2); err != nil {
			return nil, err
		}
		fn := args[0]
		src, err := Iter(t, args[1])
		if err != nil {
			return nil, err
		}
		it := &itIter{typ: typ}
		it.next = func(t *Thread) (Object, error) {
			v, err := Next(t, src)
			if err != nil || v == nil {
				return nil, err
			}
			a, err := ToSlice(t, v)
			if err != nil {
				if IsInstanceOf(err, TypeErrorType) {
					return nil, TypeErrorf("%s object argument after * must be an iterable, not %s", typeName(fn), typeName(v))
				}
				return nil, err
			}
			return Call(t, fn, a, nil)
		}
		it.reduce = func(t *Thread) (Object, error) { return reduced(typ, []Object{fn, src}), nil }
		return it, nil
	})

	itType("pairwise", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if err := collArgRange("pairwise", args, kw, 1, 1); err != nil {
			return nil, err
		}
		src, err := Iter(t, args[0])
		if err != nil {
			return nil, err
		}
		var old Object
		it := &itIter{typ: typ}
		it.next = func(t *Thread) (Object, error) {
			if src == nil {
				return nil, nil
			}
			if old == nil {
				v, err := Next(t, src)
				if err != nil || v == nil {
					src = nil
					return nil, err
				}
				old = v
			}
			v, err := Next(t, src)
			if err != nil || v == nil {
				src, old = nil, nil
				return nil, err
			}
			r := NewTuple(old, v)
			old = v
			return r, nil
		}
		return it, nil
	})

	var grouperType *Type
	// _grouper(parent, tgtkey) is how a pickled group comes back
	grouperType = itType("_grouper", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if err := collArgRange("_grouper", args, kw, 2, 2); err != nil {
			return nil, err
		}
		gb, ok := unwrap(args[0]).(*itIter)
		if !ok || gb.newGrouper == nil {
			return nil, TypeErrorf("_grouper() argument 1 must be itertools.groupby, not %s", typeName(args[0]))
		}
		return gb.newGrouper(args[1]), nil
	})
	grouperType.Flags.And(^uint64(FlagBaseType))
	itType("groupby", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var iterable, keyfn Object
		if err := ParseArgs("groupby", args, kw, []string{"iterable", "key"}, 1, &iterable, &keyfn); err != nil {
			return nil, err
		}
		src, err := Iter(t, iterable)
		if err != nil {
			return nil, err
		}
		if keyfn == None {
			keyfn = nil
		}
		gb := &itIter{typ: typ}
		var tgtkey, currkey, currvalue Object
		var currgrouper *itIter
		var newGrouper func(mykey Object) *itIter
		// step advances the source; false at its end.
		step := func(t *Thread) (bool, error) {
			v, err := Next(t, src)
			if err != nil || v == nil {
				return false, err
			}
			k := v
			if keyfn != nil {
				if k, err = Call1(t, keyfn, v); err != nil {
					return false, err
				}
			}
			currvalue, currkey = v, k
			return true, nil
		}
		gb.next = func(t *Thread) (Object, error) {
			currgrouper = nil
			for {
				if currkey == nil {
					ok, err := step(t)
					if err != nil || !ok {
						return nil, err
					}
				} else if tgtkey == nil {
					break
				} else {
					eq, err := Equal(t, tgtkey, currkey)
					if err != nil {
						return nil, err
					}
					if !eq {
						break
					}
					ok, err := step(t)
					if err != nil || !ok {
						return nil, err
					}
				}
			}
			tgtkey = currkey
			g := newGrouper(tgtkey)
			currgrouper = g
			return NewTuple(currkey, g), nil
		}
		gb.newGrouper = func(key Object) Object {
			g := newGrouper(key)
			gb.locked(nil, func() (Object, error) { currgrouper = g; return nil, nil })
			return g
		}
		gb.reduce = func(t *Thread) (Object, error) {
			args := []Object{src, orNone(keyfn)}
			if tgtkey == nil || currkey == nil || currvalue == nil {
				return reduced(typ, args), nil
			}
			return reduced(typ, args, NewTuple(currkey, currvalue, tgtkey)), nil
		}
		gb.setstate = func(t *Thread, st Object) error {
			items, err := stateTuple(st, 3, 3)
			if err == nil {
				currkey, currvalue, tgtkey = items[0], items[1], items[2]
			}
			return err
		}
		// newGrouper makes the _grouper of the group with key mykey
		newGrouper = func(mykey Object) *itIter {
			g := &itIter{typ: grouperType}
			g.next = func(t *Thread) (Object, error) {
				return gb.locked(t, func() (Object, error) {
					if currgrouper != g {
						return nil, nil
					}
					if currvalue == nil {
						ok, err := step(t)
						if err != nil || !ok {
							return nil, err
						}
					}
					eq, err := Equal(t, mykey, currkey)
					if err != nil || !eq {
						return nil, err
					}
					r := currvalue
					currvalue = nil
					return r, nil
				})
			}
			g.reduce = func(t *Thread) (Object, error) {
				var current bool
				gb.locked(t, func() (Object, error) { current = currgrouper == g; return nil, nil })
				if !current {
					return iterOver(t, emptyTuple), nil
				}
				return reduced(grouperType, []Object{gb, mykey}), nil
			}
			return g
		}
		return gb, nil
	})

	itType("islice", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if args, kw = initTakesKwargs(typ, itTypes["islice"], args, kw); len(kw) > 0 {
			return nil, TypeErrorf("islice() takes no keyword arguments")
		}
		if len(args) < 2 {
			return nil, TypeErrorf("islice expected at least 2 arguments, got %d", len(args))
		}
		if len(args) > 4 {
			return nil, TypeErrorf("islice expected at most 4 arguments, got %d", len(args))
		}
		conv := func(o Object, msg string) (int, error) {
			if o == None {
				return -1, nil
			}
			if !isIntLike(o) && LoadPtr(&o.Type().Index) == nil {
				return 0, ValueErrorf("%s", msg)
			}
			v, err := sliceInt(t, o)
			if err != nil {
				return 0, err
			}
			if v < 0 {
				return 0, ValueErrorf("%s", msg)
			}
			return v, nil
		}
		const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
		const idxMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
		start, stop, stepN := 0, -1, 1
		var err error
		if len(args) == 2 {
			if stop, err = conv(args[1], stopMsg); err != nil {
				return nil, err
			}
		} else {
			if start, err = conv(args[1], idxMsg); err != nil {
				return nil, err
			}
			if start < 0 {
				start = 0
			}
			if stop, err = conv(args[2], idxMsg); err != nil {
				return nil, err
			}
			if len(args) == 4 && args[3] != None {
				s, err := conv(args[3], "Step for islice() must be a positive integer or None.")
				if err != nil || s == 0 {
					return nil, ValueErrorf("Step for islice() must be a positive integer or None.")
				}
				stepN = s
			}
		}
		src, err := Iter(t, args[0])
		if err != nil {
			return nil, err
		}
		cnt, next := 0, start
		it := &itIter{typ: typ}
		it.next = func(t *Thread) (Object, error) {
			if src == nil {
				return nil, nil
			}
			for cnt < next {
				v, err := Next(t, src)
				if err != nil || v == nil {
					src = nil
					return nil, err
				}
				cnt++
			}
			if stop != -1 && cnt >= stop {
				src = nil
				return nil, nil
			}
			v, err := Next(t, src)
			if err != nil || v == nil {
				src = nil
				return nil, err
			}
			cnt++
			// a step near sys.maxsize wraps around: the slice then ends
			// (CPython's check, on its size_t arithmetic)
			old := next
			next += stepN
			if next < old || stop != -1 && next > stop {
				next = stop
			}
			return v, nil
		}
		it.reduce = func(t *Thread) (Object, error) {
			if src == nil {
				return reduced(typ, []Object{&listIter{l: NewList()}, Int(0)}, Int(0)), nil
			}
			var stopObj Object = None
			if stop != -1 {
				stopObj = Int(stop)
			}
			return reduced(typ, []Object{src, Int(next), stopObj, Int(stepN)}, Int(cnt)), nil
		}
		it.setstate = func(t *Thread, st Object) error {
			n, err := stateIndex(t, st)
			if err == nil {
				cnt = int(n)
			}
			return err
		}
		return it, nil
	})

	itType("zip_longest", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		npos := len(args) - len(kw)
		var fill Object = None
		for i, k := range kw {
			if k != "fillvalue" {
				return nil, TypeErrorf("zip_longest() got an unexpected keyword argument")
			}
			fill = args[npos+i]
		}
		its := make([]Object, npos)
		for i := 0; i < npos; i++ {
			v, err := Iter(t, args[i])
			if err != nil {
				return nil, err
			}
			its[i] = v
		}
		active := npos
		it := &itIter{typ: typ}
		it.next = func(t *Thread) (Object, error) {
			if active == 0 {
				return nil, nil
			}
			out := make([]Object, len(its))
			for i, src := range its {
				if src == nil {
					out[i] = fill
					continue
				}
				v, err := Next(t, src)
				if err != nil {
					active = 0
					return nil, err
				}
				if v == nil {
					active--
					if active == 0 {
						return nil, nil // the last one stays in its (CPython's reduction shows it)
					}
					its[i] = nil
					v = fill
				}
				out[i] = v
			}
			return NewTuple(out...), nil
		}
		it.reduce = func(t *Thread) (Object, error) {
			args := make([]Object, len(its))
			for i, src := range its {
				if args[i] = src; src == nil {
					args[i] = emptyTuple // exhausted, as CPython shows it
				}
			}
			return reduced(typ, args, fill), nil
		}
		it.setstate = func(t *Thread, st Object) error {
			fill = st
			return nil
		}
		return it, nil
	})

	itType("product", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		npos := len(args) - len(kw)
		rep := 1
		for i, k := range kw {
			if k != "repeat" {
				return nil, TypeErrorf("product() got an unexpected keyword argument '%s'", k)
			}
			v, err := asSize(t, args[npos+i])
			if err != nil {
				return nil, err
			}
			if v < 0 {
				return nil, ValueErrorf("repeat argument cannot be negative")
			}
			rep = v
		}
		var pools [][]Object
		base := make([][]Object, npos)
		for i := 0; i < npos; i++ {
			items, err := ToSlice(t, args[i])
			if err != nil {
				return nil, err
			}
			base[i] = items
		}
		for r := 0; r < rep; r++ {
			pools = append(pools, base...)
		}
		it, st := newIndexIter(typ, func(idx []int, first bool) bool {
			if first {
				for _, p := range pools {
					if len(p) == 0 {
						return false
					}
				}
				return true
			}
			for i := len(idx) - 1; i >= 0; i-- {
				idx[i]++
				if idx[i] < len(pools[i]) {
					return true
				}
				idx[i] = 0
			}
			return false
		}, len(pools), func(idx []int) []Object {
			out := make([]Object, len(idx))
			for i, j := range idx {
				out[i] = pools[i][j]
			}
			return out
		})
		it.reduce = func(t *Thread) (Object, error) {
			if st.done {
				return reduced(typ, []Object{emptyTuple}), nil
			}
			args := make([]Object, len(pools))
			for i, p := range pools {
				args[i] = NewTuple(p...)
			}
			if st.first {
				return reduced(typ, args), nil
			}
			return reduced(typ, args, intsTuple(st.idx)), nil
		}
		it.setstate = func(t *Thread, state Object) error {
			for _, p := range pools {
				if len(p) == 0 {
					st.done = true
					return nil
				}
			}
			return st.restore(t, state, func(i, v int) int { return clampInt(v, 0, len(pools[i])-1) })
		}
		return it, nil
	})

	itType("combinations", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		pool, r, err := poolArgs(t, "combinations", args, kw, true)
		if err != nil {
			return nil, err
		}
		n := len(pool)
		it, st := newIndexIter(typ, func(idx []int, first bool) bool {
			if first {
				for i := range idx {
					idx[i] = i
				}
				return r <= n
			}
			i := r - 1
			for i >= 0 && idx[i] == i+n-r {
				i--
			}
			if i < 0 {
				return false
			}
			idx[i]++
			for j := i + 1; j < r; j++ {
				idx[j] = idx[j-1] + 1
			}
			return true
		}, r, pick(pool))
		st.done = r > n // CPython marks it stopped at once
		it.reduce = func(t *Thread) (Object, error) {
			return st.reducePool(typ, pool, r, func() Object { return intsTuple(st.idx) }), nil
		}
		it.setstate = func(t *Thread, state Object) error {
			return st.restore(t, state, func(i, v int) int { return clampInt(v, 0, i+n-r) })
		}
		return it, nil
	})

	itType("combinations_with_replacement", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		pool, r, err := poolArgs(t, "combinations_with_replacement", args, kw, true)
		if err != nil {
			return nil, err
		}
		n := len(pool)
		it, st := newIndexIter(typ, func(idx []int, first bool) bool {
			if first {
				return n > 0 || r == 0
			}
			i := r - 1
			for i >= 0 && idx[i] == n-1 {
				i--
			}
			if i < 0 {
				return false
			}
			v := idx[i] + 1
			for j := i; j < r; j++ {
				idx[j] = v
			}
			return true
		}, r, pick(pool))
		st.done = n == 0 && r > 0
		it.reduce = func(t *Thread) (Object, error) {
			return st.reducePool(typ, pool, r, func() Object { return intsTuple(st.idx) }), nil
		}
		it.setstate = func(t *Thread, state Object) error {
			return st.restore(t, state, func(i, v int) int { return clampInt(v, 0, n-1) })
		}
		return it, nil
	})

	itType("permutations", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		pool, r, err := poolArgs(t, "permutations", args, kw, false)
		if err != nil {
			return nil, err
		}
		n := len(pool)
		indices := make([]int, n)
		for i := range indices {
			indices[i] = i
		}
		cycles := make([]int, max(r, 0))
		for i := range cycles {
			cycles[i] = n - i
		}
		it, st := newIndexIter(typ, func(idx []int, first bool) bool {
			if !first {
				i := r - 1
				for ; i >= 0; i-- {
					cycles[i]--
					if cycles[i] == 0 {
						// rotate indices[i:] left by one
						x := indices[i]
						copy(indices[i:], indices[i+1:])
						indices[n-1] = x
						cycles[i] = n - i
						continue
					}
					j := cycles[i]
					indices[i], indices[n-j] = indices[n-j], indices[i]
					break
				}
				if i < 0 {
					return false
				}
			} else if r > n {
				return false
			}
			copy(idx, indices[:r])
			return true
		}, r, pick(pool))
		st.done = r > n
		it.reduce = func(t *Thread) (Object, error) {
			return st.reducePool(typ, pool, r, func() Object {
				return NewTuple(intsTuple(indices), intsTuple(cycles))
			}), nil
		}
		it.setstate = func(t *Thread, state Object) error {
			items, err := stateTuple(state, 2, 2)
			if err != nil {
				return err
			}
			ix, ok1 := items[0].(*Tuple)
			cy, ok2 := items[1].(*Tuple)
			if !ok1 {
				return TypeErrorf("argument 1 must be tuple, not %s", typeName(items[0]))
			}
			if !ok2 {
				return TypeErrorf("argument 2 must be tuple, not %s", typeName(items[1]))
			}
			if len(ix.items) != n || len(cy.items) != r {
				return ValueErrorf("invalid arguments")
			}
			for i, x := range ix.items {
				v, err := stateIndex(t, x)
				if err != nil {
					return err
				}
				indices[i] = clampInt(int(v), 0, n-1)
			}
			for i, x := range cy.items {
				v, err := stateIndex(t, x)
				if err != nil {
					return err
				}
				cycles[i] = clampInt(int(v), 1, n-i)
			}
			copy(st.idx, indices[:r])
			st.first = false
			return nil
		}
		return it, nil
	})

	// tee
	teeType := itType("_tee", func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if err := collArgRange("_tee", args, kw, 1, 1); err != nil {
			return nil, err
		}
		src, err := Iter(t, args[0])
		if err != nil {
			return nil, err
		}
		if it, ok := src.(*itIter); ok && it.copyFn != nil {
			return it.copyFn(), nil
		}
		return newTeeOf(src), nil
	})
	teeType.AddMethod("__copy__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		it, ok := unwrap(self).(*itIter)
		if !ok || it.copyFn == nil {
			return nil, TypeErrorf("__copy__ requires a _tee object")
		}
		return it.copyFn(), nil
	})
	teeTypeRef = teeType
	for name, typ := range itTypes {
		if name != "pairwise" {
			withReduce(typ)
		}
	}
	initTeeData()
	for _, name := range []string{"_tee", "cycle", "accumulate", "chain", "islice", "zip_longest", "product",
		"combinations", "combinations_with_replacement", "permutations", "groupby", "dropwhile", "takewhile"} {
		withSetstate(itTypes[name])
	}

	RegisterNativeModule("itertools", func(t *Thread) (*Module, error) {
		m := NewModule("itertools")
		for name, typ := range itTypes {
			// finishTypes labels every built-in type "builtins"
			typ.Dict.SetStr("__module__", Intern("itertools"))
			m.Dict().SetStr(name, typ)
		}
		m.AddFunc("tee", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := collArgRange("itertools.tee", args, kw, 1, 2); err != nil {
				return nil, err
			}
			n := 2
			if len(args) == 2 {
				v, err := asSize(t, args[1])
				if err != nil {
					return nil, err
				}
				if v < 0 {
					return nil, ValueErrorf("n must be >= 0")
				}
				n = v
			}
			src, err := Iter(t, args[0])
			if err != nil {
				return nil, err
			}
			if n == 0 {
				return NewTuple(), nil
			}
			var first Object
			if it, ok := src.(*itIter); ok && it.copyFn != nil {
				first = it
			} else if cp, _ := GetAttrOpt(t, src, Intern("__copy__")); cp != nil {
				first = src
			} else {
				first = newTeeOf(src)
			}
			out := []Object{first}
			for i := 1; i < n; i++ {
				c, err := CallMethod(t, first, "__copy__")
				if err != nil {
					return nil, err
				}
				out = append(out, c)
			}
			return NewTuple(out...), nil
		})
		return m, nil
	})
}

var teeTypeRef *Type

// pick maps an index vector to the pool's items.
func pick(pool []Object) func(idx []int) []Object {
	return func(idx []int) []Object {
		out := make([]Object, len(idx))
		for i, j := range idx {
			out[i] = pool[j]
		}
		return out
	}
}

// poolArgs parses (iterable, r) for the combinatoric iterators.
func poolArgs(t *Thread, name string, args []Object, kw []string, rRequired bool) ([]Object, int, error) {
	var iterable, rObj Object
	req := 1
	if rRequired {
		req = 2
	}
	if err := ParseArgs(name, args, kw, []string{"iterable", "r"}, req, &iterable, &rObj); err != nil {
		return nil, 0, err
	}
	pool, err := ToSlice(t, iterable)
	if err != nil {
		return nil, 0, err
	}
	r := len(pool)
	if rObj != nil && (rObj != None || rRequired) {
		if !rRequired && !IsInstance(rObj, IntType) {
			// permutations checks the type itself, with its own message.
			return nil, 0, TypeErrorf("Expected int as r")
		}
		v, err := asSize(t, rObj)
		if err != nil {
			return nil, 0, err
		}
		if v < 0 {
			return nil, 0, ValueErrorf("r must be non-negative")
		}
		r = v
	}
	return pool, r, nil
}

// newIndexIter drives a combinatoric iterator: advance fills idx with the
// next index vector (first=true for the initial one) and reports whether
// there is one; emit turns it into the result tuple's items.
func newIndexIter(typ *Type, advance func(idx []int, first bool) bool, r int, emit func(idx []int) []Object) (*itIter, *indexState) {
	st := &indexState{idx: make([]int, r), first: true}
	it := &itIter{typ: typ}
	it.next = func(t *Thread) (Object, error) {
		if st.done {
			return nil, nil
		}
		ok := advance(st.idx, st.first)
		st.first = false
		if !ok {
			st.done = true
			return nil, nil
		}
		return NewTuple(emit(st.idx)...), nil
	}
	return it, st
}

// indexState is where a combinatoric iterator is: not started (first),
// exhausted (done), or at the index vector idx it last emitted.
type indexState struct {
	idx         []int
	first, done bool
}

// reducePool is the reduction of combinations and friends: (pool, r) with
// the current indices as the state once started, an empty pool once
// exhausted (CPython's form).
func (st *indexState) reducePool(typ *Type, pool []Object, r int, state func() Object) Object {
	switch {
	case st.first: // also when stopped at once (r too big)
		return reduced(typ, []Object{NewTuple(pool...), Int(r)})
	case st.done:
		return reduced(typ, []Object{emptyTuple, Int(r)})
	}
	return reduced(typ, []Object{NewTuple(pool...), Int(r)}, state())
}

// restore sets the index vector from a __setstate__ tuple, each index
// clamped by bound(i, index); the next call then advances from it.
func (st *indexState) restore(t *Thread, state Object, bound func(i, v int) int) error {
	tup, ok := state.(*Tuple)
	if !ok || len(tup.items) != len(st.idx) {
		return ValueErrorf("invalid arguments")
	}
	for i, x := range tup.items {
		v, err := stateIndex(t, x)
		if err != nil {
			return err
		}
		st.idx[i] = bound(i, int(v))
	}
	st.first = false
	return nil
}

// clampInt limits v to [lo, hi].
func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }

// intsTuple is a tuple of Python ints.
func intsTuple(v []int) *Tuple {
	items := make([]Object, len(v))
	for i, x := range v {
		items[i] = Int(x)
	}
	return NewTuple(items...)
}
