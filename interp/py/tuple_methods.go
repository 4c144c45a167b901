package py

func init() {
	TupleType.AddMethod("index", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("tuple.index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		i, err := seqFind(t, unwrap(self).(*Tuple).items, args[0], args)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, ValueErrorf("tuple.index(x): x not in tuple")
		}
		return Int(i), nil
	})
	TupleType.AddMethod("count", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("tuple.count", args, kw)
		if err != nil {
			return nil, err
		}
		n, err := seqCount(t, unwrap(self).(*Tuple).items, v)
		return Int(n), err
	})
	TupleType.AddMethod("__getnewargs__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return NewTuple(NewTuple(unwrap(self).(*Tuple).items...)), nil
	})
}

// The concrete iterator types of the built-in containers (CPython names
// them; type(iter([])).__name__ is list_iterator). They share the
// iterator slots, which dispatch on the Go type.
var (
	ListIterType     = newBuiltinType("list_iterator", ObjectType)
	TupleIterType    = newBuiltinType("tuple_iterator", ObjectType)
	RangeIterType    = newBuiltinType("range_iterator", ObjectType)
	StrIterType      = newBuiltinType("str_iterator", ObjectType)
	StrASCIIIterType = newBuiltinType("str_ascii_iterator", ObjectType)
	CallIterType     = newBuiltinType("callable_iterator", ObjectType)
	DictIterTypes    = [3]*Type{
		newBuiltinType("dict_keyiterator", ObjectType),
		newBuiltinType("dict_valueiterator", ObjectType),
		newBuiltinType("dict_itemiterator", ObjectType),
	}
)

func init() {
	types := []*Type{ListIterType, TupleIterType, RangeIterType, StrIterType, StrASCIIIterType, CallIterType,
		DictIterTypes[0], DictIterTypes[1], DictIterTypes[2]}
	for _, it := range types {
		it.Iter = IteratorType.Iter
		it.Next = IteratorType.Next
		it.Repr = func(t *Thread, o Object) (Object, error) {
			return NewStr("<" + o.Type().Name + " object at " + hexID(o) + ">"), nil
		}
		it.Flags &^= FlagBaseType
	}
	registerType(types...)

	// range: index, count and the start/stop/step attributes
	RangeType.AddMethod("count", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("range.count", args, kw)
		if err != nil {
			return nil, err
		}
		if _, ok := v.(Int); ok {
			in, err := RangeType.Contains(t, self, v)
			if in {
				return Int(1), err
			}
			return Int(0), err
		}
		items, err := ToSlice(t, self)
		if err != nil {
			return nil, err
		}
		n, err := seqCount(t, items, v)
		return Int(n), err
	})
	RangeType.AddMethod("index", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("range.index", args, kw)
		if err != nil {
			return nil, err
		}
		r := self.(*Range)
		if x, ok := v.(Int); ok {
			in, err := RangeType.Contains(t, self, v)
			if err != nil {
				return nil, err
			}
			if in {
				return Int((int64(x) - r.start) / r.step), nil
			}
		} else {
			items, err := ToSlice(t, self)
			if err != nil {
				return nil, err
			}
			i, err := seqFind(t, items, v, nil)
			if err != nil {
				return nil, err
			}
			if i >= 0 {
				return Int(i), nil
			}
		}
		rs, err := ReprString(t, v)
		if err != nil {
			return nil, err
		}
		return nil, ValueErrorf("%s is not in range", rs)
	})
	RangeType.AddGetSet("start", func(t *Thread, o Object) (Object, error) { return Int(o.(*Range).start), nil }, nil)
	RangeType.AddGetSet("stop", func(t *Thread, o Object) (Object, error) { return Int(o.(*Range).stop), nil }, nil)
	RangeType.AddGetSet("step", func(t *Thread, o Object) (Object, error) { return Int(o.(*Range).step), nil }, nil)
}
