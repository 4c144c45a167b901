package py

import (
	"math"
	"math/big"
	"sync"
)

// __reduce__ and __setstate__ of the built-in iterators, so that pickle
// and copy save an iterator's position with CPython 3.11's reductions:
// (iter, (sequence,), index) for the sequence iterators, (iter, (list of
// what is left,)) for dict and set iterators, (type, args) for enumerate,
// zip, map and filter. An iterator that a next() found exhausted reduces
// to an iterator over an empty sequence, as in CPython.

// builtinIterFn is the builtins' iter, which the reductions call.
func builtinIterFn(t *Thread) Object { return t.interp.Builtins.Dict().GetStr("iter") }

// iterOver is the reduction (iter, (seq,)) or, with an index, (iter,
// (seq,), index).
func iterOver(t *Thread, seq Object, index ...Object) Object {
	if len(index) == 0 {
		return NewTuple(builtinIterFn(t), NewTuple(seq))
	}
	return NewTuple(builtinIterFn(t), NewTuple(seq), index[0])
}

// stateIndex reads the index __setstate__ is given (PyLong_AsSsize_t).
func stateIndex(t *Thread, st Object) (int64, error) {
	if !isIntLike(st) {
		return 0, TypeErrorf("an integer is required")
	}
	n, err := AsInt64(t, st)
	if err != nil && IsInstanceOf(err, OverflowErrorType) {
		return 0, NewError(OverflowErrorType, "Python int too large to convert to C ssize_t")
	}
	return n, err
}

// setIndexLocked is __setstate__ of an iterator guarded by mu: the index
// is stored with set unless the iterator is exhausted already.
func setIndexLocked(t *Thread, st Object, mu *sync.Mutex, done *bool, set func(i int64)) error {
	i, err := stateIndex(t, st)
	if err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	if !*done {
		set(i)
	}
	return nil
}

// clampIndex limits a restored index to [lo, hi], as CPython does.
func clampIndex(i, lo, hi int64) int64 { return max(lo, min(i, hi)) }

// reduceMethods adds __reduce__ and, when setstate is given, __setstate__
// to an iterator type.
func reduceMethods(typ *Type, reduce func(t *Thread, self Object) (Object, error), setstate func(t *Thread, self, st Object) error) {
	name := typ.Name()
	typ.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange(name+".__reduce__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return reduce(t, self)
	})
	if setstate == nil {
		return
	}
	typ.AddMethod("__setstate__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		st, err := collArgO(name+".__setstate__", args, kw)
		if err != nil {
			return nil, err
		}
		return None, setstate(t, self, st)
	})
}

func init() {
	// range.__reversed__ is a range iterator counting down, as in CPython
	// (reversed(range) pickles as one).
	RangeType.AddMethod("__reversed__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("range.__reversed__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		// the C-long iterator when CPython's range_reverse would use one:
		// step, -step and start-step all fit
		if r, ok := self.(*Range); ok && r.step != math.MinInt64 &&
			((r.step > 0 && uint64(r.start)-(1<<63) >= uint64(r.step)) ||
				(r.step < 0 && uint64(math.MaxInt64)-uint64(r.start) >= 0-uint64(r.step))) {
			n := r.length()
			if n == 0 {
				return &rangeIter{start: r.start - r.step, step: -r.step}, nil
			}
			return &rangeIter{start: r.start + (n-1)*r.step, step: -r.step, n: n}, nil
		}
		br := asBigRange(self)
		n := br.length()
		last := new(big.Int).Sub(n, big.NewInt(1))
		last.Mul(last, br.step)
		last.Add(last, br.start)
		if n.Sign() == 0 {
			last.Set(br.start)
		}
		step := new(big.Int).Neg(br.step)
		return &bigRangeIter{next: new(big.Int).Set(last), step: step, left: new(big.Int).Set(n), start: last, n: n}, nil
	})
	reduceMethods(ListIterType, func(t *Thread, self Object) (Object, error) {
		it := self.(*listIter)
		if it.done.Load() {
			return iterOver(t, NewList()), nil
		}
		return iterOver(t, it.l, Int(it.i.Load())), nil
	}, func(t *Thread, self, st Object) error {
		it := self.(*listIter)
		i, err := stateIndex(t, st)
		if err == nil && !it.done.Load() {
			it.i.Store(clampIndex(i, 0, int64(it.l.Len())))
		}
		return err
	})
	reduceMethods(TupleIterType, func(t *Thread, self Object) (Object, error) {
		it := self.(*tupleIter)
		i := it.i.v.Load()
		if i > int64(len(it.t.items)) { // a next() went past the end
			return iterOver(t, emptyTuple), nil
		}
		return iterOver(t, it.t, Int(i)), nil
	}, func(t *Thread, self, st Object) error {
		it := self.(*tupleIter)
		i, err := stateIndex(t, st)
		if err == nil && it.i.v.Load() <= int64(len(it.t.items)) {
			it.i.v.Store(clampIndex(i, 0, int64(len(it.t.items))))
		}
		return err
	})
	reduceMethods(RangeIterType, func(t *Thread, self Object) (Object, error) {
		it := self.(*rangeIter)
		// start + n*step can leave int64 (range(0, 2**63-1, 2**62))
		stop := new(big.Int).Mul(big.NewInt(it.n), big.NewInt(it.step))
		stop.Add(stop, big.NewInt(it.start))
		r, err := rangeNew(t, RangeType, []Object{Int(it.start), intFromBig(stop), Int(it.step)}, nil)
		if err != nil {
			return nil, err
		}
		return iterOver(t, r, Int(min(it.i.Load(), it.n))), nil
	}, func(t *Thread, self, st Object) error {
		it := self.(*rangeIter)
		i, err := stateIndex(t, st)
		if err == nil {
			it.i.Store(clampIndex(i, 0, it.n))
		}
		return err
	})
	reduceMethods(BigRangeIterType, func(t *Thread, self Object) (Object, error) {
		it := self.(*bigRangeIter)
		it.mu.Lock()
		stop := new(big.Int).Mul(it.n, it.step)
		stop.Add(stop, it.start)
		index := new(big.Int).Sub(it.n, it.left)
		it.mu.Unlock()
		r, err := rangeNew(t, RangeType, []Object{intFromBig(new(big.Int).Set(it.start)), intFromBig(stop), intFromBig(new(big.Int).Set(it.step))}, nil)
		if err != nil {
			return nil, err
		}
		return iterOver(t, r, intFromBig(index)), nil
	}, func(t *Thread, self, st Object) error {
		it := self.(*bigRangeIter)
		if !isIntLike(st) {
			return TypeErrorf("an integer is required")
		}
		b, err := AsBig(t, st)
		if err != nil {
			return err
		}
		i := new(big.Int).Set(b)
		if i.Sign() < 0 {
			i.SetInt64(0)
		} else if i.Cmp(it.n) > 0 {
			i.Set(it.n)
		}
		it.mu.Lock()
		it.left.Sub(it.n, i)
		it.next.Mul(i, it.step)
		it.next.Add(it.next, it.start)
		it.mu.Unlock()
		return nil
	})
	for _, typ := range []*Type{StrASCIIIterType, StrIterType} {
		reduceMethods(typ, func(t *Thread, self Object) (Object, error) {
			it := self.(*strIter)
			it.mu.Lock()
			defer it.mu.Unlock()
			if it.done {
				return iterOver(t, Intern("")), nil
			}
			return iterOver(t, it.s, Int(codePointIndex(it.s, it.pos))), nil
		}, func(t *Thread, self, st Object) error {
			it := self.(*strIter)
			return setIndexLocked(t, st, &it.mu, &it.done, func(i int64) {
				it.pos = byteOffset(it.s, int(clampIndex(i, 0, int64(it.s.n))))
			})
		})
	}
	reduceMethods(BytesIteratorType, func(t *Thread, self Object) (Object, error) {
		it := self.(*bytesIter)
		i := it.i.v.Load()
		if i > int64(len(it.b)) {
			return iterOver(t, emptyTuple), nil
		}
		return iterOver(t, NewBytes(it.b), Int(i)), nil
	}, func(t *Thread, self, st Object) error {
		it := self.(*bytesIter)
		i, err := stateIndex(t, st)
		if err == nil && it.i.v.Load() <= int64(len(it.b)) {
			it.i.v.Store(clampIndex(i, 0, int64(len(it.b))))
		}
		return err
	})
	reduceMethods(ByteArrayIteratorType, func(t *Thread, self Object) (Object, error) {
		it := self.(*byteArrayIter)
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.done {
			return iterOver(t, emptyTuple), nil
		}
		return iterOver(t, it.a, Int(it.i)), nil
	}, func(t *Thread, self, st Object) error {
		it := self.(*byteArrayIter)
		return setIndexLocked(t, st, &it.mu, &it.done, func(i int64) {
			it.i = int(clampIndex(i, 0, int64(it.a.length())))
		})
	})
	for _, typ := range DictIterTypes {
		reduceMethods(typ, func(t *Thread, self Object) (Object, error) {
			it := self.(*dictIter)
			it.mu.Lock()
			cp := &dictIter{d: it.d, pos: it.pos, used: it.used, tab: it.tab, kind: it.kind}
			it.mu.Unlock()
			return reduceDrained(t, cp.nextEntry)
		}, nil)
	}
	for _, typ := range []*Type{DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType} {
		reduceMethods(typ, func(t *Thread, self Object) (Object, error) {
			it := self.(*dictRevIter)
			it.mu.Lock()
			cp := &dictRevIter{d: it.d, pos: it.pos, used: it.used, tab: it.tab, kind: it.kind}
			it.mu.Unlock()
			return reduceDrained(t, cp.next)
		}, nil)
	}
	reduceMethods(SetIterType, func(t *Thread, self Object) (Object, error) {
		it := self.(*setIter)
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.d == nil {
			return iterOver(t, NewList()), nil
		}
		if it.d.Len() != it.used {
			return nil, NewError(RuntimeErrorType, "Set changed size during iteration")
		}
		return iterOver(t, NewList(append([]Object(nil), it.keys[it.pos:]...)...)), nil
	}, nil)
	reduceMethods(ListRevIterType, func(t *Thread, self Object) (Object, error) {
		it := self.(*listRevIter)
		i := it.i.v.Load()
		if i < 0 {
			return iterOver(t, NewList()), nil
		}
		return NewTuple(ReversedType, NewTuple(it.l), Int(i-1)), nil
	}, func(t *Thread, self, st Object) error {
		it := self.(*listRevIter)
		i, err := stateIndex(t, st)
		if err == nil && it.i.v.Load() >= 0 {
			it.i.v.Store(clampIndex(i, -1, int64(it.l.Len())-1) + 1)
		}
		return err
	})
	reduceMethods(CallIterType, func(t *Thread, self Object) (Object, error) {
		it := self.(*callIter)
		if it.done {
			return iterOver(t, emptyTuple), nil
		}
		return NewTuple(builtinIterFn(t), NewTuple(it.fn, it.sentinel)), nil
	}, nil)
	reduceMethods(IteratorType, func(t *Thread, self Object) (Object, error) {
		it, ok := self.(*seqIter)
		if !ok {
			return nil, TypeErrorf("cannot pickle '%s' object", typeName(self))
		}
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.done {
			return iterOver(t, emptyTuple), nil
		}
		return iterOver(t, it.seq, Int(it.i)), nil
	}, func(t *Thread, self, st Object) error {
		it, ok := self.(*seqIter)
		if !ok {
			return TypeErrorf("cannot set the state of '%s' object", typeName(self))
		}
		return setIndexLocked(t, st, &it.mu, &it.done, func(i int64) { it.i = int(max(i, 0)) })
	})
	reduceMethods(ReversedType, func(t *Thread, self Object) (Object, error) {
		r := unwrap(self).(*reversedIter)
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.done {
			return NewTuple(self.Type(), NewTuple(emptyTuple)), nil
		}
		return NewTuple(self.Type(), NewTuple(r.seq), Int(r.i)), nil
	}, func(t *Thread, self, st Object) error {
		r := unwrap(self).(*reversedIter)
		n, err := Len(t, r.seq)
		if err != nil {
			return err
		}
		return setIndexLocked(t, st, &r.mu, &r.done, func(i int64) { r.i = int(clampIndex(i, -1, int64(n)-1)) })
	})
	reduceMethods(EnumerateType, func(t *Thread, self Object) (Object, error) {
		e := unwrap(self).(*enumerateIter)
		e.mu.Lock()
		var n Object = Int(e.n)
		if e.big != nil {
			n = intFromBig(new(big.Int).Set(e.big))
		}
		e.mu.Unlock()
		return NewTuple(self.Type(), NewTuple(e.it, n)), nil
	}, nil)
	reduceMethods(ZipType, func(t *Thread, self Object) (Object, error) {
		z := unwrap(self).(*zipIter)
		z.mu.Lock()
		strict := z.strict
		z.mu.Unlock()
		if strict {
			return NewTuple(self.Type(), NewTuple(z.its...), True), nil
		}
		return NewTuple(self.Type(), NewTuple(z.its...)), nil
	}, func(t *Thread, self, st Object) error {
		z := unwrap(self).(*zipIter)
		strict, err := IsTrue(t, st)
		if err == nil {
			z.mu.Lock()
			z.strict = strict
			z.mu.Unlock()
		}
		return err
	})
	reduceMethods(MapType, func(t *Thread, self Object) (Object, error) {
		m := unwrap(self).(*mapIter)
		return NewTuple(self.Type(), NewTuple(append([]Object{m.fn}, m.its...)...)), nil
	}, nil)
	reduceMethods(FilterType, func(t *Thread, self Object) (Object, error) {
		f := unwrap(self).(*filterIter)
		fn := f.fn
		if fn == nil {
			fn = None
		}
		return NewTuple(self.Type(), NewTuple(fn, f.it)), nil
	}, nil)
}

// reduceDrained is the reduction of a dict iterator: iter over a list of
// what it has left, found by running next on a copy of its state so that
// the iterator itself does not move (CPython copies the iterator struct).
func reduceDrained(t *Thread, next func() (Object, error)) (Object, error) {
	var items []Object
	for {
		v, err := next()
		if err != nil {
			return nil, err
		}
		if v == nil {
			return iterOver(t, NewList(items...)), nil
		}
		items = append(items, v)
	}
}

// codePointIndex is the code point index of byte offset pos in s.
func codePointIndex(s *Str, pos int) int {
	if s.ascii {
		return pos
	}
	n := 0
	for rest := s.s[:pos]; rest != ""; n++ {
		_, size := decodeWTF8(rest)
		rest = rest[size:]
	}
	return n
}

// byteOffset is the byte offset of code point i in s.
func byteOffset(s *Str, i int) int {
	if s.ascii {
		return i
	}
	pos := 0
	for ; i > 0 && pos < len(s.s); i-- {
		_, size := decodeWTF8(s.s[pos:])
		pos += size
	}
	return pos
}

// asBigRange is a range with big.Int bounds (a *Range converted).
func asBigRange(o Object) *bigRange {
	if br, ok := o.(*bigRange); ok {
		return br
	}
	r := o.(*Range)
	return &bigRange{start: big.NewInt(r.start), stop: big.NewInt(r.stop), step: big.NewInt(r.step)}
}
