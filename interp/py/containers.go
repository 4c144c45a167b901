package py

import (
	"math"
	"strings"
	"sync"
	"sync/atomic"
)

var (
	SetType        = newBuiltinType("set", ObjectType)
	FrozenSetType  = newBuiltinType("frozenset", ObjectType)
	RangeType      = newBuiltinType("range", ObjectType)
	SliceType      = newBuiltinType("slice", ObjectType)
	BytesType      = newBuiltinType("bytes", ObjectType)
	IteratorType   = newBuiltinType("iterator", ObjectType)
	DictKeysType   = newBuiltinType("dict_keys", ObjectType)
	DictValuesType = newBuiltinType("dict_values", ObjectType)
	DictItemsType  = newBuiltinType("dict_items", ObjectType)
)

// Set is a set or frozenset, implemented over a Dict whose values are
// unused (keeping insertion order is harmless and simple).
type Set struct {
	d      *Dict
	frozen bool
	// a frozenset's hash, once computed (hashed set after hash is
	// stored): nested frozensets would otherwise rehash every level on
	// each lookup, exponentially in the depth, as CPython's cache avoids
	hashed atomic.Bool
	hash   atomic.Int64
}

// Type returns set or frozenset.
func (s *Set) Type() *Type {
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// NewSet makes an empty set.
func NewSet() *Set { return &Set{d: NewDict()} }

// NewFrozenSet makes an empty frozenset.
func NewFrozenSet() *Set { return &Set{d: NewDict(), frozen: true} }

func (s *Set) add(t *Thread, v Object) error { return s.d.SetItem(t, v, None) }

func (s *Set) update(t *Thread, it Object) error {
	return Iterate(t, it, func(v Object) (bool, error) { return true, s.add(t, v) })
}

// Items returns a snapshot of the elements.
func (s *Set) Items() []Object { return setOrderKeys(s.d) }

// Bytes is an immutable bytes object.
type Bytes struct{ b []byte }

// Type returns bytes.
func (*Bytes) Type() *Type { return BytesType }

// NewBytes makes bytes holding b (kept).
func NewBytes(b []byte) *Bytes { return &Bytes{b: b} }

// Data returns the bytes (do not modify).
func (b *Bytes) Data() []byte { return b.b }

// Slice is a slice object.
type Slice struct{ Start, Stop, Step Object }

// Type returns slice.
func (*Slice) Type() *Type { return SliceType }

// Range is a range object.
type Range struct{ start, stop, step int64 }

// Type returns range.
func (*Range) Type() *Type { return RangeType }

func (r *Range) length() int64 { return int64(rangeLen(r.start, r.stop, r.step)) }

// rangeLen is the number of items of range(start, stop, step), computed
// without overflow: the distance between two int64s always fits in a
// uint64 (range(-2**63, 2**63-1, 2**62) has 4 items). rangeNew makes a
// big range when the result does not fit in an int64.
func rangeLen(start, stop, step int64) uint64 {
	switch {
	case step > 0 && start < stop:
		return (uint64(stop)-uint64(start)-1)/uint64(step) + 1
	case step < 0 && start > stop:
		return (uint64(start)-uint64(stop)-1)/(0-uint64(step)) + 1
	}
	return 0
}

// ---- iterators ----

// rangeIter hands out start + i*step for i < n. i is one atomic counter,
// so threads sharing the iterator each get distinct items without a lock.
//
// The loop writes i on every iteration, so the iterator fills a whole
// cache line (64 bytes, a size class of its own): at 32 bytes two
// threads' iterators could share a line (Go's allocator packs small
// objects of one size class side by side) and every step of one loop
// would take the line away from the other core.
type rangeIter struct {
	start, step, n int64
	i              atomic.Int64
	_              [32]byte
}

// nextValue returns the next item, ok false at the end.
func (it *rangeIter) nextValue() (int64, bool) {
	if it.i.Load() >= it.n {
		return 0, false
	}
	i := it.i.Add(1) - 1
	if i >= it.n {
		return 0, false
	}
	return it.start + i*it.step, true
}

func (*rangeIter) Type() *Type { return RangeIterType }

// listIter iterates a list by index. Its position is atomic, so an
// iterator shared by threads hands each item out once without a lock of
// its own; once exhausted it stays exhausted, as in CPython.
type listIter struct {
	l    *List
	i    atomic.Int64
	done atomic.Bool
	// a whole cache line of its own, as rangeIter
	_ [39]byte
}

func (*listIter) Type() *Type { return ListIterType }

func (it *listIter) nextItem() Object {
	if it.done.Load() {
		return nil
	}
	v := it.l.At(int(it.i.Add(1) - 1))
	if v == nil {
		it.done.Store(true)
	}
	return v
}

type tupleIter struct {
	t *Tuple
	i atomicInt
}

func (*tupleIter) Type() *Type { return TupleIterType }

type seqIter struct {
	mu   sync.Mutex
	seq  Object
	i    int
	done bool
}

func (*seqIter) Type() *Type { return IteratorType }

type strIter struct {
	mu   sync.Mutex
	s    *Str
	pos  int  // byte position
	done bool // a next() found the end (__reduce__ then gives an empty str)
}

func (it *strIter) Type() *Type {
	if it.s.ascii {
		return StrASCIIIterType
	}
	return StrIterType
}

type dictIter struct {
	mu   sync.Mutex
	d    *Dict
	pos  int
	used int
	tab  *dictTable // the table it started on: another one means the keys moved
	kind int        // 0 keys, 1 values, 2 items
	seen int        // items handed out (for __length_hint__)
}

func (it *dictIter) Type() *Type { return DictIterTypes[it.kind] }

// nextEntry is next() of a dict iterator. The iterator's own lock orders
// threads sharing it; the dict is read without its lock (Dict.iterStep).
// No defer: this is the loop of every dict iteration.
func (it *dictIter) nextEntry() (Object, error) {
	it.mu.Lock()
	d := it.d
	if d == nil {
		it.mu.Unlock()
		return nil, nil
	}
	k, v, npos, status := d.iterStep(it.tab, it.used, it.pos, false)
	switch status {
	case iterSizeChanged:
		it.d = nil
		it.mu.Unlock()
		return nil, NewError(RuntimeErrorType, "dictionary changed size during iteration")
	case iterKeysChanged:
		it.d = nil
		it.mu.Unlock()
		return nil, NewError(RuntimeErrorType, "dictionary keys changed during iteration")
	case iterEnd:
		it.d = nil
		it.mu.Unlock()
		return nil, nil
	}
	it.pos = npos
	it.seen++
	it.mu.Unlock()
	switch it.kind {
	case 0:
		return k, nil
	case 1:
		return v, nil
	}
	return NewTuple(k, v), nil
}

// iterateDict is Iterate over a dict or one of its views (kind as in
// dictIter): the loop of nextEntry without an iterator
// object, whose lock only orders threads that share the iterator (no
// other thread can see this one).
func iterateDict(d *Dict, kind int, fn func(Object) (bool, error)) error {
	tab, used, _ := d.iterStart()
	pos := 0
	for {
		k, v, npos, status := d.iterStep(tab, used, pos, false)
		switch status {
		case iterSizeChanged:
			return NewError(RuntimeErrorType, "dictionary changed size during iteration")
		case iterKeysChanged:
			return NewError(RuntimeErrorType, "dictionary keys changed during iteration")
		case iterEnd:
			return nil
		}
		pos = npos
		switch kind {
		case 1:
			k = v
		case 2:
			k = NewTuple(k, v)
		}
		if cont, err := fn(k); err != nil || !cont {
			return err
		}
	}
}

// callIter is iter(callable, sentinel).
type callIter struct {
	fn, sentinel Object
	done         bool
}

func (*callIter) Type() *Type { return CallIterType }

// dictView is keys()/values()/items().
type dictView struct {
	d    *Dict
	kind int
}

func (v *dictView) Type() *Type {
	return [...]*Type{DictKeysType, DictValuesType, DictItemsType}[v.kind]
}

// next is next() of a str iterator. Apart from IteratorType.Next so
// that the deferred unlock does not cost that function its open-coded
// defers (it has too many returns): every iteration it runs (dict views,
// tuples, ...) paid for the defer records.
func (it *strIter) next() Object {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.pos >= len(it.s.s) {
		it.done = true
		return nil
	}
	if it.s.ascii {
		c := it.s.s[it.pos]
		it.pos++
		return charStrs[c]
	}
	r, n := decodeWTF8(it.s.s[it.pos:])
	it.pos += n
	return strFromRune(r)
}

// next is next() of an iterator over a sequence's __getitem__.
func (it *seqIter) next(t *Thread) (Object, error) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.done {
		return nil, nil
	}
	v, err := GetItem(t, it.seq, Int(it.i))
	if err != nil {
		if IsInstanceOf(err, IndexErrorType) || IsInstanceOf(err, StopIterationType) {
			it.done = true
			return nil, nil
		}
		return nil, err
	}
	it.i++
	return v, nil
}

func init() {
	IteratorType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	IteratorType.Next = func(t *Thread, o Object) (Object, error) {
		switch it := o.(type) {
		case *rangeIter:
			v, ok := it.nextValue()
			if !ok {
				return nil, nil
			}
			return t.boxInt(v), nil
		case *listIter:
			return it.nextItem(), nil
		case *tupleIter:
			i := int(it.i.add(1)) - 1
			if i >= len(it.t.items) {
				return nil, nil
			}
			return it.t.items[i], nil
		case *strIter:
			return it.next(), nil
		case *seqIter:
			return it.next(t)
		case *dictIter:
			return it.nextEntry()
		case *callIter:
			if it.done {
				return nil, nil
			}
			v, err := Call0(t, it.fn)
			if err != nil {
				if IsInstanceOf(err, StopIterationType) {
					it.done = true
					return nil, nil
				}
				return nil, err
			}
			eq, err := Equal(t, v, it.sentinel)
			if err != nil {
				return nil, err
			}
			if eq {
				it.done = true
				return nil, nil
			}
			return v, nil
		case *Generator:
			return genNext(t, it)
		}
		return nil, TypeErrorf("not an iterator")
	}
	IteratorType.Repr = func(t *Thread, o Object) (Object, error) {
		name := "iterator"
		switch o.(type) {
		case *listIter:
			name = "list_iterator"
		case *tupleIter:
			name = "tuple_iterator"
		case *rangeIter:
			name = "range_iterator"
		case *strIter:
			name = "str_ascii_iterator"
		case *dictIter:
			name = "dict_keyiterator"
		case *callIter:
			name = "callable_iterator"
		}
		return NewStr("<" + name + " object at " + hexID(o) + ">"), nil
	}
	IteratorType.Flags.And(^uint64(FlagBaseType))

	// ---- str ----
	StrType.Repr = func(t *Thread, o Object) (Object, error) {
		return NewStr(strRepr(unwrap(o).(*Str).s)), nil
	}
	StrType.Str = func(t *Thread, o Object) (Object, error) { return unwrap(o).(*Str), nil }
	StrType.Hash = func(t *Thread, o Object) (int64, error) { return unwrap(o).(*Str).Hash(), nil }
	StrType.Len = func(t *Thread, o Object) (int, error) { return unwrap(o).(*Str).n, nil }
	StrType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := unwrap(a).(*Str)
		y, ok2 := unwrap(b).(*Str)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return NewBool(cmpResult(strings.Compare(x.s, y.s), op)), nil
	}
	StrType.Num[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := unwrap(a).(*Str)
		y, ok2 := unwrap(b).(*Str)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return t.concatStr(x, y), nil
	}
	StrType.Num[NbMul] = func(t *Thread, a, b Object) (Object, error) {
		s, n, ok, err := seqRepeatArgs(t, a, b, StrType)
		if !ok || err != nil {
			return NotImplemented, err
		}
		x := unwrap(s).(*Str) // a str subclass repeats as its str
		if n <= 0 {
			return Intern(""), nil
		}
		if len(x.s) > 0 && n > math.MaxInt/len(x.s) {
			return nil, NewError(OverflowErrorType, "repeated string is too long")
		}
		if len(x.s) > 0 && n > (1<<34)/len(x.s) {
			return nil, NewError(MemoryErrorType, "")
		}
		if n == 1 || len(x.s) == 0 {
			return x, nil
		}
		st, buf := t.strBuf(len(x.s) * n)
		// doubling copies: log2(n) memmoves instead of n
		for at := copy(buf, x.s); at < len(buf); at *= 2 {
			copy(buf[at:], buf[:at])
		}
		return st.setText(x.n*n, x.ascii), nil
	}
	StrType.Num[NbMod] = func(t *Thread, a, b Object) (Object, error) {
		x, ok := unwrap(a).(*Str)
		if !ok {
			return NotImplemented, nil
		}
		return percentFormat(t, x, b)
	}
	StrType.Contains = func(t *Thread, o, v Object) (bool, error) {
		sub, ok := unwrap(v).(*Str)
		if !ok {
			return false, TypeErrorf("'in <string>' requires string as left operand, not %s", typeName(v))
		}
		return strings.Contains(unwrap(o).(*Str).s, sub.s), nil
	}
	StrType.Iter = func(t *Thread, o Object) (Object, error) { return &strIter{s: unwrap(o).(*Str)}, nil }
	StrType.GetItem = strGetItem
	StrType.New = strNew
	StrType.Flags.Or(FlagUnicodeSub)

	// ---- tuple ----
	TupleType.Repr = func(t *Thread, o Object) (Object, error) {
		tup := unwrap(o).(*Tuple)
		if len(tup.items) == 1 {
			r, err := ReprString(t, tup.items[0])
			if err != nil {
				return nil, err
			}
			return NewStr("(" + r + ",)"), nil
		}
		return seqRepr(t, o, tup.items, "(", ")")
	}
	TupleType.Len = func(t *Thread, o Object) (int, error) { return len(unwrap(o).(*Tuple).items), nil }
	TupleType.Hash = tupleHash
	TupleType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := unwrap(a).(*Tuple)
		y, ok2 := unwrap(b).(*Tuple)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return seqCompare(t, x.items, y.items, op)
	}
	TupleType.Iter = func(t *Thread, o Object) (Object, error) { return &tupleIter{t: unwrap(o).(*Tuple)}, nil }
	TupleType.Contains = func(t *Thread, o, v Object) (bool, error) { return seqContains(t, unwrap(o).(*Tuple).items, v) }
	TupleType.GetItem = func(t *Thread, o, key Object) (Object, error) {
		items := unwrap(o).(*Tuple).items
		if sl, ok := key.(*Slice); ok {
			r, err := sliceItems(t, items, sl)
			if err != nil {
				return nil, err
			}
			return NewTuple(r...), nil
		}
		i, err := seqIndex(t, key, len(items), "tuple")
		if err != nil {
			return nil, err
		}
		return items[i], nil
	}
	TupleType.Num[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := unwrap(a).(*Tuple)
		y, ok2 := unwrap(b).(*Tuple)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		items := make([]Object, 0, len(x.items)+len(y.items))
		return NewTuple(append(append(items, x.items...), y.items...)...), nil
	}
	TupleType.Num[NbMul] = func(t *Thread, a, b Object) (Object, error) {
		s, n, ok, err := seqRepeatArgs(t, a, b, TupleType)
		if !ok || err != nil {
			return NotImplemented, err
		}
		if n == 1 && s.Type() == TupleType {
			return s, nil // immutable: CPython returns the tuple itself
		}
		out, err := repeatItems(unwrap(s).(*Tuple).items, n)
		if err != nil {
			return nil, err
		}
		return NewTuple(out...), nil
	}
	TupleType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		args, kw, err := noKeywordsNew("tuple", typ, args, kw)
		if err != nil {
			return nil, err
		}
		var x Object
		if err := ParseArgs("tuple", args, kw, []string{""}, 0, &x); err != nil {
			return nil, err
		}
		var v Object = emptyTuple
		if x != nil {
			if tup, ok := x.(*Tuple); ok && typ == TupleType {
				return tup, nil
			}
			items, err := ToSlice(t, x)
			if err != nil {
				return nil, err
			}
			v = NewTuple(items...)
		}
		if typ != TupleType {
			return newSubclassInstance(typ, v), nil
		}
		return v, nil
	}
	TupleType.Flags.Or(FlagTupleSub | FlagSequence)

	// ---- list ----
	ListType.Repr = func(t *Thread, o Object) (Object, error) {
		l := unwrap(o).(*List)
		return seqRepr(t, o, l.snapshot(), "[", "]")
	}
	ListType.Len = func(t *Thread, o Object) (int, error) { return unwrap(o).(*List).Len(), nil }
	ListType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := unwrap(a).(*List)
		y, ok2 := unwrap(b).(*List)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return seqCompare(t, x.snapshot(), y.snapshot(), op)
	}
	ListType.Iter = func(t *Thread, o Object) (Object, error) { return &listIter{l: unwrap(o).(*List)}, nil }
	ListType.Contains = func(t *Thread, o, v Object) (bool, error) { return seqContains(t, unwrap(o).(*List).snapshot(), v) }
	ListType.GetItem = listGetItem
	ListType.SetItem = listSetItem
	ListType.Num[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := unwrap(a).(*List)
		y, ok2 := unwrap(b).(*List)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		xs, ys := x.snapshot(), y.snapshot()
		return NewList(append(xs, ys...)...), nil
	}
	ListType.INum[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		if err := listExtend(t, unwrap(a).(*List), b); err != nil {
			return nil, err
		}
		return a, nil
	}
	ListType.Num[NbMul] = func(t *Thread, a, b Object) (Object, error) {
		s, n, ok, err := seqRepeatArgs(t, a, b, ListType)
		if !ok || err != nil {
			return NotImplemented, err
		}
		out, err := repeatItems(unwrap(s).(*List).snapshot(), n)
		if err != nil {
			return nil, err
		}
		return NewList(out...), nil
	}
	ListType.INum[NbMul] = func(t *Thread, a, b Object) (Object, error) {
		n, err := IndexInt(t, b)
		if err != nil {
			return NotImplemented, nil
		}
		l := unwrap(a).(*List)
		l.mu.Lock()
		out, err := repeatItems(l.items, n)
		if err == nil {
			l.publish(out)
		}
		l.mu.Unlock()
		if err != nil {
			return nil, err
		}
		return a, nil
	}
	ListType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if typ == ListType {
			return NewList(), nil
		}
		return newSubclassInstance(typ, NewList()), nil
	}
	ListType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		args, kw, err := noKeywordsInit("list", self, ListType, args, kw)
		if err != nil {
			return err
		}
		var x Object
		if err := ParseArgs("list", args, kw, []string{""}, 0, &x); err != nil {
			return err
		}
		l := unwrap(self).(*List)
		l.mu.Lock()
		l.publish(nil)
		l.mu.Unlock()
		if x != nil {
			return listExtend(t, l, x)
		}
		return nil
	}
	ListType.Flags.Or(FlagListSub | FlagSequence)

	// ---- dict ----
	DictType.Repr = dictRepr
	DictType.Len = func(t *Thread, o Object) (int, error) { return unwrap(o).(*Dict).Len(), nil }
	DictType.Iter = func(t *Thread, o Object) (Object, error) { return newDictIter(unwrap(o).(*Dict), 0), nil }
	DictType.Contains = func(t *Thread, o, v Object) (bool, error) {
		r, err := unwrap(o).(*Dict).GetItem(t, v)
		return r != nil, err
	}
	DictType.GetItem = func(t *Thread, o, key Object) (Object, error) {
		d := unwrap(o).(*Dict)
		v, err := d.GetItem(t, key)
		if err != nil {
			return nil, err
		}
		if v == nil {
			if in, ok := o.(*Instance); ok {
				if r, found, err := callSpecial(t, in, "__missing__", key); found {
					return r, err
				}
			}
			return nil, NewException(KeyErrorType, key)
		}
		return v, nil
	}
	DictType.SetItem = func(t *Thread, o, key, v Object) error {
		d := unwrap(o).(*Dict)
		if v == nil {
			found, err := d.DelItem(t, key)
			if err == nil && !found {
				err = NewException(KeyErrorType, key)
			}
			return err
		}
		return d.SetItem(t, key, v)
	}
	DictType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := unwrap(a).(*Dict)
		y, ok2 := unwrap(b).(*Dict)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq, err := dictEqual(t, x, y)
		return NewBool(eq == (op == EQ)), err
	}
	DictType.Num[NbOr] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := unwrap(a).(*Dict)
		y, ok2 := unwrap(b).(*Dict)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		n := x.Copy()
		return n, n.Update(t, y)
	}
	DictType.INum[NbOr] = func(t *Thread, a, b Object) (Object, error) {
		return a, dictUpdateFrom(t, unwrap(a).(*Dict), b)
	}
	DictType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if typ == DictType {
			return NewDict(), nil
		}
		return newSubclassInstance(typ, NewDict()), nil
	}
	DictType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		return dictInitArgs(t, unwrap(self).(*Dict), args, kw, "dict")
	}
	DictType.Flags.Or(FlagDictSub | FlagMapping)

	// dict views
	for k, vt := range []*Type{DictKeysType, DictValuesType, DictItemsType} {
		kind := k
		vt.Iter = func(t *Thread, o Object) (Object, error) { return newDictIter(o.(*dictView).d, kind), nil }
		vt.Len = func(t *Thread, o Object) (int, error) { return o.(*dictView).d.Len(), nil }
		vt.Repr = func(t *Thread, o Object) (Object, error) {
			items, err := ToSlice(t, o)
			if err != nil {
				return nil, err
			}
			r, err := seqRepr(t, o, items, "[", "]")
			if err != nil {
				return nil, err
			}
			return NewStr(vt.Name() + "(" + r.(*Str).s + ")"), nil
		}
		vt.Flags.And(^uint64(FlagBaseType))
	}
	DictKeysType.Contains = func(t *Thread, o, v Object) (bool, error) {
		r, err := o.(*dictView).d.GetItem(t, v)
		return r != nil, err
	}
	DictItemsType.Contains = func(t *Thread, o, v Object) (bool, error) {
		tup, ok := v.(*Tuple)
		if !ok || len(tup.items) != 2 {
			return false, nil
		}
		r, err := o.(*dictView).d.GetItem(t, tup.items[0])
		if err != nil || r == nil {
			return false, err
		}
		return Equal(t, r, tup.items[1])
	}

	// ---- set / frozenset ----
	for _, st := range []*Type{SetType, FrozenSetType} {
		st.Len = func(t *Thread, o Object) (int, error) { return unwrap(o).(*Set).d.Len(), nil }
		st.Iter = func(t *Thread, o Object) (Object, error) { return newDictIter(unwrap(o).(*Set).d, 0), nil }
		st.Contains = func(t *Thread, o, v Object) (bool, error) { return setHas(t, unwrap(o).(*Set), v) }
		st.Repr = setRepr
		st.RichCompare = setRichCompare
		st.Num[NbOr] = setOp(NbOr)
		st.Num[NbAnd] = setOp(NbAnd)
		st.Num[NbSub] = setOp(NbSub)
		st.Num[NbXor] = setOp(NbXor)
	}
	SetType.INum[NbOr] = setInplace(NbOr)
	SetType.INum[NbAnd] = setInplace(NbAnd)
	SetType.INum[NbSub] = setInplace(NbSub)
	SetType.INum[NbXor] = setInplace(NbXor)
	FrozenSetType.Hash = frozensetHash
	SetType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if typ == SetType {
			return NewSet(), nil
		}
		return newSubclassInstance(typ, NewSet()), nil
	}
	SetType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		// unlike list's, set's __init__ refuses keywords even when a
		// subclass's own __new__ took them (CPython 3.11's set_init)
		if len(kw) > 0 {
			return TypeErrorf("set() takes no keyword arguments")
		}
		var x Object
		if err := ParseArgs("set", args, kw, []string{""}, 0, &x); err != nil {
			return err
		}
		s := unwrap(self).(*Set)
		s.d.Clear()
		if x != nil {
			return s.update(t, x)
		}
		return nil
	}
	FrozenSetType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		args, kw, err := noKeywordsNew("frozenset", typ, args, kw)
		if err != nil {
			return nil, err
		}
		var x Object
		if err := ParseArgs("frozenset", args, kw, []string{""}, 0, &x); err != nil {
			return nil, err
		}
		if fs, ok := x.(*Set); ok && fs.frozen && typ == FrozenSetType {
			return fs, nil
		}
		s := NewFrozenSet()
		if x != nil {
			if err := s.update(t, x); err != nil {
				return nil, err
			}
		}
		if typ != FrozenSetType {
			return newSubclassInstance(typ, s), nil
		}
		return s, nil
	}

	// ---- range / slice ----
	RangeType.New = rangeNew
	RangeType.Len = func(t *Thread, o Object) (int, error) {
		if br, ok := o.(*bigRange); ok {
			return bigRangeLen(br)
		}
		return int(o.(*Range).length()), nil
	}
	// truth without len(), which overflows for a range of 2**63 items or more
	RangeType.Bool = func(t *Thread, o Object) (bool, error) {
		if br, ok := o.(*bigRange); ok {
			return br.length().Sign() != 0, nil
		}
		return o.(*Range).length() != 0, nil
	}
	RangeType.Iter = func(t *Thread, o Object) (Object, error) {
		if br, ok := o.(*bigRange); ok {
			return newBigRangeIter(br), nil
		}
		r := o.(*Range)
		n := r.length()
		// CPython counts in C longs only when start + n*step cannot
		// overflow either: its reduction rebuilds the range from that
		if n > 0 && ((r.step > 0 && r.stop > math.MaxInt64-(r.step-1)) || (r.step < 0 && r.stop < math.MinInt64+(-1-r.step))) {
			return newBigRangeIter(asBigRange(r)), nil
		}
		return &rangeIter{start: r.start, step: r.step, n: n}, nil
	}
	RangeType.Repr = func(t *Thread, o Object) (Object, error) {
		if br, ok := o.(*bigRange); ok {
			return NewStr(bigRangeRepr(br)), nil
		}
		r := o.(*Range)
		if r.step == 1 {
			return NewStr("range(" + itoa64(r.start) + ", " + itoa64(r.stop) + ")"), nil
		}
		return NewStr("range(" + itoa64(r.start) + ", " + itoa64(r.stop) + ", " + itoa64(r.step) + ")"), nil
	}
	RangeType.GetItem = rangeGetItem
	RangeType.Contains = func(t *Thread, o, v Object) (bool, error) {
		if br, ok := o.(*bigRange); ok {
			return bigRangeContains(t, br, v)
		}
		r := o.(*Range)
		if x, ok := v.(Int); ok {
			i := int64(x)
			if r.step > 0 && (i < r.start || i >= r.stop) || r.step < 0 && (i > r.start || i <= r.stop) {
				return false, nil
			}
			return (i-r.start)%r.step == 0, nil
		}
		return seqContainsIter(t, o, v)
	}
	RangeType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		if a.Type() != RangeType || b.Type() != RangeType || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		x, y := rangeKey(a), rangeKey(b)
		eq := x[0].Cmp(y[0]) == 0
		for i := 1; eq && i < 3 && x[i] != nil; i++ {
			eq = x[i].Cmp(y[i]) == 0
		}
		return NewBool(eq == (op == EQ)), nil
	}
	RangeType.Hash = func(t *Thread, o Object) (int64, error) {
		k := rangeKey(o)
		items := []Object{None, None, None}
		for i, v := range k {
			if v != nil {
				items[i] = intFromBig(v)
			}
		}
		return tupleHash(t, NewTuple(items...))
	}
	RangeType.Flags.Or(FlagSequence)
	RangeType.Flags.And(^uint64(FlagBaseType))
	SliceType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		switch len(args) {
		case 1:
			return &Slice{Start: None, Stop: args[0], Step: None}, nil
		case 2:
			return &Slice{Start: args[0], Stop: args[1], Step: None}, nil
		case 3:
			return &Slice{Start: args[0], Stop: args[1], Step: args[2]}, nil
		}
		return nil, TypeErrorf("slice expected at least 1 argument, got %d", len(args))
	}
	SliceType.Repr = func(t *Thread, o Object) (Object, error) {
		s := o.(*Slice)
		a, _ := ReprString(t, s.Start)
		b, _ := ReprString(t, s.Stop)
		c, _ := ReprString(t, s.Step)
		return NewStr("slice(" + a + ", " + b + ", " + c + ")"), nil
	}
	SliceType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := a.(*Slice)
		y, ok2 := b.(*Slice)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return seqCompare(t, []Object{x.Start, x.Stop, x.Step}, []Object{y.Start, y.Stop, y.Step}, op)
	}
	SliceType.Flags.And(^uint64(FlagBaseType))

	// ---- bytes ----
	BytesType.Repr = func(t *Thread, o Object) (Object, error) { return NewStr(bytesRepr(unwrap(o).(*Bytes).b)), nil }
	// bytes.__str__ is bytes' own repr, even for a subclass that
	// overrides __repr__ (CPython's bytes_str)
	BytesType.Str = func(t *Thread, o Object) (Object, error) { return NewStr(bytesRepr(unwrap(o).(*Bytes).b)), nil }
	BytesType.Len = func(t *Thread, o Object) (int, error) { return len(unwrap(o).(*Bytes).b), nil }
	BytesType.Hash = func(t *Thread, o Object) (int64, error) { return NewStr(string(unwrap(o).(*Bytes).b)).Hash(), nil }
	BytesType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := unwrap(a).(*Bytes)
		y, ok2 := unwrap(b).(*Bytes)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return NewBool(cmpResult(strings.Compare(string(x.b), string(y.b)), op)), nil
	}
	BytesType.Num[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := unwrap(a).(*Bytes)
		y, ok2 := unwrap(b).(*Bytes)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return NewBytes(append(append([]byte(nil), x.b...), y.b...)), nil
	}
	BytesType.Iter = func(t *Thread, o Object) (Object, error) {
		b := unwrap(o).(*Bytes).b
		items := make([]Object, len(b))
		for i, c := range b {
			items[i] = Int(c)
		}
		return &tupleIter{t: NewTuple(items...)}, nil
	}
	BytesType.GetItem = func(t *Thread, o, key Object) (Object, error) {
		b := unwrap(o).(*Bytes).b
		if sl, ok := key.(*Slice); ok {
			start, _, step, n, err := sliceIndices(t, sl, len(b))
			if err != nil {
				return nil, err
			}
			out := make([]byte, n)
			for i := 0; i < n; i++ {
				out[i] = b[start+i*step]
			}
			return NewBytes(out), nil
		}
		i, err := seqIndex(t, key, len(b), "index")
		if err != nil {
			return nil, err
		}
		return Int(b[i]), nil
	}
	BytesType.Contains = func(t *Thread, o, v Object) (bool, error) {
		b := unwrap(o).(*Bytes).b
		if sub, ok := unwrap(v).(*Bytes); ok {
			return strings.Contains(string(b), string(sub.b)), nil
		}
		i, err := IndexInt(t, v)
		if err != nil {
			return false, err
		}
		return strings.IndexByte(string(b), byte(i)) >= 0, nil
	}
	// No FlagSequence: bytes, like str, never matches a sequence pattern.
	BytesType.Flags.Or(FlagBytesSub)
	BytesType.Doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n" +
		"bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> that many zero bytes\n" +
		"bytes() -> b''\n\nAn immutable sequence of integers in range(256)."

	registerType(StrType, TupleType, ListType, DictType, SetType, FrozenSetType, RangeType, SliceType, BytesType,
		IteratorType, DictKeysType, DictValuesType, DictItemsType)
}

func newDictIter(d *Dict, kind int) *dictIter {
	tab, used, _ := d.iterStart()
	return &dictIter{d: d, used: used, tab: tab, kind: kind}
}

func itoa64(v int64) string { return intString(Int(v)) }

func hexID(o Object) string { return "0x" + strings.ToLower(uintHex(uint64(Id(o)))) }

func uintHex(v uint64) string {
	const digits = "0123456789abcdef"
	if v == 0 {
		return "0"
	}
	var b [16]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = digits[v&15]
		v >>= 4
	}
	return string(b[i:])
}
