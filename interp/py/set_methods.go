package py

import "sync"

// set and frozenset methods. A Set keeps its elements as the keys of a
// Dict, so each single operation is atomic through the dict's mutex;
// operations combining two sets read snapshots of the other operand.

// setKey makes an element usable for lookup: a set argument to remove,
// discard or `in` is looked up as the equal frozenset, as in CPython.
func setKey(t *Thread, v Object, err error) (Object, bool) {
	if err == nil || !IsInstanceOf(err, TypeErrorType) {
		return nil, false
	}
	// an unhashable set (or set subclass instance) is looked up as the
	// frozenset of its items, as CPython's set_contains/discard/remove do
	if s, ok := unwrap(v).(*Set); ok && !s.frozen {
		return &Set{d: s.d, frozen: true}, true
	}
	return nil, false
}

// setHas reports whether s contains v (with the frozenset fallback).
func setHas(t *Thread, s *Set, v Object) (bool, error) {
	r, err := s.d.GetItem(t, v)
	if k, ok := setKey(t, v, err); ok {
		r, err = s.d.GetItem(t, k)
	}
	return r != nil, err
}

// setDiscard removes v if present.
func setDiscard(t *Thread, s *Set, v Object) (bool, error) {
	_, found, err := s.d.Pop(t, v)
	if k, ok := setKey(t, v, err); ok {
		_, found, err = s.d.Pop(t, k)
	}
	return found, err
}

// newSetLike makes an empty set of the same built-in kind as s.
func newSetLike(frozen bool) *Set { return &Set{d: NewDict(), frozen: frozen} }

// setCopyOf copies s's elements into a new set or frozenset.
func setCopyOf(s *Set, frozen bool) *Set {
	return &Set{d: s.d.Copy(), frozen: frozen}
}

// iterItems returns the elements of an arbitrary iterable; sets and dicts
// are read as snapshots of their keys.
func iterItems(t *Thread, o Object) ([]Object, error) {
	switch x := unwrap(o).(type) {
	case *Set:
		return x.Items(), nil
	case *Dict:
		if _, isInst := o.(*Instance); !isInst {
			return x.Keys(), nil
		}
	}
	return ToSlice(t, o)
}

// asSetOperand returns o as a set for membership tests, converting an
// arbitrary iterable.
func asSetOperand(t *Thread, o Object) (*Set, error) {
	if s, ok := unwrap(o).(*Set); ok {
		return s, nil
	}
	s := NewSet()
	if err := s.update(t, o); err != nil {
		return nil, err
	}
	return s, nil
}

func setIntersect(t *Thread, s *Set, other Object, frozen bool) (*Set, error) {
	out := newSetLike(frozen)
	items, err := iterItems(t, other)
	if err != nil {
		return nil, err
	}
	for _, v := range items {
		in, err := setHas(t, s, v)
		if err != nil {
			return nil, err
		}
		if in {
			if err := out.add(t, v); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func setDifferenceUpdate(t *Thread, s *Set, other Object) error {
	if o, ok := unwrap(other).(*Set); ok && o == s {
		s.d.Clear()
		return nil
	}
	items, err := iterItems(t, other)
	if err != nil {
		return err
	}
	for _, v := range items {
		if _, _, err := s.d.Pop(t, v); err != nil {
			return err
		}
	}
	return nil
}

func setSymDiffUpdate(t *Thread, s *Set, other Object) error {
	if o, ok := unwrap(other).(*Set); ok && o == s {
		s.d.Clear()
		return nil
	}
	o, err := asSetOperand(t, other)
	if err != nil {
		return err
	}
	for _, v := range o.Items() {
		found, err := setDiscard(t, s, v)
		if err != nil {
			return err
		}
		if !found {
			if err := s.add(t, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// setIsSubset reports whether every element of a is in b.
func setIsSubset(t *Thread, a, b *Set) (bool, error) {
	if a.d.Len() > b.d.Len() {
		return false, nil
	}
	for _, v := range a.Items() {
		in, err := setHas(t, b, v)
		if err != nil || !in {
			return false, err
		}
	}
	return true, nil
}

// dictPopFirst removes and returns the oldest key of d (set.pop).
func dictPopFirst(d *Dict) (Object, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	tab := d.tab.Load()
	if tab == nil {
		return nil, false
	}
	n := d.n()
	for i := 0; i < n; i++ {
		k := tab.entries[i].key.get()
		if k == nil {
			continue
		}
		d.deleteLocked(tab, i, tab.slotOf(i))
		if used := d.used(); used == 0 {
			d.setTable(nil, 0)
			d.bump()
		} else if i > 16 && i > 2*used {
			// many dead entries at the front: compact them away so that
			// repeated pops stay linear overall
			d.resize(used)
			d.bump()
		}
		return k, true
	}
	return nil, false
}

func setSelf(self Object) *Set { return unwrap(self).(*Set) }

func init() {
	// set.__contains__ is a METH_O method in CPython, not a slot wrapper,
	// so its argument errors name the type
	for _, typ := range []*Type{SetType, FrozenSetType} {
		typ := typ
		qual := typ.Name() + ".__contains__"
		typ.AddMethod("__contains__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			arg, err := collArgO(qual, args, kw)
			if err != nil {
				return nil, err
			}
			b, err := LoadPtr(&typ.Contains)(t, self, arg)
			return Bool(b), err
		})
	}
	for _, st := range []*Type{SetType, FrozenSetType} {
		st := st
		name := st.Name()
		frozenOf := func(self Object) bool { return setSelf(self).frozen }
		st.AddMethod("copy", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := collArgNone(name+".copy", args, kw); err != nil {
				return nil, err
			}
			s := setSelf(self)
			if s.frozen && self.Type() == FrozenSetType {
				return s, nil
			}
			return setCopyOf(s, s.frozen), nil
		})
		st.AddMethod("union", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("%s.union() takes no keyword arguments", name)
			}
			out := setCopyOf(setSelf(self), frozenOf(self))
			for _, o := range args {
				if err := out.update(t, o); err != nil {
					return nil, err
				}
			}
			return out, nil
		})
		st.AddMethod("intersection", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("%s.intersection() takes no keyword arguments", name)
			}
			out := setCopyOf(setSelf(self), frozenOf(self))
			for _, o := range args {
				r, err := setIntersect(t, out, o, frozenOf(self))
				if err != nil {
					return nil, err
				}
				out = r
			}
			return out, nil
		})
		st.AddMethod("difference", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("%s.difference() takes no keyword arguments", name)
			}
			out := setCopyOf(setSelf(self), frozenOf(self))
			for _, o := range args {
				if err := setDifferenceUpdate(t, out, o); err != nil {
					return nil, err
				}
			}
			return out, nil
		})
		st.AddMethod("symmetric_difference", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			o, err := collArgO(name+".symmetric_difference", args, kw)
			if err != nil {
				return nil, err
			}
			out := setCopyOf(setSelf(self), frozenOf(self))
			if os, ok := unwrap(o).(*Set); ok && os == setSelf(self) {
				return newSetLike(frozenOf(self)), nil
			}
			return out, setSymDiffUpdate(t, out, o)
		})
		st.AddMethod("issubset", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			o, err := collArgO(name+".issubset", args, kw)
			if err != nil {
				return nil, err
			}
			other, err := asSetOperand(t, o)
			if err != nil {
				return nil, err
			}
			r, err := setIsSubset(t, setSelf(self), other)
			return Bool(r), err
		})
		st.AddMethod("issuperset", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			o, err := collArgO(name+".issuperset", args, kw)
			if err != nil {
				return nil, err
			}
			s := setSelf(self)
			items, err := iterItems(t, o)
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				in, err := setHas(t, s, v)
				if err != nil || !in {
					return False, err
				}
			}
			return True, nil
		})
		st.AddMethod("isdisjoint", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			o, err := collArgO(name+".isdisjoint", args, kw)
			if err != nil {
				return nil, err
			}
			s := setSelf(self)
			items, err := iterItems(t, o)
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				in, err := setHas(t, s, v)
				if err != nil || in {
					return False, err
				}
			}
			return True, nil
		})
		st.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := argCount(st.Name()+".__reduce__", args, kw, 0, 0); err != nil {
				return nil, err
			}
			// the state is __getstate__()'s (instance dict and __slots__
			// values), as 3.11's set_reduce asks for it
			state, err := CallMethod(t, self, "__getstate__")
			if err != nil {
				return nil, err
			}
			return NewTuple(self.Type(), NewTuple(NewList(setSelf(self).Items()...)), state), nil
		})
		st.AddMethod("__sizeof__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := argCount(st.Name()+".__sizeof__", args, kw, 0, 0); err != nil {
				return nil, err
			}
			return Int(200 + 16*setSelf(self).d.Len()), nil
		})
	}

	s := SetType
	s.AddMethod("add", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("set.add", args, kw)
		if err != nil {
			return nil, err
		}
		return None, setSelf(self).add(t, v)
	})
	s.AddMethod("discard", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("set.discard", args, kw)
		if err != nil {
			return nil, err
		}
		_, err = setDiscard(t, setSelf(self), v)
		return None, err
	})
	s.AddMethod("remove", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("set.remove", args, kw)
		if err != nil {
			return nil, err
		}
		found, err := setDiscard(t, setSelf(self), v)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, NewException(KeyErrorType, v)
		}
		return None, nil
	})
	s.AddMethod("pop", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("set.pop", args, kw); err != nil {
			return nil, err
		}
		d := setSelf(self).d
		// small sets pop the element CPython would (the first in its
		// table order); large ones the oldest, to keep draining linear
		if n := d.Len(); n > 0 && n <= 2048 {
			for {
				keys := setOrderKeys(d)
				if len(keys) == 0 {
					break
				}
				_, found, err := d.Pop(t, keys[0])
				if err != nil {
					return nil, err
				}
				if found {
					return keys[0], nil
				}
			}
		}
		v, ok := dictPopFirst(d)
		if !ok {
			return nil, NewException(KeyErrorType, NewStr("pop from an empty set"))
		}
		return v, nil
	})
	s.AddMethod("clear", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("set.clear", args, kw); err != nil {
			return nil, err
		}
		setSelf(self).d.Clear()
		return None, nil
	})
	s.AddMethod("update", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("set.update() takes no keyword arguments")
		}
		for _, o := range args {
			items, err := iterItems(t, o)
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				if err := setSelf(self).add(t, v); err != nil {
					return nil, err
				}
			}
		}
		return None, nil
	})
	s.AddMethod("intersection_update", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("set.intersection_update() takes no keyword arguments")
		}
		x := setSelf(self)
		cur := setCopyOf(x, false)
		for _, o := range args {
			r, err := setIntersect(t, cur, o, false)
			if err != nil {
				return nil, err
			}
			cur = r
		}
		x.d.Clear()
		return None, x.d.Update(t, cur.d)
	})
	s.AddMethod("difference_update", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("set.difference_update() takes no keyword arguments")
		}
		for _, o := range args {
			if err := setDifferenceUpdate(t, setSelf(self), o); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	s.AddMethod("symmetric_difference_update", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		o, err := collArgO("set.symmetric_difference_update", args, kw)
		if err != nil {
			return nil, err
		}
		return None, setSymDiffUpdate(t, setSelf(self), o)
	})
}

// SetIterType is the type of iter(set): a dict key iterator over the
// set's table with the set's own error message.
var SetIterType = newBuiltinType("set_iterator", ObjectType)

type setIter struct {
	mu   sync.Mutex
	d    *Dict // nil when exhausted
	keys []Object
	pos  int
	used int
}

func (*setIter) Type() *Type { return SetIterType }

func newSetIter(d *Dict) *setIter {
	keys := setOrderKeys(d)
	return &setIter{d: d, keys: keys, used: len(keys)}
}

func init() {
	for _, st := range []*Type{SetType, FrozenSetType} {
		st.Iter = func(t *Thread, o Object) (Object, error) { return newSetIter(unwrap(o).(*Set).d), nil }
	}
	SetIterType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	SetIterType.Next = func(t *Thread, o Object) (Object, error) {
		it := o.(*setIter)
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.d == nil {
			return nil, nil
		}
		if it.d.Len() != it.used {
			it.d = nil
			return nil, NewError(RuntimeErrorType, "Set changed size during iteration")
		}
		if it.pos >= len(it.keys) {
			it.d, it.keys = nil, nil
			return nil, nil
		}
		v := it.keys[it.pos]
		it.pos++
		return v, nil
	}
	SetIterType.AddMethod("__length_hint__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		it := self.(*setIter)
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.d == nil {
			return Int(0), nil
		}
		return Int(len(it.keys) - it.pos), nil
	})
	SetIterType.Flags.And(^uint64(FlagBaseType))
	registerType(SetIterType)
}

// setOrderKeys returns d's keys in the order CPython's set table would
// hold them had they been added in d's insertion order: sets print and
// iterate in that order (small ints come out sorted, as users expect).
// Deletions and the pre-sizing of bulk updates are not replayed, so the
// order can still differ from CPython's after those.
func setOrderKeys(d *Dict) []Object {
	entries := d.Items()
	if len(entries) < 2 {
		keys := make([]Object, len(entries))
		for i, e := range entries {
			keys[i] = e.key
		}
		return keys
	}
	const linearProbes = 9
	table := make([]int32, 8)
	for i := range table {
		table[i] = -1
	}
	insert := func(table []int32, idx int32, hash int64) {
		mask := uint64(len(table) - 1)
		perturb := uint64(hash)
		i := uint64(hash) & mask
		for {
			probes := uint64(0)
			if i+linearProbes <= mask {
				probes = linearProbes
			}
			for j := uint64(0); j <= probes; j++ {
				if table[i+j] < 0 {
					table[i+j] = idx
					return
				}
			}
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
	}
	fill := 0
	for idx, e := range entries {
		insert(table, int32(idx), e.hash)
		fill++
		if fill*5 >= (len(table)-1)*3 {
			minused := fill * 4
			if fill > 50000 {
				minused = fill * 2
			}
			size := 8
			for size <= minused {
				size <<= 1
			}
			nt := make([]int32, size)
			for i := range nt {
				nt[i] = -1
			}
			for _, ix := range table {
				if ix >= 0 {
					insert(nt, ix, entries[ix].hash)
				}
			}
			table = nt
		}
	}
	keys := make([]Object, 0, len(entries))
	for _, ix := range table {
		if ix >= 0 {
			keys = append(keys, entries[ix].key)
		}
	}
	return keys
}
