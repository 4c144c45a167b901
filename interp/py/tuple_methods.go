package py

import "math/big"

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
		if err := argCount("tuple.__getnewargs__", args, kw, 0, 0); err != nil {
			return nil, err
		}
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

// noInstances makes calling each type a TypeError, as for CPython's
// types without tp_new: iterators and dict views are made only by iter(),
// reversed() and the dict methods (one made by calling its type held no
// state to iterate).
func noInstances(types ...*Type) {
	for _, typ := range types {
		typ.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
			return nil, TypeErrorf("cannot create '%s' instances", typ.FullName())
		}
	}
}

func init() {
	types := []*Type{ListIterType, TupleIterType, RangeIterType, StrIterType, StrASCIIIterType, CallIterType,
		DictIterTypes[0], DictIterTypes[1], DictIterTypes[2]}
	noInstances(append(types, ListRevIterType, BytesIteratorType, ByteArrayIteratorType, SetIterType,
		BigRangeIterType, MemoryIteratorType, ArrayIterType, DictRevKeyIterType, DictRevValueIterType,
		DictRevItemIterType, DictKeysType, DictValuesType, DictItemsType)...)
	for _, it := range types {
		it.Iter = IteratorType.Iter
		it.Next = IteratorType.Next
		it.Repr = func(t *Thread, o Object) (Object, error) {
			return NewStr("<" + o.Type().Name() + " object at " + hexID(o) + ">"), nil
		}
		it.Flags.And(^uint64(FlagBaseType))
	}
	registerType(types...)

	// range: index, count and the start/stop/step attributes
	RangeType.AddMethod("count", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("range.count", args, kw)
		if err != nil {
			return nil, err
		}
		if exactIntOrBool(v) {
			// arithmetic, not iteration: range(10**20).count(1)
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
		if exactIntOrBool(v) {
			in, err := RangeType.Contains(t, self, v)
			if err != nil {
				return nil, err
			}
			if in {
				x, _ := asBig(unwrapInt(v))
				var start, step *big.Int
				switch r := self.(type) {
				case *Range:
					start, step = big.NewInt(r.start), big.NewInt(r.step)
				case *bigRange:
					start, step = r.start, r.step
				}
				i := new(big.Int).Sub(x, start)
				return intFromBig(i.Quo(i, step)), nil
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
	RangeType.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		b := rangeBounds(self)
		return NewTuple(RangeType, NewTuple(b[:]...)), nil
	})
	for i, name := range []string{"start", "stop", "step"} {
		RangeType.AddGetSet(name, func(t *Thread, o Object) (Object, error) { return rangeBounds(o)[i], nil }, nil)
	}
}

// rangeBounds is start, stop and step of a range of either kind.
func rangeBounds(o Object) [3]Object {
	if r, ok := o.(*bigRange); ok {
		return [3]Object{intFromBig(r.start), intFromBig(r.stop), intFromBig(r.step)}
	}
	r := o.(*Range)
	return [3]Object{Int(r.start), Int(r.stop), Int(r.step)}
}

// exactIntOrBool is CPython's PyLong_CheckExact || PyBool_Check: the
// values range finds by arithmetic; others (an int subclass that may
// redefine ==) it compares item by item.
func exactIntOrBool(o Object) bool {
	switch o.(type) {
	case Int, *BigInt, Bool:
		return true
	}
	return false
}
