package py

import "sync"

// dict methods, the set operations of its views, and reversed iterators.

var (
	DictRevKeyIterType   = newBuiltinType("dict_reversekeyiterator", ObjectType)
	DictRevValueIterType = newBuiltinType("dict_reversevalueiterator", ObjectType)
	DictRevItemIterType  = newBuiltinType("dict_reverseitemiterator", ObjectType)
)

// dictRevIter walks a dict's entries from the newest to the oldest.
type dictRevIter struct {
	mu   sync.Mutex
	d    *Dict // nil when exhausted
	pos  int   // next entry index to look at, counting down
	used int
	tab  *dictTable
	kind int
}

func (it *dictRevIter) Type() *Type {
	return [...]*Type{DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType}[it.kind]
}

func newDictRevIter(d *Dict, kind int) *dictRevIter {
	tab, used, last := d.iterStart()
	return &dictRevIter{d: d, pos: last, used: used, tab: tab, kind: kind}
}

func (it *dictRevIter) next() (Object, error) {
	it.mu.Lock()
	defer it.mu.Unlock()
	d := it.d
	if d == nil {
		return nil, nil
	}
	k, v, npos, status := d.iterStep(it.tab, it.used, it.pos, true)
	switch status {
	case iterSizeChanged:
		it.d = nil
		return nil, NewError(RuntimeErrorType, "dictionary changed size during iteration")
	case iterKeysChanged:
		it.d = nil
		return nil, NewError(RuntimeErrorType, "dictionary keys changed during iteration")
	case iterEnd:
		it.d = nil
		return nil, nil
	}
	it.pos = npos
	switch it.kind {
	case 0:
		return k, nil
	case 1:
		return v, nil
	}
	return NewTuple(k, v), nil
}

func dictSelf(self Object) *Dict {
	if d, ok := self.(*Dict); ok { // the common case, inlined
		return d
	}
	return unwrap(self).(*Dict)
}

// viewAsSet builds the set that a view's set operation starts from.
func viewOperandSet(t *Thread, o Object) (*Set, error) {
	s := NewSet()
	if v, ok := o.(*dictView); ok {
		for _, e := range v.d.Items() {
			var item Object = e.key
			if v.kind == 2 {
				item = NewTuple(e.key, e.value)
			}
			if err := s.d.insertHashed(t, item, e.hash, v.kind); err != nil {
				return nil, err
			}
		}
		return s, nil
	}
	return s, s.update(t, o)
}

// insertHashed adds a key whose hash is already known (keys views); item
// views need the tuple's own hash.
func (d *Dict) insertHashed(t *Thread, key Object, hash int64, kind int) error {
	if kind == 2 {
		return d.SetItem(t, key, None)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.insertLocked(t, key, hash, None)
}

// viewSetOp is keys/items view `a op b`: set(a) op= iterable b.
func viewSetOp(op int) BinaryFunc {
	return func(t *Thread, a, b Object) (Object, error) {
		if op == NbAnd {
			// iterate the other operand and keep what the view contains
			if _, ok := a.(*dictView); !ok {
				a, b = b, a
			}
			view := a.(*dictView)
			out := NewSet()
			items, err := iterItems(t, b)
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				in, err := Contains(t, view, v)
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
		s, err := viewOperandSet(t, a)
		if err != nil {
			return nil, err
		}
		switch op {
		case NbOr:
			items, err := iterItems(t, b)
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				if err := s.add(t, v); err != nil {
					return nil, err
				}
			}
		case NbSub:
			err = setDifferenceUpdate(t, s, b)
		case NbXor:
			err = setSymDiffUpdate(t, s, b)
		}
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

// viewRichCompare compares keys/items views like sets (with any set-like
// view or set on the other side).
func viewRichCompare(t *Thread, a, b Object, op CompareOp) (Object, error) {
	setLike := func(o Object) bool {
		switch o.(type) {
		case *dictView:
			return o.Type() != DictValuesType
		}
		_, ok := unwrap(o).(*Set)
		return ok
	}
	if !setLike(a) || !setLike(b) {
		return NotImplemented, nil
	}
	la, err := Len(t, a)
	if err != nil {
		return nil, err
	}
	lb, err := Len(t, b)
	if err != nil {
		return nil, err
	}
	allIn := func(x, y Object) (bool, error) {
		items, err := ToSlice(t, x)
		if err != nil {
			return false, err
		}
		for _, v := range items {
			in, err := Contains(t, y, v)
			if err != nil || !in {
				return false, err
			}
		}
		return true, nil
	}
	var r bool
	switch op {
	case EQ, NE:
		r = la == lb
		if r {
			r, err = allIn(a, b)
		}
		if op == NE {
			r = !r
		}
	case LT:
		r = la < lb
		if r {
			r, err = allIn(a, b)
		}
	case LE:
		r = la <= lb
		if r {
			r, err = allIn(a, b)
		}
	case GT:
		r = la > lb
		if r {
			r, err = allIn(b, a)
		}
	case GE:
		r = la >= lb
		if r {
			r, err = allIn(b, a)
		}
	}
	return Bool(r), err
}

func init() {
	dt := DictType
	// dict's __contains__ and __getitem__ are METH_O methods in CPython,
	// not slot wrappers, so their argument errors name the type
	// ("dict.__getitem__() takes exactly one argument (0 given)").
	dt.AddMethod("__contains__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		arg, err := collArgO("dict.__contains__", args, kw)
		if err != nil {
			return nil, err
		}
		b, err := DictType.Contains(t, self, arg)
		return Bool(b), err
	})
	dt.AddMethod("__getitem__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		arg, err := collArgO("dict.__getitem__", args, kw)
		if err != nil {
			return nil, err
		}
		return DictType.GetItem(t, self, arg)
	})
	dt.AddMethod("get", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 && len(args) != 2 || len(kw) != 0 { // the check of collArgRange, inlined
			return nil, collArgRange("dict.get", args, kw, 1, 2)
		}
		v, err := dictSelf(self).GetItem(t, args[0])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) == 2 {
				return args[1], nil
			}
			return None, nil
		}
		return v, nil
	})
	dt.AddMethod("setdefault", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 && len(args) != 2 || len(kw) != 0 { // the check of collArgRange, inlined
			return nil, collArgRange("dict.setdefault", args, kw, 1, 2)
		}
		var def Object = None
		if len(args) == 2 {
			def = args[1]
		}
		return dictSelf(self).SetDefault(t, args[0], def)
	})
	dt.AddMethod("pop", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("dict.pop", args, kw, 1, 2); err != nil {
			return nil, err
		}
		v, found, err := dictSelf(self).Pop(t, args[0])
		if err != nil {
			return nil, err
		}
		if !found {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, NewException(KeyErrorType, args[0])
		}
		return v, nil
	})
	dt.AddMethod("popitem", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("dict.popitem", args, kw); err != nil {
			return nil, err
		}
		k, v, ok := dictSelf(self).PopItem(t)
		if !ok {
			return nil, NewException(KeyErrorType, NewStr("popitem(): dictionary is empty"))
		}
		return NewTuple(k, v), nil
	})
	for kind, name := range []string{"keys", "values", "items"} {
		kind := kind
		qual := "dict." + name
		dt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := collArgNone(qual, args, kw); err != nil {
				return nil, err
			}
			return &dictView{d: dictSelf(self), kind: kind}, nil
		})
	}
	dt.AddMethod("update", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return None, dictInitArgs(t, dictSelf(self), args, kw, "update")
	})
	dt.AddMethod("copy", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("dict.copy", args, kw); err != nil {
			return nil, err
		}
		return dictSelf(self).Copy(), nil
	})
	dt.AddMethod("clear", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("dict.clear", args, kw); err != nil {
			return nil, err
		}
		dictSelf(self).Clear()
		return None, nil
	})
	dt.AddClassMethod("fromkeys", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("dict.fromkeys", args, kw, 1, 2); err != nil {
			return nil, err
		}
		var value Object = None
		if len(args) == 2 {
			value = args[1]
		}
		cls, _ := self.(*Type)
		var out Object
		if cls == nil || cls == DictType {
			out = NewDict()
		} else {
			r, err := Call0(t, cls)
			if err != nil {
				return nil, err
			}
			out = r
		}
		d, plain := out.(*Dict)
		return out, Iterate(t, args[0], func(k Object) (bool, error) {
			if plain {
				return true, d.SetItem(t, k, value)
			}
			return true, SetItem(t, out, k, value)
		})
	})
	dt.AddMethod("__reversed__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("dict.__reversed__", args, kw); err != nil {
			return nil, err
		}
		return newDictRevIter(dictSelf(self), 0), nil
	})
	// d |= other takes what update() takes (a mapping or key/value pairs)
	dt.INum[NbOr] = func(t *Thread, a, b Object) (Object, error) {
		return a, dictInitArgs(t, dictSelf(a), []Object{b}, nil, "update")
	}
	dt.AddMethod("__sizeof__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("dict.__sizeof__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Int(48 + 24*dictSelf(self).Len()), nil
	})

	// views
	for kind, vt := range []*Type{DictKeysType, DictValuesType, DictItemsType} {
		kind := kind
		vt.AddMethod("__reversed__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return newDictRevIter(self.(*dictView).d, kind), nil
		})
		vt.AddGetSet("mapping", func(t *Thread, o Object) (Object, error) {
			return &MappingProxy{d: o.(*dictView).d}, nil
		}, nil)
		if vt == DictValuesType {
			continue
		}
		vt.Num[NbAnd] = viewSetOp(NbAnd)
		vt.Num[NbOr] = viewSetOp(NbOr)
		vt.Num[NbSub] = viewSetOp(NbSub)
		vt.Num[NbXor] = viewSetOp(NbXor)
		vt.RichCompare = viewRichCompare
		vt.AddMethod("isdisjoint", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			o, err := collArgO(vt.Name()+".isdisjoint", args, kw)
			if err != nil {
				return nil, err
			}
			items, err := iterItems(t, o)
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				in, err := Contains(t, self, v)
				if err != nil || in {
					return False, err
				}
			}
			return True, nil
		})
	}
	// view.mapping is a mappingproxy: it compares and prints as its dict
	if MappingProxyType.Str == nil {
		MappingProxyType.Str = func(t *Thread, o Object) (Object, error) { return StrOf(t, o.(*MappingProxy).target()) }
	}
	if MappingProxyType.RichCompare == nil {
		MappingProxyType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
			if p, ok := a.(*MappingProxy); ok {
				a = p.target()
			}
			if p, ok := b.(*MappingProxy); ok {
				b = p.target()
			}
			return RichCompare(t, a, b, op)
		}
	}
	// mutable containers, set-like views and the other types CPython
	// gives no hash are unhashable (__hash__ = None, which
	// collections.abc.Hashable looks at)
	for _, ut := range []*Type{ListType, DictType, SetType, DictKeysType, DictItemsType, ByteArrayType, SliceType,
		CellType, MappingProxyType, SimpleNamespaceType, ProxyType, CallableProxyTypeObj, TokenType} {
		ut.Hash = unhashable
		ut.Dict.SetStr("__hash__", None)
	}

	for _, rt := range []*Type{DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType} {
		rt.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
		rt.Next = func(t *Thread, o Object) (Object, error) { return o.(*dictRevIter).next() }
		rt.AddMethod("__length_hint__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			it := self.(*dictRevIter)
			if it.d == nil {
				return Int(0), nil
			}
			return Int(it.d.Len()), nil
		})
		rt.Flags.And(^uint64(FlagBaseType))
		registerType(rt)
	}
}

func unhashable(t *Thread, o Object) (int64, error) {
	return 0, TypeErrorf("unhashable type: '%s'", typeName(o))
}
