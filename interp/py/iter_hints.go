package py

// __length_hint__ of the built-in sequence iterators: how many items are
// left (operator.length_hint, list(it) preallocation in CPython). An
// exhausted iterator reports 0.

func init() {
	hint := func(name string, typ *Type, left func(o Object) int64) {
		typ.AddMethod("__length_hint__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 0 {
				return nil, TypeErrorf("%s.__length_hint__() takes no arguments (%d given)", name, len(args))
			}
			return Int(max(left(self), 0)), nil
		})
	}
	hint("list_iterator", ListIterType, func(o Object) int64 {
		it := o.(*listIter)
		if it.done.Load() {
			return 0
		}
		return int64(it.l.Len()) - it.i.Load()
	})
	hint("tuple_iterator", TupleIterType, func(o Object) int64 {
		it := o.(*tupleIter)
		return int64(len(it.t.items)) - it.i.v.Load()
	})
	strLeft := func(o Object) int64 {
		it := o.(*strIter)
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.pos >= len(it.s.s) {
			return 0
		}
		if it.s.ascii {
			return int64(len(it.s.s) - it.pos)
		}
		n := int64(0)
		for rest := it.s.s[it.pos:]; rest != ""; n++ {
			_, size := decodeWTF8(rest)
			rest = rest[size:]
		}
		return n
	}
	hint("str_ascii_iterator", StrASCIIIterType, strLeft)
	hint("str_iterator", StrIterType, strLeft)
	for i, name := range []string{"dict_keyiterator", "dict_valueiterator", "dict_itemiterator"} {
		hint(name, DictIterTypes[i], func(o Object) int64 {
			it := o.(*dictIter)
			it.mu.Lock()
			defer it.mu.Unlock()
			if it.d == nil {
				return 0
			}
			return int64(it.used - it.seen)
		})
	}
	hint("range_iterator", RangeIterType, func(o Object) int64 {
		it := o.(*rangeIter)
		return it.n - it.i.Load()
	})
}
